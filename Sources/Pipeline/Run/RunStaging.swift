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
/// alone, which need no space. Every run (or shard) writing into an output folder holds a shared
/// lock on its `.quire.lock` for as long as it lives; a run removes staging folders
/// (`.staging.quire-XXXXXX`) only when it can take that lock alone, that is when no other run
/// is writing there, so it never removes the folder of a run still going (shards share folders).
final class RunStaging: Sendable {
    /// The output folder.
    let output: String
    /// The staging folder inside it.
    let folder: String
    private let lock: Int32
    /// What is staged, in order, with the SHA-256 of its bytes (taken as they are written, so
    /// that the history's record of the outputs reads no file again).
    private let staged = Mutex<(order: [String], digests: [String: String])>(([], [:]))

    /// Makes the staging folder in `output` and takes its lock.
    ///
    /// - Throws: ``PipelineError/cannotCreateOutput(path:reason:)``.
    init(output: String) throws {
        self.output = output
        lock = open(output + "/.quire.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0, flock(lock, LOCK_SH) == 0 else {
            let reason = String(cString: strerror(errno))
            if lock >= 0 { close(lock) }
            throw PipelineError.cannotCreateOutput(path: output + "/.quire.lock", reason: reason)
        }
        var template = Array("\(output)/.staging.quire-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            let reason = String(cString: strerror(errno))
            close(lock)
            throw PipelineError.cannotCreateOutput(path: output, reason: reason)
        }
        folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        let digest = sha256(bytes)
        staged.withLock {
            if $0.digests.updateValue(digest, forKey: relative) == nil { $0.order.append(relative) }
        }
    }

    /// The SHA-256 of a staged output.
    func digest(of relative: String) -> String? {
        staged.withLock { $0.digests[relative] }
    }

    /// Moves every staged output into place, in the order staged, and removes the staging folder.
    ///
    /// - Throws: ``PipelineError/cannotCreateOutput(path:reason:)`` naming the output that could
    ///   not be moved (the run is recorded; the outputs before it are in place, the rest not).
    func publish() throws {
        for relative in staged.withLock({ $0.order }) {
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

    /// Removes the staging folders of runs that died from `output`, and temporary files
    /// (`.NAME.quire-XXXXXX`) older than ten minutes that a write killed where the file system
    /// has no unnamed files may have left; only when no other run is writing there.
    static func sweep(_ output: String) {
        let lock = open(output + "/.quire.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return }
        defer { close(lock) }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else { return }
        defer { flock(lock, LOCK_UN) }
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: output)) ?? [] where name.hasPrefix(".") {
            let path = output + "/" + name
            if name.hasPrefix(".staging.quire-") {
                try? manager.removeItem(atPath: path)
            } else if name.range(of: ".quire-", options: .backwards) != nil,
                let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                Date().timeIntervalSince(modified) > 600
            {
                try? manager.removeItem(atPath: path)
            }
        }
    }
}
