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
