internal import CZlib
import Dispatch
import Synchronization

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
        let payload: [UInt8]
        let methodCode: UInt16
        switch method {
        case .stored:
            payload = data
            methodCode = 0
        case .deflated(let level):
            payload = try deflateRaw(data, level: level)
            methodCode = 8
        }
        try addCompressed(
            name,
            payload: payload,
            method: methodCode,
            crc32: Checksum.of(data),
            uncompressedSize: Int64(data.count)
        )
    }

    /// Adds an entry whose bytes are already compressed (copied from another archive unchanged).
    mutating func addCompressed(
        _ name: String,
        payload: [UInt8],
        method methodCode: UInt16,
        crc32 crc: UInt32,
        uncompressedSize: Int64
    ) throws {
        let nameBytes = Array(name.utf8)
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
        body.appendLE(UInt16(0x0800))  // names are UTF-8
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
        directory.appendLE(UInt16(0x0800))
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

/// Compresses bytes as a raw deflate stream (no zlib header), as ZIP stores them.
func deflateRaw(_ data: [UInt8], level: Int32) throws -> [UInt8] {
    // A large entry is deflated in fixed 8 MiB pieces on all cores, each piece but the last
    // ending in a sync flush, so that the pieces join into one valid deflate stream. The piece
    // size is fixed, not the core count, so the bytes are the same on every machine.
    let piece = 8 << 20
    guard data.count > 2 * piece else { return try deflatePiece(data[...], level: level, final: true) }
    let ranges = stride(from: 0, to: data.count, by: piece).map { $0..<min($0 + piece, data.count) }
    let results = Mutex<[Int: Result<[UInt8], any Error>]>([:])
    DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
        let result = Result { try deflatePiece(data[ranges[index]], level: level, final: index == ranges.count - 1) }
        results.withLock { $0[index] = result }
    }
    var output: [UInt8] = []
    output.reserveCapacity(data.count / 3)
    let collected = results.withLock { $0 }
    for index in ranges.indices {
        guard let result = collected[index] else {
            throw SpreadsheetError.io(path: "(archive being written)", reason: "a deflate piece went missing")
        }
        output.append(contentsOf: try result.get())
    }
    return output
}

/// Deflates one piece of an entry: the last with `Z_FINISH`, the others with `Z_SYNC_FLUSH`.
private func deflatePiece(_ data: ArraySlice<UInt8>, level: Int32, final: Bool) throws -> [UInt8] {
    var stream = z_stream()
    guard czlib_deflate_init2(&stream, level, -MAX_WBITS) == Z_OK else {
        throw SpreadsheetError.io(path: "(archive being written)", reason: "zlib could not start deflating")
    }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, uLong(data.count))) + 16
    var status: Int32 = Z_OK
    // The input is read in place and the output is not zero-filled first: for a sheet of a
    // hundred megabytes, that is two fewer passes over memory.
    let output = [UInt8](unsafeUninitializedCapacity: bound) { target, count in
        data.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            stream.next_out = target.baseAddress
            stream.avail_out = uInt(target.count)
            status = deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
        }
        let done = final ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0)
        count = done ? Int(stream.total_out) : 0
    }
    guard final ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0) else {
        throw SpreadsheetError.io(path: "(archive being written)", reason: "zlib deflate failed with status \(status)")
    }
    return output
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
