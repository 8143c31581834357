/// A requirement reference as users write it in a cell or a YAML list: `A.5.15`,
/// `A.5.15 (subset)`, `Art. 32(1)(b)`, `soc2-2017:CC6.1 (equal)`.
public struct ReferenceText: Hashable, Sendable {
    /// The framework named before a colon, if any (`soc2-2017`).
    public var framework: String?
    /// The requirement id as written (`A.5.15`, `Art. 32(1)(b)`).
    public var id: String
    /// The relationship given in parentheses or as a last word, if any.
    public var relationship: Relationship?
    /// A last parenthesised word that reads like a relationship but is none (`(sometimes)`).
    public var unknownRelationship: String?

    /// Splits the text; the id part is empty when only a relationship was written.
    public init(_ text: String) {
        var rest = text.trimmingSpaces()
        framework = nil
        relationship = nil
        unknownRelationship = nil
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)].trimmingSpaces()
            if let parsed = Relationship(lenient: inside) {
                relationship = parsed
                rest = rest[..<open].trimmingSpaces()
            } else if inside.count >= 3, inside.allSatisfy({ $0.isLetter || $0 == "-" || $0 == " " }) {
                unknownRelationship = inside
                rest = rest[..<open].trimmingSpaces()
            }
        } else if let space = rest.lastIndex(of: " "),
            let parsed = Relationship(lenient: String(rest[rest.index(after: space)...]))
        {
            relationship = parsed
            rest = rest[..<space].trimmingSpaces()
        }
        // No framework's ids contain a colon, so one separates a framework from the id.
        if let colon = rest.firstIndex(of: ":") {
            let before = rest[..<colon].trimmingSpaces()
            if !before.isEmpty {
                framework = before
                rest = rest[rest.index(after: colon)...].trimmingSpaces()
            }
        }
        id = rest
    }

    /// Splits a cell or list text into references at `;`, `,` and line breaks.
    public static func list(_ text: String) -> [ReferenceText] {
        splitList(text).map(ReferenceText.init)
    }
}

/// Splits a list cell (`a; b, c` or one item a line) into trimmed, non-empty items.
public func splitList(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == ";" || $0 == "," || $0.isNewline })
        .map { $0.trimmingSpaces() }
        .filter { !$0.isEmpty }
}
