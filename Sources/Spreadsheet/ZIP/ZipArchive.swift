internal import Synchronization

/// One entry of a ZIP central directory.
struct ZipEntry: Sendable, Hashable {
    /// The name as stored, with backslashes turned into slashes and no leading slash.
    var name: String
    /// The name's bytes exactly as stored, for copying the entry unchanged.
    var storedName: [UInt8] = []
    var method: UInt16
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: Int64
    var uncompressedSize: Int64
    var localHeaderOffset: Int64
    /// Where the entry's data starts, after its local header.
    var dataOffset: Int64 = 0

    var isEncrypted: Bool { flags & 0x0001 != 0 }
    /// The stored name and its UTF-8 flag, for writing the entry into another archive unchanged.
    var stored: (name: [UInt8], utf8: Bool) { (storedName, flags & 0x0800 != 0) }
    var isDirectory: Bool { name.hasSuffix("/") }
}

/// A ZIP container read through its central directory, with every entry checked before use.
///
/// Opening parses the central directory (ZIP64 too) and each local header, and refuses archives
/// whose entries overlap, lie outside the file or exceed ``ReadLimits``. Entries are inflated in
/// chunks and their CRC-32 and size checked as they stream.
///
/// Safe to read from two threads at once: after opening, only the inflated-bytes counter
/// changes, behind a mutex, and each read has its own inflater and positioned reads.
final class ZipArchive: @unchecked Sendable {
    let path: String
    let limits: ReadLimits
    private(set) var entries: [ZipEntry] = []
    private var indexByFoldedName: [String: Int] = [:]
    private let file: FileReader
    /// Bytes inflated so far from this archive, checked against ``ReadLimits/maxTotalSize``;
    /// entries may be read from two threads at once (shared strings beside a sheet).
    private let totalInflated = Locked<Int64>(0)

    static let chunkSize = 1 << 16

    init(path: String, limits: ReadLimits = .default) throws {
        self.path = path
        self.limits = limits
        self.file = try FileReader(path: path)
        try readCentralDirectory()
    }

    /// The entry with a name, compared as OPC does: without regard to ASCII case.
    func entry(named name: String) -> ZipEntry? {
        indexByFoldedName[Self.fold(name)].map { entries[$0] }
    }

    static func fold(_ name: String) -> String {
        var folded = name.lowercased()
        if folded.hasPrefix("/") { folded.removeFirst() }
        return folded
    }

    // MARK: Central directory

    private func corrupt(_ reason: String, entry: String? = nil) -> SpreadsheetError {
        .corruptArchive(path: path, entry: entry, reason: reason)
    }

    private func readCentralDirectory() throws {
        let fileSize = file.size
        guard fileSize >= 22 else {
            throw corrupt("too short to be a ZIP archive (\(fileSize) bytes); the file is truncated")
        }
        // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
        let tailLength = Int(min(fileSize, 22 + 65_535))
        let tailStart = fileSize - Int64(tailLength)
        let tail = try file.bytes(at: tailStart, count: tailLength, what: "the end of the archive")
        // The real record is the one whose comment ends the file; a signature inside a comment is
        // not. With trailing bytes after the comment, the last signature found is used.
        var endOffset = -1
        var fallback = -1
        var position = tailLength - 22
        while position >= 0 {
            if tail[position] == 0x50, tail[position + 1] == 0x4B, tail[position + 2] == 0x05,
                tail[position + 3] == 0x06
            {
                if fallback < 0 { fallback = position }
                // Consistent: its comment ends the file and its directory ends where it starts
                // (or it defers to a ZIP64 record).
                let size = Int64(tail.uint32(at: position + 12))
                let offset = Int64(tail.uint32(at: position + 16))
                let directoryFits =
                    offset + size == tailStart + Int64(position) || offset == 0xFFFF_FFFF || size == 0xFFFF_FFFF
                if position + 22 + Int(tail.uint16(at: position + 20)) == tailLength, directoryFits {
                    endOffset = position
                    break
                }
            }
            position -= 1
        }
        if endOffset < 0 { endOffset = fallback }
        guard endOffset >= 0 else {
            throw corrupt("no ZIP end-of-central-directory record; the file is truncated or not a ZIP archive")
        }
        let disk = tail.uint16(at: endOffset + 4)
        let directoryDisk = tail.uint16(at: endOffset + 6)
        var entryCount = Int64(tail.uint16(at: endOffset + 10))
        var directorySize = Int64(tail.uint32(at: endOffset + 12))
        var directoryOffset = Int64(tail.uint32(at: endOffset + 16))

        let endRecordPosition = tailStart + Int64(endOffset)
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator (20 bytes) just before the end record points at the ZIP64 end record.
            guard endRecordPosition >= 20 else { throw corrupt("ZIP64 locator missing") }
            let locator = try file.bytes(at: endRecordPosition - 20, count: 20, what: "the ZIP64 locator")
            guard locator.uint32(at: 0) == 0x0706_4B50 else { throw corrupt("ZIP64 locator missing") }
            let record64Offset = Int64(bitPattern: locator.uint64(at: 8))
            let record64 = try file.bytes(at: record64Offset, count: 56, what: "the ZIP64 end record")
            guard record64.uint32(at: 0) == 0x0606_4B50 else { throw corrupt("ZIP64 end record missing") }
            entryCount = Int64(bitPattern: record64.uint64(at: 32))
            directorySize = Int64(bitPattern: record64.uint64(at: 40))
            directoryOffset = Int64(bitPattern: record64.uint64(at: 48))
        } else if disk != 0 || directoryDisk != 0 {
            throw corrupt("the archive spans several disks, which workbooks never do")
        }
        guard entryCount >= 0, entryCount <= Int64(limits.maxEntries) else {
            throw SpreadsheetError.limitExceeded(
                path: path,
                entry: nil,
                reason: "the archive lists \(entryCount) entries, more than the limit of \(limits.maxEntries)",
                setting: .maxEntries
            )
        }
        guard directoryOffset >= 0, directorySize >= 0, directoryOffset + directorySize <= endRecordPosition
        else {
            throw corrupt("the central directory lies outside the file; the file is truncated")
        }
        guard directorySize <= Int64(entryCount) * (46 + 3 * 65_535) else {
            throw corrupt("the central directory is larger than its \(entryCount) entries can be")
        }
        let directory = try file.bytes(at: directoryOffset, count: Int(directorySize), what: "the central directory")
        try parseEntries(directory, count: Int(entryCount))
        try locateData(directoryOffset: directoryOffset)
    }

    private func parseEntries(_ directory: [UInt8], count: Int) throws {
        var offset = 0
        entries.reserveCapacity(count)
        for number in 0..<count {
            guard offset + 46 <= directory.count, directory.uint32(at: offset) == 0x0201_4B50 else {
                throw corrupt("central directory entry \(number + 1) of \(count) is damaged")
            }
            let flags = directory.uint16(at: offset + 8)
            let method = directory.uint16(at: offset + 10)
            let crc = directory.uint32(at: offset + 16)
            var compressed = Int64(directory.uint32(at: offset + 20))
            var uncompressed = Int64(directory.uint32(at: offset + 24))
            let nameLength = Int(directory.uint16(at: offset + 28))
            let extraLength = Int(directory.uint16(at: offset + 30))
            let commentLength = Int(directory.uint16(at: offset + 32))
            var localOffset = Int64(directory.uint32(at: offset + 42))
            let nameStart = offset + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directory.count else {
                throw corrupt("central directory entry \(number + 1) of \(count) runs past the directory")
            }
            let rawName = directory[nameStart..<extraStart]
            var name = String(decoding: rawName, as: UTF8.self).replacing("\\", with: "/")
            while name.hasPrefix("/") { name.removeFirst() }

            // ZIP64 extended information: the 64-bit values of fields set to all ones, in order.
            var extra = extraStart
            while extra + 4 <= extraStart + extraLength {
                let tag = directory.uint16(at: extra)
                let size = Int(directory.uint16(at: extra + 2))
                let body = extra + 4
                guard body + size <= extraStart + extraLength else { break }
                if tag == 0x0001 {
                    var field = body
                    func take() -> Int64? {
                        guard field + 8 <= body + size else { return nil }
                        defer { field += 8 }
                        return Int64(bitPattern: directory.uint64(at: field))
                    }
                    if uncompressed == 0xFFFF_FFFF { uncompressed = take() ?? -1 }
                    if compressed == 0xFFFF_FFFF { compressed = take() ?? -1 }
                    if localOffset == 0xFFFF_FFFF { localOffset = take() ?? -1 }
                }
                extra = body + size
            }
            guard compressed >= 0, uncompressed >= 0, localOffset >= 0 else {
                throw corrupt("its ZIP64 sizes are missing or negative", entry: name)
            }
            let entry = ZipEntry(
                name: name,
                storedName: Array(rawName),
                method: method,
                flags: flags,
                crc32: crc,
                compressedSize: compressed,
                uncompressedSize: uncompressed,
                localHeaderOffset: localOffset
            )
            let folded = Self.fold(name)
            if indexByFoldedName[folded] != nil {
                throw corrupt("the archive holds two entries named \(name); a workbook never does", entry: name)
            }
            indexByFoldedName[folded] = entries.count
            entries.append(entry)
            offset = next
        }
    }

    /// Reads each local header to find where the data starts, and checks that no two entries
    /// share bytes (the trick of overlapping zip bombs) and that all lie before the directory.
    private func locateData(directoryOffset: Int64) throws {
        var header = [UInt8](repeating: 0, count: 30)
        for index in entries.indices {
            let entry = entries[index]
            guard entry.localHeaderOffset + 30 <= directoryOffset else {
                throw corrupt("its local header lies outside the archive's data", entry: entry.name)
            }
            try header.withUnsafeMutableBytes { buffer in
                try file.read(at: entry.localHeaderOffset, into: buffer, what: "the local header of \(entry.name)")
            }
            guard header.uint32(at: 0) == 0x0403_4B50 else {
                throw corrupt("its local header is missing or damaged", entry: entry.name)
            }
            let dataOffset =
                entry.localHeaderOffset + 30 + Int64(header.uint16(at: 26)) + Int64(header.uint16(at: 28))
            guard dataOffset + entry.compressedSize <= directoryOffset else {
                throw corrupt(
                    "its data runs past the end of the archive's data; the file is truncated",
                    entry: entry.name
                )
            }
            entries[index].dataOffset = dataOffset
        }
        let order = entries.indices.sorted { entries[$0].localHeaderOffset < entries[$1].localHeaderOffset }
        for (current, next) in zip(order, order.dropFirst()) {
            let end = entries[current].dataOffset + entries[current].compressedSize
            if end > entries[next].localHeaderOffset {
                throw corrupt(
                    "its data overlaps the entry \(entries[next].name), as in a zip bomb",
                    entry: entries[current].name
                )
            }
        }
    }

    // MARK: Reading entries

    /// Streams an entry's inflated bytes to `body` in chunks, checking limits, size and CRC-32.
    ///
    /// The buffer passed to `body` is valid only during the call.
    func stream(_ entry: ZipEntry, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if entry.isEncrypted { throw SpreadsheetError.passwordProtected(path: path) }
        guard entry.method == 0 || entry.method == 8 else {
            throw corrupt(
                "it uses ZIP compression method \(entry.method), which workbooks do not use (only stored and deflate)",
                entry: entry.name
            )
        }
        try checkDeclaredSize(entry)
        var checksum = Checksum()
        var produced: Int64 = 0
        let accept = { (chunk: UnsafeRawBufferPointer) throws -> Void in
            produced += Int64(chunk.count)
            if produced > entry.uncompressedSize {
                throw SpreadsheetError.limitExceeded(
                    path: self.path,
                    entry: entry.name,
                    reason: "it inflates to more than the \(entry.uncompressedSize) bytes its header declares"
                )
            }
            checksum.update(chunk)
            try body(chunk)
        }
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else {
                throw corrupt("a stored entry whose sizes disagree", entry: entry.name)
            }
            try readRaw(entry, accept)
        } else {
            try Inflater().inflate(
                compressedSize: entry.compressedSize,
                read: { (offset, buffer) throws in
                    try self.file.read(at: entry.dataOffset + offset, into: buffer, what: "the data of \(entry.name)")
                },
                output: accept,
                fail: { reason in self.corrupt(reason, entry: entry.name) }
            )
        }
        guard produced == entry.uncompressedSize else {
            throw corrupt(
                "it inflates to \(produced) bytes but its header declares \(entry.uncompressedSize)",
                entry: entry.name
            )
        }
        guard checksum.value == entry.crc32 else {
            throw corrupt(
                "CRC-32 mismatch (stored \(hex(entry.crc32)), computed \(hex(checksum.value)))",
                entry: entry.name
            )
        }
    }

    /// Reads an entry whole; for small parts (content types, relationships, the workbook).
    func data(_ entry: ZipEntry) throws -> [UInt8] {
        var result: [UInt8] = []
        // Room for the declared size, but never more than the compressed bytes could honestly
        // inflate to, nor 256 MiB: a forged header must not reserve memory by itself.
        let (ratioBound, overflow) = max(entry.compressedSize, 1).multipliedReportingOverflow(
            by: limits.maxCompressionRatio
        )
        let plausible = min(entry.uncompressedSize, overflow ? Int64.max : ratioBound, 1 << 28)
        result.reserveCapacity(Int(max(0, plausible)))
        try stream(entry) { chunk in result.append(contentsOf: chunk) }
        return result
    }

    private func checkDeclaredSize(_ entry: ZipEntry) throws {
        if entry.uncompressedSize > limits.maxEntrySize {
            throw SpreadsheetError.limitExceeded(
                path: path,
                entry: entry.name,
                reason:
                    "it declares \(entry.uncompressedSize) bytes inflated, more than the limit of \(limits.maxEntrySize)",
                setting: .maxEntrySize
            )
        }
        if entry.uncompressedSize > limits.ratioThreshold,
            entry.uncompressedSize > limits.maxCompressionRatio * max(entry.compressedSize, 1)
        {
            let ratio = entry.uncompressedSize / max(entry.compressedSize, 1)
            throw SpreadsheetError.limitExceeded(
                path: path,
                entry: entry.name,
                reason:
                    "it inflates \(ratio) times (\(entry.compressedSize) to \(entry.uncompressedSize) bytes), more than the limit of \(limits.maxCompressionRatio), as a zip bomb does",
                setting: .maxCompressionRatio
            )
        }
        let total = totalInflated.withLock { total in
            total += entry.uncompressedSize
            return total
        }
        if total > limits.maxTotalSize {
            throw SpreadsheetError.limitExceeded(
                path: path,
                entry: entry.name,
                reason:
                    "the entries read so far inflate to \(total) bytes, more than the limit of \(limits.maxTotalSize)",
                setting: .maxTotalSize
            )
        }
    }

    /// An entry's compressed bytes as they are stored, for copying into another archive.
    func rawData(_ entry: ZipEntry) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Int(min(entry.compressedSize, 1 << 26)))
        try readRaw(entry) { chunk in result.append(contentsOf: chunk) }
        return result
    }

    private func readRaw(_ entry: ZipEntry, _ accept: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: Int64 = 0
        while offset < entry.compressedSize {
            let count = Int(min(Int64(Self.chunkSize), entry.compressedSize - offset))
            let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
            try file.read(at: entry.dataOffset + offset, into: slice, what: "the data of \(entry.name)")
            try accept(UnsafeRawBufferPointer(slice))
            offset += Int64(count)
        }
    }
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
