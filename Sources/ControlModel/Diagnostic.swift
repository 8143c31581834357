/// A problem found in a library: where, what, and how to fix it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The item cannot be used as written.
        case error
        /// The item is used, but probably not as the author meant.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// How bad it is.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line (path): error: message (hint)`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }

    /// In file order: by file, then line, then path.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        let leftLine = lhs.location.line ?? 0
        let rightLine = rhs.location.line ?? 0
        if leftLine != rightLine { return leftLine < rightLine }
        let leftColumn = lhs.location.column ?? 0
        let rightColumn = rhs.location.column ?? 0
        if leftColumn != rightColumn { return leftColumn < rightColumn }
        if (lhs.location.path ?? "") != (rhs.location.path ?? "") {
            return (lhs.location.path ?? "") < (rhs.location.path ?? "")
        }
        return lhs.message < rhs.message
    }
}
