internal import CZlib

/// A zlib failure: the status and zlib's own message.
struct ZlibError: Error, Sendable {
    var code: Int32
    var message: String
}

/// The one funnel from zlib status codes to Swift errors.
private func check(_ status: Int32, _ stream: borrowing z_stream, _ action: String) throws(ZlibError) {
    guard status == Z_OK || status == Z_STREAM_END else {
        let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw ZlibError(code: status, message: "\(action): \(detail)")
    }
}

/// CRC-32 as ZIP uses it, accumulated over chunks.
struct Checksum {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        var pointer = base.assumingMemoryBound(to: Bytef.self)
        var crc = uLong(value)
        while remaining > 0 {
            let step = min(remaining, Int(Int32.max))
            crc = crc32(crc, pointer, uInt(step))
            pointer += step
            remaining -= step
        }
        value = UInt32(truncatingIfNeeded: crc)
    }

    static func of(_ bytes: [UInt8]) -> UInt32 {
        var checksum = Checksum()
        bytes.withUnsafeBytes { checksum.update($0) }
        return checksum.value
    }
}

/// A raw-deflate decompressor whose stream and buffers are reused from one entry to the next.
final class Inflater {
    private var stream = z_stream()
    private var initialized = false
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipArchive.chunkSize, alignment: 16)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: ZipArchive.chunkSize, alignment: 16)

    deinit {
        if initialized { inflateEnd(&stream) }
        input.deallocate()
        output.deallocate()
    }

    /// Inflates `compressedSize` bytes obtained through `read`, passing each inflated chunk to
    /// `output`; the stream must end exactly where the compressed data does.
    func inflate(
        compressedSize: Int64,
        read: (Int64, UnsafeMutableRawBufferPointer) throws -> Void,
        output deliver: (UnsafeRawBufferPointer) throws -> Void,
        fail: (String) -> SpreadsheetError
    ) throws {
        do {
            if initialized {
                try check(inflateReset(&stream), stream, "resetting the inflater")
            } else {
                try check(czlib_inflate_init2(&stream, -MAX_WBITS), stream, "starting the inflater")
                initialized = true
            }
        } catch {
            throw fail(error.message)
        }
        var consumed: Int64 = 0
        var finished = false
        while !finished {
            if stream.avail_in == 0 {
                guard consumed < compressedSize else {
                    throw fail("its deflate stream ends early; the file is truncated or damaged")
                }
                let count = Int(min(Int64(input.count), compressedSize - consumed))
                let slice = UnsafeMutableRawBufferPointer(rebasing: input[0..<count])
                try read(consumed, slice)
                consumed += Int64(count)
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(count)
            }
            stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(output.count)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            if status == Z_BUF_ERROR && stream.avail_in == 0 && consumed >= compressedSize {
                throw fail("its deflate stream ends early; the file is truncated or damaged")
            }
            if status != Z_BUF_ERROR {
                do { try check(status, stream, "inflating") } catch { throw fail("\(error.message)") }
            }
            let produced = output.count - Int(stream.avail_out)
            if produced > 0 {
                try deliver(UnsafeRawBufferPointer(rebasing: output[0..<produced]))
            }
            finished = status == Z_STREAM_END
        }
        if stream.avail_in != 0 || consumed != compressedSize {
            throw fail("its deflate stream ends before its data does")
        }
    }
}
