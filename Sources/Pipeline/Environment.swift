import Spreadsheet

/// Checks what the environment sets for every command before it starts, so that a mistyped
/// setting stops the command instead of being ignored: `QUIRE_READ_LIMITS` (``ReadLimits``).
///
/// - Throws: ``ReadLimitsError`` (exit 64) naming the setting that does not parse.
public func checkEnvironment() throws {
    _ = try ReadLimits.fromEnvironment()
}
