import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The outputs of one run, each written whole into a hidden folder inside the output folder and
/// moved into place only once the history has recorded the run.
///
/// So a run that fails (a full disk, a history that cannot be written, a kill) leaves the previous
/// outputs and the history as they were; and once the run is recorded, publishing is renames
/// alone, which need no space. The folder (`.staging.quire-XXXXXX`) holds a lock for as long as
/// its run lives; a later run removes folders whose lock is free (their run died), never the
/// folder of a run still going.
final class RunStaging: Sendable {
    /// The output folder.
    let output: String
    /// The staging folder inside it.
    let folder: String
    private let lock: Int32
    private let staged = Mutex<[String]>([])

    /// Makes the staging folder in `output` and takes its lock.
    ///
    /// - Throws: ``PipelineError/cannotCreateOutput(path:reason:)``.
    init(output: String) throws {
        self.output = output
        var template = Array("\(output)/.staging.quire-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw PipelineError.cannotCreateOutput(path: output, reason: String(cString: strerror(errno)))
        }
        folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        lock = open(folder + "/.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: folder)
            throw PipelineError.cannotCreateOutput(path: output, reason: reason)
        }
    }

    deinit {
        close(lock)
    }

    /// Writes one output, `relative` to the output folder, into the staging folder.
    func stage(_ bytes: [UInt8], as relative: String) throws {
        let path = folder + "/" + relative
        if let slash = relative.lastIndex(of: "/") {
            let subfolder = folder + "/" + relative[..<slash]
            try? FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
        }
        try deliver(bytes, toFile: path)
        staged.withLock { $0.append(relative) }
    }

    /// The SHA-256 of a staged output.
    func digest(of relative: String) -> String? {
        sha256(file: folder + "/" + relative)
    }

    /// Moves every staged output into place, in the order staged, and removes the staging folder.
    ///
    /// - Throws: ``PipelineError/cannotCreateOutput(path:reason:)`` naming the output that could
    ///   not be moved (the run is recorded; the outputs before it are in place, the rest not).
    func publish() throws {
        for relative in staged.withLock({ $0 }) {
            let destination = output + "/" + relative
            guard rename(folder + "/" + relative, destination) == 0 else {
                throw PipelineError.cannotCreateOutput(
                    path: destination,
                    reason: "\(String(cString: strerror(errno))); the run is recorded, but this output and the ones "
                        + "after it are from the run before"
                )
            }
        }
        discard()
    }

    /// Removes the staging folder and what is left in it.
    func discard() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Removes the staging folders of runs that died (their lock is free) from `output`, and
    /// temporary files (`.NAME.quire-XXXXXX`) older than ten minutes that a write killed where the
    /// file system has no unnamed files may have left.
    static func sweep(_ output: String) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: output)) ?? [] where name.hasPrefix(".") {
            let path = output + "/" + name
            if name.hasPrefix(".staging.quire-") {
                let descriptor = open(path + "/.lock", O_RDWR | O_CLOEXEC)
                if descriptor < 0 || flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                    try? manager.removeItem(atPath: path)
                }
                if descriptor >= 0 { close(descriptor) }
            } else if name.range(of: ".quire-", options: .backwards) != nil,
                let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                Date().timeIntervalSince(modified) > 600
            {
                try? manager.removeItem(atPath: path)
            }
        }
    }
}
