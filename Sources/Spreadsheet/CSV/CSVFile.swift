#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A CSV file opened for positioned reads; closed when the last reference goes.
///
/// Unlike the ZIP reader's file, a short read here is normal: it means the end of the file.
final class CSVFile {
    let path: String
    /// The file's size when opened, for regular files; `nil` for pipes and devices.
    let size: Int64?
    private let descriptor: Int32

    /// Opens a file for reading; `fileNotFound` or `io` when it cannot be.
    init(path: String) throws(SpreadsheetError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .fileNotFound(path: path) }
            throw .io(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .io(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            throw .io(path: path, reason: "not a regular file")
        }
        self.descriptor = descriptor
        self.size = (info.st_mode & S_IFMT) == S_IFREG ? Int64(info.st_size) : nil
    }

    deinit { close(descriptor) }

    /// Reads at `offset` until `buffer` is full or the file ends; returns the number of bytes read.
    func read(at offset: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>) throws(SpreadsheetError) -> Int {
        guard let base = UnsafeMutableRawPointer(buffer.baseAddress) else { return 0 }
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, base + done, buffer.count - done, off_t(offset + Int64(done)))
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Reads up to `count` bytes at `offset` into a new array, shorter when the file ends first.
    func bytes(at offset: Int64, upTo count: Int) throws(SpreadsheetError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        let read = try result.withUnsafeMutableBufferPointer { (buffer) throws(SpreadsheetError) in
            try self.read(at: offset, into: buffer)
        }
        result.removeLast(count - read)
        return result
    }
}
