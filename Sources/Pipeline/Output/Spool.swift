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
    @exclusivity(unchecked) private var memory: [UInt8] = []
    private var spillDescriptor: Int32 = -1
    private let threshold: Int
    @exclusivity(unchecked) private(set) var count = 0

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

    /// Passes the spooled bytes in `start..<end`, in order and in pieces, to `body`.
    func readBack(from start: Int64, to end: Int64, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let spilled = Int64(count - memory.count)
        var offset = start
        if offset < min(end, spilled) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            while offset < min(end, spilled) {
                let wanted = Int(min(Int64(buffer.count), min(end, spilled) - offset))
                let read = pread(spillDescriptor, buffer.baseAddress, wanted, off_t(offset))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    throw PipelineError.io(path: "temporary spool file", reason: String(cString: strerror(errno)))
                }
                try body(UnsafeRawBufferPointer(rebasing: buffer[0..<read]))
                offset += Int64(read)
            }
        }
        if offset < end {
            try memory.withUnsafeBytes { bytes in
                try body(UnsafeRawBufferPointer(rebasing: bytes[Int(offset - spilled)..<Int(end - spilled)]))
            }
        }
    }

    /// Copies everything spooled from `start` on to a file descriptor, letting the kernel move the
    /// spilled part (`sendfile`) where it can.
    func copy(to descriptor: Int32, path: String, from start: Int64 = 0) throws {
        let spilled = Int64(count - memory.count)
        var offset = off_t(start)
        while Int64(offset) < spilled {
            let sent = sendfile(descriptor, spillDescriptor, &offset, Int(min(spilled - Int64(offset), 1 << 30)))
            if sent < 0, errno == EINTR { continue }
            if sent <= 0 { break }  // not supported for this pair: copy the rest through memory
        }
        try readBack(from: Int64(offset), to: Int64(count)) { try writeAll(descriptor, $0, path: path) }
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
