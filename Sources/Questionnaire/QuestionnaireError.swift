/// Why a questionnaire could not be read: what went wrong, where, and how to fix it.
public enum QuestionnaireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is larger than the reader accepts (`limit`, in bytes).
    case tooLarge(path: String, limit: Int)
    /// The file parses, but it is not a VSAQ template or template extension.
    case notAVSAQTemplate(path: String, reason: String)
    /// The template text is malformed at a line and column (both 1-based).
    case syntax(path: String, line: Int, column: Int, message: String)
    /// The template parses, but one of its items is malformed (line 1-based).
    case invalidTemplate(path: String, line: Int, reason: String)
    /// A layout profile file is not YAML, or not a profile (line and column 1-based, when known).
    case invalidProfile(path: String, line: Int?, column: Int?, reason: String)
    /// `--profile` names no known profile.
    case unknownProfile(name: String, known: [String])

    /// The message, naming the file, the place and the way out.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read the file (\(reason)); check the path and its permissions"
        case .tooLarge(let path, let limit):
            "\(path): the file is larger than \(limit) bytes, the most a questionnaire is read from; "
                + "check that this is the right file"
        case .notAVSAQTemplate(let path, let reason):
            "\(path): not a VSAQ template (\(reason)); pass a VSAQ questionnaire JSON file with a top-level "
                + "\"questionnaire\" array, or a template extension with an \"extensions\" array"
        case .syntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): \(message); fix the template text there "
                + "(VSAQ templates are JSON with // comments and \"...\" + \"...\" concatenation)"
        case .invalidTemplate(let path, let line, let reason):
            "\(path):\(line): \(reason); fix the item there so the VSAQ questionnaire would load it"
        case .invalidProfile(let path, let line, let column, let reason):
            "\(path)\(line.map { ":\($0)" } ?? "")\(column.map { ":\($0)" } ?? ""): \(reason) "
                + "(layout profiles are described in README, \"Reading a questionnaire\")"
        case .unknownProfile(let name, let known):
            "no layout profile is called \"\(name)\"; known profiles: \(known.joined(separator: ", ")), "
                + "or give a YAML file"
        }
    }
}
