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

/// Writes a file so that it appears whole or not at all, even if the process is killed: readers
/// never see it half written, and the previous file stays until the new one replaces it.
///
/// On Linux the bytes go to an unnamed file in the destination's folder (`O_TMPFILE`), which the
/// kernel removes if the process dies; once complete and synced it is linked to the destination
/// (or, to replace a file, to a hidden name and renamed over it, so that the only name a killed
/// write can leave behind holds a whole file). Elsewhere, or on file systems without unnamed
/// files, a temporary file `.NAME.quire-XXXXXX` beside the destination is renamed over it; a
/// failure removes it.
func writeAtomically(path: String, _ body: (Int32) throws -> Void) throws {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let folder = directory.isEmpty ? "/" : directory
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    #if os(Linux)
        if let descriptor = try openUnnamed(in: folder, for: path) {
            try writeUnnamed(descriptor, path: path, folder: folder, name: name, body)
            return
        }
    #endif
    var template = Array("\(folder)/.\(name).quire-XXXXXX".utf8CString)
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

#if os(Linux)
    /// `O_TMPFILE` (with the `O_DIRECTORY` it includes), which Glibc's module does not export.
    private let openUnnamedFlag: Int32 = 0o20_200_000

    /// An unnamed file in `folder`, or nil where the kernel or file system has none (or `/proc`,
    /// needed to give it a name, is not mounted).
    private func openUnnamed(in folder: String, for path: String) throws -> Int32? {
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let descriptor = open(folder, openUnnamedFlag | O_WRONLY | O_CLOEXEC, mode_t(0o644))
        if descriptor >= 0 { return descriptor }
        switch errno {
        case EOPNOTSUPP, EISDIR, EINVAL: return nil
        default: throw PipelineError.cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func writeUnnamed(
        _ descriptor: Int32,
        path: String,
        folder: String,
        name: String,
        _ body: (Int32) throws -> Void
    ) throws {
        defer { close(descriptor) }
        try body(descriptor)
        guard fsync(descriptor) == 0, fchmod(descriptor, 0o644) == 0 else {
            throw PipelineError.io(path: path, reason: String(cString: strerror(errno)))
        }
        let source = "/proc/self/fd/\(descriptor)"
        if linkat(AT_FDCWD, source, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return }
        guard errno == EEXIST else {
            throw PipelineError.cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
        }
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters[Int(generator.next(upperBound: UInt(letters.count)))] })
            let temporary = "\(folder)/.\(name).quire-\(suffix)"
            guard linkat(AT_FDCWD, source, AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                if errno == EEXIST { continue }
                throw PipelineError.cannotCreateOutput(path: path, reason: String(cString: strerror(errno)))
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw PipelineError.cannotCreateOutput(path: path, reason: reason)
            }
            return
        }
        throw PipelineError.cannotCreateOutput(path: path, reason: "no free temporary name beside it")
    }
#endif

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
