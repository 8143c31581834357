import Foundation
import Testing

/// What one run of the `quire` binary gave.
struct QuireResult: CustomStringConvertible {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String

    var description: String {
        "exit \(exitCode)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)"
    }
}

/// Runs the built `quire` executable as a user would, with a fixed 80-column terminal width so
/// that help text wraps the same everywhere.
enum QuireProcess {
    /// The `quire` executable beside the test bundle (`.build/<triple>/debug/quire`).
    static var executableURL: URL {
        get throws {
            var folder = Bundle.main.bundleURL
            if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
            var candidates = [folder.appendingPathComponent("quire")]
            // Fallback when the runner is not the test bundle itself: the package's own build folder.
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            candidates.append(package.appendingPathComponent(".build/debug/quire"))
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw QuireNotBuilt(searched: candidates.map(\.path))
            }
            return found
        }
    }

    struct QuireNotBuilt: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "no quire executable at \(searched.joined(separator: " or ")); run swift build" }
    }

    /// Runs `quire` with arguments in a working directory and waits for it, with a time limit.
    ///
    /// With `resourceLimits` (`ulimit` flags and values, such as `["-f": 40_000, "-v": 1_000_000]`),
    /// the binary runs under those limits, so that a runaway output or allocation is stopped by the
    /// kernel (SIGXFSZ, or a failed allocation) instead of filling the disk or the memory.
    static func run(
        _ arguments: [String],
        in directory: String? = nil,
        timeout: Duration = .seconds(30),
        resourceLimits: [String: Int] = [:],
        environment overrides: [String: String] = [:]
    ) throws -> QuireResult {
        let process = Process()
        var resourceLimits = resourceLimits
        // A sanitized binary (make test-sanitize sets QUIRE_SANITIZER) maps terabytes of shadow
        // memory: a limit on the address space would stop it before it starts. The other limits stay.
        if ProcessInfo.processInfo.environment["QUIRE_SANITIZER"] != nil { resourceLimits["-v"] = nil }
        if !resourceLimits.isEmpty {
            let limits = resourceLimits.sorted { $0.key < $1.key }.map { "ulimit \($0.key) \($0.value) && " }.joined()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", limits + "exec \"$0\" \"$@\"", try executableURL.path] + arguments
        } else {
            process.executableURL = try executableURL
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment["LINES"] = "24"
        environment.merge(overrides) { $1 }
        process.environment = environment
        // Output goes to files rather than pipes, so that a large output can never block the child.
        let capture = try CLIScratchFolder()
        let outputPath = try capture.write([], named: "stdout")
        let errorPath = try capture.write([], named: "stderr")
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        defer {
            try? output.close()
            try? error.close()
        }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            let grace = ContinuousClock.now + .seconds(2)
            while process.isRunning, ContinuousClock.now < grace { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            Issue.record("quire \(arguments.joined(separator: " ")) did not finish in \(timeout)")
        }
        process.waitUntilExit()
        return QuireResult(
            exitCode: process.terminationStatus,
            standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
            standardError: try String(contentsOfFile: errorPath, encoding: .utf8)
        )
    }
}

/// Compares text with a golden file in `Tests/Golden/`; with `RECORD_GOLDEN` set, writes the file
/// instead and records an issue, so that re-recording never passes silently.
func expectMatchesGolden(
    _ actual: String,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded \(name); review `git diff Tests/Golden`", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Tests/Golden/\(name)", sourceLocation: sourceLocation)
}

/// A fresh temporary directory for the files one test writes; removed with the value.
final class CLIScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "quire-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes bytes to a file in the folder and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], named name: String) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The names of the files in the folder, hidden ones included, sorted.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}
