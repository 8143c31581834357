#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Where a command's output goes once it is complete.
public enum OutputDestination: Sendable, Hashable {
    /// Standard output.
    case standardOutput
    /// A file, written to a temporary name beside it and renamed into place.
    case file(String)
}

/// Output that is held until the command has succeeded, so that a failure never leaves a partly
/// written result: kept in memory up to a threshold, then in an unlinked temporary file.
final class Spool {
    private var memory: [UInt8] = []
    private var spillDescriptor: Int32 = -1
    private let threshold: Int
    private(set) var count = 0

    init(threshold: Int = 1 << 20) {
        self.threshold = threshold
        memory.reserveCapacity(1 << 16)
    }

    deinit {
        if spillDescriptor >= 0 { close(spillDescriptor) }
    }

    /// Appends bytes from a buffer.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        memory.append(contentsOf: bytes)
        count += bytes.count
        if memory.count >= threshold { try spill() }
    }

    private func spill() throws {
        if spillDescriptor < 0 {
            let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
            var template = Array("\(directory)/quire-spool-XXXXXX".utf8CString)
            let descriptor = mkstemp(&template)
            guard descriptor >= 0 else {
                throw PipelineError.cannotCreateOutput(
                    path: directory,
                    reason: "cannot create a temporary file: \(String(cString: strerror(errno)))"
                )
            }
            unlink(template)
            spillDescriptor = descriptor
        }
        try memory.withUnsafeBytes { try writeAll(spillDescriptor, $0, path: "temporary spool file") }
        memory.removeAll(keepingCapacity: true)
    }

    /// Passes everything spooled, in order and in pieces, to `body`.
    func readBack(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if spillDescriptor >= 0 {
            var offset: off_t = 0
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let count = pread(spillDescriptor, buffer.baseAddress, buffer.count, offset)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else {
                    throw PipelineError.io(path: "temporary spool file", reason: String(cString: strerror(errno)))
                }
                if count == 0 { break }
                try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                offset += off_t(count)
            }
        }
        try memory.withUnsafeBytes { try body($0) }
    }

    /// Copies everything spooled, in order, to a file descriptor.
    func copy(to descriptor: Int32, path: String) throws {
        try readBack { try writeAll(descriptor, $0, path: path) }
    }

    /// Writes the spooled output to its destination; a file appears whole or not at all.
    func deliver(to destination: OutputDestination) throws {
        try destination.write { descriptor, name in try copy(to: descriptor, path: name) }
    }
}

extension OutputDestination {
    /// Runs `body` with a descriptor to write to and its name for messages: standard output, or
    /// a temporary file that is renamed to the destination once `body` returns.
    func write(_ body: (_ descriptor: Int32, _ name: String) throws -> Void) throws {
        switch self {
        case .standardOutput:
            try body(STDOUT_FILENO, "standard output")
        case .file(let path):
            try writeAtomically(path: path) { descriptor in try body(descriptor, path) }
        }
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
