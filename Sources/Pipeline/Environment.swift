import Foundation
import Spreadsheet

/// Checks what the environment sets for every command before it starts, so that a mistyped
/// setting stops the command instead of being ignored: `QUIRE_READ_LIMITS` (``ReadLimits``) and
/// `QUIRE_HISTORY_WAIT`.
///
/// - Throws: ``ReadLimitsError`` (exit 64) naming the setting that does not parse;
///   ``PipelineError/usage(_:)`` for a wait that is not a number of seconds.
public func checkEnvironment() throws {
    _ = try ReadLimits.fromEnvironment()
    _ = try historyWaitSeconds()
}

/// How long a run waits for another process's write to the SQLite history before it gives up
/// with "locked": `QUIRE_HISTORY_WAIT` seconds (0 to 86,400, fractions allowed), a minute when
/// unset.
///
/// - Throws: ``PipelineError/usage(_:)`` naming the setting and what it takes.
func historyWaitSeconds(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Double {
    guard let text = environment["QUIRE_HISTORY_WAIT"] else { return 60 }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let seconds = Double(trimmed), seconds.isFinite, (0...86_400).contains(seconds) else {
        throw PipelineError.usage(
            "QUIRE_HISTORY_WAIT=\(text): give the seconds to wait for a locked history, from 0 to 86400 (unset: 60)"
        )
    }
    return seconds
}
