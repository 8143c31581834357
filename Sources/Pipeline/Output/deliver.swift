import Spreadsheet

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Writes finished output to its destination (atomically for a file).
///
/// The bytes are complete, so they go straight to the destination, not through a spool.
func deliver(_ bytes: [UInt8], to destination: OutputDestination) throws {
    try destination.write { descriptor, name in
        try bytes.withUnsafeBytes { try writeAll(descriptor, $0, path: name) }
    }
}

/// Builds a new workbook for `path`, naming the file when the writer refuses the data.
///
/// - Throws: ``PipelineError/invalidOutput(path:reason:)`` for an `XLSXWriteError`; anything
///   else as `body` throws it.
func rendering(_ path: String, _ body: () throws -> [UInt8]) throws -> [UInt8] {
    do {
        return try body()
    } catch let error as XLSXWriteError {
        throw PipelineError.invalidOutput(path: path, reason: error.description)
    }
}

/// Writes finished output to a file, atomically.
func deliver(_ bytes: [UInt8], toFile path: String) throws {
    try deliver(bytes, to: .file(path))
}

/// Checks that a file can be created at `path`: its folder exists and may be written to.
///
/// Commands that write several files check them all first.
func checkCanCreate(_ path: String) throws {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    guard access(directory.isEmpty ? "/" : directory, W_OK | X_OK) == 0 else {
        throw PipelineError.cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
    }
}

/// Writes a file by way of a temporary file in the same folder and a rename, so readers never
/// see it half written; the temporary file is removed on failure.
func writeAtomically(path: String, _ body: (Int32) throws -> Void) throws {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array("\(directory.isEmpty ? "/" : directory)/.\(name).quire-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else {
        throw PipelineError.cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
    }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var open = true
    do {
        try body(descriptor)
        let synced = fsync(descriptor) == 0
        open = false
        guard close(descriptor) == 0, synced else {
            throw PipelineError.io(path: path, reason: String(cString: strerror(errno)))
        }
        _ = chmod(temporary, 0o644)
        guard rename(temporary, path) == 0 else {
            throw PipelineError.cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
        }
    } catch {
        if open { close(descriptor) }
        unlink(temporary)
        throw error
    }
}

func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            throw PipelineError.io(path: path, reason: String(cString: strerror(errno)))
        }
        offset += written
    }
}

/// Whether two paths name the same file: the same text, or the same file reached another way
/// (links, `./`, a second hard link), so that an output never replaces its input.
func sameFile(_ first: String, _ second: String) -> Bool {
    var firstInfo = stat()
    var secondInfo = stat()
    return first == second
        || (stat(first, &firstInfo) == 0 && stat(second, &secondInfo) == 0
            && firstInfo.st_dev == secondInfo.st_dev && firstInfo.st_ino == secondInfo.st_ino)
}
