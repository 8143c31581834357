/// A requirement named across frameworks: `iso27001-2022:A.8.5`, `soc2-2017:CC6.1`, `gdpr:Art.32`.
public struct RequirementReference: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The framework's id (`iso27001-2022`).
    public var framework: String
    /// The requirement's id as the framework writes it (`A.8.5`).
    public var id: String

    /// Creates a reference from its parts.
    public init(framework: String, id: String) {
        self.framework = framework
        self.id = id
    }

    /// Splits `framework:id` at the first colon; nil when either side is empty.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let framework = text[..<colon].trimmingSpaces()
        let id = text[text.index(after: colon)...].trimmingSpaces()
        guard !framework.isEmpty, !id.isEmpty else { return nil }
        self.init(framework: framework, id: id)
    }

    /// `framework:id`.
    public var description: String { "\(framework):\(id)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
        return RequirementKey.precedes(lhs.id, rhs.id)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = RequirementReference(parsing: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected framework:id, found \"\(text)\"")
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public func trimmingSpaces() -> String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
