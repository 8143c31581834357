/// Builds a ZIP archive in memory: entries stored or deflated, in the order added, with a fixed
/// timestamp so that the same entries always give the same bytes.
///
/// Used to write workbooks; entries and archives over 4 GiB (ZIP64) are not written.
public struct ZipWriter: Sendable {
    /// How an entry's bytes are kept.
    public enum Method: Sendable {
        case stored
        case deflated(level: Int32)
        public static let deflated = Method.deflated(level: 6)
    }

    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    /// 1980-01-01 00:00, the earliest DOS date: deterministic output.
    private let dosTime: UInt16 = 0
    private let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Makes an empty archive.
    public init() {}

    /// Adds an entry; names use `/` between folders.
    public mutating func add(_ name: String, _ data: [UInt8], method: Method = .deflated) throws {
        switch method {
        case .stored:
            try addCompressed(
                name,
                payload: data,
                method: 0,
                crc32: Checksum.of(data),
                uncompressedSize: Int64(data.count)
            )
        case .deflated(let level):
            let deflater = EntryDeflater(level: level)
            deflater.write(data)
            try add(name, finishing: deflater)
        }
    }

    /// Adds a deflated entry whose bytes were written into `deflater` as they were produced;
    /// `stored` gives the name's bytes as another archive stored them (see `addCompressed`).
    mutating func add(
        _ name: String,
        finishing deflater: EntryDeflater,
        stored: (name: [UInt8], utf8: Bool)? = nil
    ) throws {
        let deflated: (payload: [UInt8], crc32: UInt32, size: Int64)
        do {
            deflated = try deflater.finish()
        } catch {
            throw SpreadsheetError.io(path: "(archive being written)", reason: "\(name): \(error.message)")
        }
        try addCompressed(
            name,
            payload: deflated.payload,
            method: 8,
            crc32: deflated.crc32,
            uncompressedSize: deflated.size,
            stored: stored
        )
    }

    /// Adds an entry whose bytes are already compressed (copied from another archive unchanged).
    ///
    /// `stored` keeps a copied entry's name exactly as the other archive stored it: its bytes
    /// (backslashes and all) and whether they are flagged as UTF-8; by default the name is
    /// written as UTF-8 and flagged so.
    mutating func addCompressed(
        _ name: String,
        payload: [UInt8],
        method methodCode: UInt16,
        crc32 crc: UInt32,
        uncompressedSize: Int64,
        stored: (name: [UInt8], utf8: Bool)? = nil
    ) throws {
        let nameBytes = stored?.name ?? Array(name.utf8)
        let flags: UInt16 = stored?.utf8 == false ? 0 : 0x0800
        guard body.count < 0xFFFF_FFFF, payload.count < 0xFFFF_FFFF, uncompressedSize < 0xFFFF_FFFF else {
            throw SpreadsheetError.limitExceeded(
                path: "(archive being written)",
                entry: name,
                reason: "entries over 4 GiB are not written"
            )
        }
        let offset = UInt32(body.count)
        // Local header.
        body.appendLE(UInt32(0x0403_4B50))
        body.appendLE(UInt16(20))
        body.appendLE(flags)
        body.appendLE(methodCode)
        body.appendLE(dosTime)
        body.appendLE(dosDate)
        body.appendLE(crc)
        body.appendLE(UInt32(payload.count))
        body.appendLE(UInt32(uncompressedSize))
        body.appendLE(UInt16(nameBytes.count))
        body.appendLE(UInt16(0))
        body.append(contentsOf: nameBytes)
        body.append(contentsOf: payload)
        // Central directory entry.
        directory.appendLE(UInt32(0x0201_4B50))
        directory.appendLE(UInt16(20))
        directory.appendLE(UInt16(20))
        directory.appendLE(flags)
        directory.appendLE(methodCode)
        directory.appendLE(dosTime)
        directory.appendLE(dosDate)
        directory.appendLE(crc)
        directory.appendLE(UInt32(payload.count))
        directory.appendLE(UInt32(uncompressedSize))
        directory.appendLE(UInt16(nameBytes.count))
        directory.appendLE(UInt16(0))  // extra
        directory.appendLE(UInt16(0))  // comment
        directory.appendLE(UInt16(0))  // disk
        directory.appendLE(UInt16(0))  // internal attributes
        directory.appendLE(UInt32(0))  // external attributes
        directory.appendLE(offset)
        directory.append(contentsOf: nameBytes)
        count += 1
    }

    /// The finished archive's bytes.
    public func finish() -> [UInt8] {
        var archive = body
        let directoryOffset = UInt32(archive.count)
        archive.append(contentsOf: directory)
        archive.appendLE(UInt32(0x0605_4B50))
        archive.appendLE(UInt16(0))
        archive.appendLE(UInt16(0))
        archive.appendLE(UInt16(count))
        archive.appendLE(UInt16(count))
        archive.appendLE(UInt32(directory.count))
        archive.appendLE(directoryOffset)
        archive.appendLE(UInt16(0))
        return archive
    }
}

extension Array where Element == UInt8 {
    mutating func appendLE(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
