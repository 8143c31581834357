#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A read-only file opened for positioned reads; closed when the last reference goes.
final class FileReader {
    let path: String
    let size: Int64
    private let descriptor: Int32

    /// Opens a file for reading; `fileNotFound` or `io` when it cannot be.
    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw SpreadsheetError.fileNotFound(path: path) }
            throw SpreadsheetError.io(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw SpreadsheetError.io(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw SpreadsheetError.io(path: path, reason: "not a regular file")
        }
        self.descriptor = descriptor
        self.size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads exactly `buffer.count` bytes at `offset`, or throws naming what was being read.
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer, what: @autoclosure () -> String)
        throws
    {
        var done = 0
        while done < buffer.count {
            let count = pread(
                descriptor,
                buffer.baseAddress.map { $0 + done },
                buffer.count - done,
                off_t(offset + Int64(done))
            )
            if count < 0 {
                if errno == EINTR { continue }
                throw SpreadsheetError.io(path: path, reason: "\(what()): \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                throw SpreadsheetError.corruptArchive(
                    path: path,
                    entry: nil,
                    reason: "\(what()) runs past the end of the file"
                )
            }
            done += count
        }
    }

    /// Reads `count` bytes at `offset` into a new array.
    func bytes(at offset: Int64, count: Int, what: @autoclosure () -> String) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset + Int64(count) <= size else {
            throw SpreadsheetError.corruptArchive(path: path, entry: nil, reason: "\(what()) lies outside the file")
        }
        var result = [UInt8](repeating: 0, count: count)
        try result.withUnsafeMutableBytes { buffer in
            try read(at: offset, into: buffer, what: what())
        }
        return result
    }
}

/// Little-endian field access on a byte array, bounds-checked by the caller.
extension Array where Element == UInt8 {
    func uint16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }

    func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}

/// A whole file's bytes, read to its end (a pipe too), or nil when it cannot be opened or read
/// (no such file, a folder, no permission).
///
/// The one place the stages read a small file whole. Not `FileManager.contents(atPath:)`, which
/// leaks its buffer when the file is empty (found by fuzzing).
public func readWholeFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if count == 0 { return bytes }
        bytes.append(contentsOf: chunk[..<count])
    }
}
