import Foundation
import Logging

/// Plain log lines for `quire run` when standard error is not a terminal.
///
/// For cron, CI or a log collector: one line per event, `2026-12-06T04:50:00Z info quire.run: answered a.xlsx
/// items=47 written=17 review=20 unanswered=10 seconds=0.41`. The time is UTC and the metadata
/// keys are sorted, so a line reads the same on every machine and greps well.
struct PlainLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let label: String
    let write: @Sendable (String) -> Void

    init(label: String, level: Logger.Level, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let more = event.metadata { merged.merge(more) { _, new in new } }
        let pairs = merged.keys.sorted().map { key in "\(key)=\(quoted("\(merged[key] ?? "")"))" }
        let time = Date().formatted(.iso8601)
        write(([time, "\(event.level)", "\(label):", "\(event.message)"] + pairs).joined(separator: " ") + "\n")
    }

    /// A value with a space or a quote is quoted, so the pairs split unambiguously.
    private func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}

extension Logger {
    /// The logger `quire run` uses unless the caller passes its own: plain lines on standard error.
    static func run(level: Logger.Level) -> Logger {
        var logger = Logger(label: "quire.run") { label in
            PlainLogHandler(label: label, level: level) { line in
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        logger.logLevel = level
        return logger
    }
}
