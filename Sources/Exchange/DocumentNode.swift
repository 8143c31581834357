/// A parsed JSON or YAML document with the line and column of every node, so that a problem
/// found while reading a library can name the place it is at.
public struct DocumentNode: Sendable {
    /// What the node holds.
    public enum Value: Sendable {
        /// A string, number or boolean, as written (YAML scalars stay untyped until read).
        case scalar(String)
        /// An explicit null (`null`, `~`, or an empty YAML value).
        case null
        case sequence([DocumentNode])
        case mapping([(key: String, node: DocumentNode)])
    }

    /// What it holds.
    public var value: Value
    /// Its 1-based line.
    public var line: Int
    /// Its 1-based column.
    public var column: Int

    /// What the node is, for messages ("a list", "text").
    var kindName: String {
        switch value {
        case .scalar: "a single value"
        case .null: "nothing"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// Why a document could not be parsed at all.
struct DocumentSyntaxError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}

/// Caps that keep a hostile document from taking the machine.
enum DocumentLimits {
    /// The deepest nesting read.
    static let maximumDepth = 128
    /// The most nodes one document may hold (YAML aliases are counted each time they are used).
    static let maximumNodes = 2_000_000
    /// The largest library file read.
    static let maximumFileSize = 256 << 20
}
