import ControlModel
import Foundation

/// Reads typed fields out of a ``DocumentNode`` tree, collecting a diagnostic (with the line and
/// JSON path) for every field that is missing, of the wrong shape or out of range, so that one
/// pass reports every problem in a file.
struct NodeReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    func location(_ node: DocumentNode, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, path: path.isEmpty ? nil : path)
    }

    mutating func error(_ node: DocumentNode, _ path: String, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location(node, path), message, hint: hint))
    }

    mutating func warning(_ node: DocumentNode, _ path: String, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location(node, path), message, hint: hint))
    }

    /// The members of a mapping by field name.
    ///
    /// Unknown keys are reported (with the nearest known one) and left out. Keys match loosely: `collected_on`, `collectedOn`, `Collected on`.
    mutating func fields(
        of node: DocumentNode,
        _ path: String,
        known: [String],
        what: String
    ) -> [String: (node: DocumentNode, path: String)]? {
        guard case .mapping(let members) = node.value else {
            error(node, path, "expected \(what) as a mapping of fields, found \(node.kindName)")
            return nil
        }
        let byKey = Dictionary(known.map { (looseKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        var fields: [String: (node: DocumentNode, path: String)] = [:]
        for (key, member) in members {
            let memberPath = path.isEmpty ? key : "\(path).\(key)"
            guard let field = byKey[looseKey(key)] else {
                let near = known.filter { editDistance(looseKey($0), looseKey(key), limit: 2) <= 2 }
                warning(
                    member,
                    memberPath,
                    "unknown field \"\(key)\" in \(what) is ignored",
                    hint: near.isEmpty
                        ? "known fields: " + known.joined(separator: ", ") : "did you mean \(near[0])?"
                )
                continue
            }
            if fields[field] != nil {
                error(member, memberPath, "field \(field) is given twice (as \"\(key)\")")
                continue
            }
            fields[field] = (member, memberPath)
        }
        return fields
    }

    /// A text field; nil (with an error when `required`) if it is missing or not a single value.
    mutating func text(
        _ field: (node: DocumentNode, path: String)?,
        required name: String? = nil,
        in parent: DocumentNode,
        _ parentPath: String
    ) -> String? {
        guard let field else {
            if let name { error(parent, parentPath, "missing required field \(name)") }
            return nil
        }
        switch field.node.value {
        case .scalar(let value):
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty, let name {
                error(field.node, field.path, "required field \(name) is empty")
                return nil
            }
            return trimmed.isEmpty ? nil : trimmed
        case .null:
            if let name { error(field.node, field.path, "required field \(name) is empty") }
            return nil
        case .sequence, .mapping:
            error(field.node, field.path, "expected a single value, found \(field.node.kindName)")
            return nil
        }
    }

    /// A list of texts: a YAML/JSON list of values, or one value split at `;`, `,` and line breaks.
    mutating func list(_ field: (node: DocumentNode, path: String)?) -> [String] {
        guard let field else { return [] }
        switch field.node.value {
        case .null: return []
        case .scalar(let value): return splitList(value)
        case .sequence(let items):
            var values: [String] = []
            for (index, item) in items.enumerated() {
                switch item.value {
                case .scalar(let value):
                    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !trimmed.isEmpty { values.append(trimmed) }
                case .null: continue
                default:
                    error(item, "\(field.path)[\(index)]", "expected a single value, found \(item.kindName)")
                }
            }
            return values
        case .mapping:
            error(field.node, field.path, "expected a list, found a mapping")
            return []
        }
    }

    /// A `YYYY-MM-DD` date.
    mutating func day(
        _ field: (node: DocumentNode, path: String)?,
        required name: String? = nil,
        in parent: DocumentNode,
        _ parentPath: String
    ) -> Day? {
        guard let field, let value = text(field, required: name, in: parent, parentPath) else {
            if field == nil, let name { error(parent, parentPath, "missing required field \(name)") }
            return nil
        }
        guard let day = Day(parsing: value) else {
            error(
                field.node,
                field.path,
                "\"\(value)\" is not a date",
                hint: "write dates as YYYY-MM-DD, for example 2026-03-31"
            )
            return nil
        }
        return day
    }

    /// One of a fixed set of values, matched loosely (`Not applicable` reads as `not-applicable`).
    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ field: (node: DocumentNode, path: String)?,
        _ type: Value.Type,
        required name: String? = nil,
        in parent: DocumentNode,
        _ parentPath: String
    ) -> Value? where Value.RawValue == String {
        guard let field else {
            if let name { error(parent, parentPath, "missing required field \(name)") }
            return nil
        }
        guard let value = text(field, required: name, in: parent, parentPath) else { return nil }
        if let match = Value.allCases.first(where: { looseKey($0.rawValue) == looseKey(value) }) {
            return match
        }
        error(
            field.node,
            field.path,
            "\"\(value)\" is not one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")
        )
        return nil
    }

    /// A whole number in a range.
    mutating func integer(
        _ field: (node: DocumentNode, path: String)?,
        in range: ClosedRange<Int>,
        parent: DocumentNode,
        _ parentPath: String
    ) -> Int? {
        guard let field, let value = text(field, in: parent, parentPath) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            error(
                field.node,
                field.path,
                "\"\(value)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
            return nil
        }
        return number
    }
}

/// The loose form of a field or header name: lower-case letters and digits only.
func looseKey(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
}
