import Foundation

/// Lenient access to foreign documents (OSCAL, CISO Assistant, OpenControl): a missing or
/// mistyped member is nil, for the reader to note.
extension DocumentNode {
    /// The member `key` of a mapping.
    public subscript(_ key: String) -> DocumentNode? {
        guard case .mapping(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    /// The keys of a mapping, in order.
    public var keys: [String] {
        guard case .mapping(let members) = value else { return [] }
        return members.map(\.key)
    }

    /// The text of a scalar.
    public var string: String? {
        guard case .scalar(let text) = value else { return nil }
        return text
    }

    /// The items of a sequence; a lone value reads as a list of one.
    public var items: [DocumentNode] {
        switch value {
        case .sequence(let nodes): nodes
        case .null: []
        default: [self]
        }
    }

    /// A scalar read as a number.
    public var number: Double? { string.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

    /// A scalar read as a boolean (`true`, `yes`, `1`).
    public var bool: Bool? {
        switch string?.lowercased() {
        case "true", "yes", "1": true
        case "false", "no", "0": false
        default: nil
        }
    }

    /// Whether it is a mapping.
    var isMapping: Bool {
        if case .mapping = value { return true }
        return false
    }
}

/// A parsed JSON or YAML document, or why it is not one.
public func parseDocument(_ bytes: [UInt8], file: String) throws(ExchangeError) -> DocumentNode {
    let isJSON =
        bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        .first.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    guard let text = String(validating: bytes[start...], as: UTF8.self) else {
        throw ExchangeError(file: file, line: nil, "is not valid UTF-8 text", hint: "save the file as UTF-8")
    }
    do throws(DocumentSyntaxError) {
        if isJSON { return try JSONDocumentParser.parse(bytes) }
        return try YAMLDocumentParser.parse(text)
    } catch {
        throw ExchangeError(file: file, line: error.line, "not valid \(isJSON ? "JSON" : "YAML"): \(error.message)")
    }
}

/// Why an exchange file cannot be read or written at all.
public struct ExchangeError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line, when known.
    public var line: Int?
    /// What is wrong.
    public var message: String
    /// What to do.
    public var hint: String?

    /// An error.
    public init(file: String, line: Int? = nil, _ message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" + (hint.map { "; \($0)" } ?? "")
    }
}
