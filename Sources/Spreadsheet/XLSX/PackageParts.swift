internal import CLibXML2

/// A relationship from one package part to another (`_rels/*.rels`).
struct Relationship: Hashable, Sendable {
    var id: String
    /// The type URI; transitional and strict URIs differ only before the last `/`.
    var type: String
    /// The target part's name, resolved against the source part; or the raw target if external.
    var target: String
    var isExternal: Bool

    /// Whether the type ends with `/kind`, which matches both transitional and strict URIs.
    func isType(_ kind: String) -> Bool {
        type.hasSuffix("/" + kind)
    }
}

/// The name of the relationships part for a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
func relationshipsPartName(for source: String) -> String {
    guard let slash = source.lastIndex(of: "/") else { return "_rels/\(source).rels" }
    return "\(source[..<slash])/_rels/\(source[source.index(after: slash)...]).rels"
}

/// Resolves a relationship target against its source part, as OPC prescribes: absolute targets
/// from the package root, relative ones from the source's folder; `..`, `.`, backslashes and
/// percent-escapes handled.
func resolvePartName(_ target: String, from source: String) -> String {
    var target = percentDecoded(target.replacing("\\", with: "/"))
    if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
    var components: [Substring]
    if target.hasPrefix("/") {
        components = []
    } else {
        components = source.split(separator: "/", omittingEmptySubsequences: true)
        if !components.isEmpty { components.removeLast() }
    }
    for component in target.split(separator: "/", omittingEmptySubsequences: true) {
        switch component {
        case ".": continue
        case "..": if !components.isEmpty { components.removeLast() }
        default: components.append(component)
        }
    }
    return components.joined(separator: "/")
}

private func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
        if byte == UInt8(ascii: "%"), utf8.count >= 2,
            let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
        {
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Reads a `.rels` part.
final class RelationshipsReader: XMLEventHandler {
    private let source: String
    private(set) var relationships: [Relationship] = []

    init(source: String) {
        self.source = source
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        guard xmlNameEquals(name, "Relationship"), let id = attributes.string("Id"),
            let type = attributes.string("Type"), let target = attributes.string("Target")
        else { return }
        let external = attributes.string("TargetMode") == "External"
        relationships.append(
            Relationship(
                id: id,
                type: type,
                target: external ? target : resolvePartName(target, from: source),
                isExternal: external
            )
        )
    }
}

/// Reads `[Content_Types].xml`: content types by extension and by part name.
final class ContentTypesReader: XMLEventHandler {
    private(set) var defaults: [String: String] = [:]
    private(set) var overrides: [String: String] = [:]

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "Default"), let ext = attributes.string("Extension"),
            let type = attributes.string("ContentType")
        {
            defaults[ext.lowercased()] = type
        } else if xmlNameEquals(name, "Override"), let part = attributes.string("PartName"),
            let type = attributes.string("ContentType")
        {
            overrides[ZipArchive.fold(resolvePartName(part, from: ""))] = type
        }
    }

    /// The content type of a part: its override, else the default for its extension.
    func contentType(of part: String) -> String? {
        if let type = overrides[ZipArchive.fold(part)] { return type }
        guard let dot = part.lastIndex(of: ".") else { return nil }
        return defaults[part[part.index(after: dot)...].lowercased()]
    }

    /// The first part whose override has one of these content types.
    func part(ofType types: Set<String>) -> String? {
        overrides.filter { types.contains($0.value) }.keys.sorted().first
    }
}
