public import ControlModel
import Reports

/// Why a command could not finish, beyond what the stages themselves report.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request cannot be carried out as given (a missing option, a format that needs a sheet).
    case usage(String)
    /// An output file or folder could not be created.
    case cannotCreateOutput(path: String, reason: String)
    /// Writing failed part-way.
    case io(path: String, reason: String)
    /// The output cannot be built from the data given (a workbook the writer refuses).
    case invalidOutput(path: String, reason: String)
    /// A library file has errors; every one found is listed.
    case invalidLibrary([Diagnostic])
    /// A library file named on the command line does not exist.
    case missingInput(path: String)
    /// A framework, requirement or control named on the command line is not in the library.
    case unknown(String)
    /// A conversion with `--strict` would lose something (the report says what).
    case lossy(String)
    /// A pipeline config has errors; every one found is listed.
    case invalidConfig([Diagnostic])
    /// The run history cannot be opened, read or written (locked, damaged, not a database).
    case history(path: String, reason: String)

    public var description: String {
        switch self {
        case .usage(let message): message
        case .cannotCreateOutput(let path, let reason): "\(path): cannot create the output: \(reason)"
        case .io(let path, let reason): "\(path): write failed: \(reason)"
        case .invalidOutput(let path, let reason): "\(path): cannot write this workbook: \(reason); nothing was written"
        case .invalidLibrary(let diagnostics):
            "the library has \(counted(diagnostics.filter { $0.severity == .error }.count, "error")); "
                + "nothing was done:\n" + diagnostics.map(\.description).joined(separator: "\n")
        case .unknown(let message): message
        case .lossy(let message): message
        case .history(let path, let reason):
            "\(path): the run history cannot be used: \(reason); the previous runs are as they were"
                + Self.historyAdvice(reason)
        case .invalidConfig(let diagnostics):
            "the pipeline config has \(counted(diagnostics.filter { $0.severity == .error }.count, "error")):\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        case .missingInput(let path): "\(path): no such file; check the path"
        }
    }
}

extension PipelineError {
    /// What to do about a history that cannot be used, from SQLite's reason.
    static func historyAdvice(_ reason: String) -> String {
        if reason.contains("locked") || reason.contains("busy") {
            return " (another process holds it, perhaps another quire run: try again when it has finished)"
        }
        if reason.contains("not a database") || reason.contains("malformed") || reason.contains("corrupt") {
            return " (the file is damaged: restore it from a backup, or move it aside and a new history starts)"
        }
        if reason.contains("readonly") || reason.contains("read-only") || reason.contains("unable to open") {
            return " (check that its folder may be written to)"
        }
        if reason.contains("disk") || reason.contains("full") {
            return " (the disk is full: free some space and run again)"
        }
        return ""
    }
}
