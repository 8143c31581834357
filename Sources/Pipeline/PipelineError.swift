/// Why a command could not finish, beyond what the stages themselves report.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request cannot be carried out as given (a missing option, a format that needs a sheet).
    case usage(String)
    /// An output file or folder could not be created.
    case cannotCreateOutput(path: String, reason: String)
    /// Writing failed part-way.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .usage(let message): message
        case .cannotCreateOutput(let path, let reason): "\(path): cannot create the output: \(reason)"
        case .io(let path, let reason): "\(path): write failed: \(reason)"
        }
    }
}
