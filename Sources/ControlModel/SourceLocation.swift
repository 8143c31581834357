/// Where an item of a library was read: the file, and the line or JSON path or cell in it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line (YAML, JSON, CSV), when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// The JSON path (`controls[3].mappings[1]`) or the cell (`Controls!E7`), when known.
    public var path: String?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:column (path)`, leaving out what is not known.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let path { text += " (\(path))" }
        return text
    }

    /// The same place, one step further down a JSON path.
    public func appending(_ component: String) -> SourceLocation {
        var copy = self
        copy.path = path.map { component.hasPrefix("[") ? $0 + component : "\($0).\(component)" } ?? component
        return copy
    }
}

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
