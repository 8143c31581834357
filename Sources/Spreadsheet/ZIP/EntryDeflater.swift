internal import CZlib
import Dispatch
import Synchronization

/// Deflates one ZIP entry's bytes while they are still being produced.
///
/// The bytes are cut into fixed 8 MiB pieces. Each full piece is deflated (and its CRC-32 taken)
/// on another core while the caller goes on producing the next, ending in a sync flush so that
/// the pieces join into one valid deflate stream; the last piece, full, partial or empty, ends
/// the stream. The piece size is fixed, not the core count, and pieces are joined in order, so
/// the bytes are the same on every machine and however the caller splits its writes; an entry
/// added whole (`ZipWriter.add`) goes through the same path and gives the same bytes.
///
/// At most a few pieces are in flight at once, so memory stays bounded whatever the entry's size:
/// a producer faster than the deflaters waits for one to finish.
final class EntryDeflater: @unchecked Sendable {
    /// One compressed piece and the CRC-32 of its input.
    private struct Piece: Sendable {
        var payload: [UInt8]
        var crc: UInt32
        var count: Int
    }

    /// The uncompressed size of every piece but the last.
    static let pieceSize = 1 << 20
    /// How many full pieces may wait or be deflated at once: enough to keep a few cores busy,
    /// few enough that an entry of any size holds at most about 40 MiB.
    static let inFlight = 4

    private let level: Int32
    private var current: [UInt8]
    private var dispatched = 0
    private var total: Int64 = 0
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let results = Locked<[Int: Result<Piece, ZlibError>]>([:])
    /// Emptied piece buffers, handed back by the deflaters for the next piece (fewer page faults).
    private let spare = Locked<[[UInt8]]>([])

    /// Starts an entry deflated at a zlib level (1 fastest … 9 smallest).
    init(level: Int32) {
        self.level = level
        current = []
        current.reserveCapacity(Self.pieceSize)
        slots = DispatchSemaphore(value: Self.inFlight)
    }

    /// Appends bytes to the entry.
    func write(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let room = Self.pieceSize - current.count
            let take = min(room, rest.count)
            current.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            if current.count == Self.pieceSize { dispatchCurrent() }
        }
    }

    /// Appends bytes to the entry.
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Deflates the full piece on another core and starts the next.
    private func dispatchCurrent() {
        let piece = current
        let index = dispatched
        let level = level
        dispatched += 1
        current = spare.withLock { $0.popLast() } ?? []
        current.reserveCapacity(Self.pieceSize)
        slots.wait()
        DispatchQueue.global().async(group: group) { [self] in
            let result = Result { () throws(ZlibError) -> Piece in
                try Self.deflate(piece, level: level, final: false)
            }
            results.withLock { $0[index] = result }
            var emptied = piece
            emptied.removeAll(keepingCapacity: true)
            spare.withLock { $0.append(emptied) }
            slots.signal()
        }
    }

    /// Ends the entry: deflates the last piece here, waits for the others and joins them.
    ///
    /// - Returns: the compressed bytes, the CRC-32 of the uncompressed bytes and their count.
    func finish() throws(ZlibError) -> (payload: [UInt8], crc32: UInt32, size: Int64) {
        let last = try Self.deflate(current, level: level, final: true)
        current = []
        group.wait()
        let collected = results.withLock { $0 }
        var payload: [UInt8] = []
        var crc = uLong(0)
        var size: Int64 = 0
        var pieces: [Piece] = []
        pieces.reserveCapacity(dispatched + 1)
        for index in 0..<dispatched {
            guard let result = collected[index] else {
                throw ZlibError(code: Z_STREAM_ERROR, message: "a deflated piece went missing")
            }
            pieces.append(try result.get())
        }
        pieces.append(last)
        payload.reserveCapacity(pieces.reduce(0) { $0 + $1.payload.count })
        for piece in pieces {
            payload.append(contentsOf: piece.payload)
            crc = crc32_combine(crc, uLong(piece.crc), off_t(piece.count))
            size += Int64(piece.count)
        }
        return (payload, UInt32(truncatingIfNeeded: crc), size)
    }

    /// Deflates one piece: the last with `Z_FINISH`, the others with `Z_SYNC_FLUSH`.
    private static func deflate(_ data: [UInt8], level: Int32, final: Bool) throws(ZlibError) -> Piece {
        var stream = z_stream()
        guard czlib_deflate_init2(&stream, level, -MAX_WBITS) == Z_OK else {
            throw ZlibError(code: Z_STREAM_ERROR, message: "zlib could not start deflating")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count))) + 16
        var status: Int32 = Z_OK
        var crc: UInt32 = 0
        // The input is read in place and the output is not zero-filled first.
        let output = [UInt8](unsafeUninitializedCapacity: bound) { target, count in
            data.withUnsafeBufferPointer { source in
                crc = UInt32(truncatingIfNeeded: crc32(0, source.baseAddress, uInt(source.count)))
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                status = CZlib.deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
            }
            let done = final ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0)
            count = done ? Int(stream.total_out) : 0
        }
        guard final ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0) else {
            throw ZlibError(code: status, message: "zlib deflate failed with status \(status)")
        }
        return Piece(payload: output, crc: crc, count: data.count)
    }
}
