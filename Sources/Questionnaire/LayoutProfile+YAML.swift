import Foundation
import Spreadsheet
import Yams

extension LayoutProfile {
    /// Reads a layout profile from a YAML file.
    ///
    /// Every problem names the file, the line and column, and what to change: YAML that does not
    /// parse, a key the profile format does not have (with the nearest known key), a column role
    /// that is not one of ``ColumnRole``'s, a missing field, or a value of the wrong type.
    /// - Throws: ``QuestionnaireError/unreadable(path:reason:)`` when the file cannot be read;
    ///   ``QuestionnaireError/invalidProfile(path:line:column:reason:)`` for anything else.
    public static func load(path: String) throws(QuestionnaireError) -> LayoutProfile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard let data = readWholeFile(path).map({ Data($0) }) else {
            throw .unreadable(path: path, reason: "permission denied or not a file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidProfile(path: path, line: nil, column: nil, reason: "the file is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Reads a layout profile from YAML text; `path` names it in messages.
    public static func parse(_ text: String, path: String) throws(QuestionnaireError) -> LayoutProfile {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw QuestionnaireError.invalidProfile(path: path, line: nil, column: nil, reason: "the file is empty")
            }
            root = composed
        } catch let error as QuestionnaireError {
            throw error
        } catch let error as YamlError {
            let (mark, problem) = Self.describe(error)
            throw .invalidProfile(path: path, line: mark?.line, column: mark?.column, reason: "not YAML: \(problem)")
        } catch {
            throw .invalidProfile(path: path, line: nil, column: nil, reason: "not YAML: \(error)")
        }
        try ProfileShape.check(root, path: path)
        do {
            return try YAMLDecoder().decode(LayoutProfile.self, from: root)
        } catch let error as DecodingError {
            throw Self.locate(error, in: root, path: path)
        } catch {
            throw .invalidProfile(path: path, line: root.mark?.line, column: root.mark?.column, reason: "\(error)")
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return (mark, problem)
        default:
            return (nil, "\(error)")
        }
    }

    /// A decoding error as a message at the place of the node it concerns.
    private static func locate(_ error: DecodingError, in root: Node, path: String) -> QuestionnaireError {
        let codingPath: [any CodingKey]
        let reason: String
        switch error {
        case .keyNotFound(let key, let context):
            codingPath = context.codingPath
            reason = "\"\(key.stringValue)\" is missing; add it"
        case .typeMismatch(let type, let context):
            codingPath = context.codingPath
            reason = "\(dotted(context.codingPath)) must be \(describe(type))"
        case .valueNotFound(let type, let context):
            codingPath = context.codingPath
            reason = "\(dotted(context.codingPath)) must be \(describe(type)), not empty"
        case .dataCorrupted(let context):
            codingPath = context.codingPath
            reason = "\(dotted(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            codingPath = []
            reason = "\(error)"
        }
        let mark = node(at: codingPath, in: root)?.mark ?? root.mark
        return .invalidProfile(path: path, line: mark?.line, column: mark?.column, reason: reason)
    }

    private static func dotted(_ path: [any CodingKey]) -> String {
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : text.isEmpty ? "the profile" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is [String].Type: "a list of texts"
        case is [String: String].Type: "a mapping of role to header text or column letter"
        default: "a mapping"
        }
    }

    /// The node a coding path leads to, as far as it can be followed.
    private static func node(at path: [any CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            if let index = key.intValue, case .sequence(let sequence) = current, index < sequence.count {
                current = sequence[index]
            } else if case .mapping(let mapping) = current,
                let value = mapping.first(where: { $0.key.string == key.stringValue })?.value
            {
                current = value
            } else {
                break
            }
        }
        return current
    }
}

/// The keys a profile may have, checked before decoding so that a misspelt key is an error with
/// its place rather than silently ignored.
private enum ProfileShape {
    static let top = ["name", "description", "match", "sheets"]
    static let match = ["sheets", "headers"]
    static let sheet = ["name", "header_row", "columns", "allowed_answers"]
    static let roles = ColumnRole.allCases.filter { $0 != .other }.map(\.rawValue)

    static func check(_ root: Node, path: String) throws(QuestionnaireError) {
        guard case .mapping(let top) = root else {
            throw failure(root, path, "a layout profile is a mapping with name, match and sheets")
        }
        try keys(of: top, allowed: Self.top, what: "a profile", path: path)
        if let match = top.first(where: { $0.key.string == "match" })?.value, case .mapping(let fields) = match {
            try keys(of: fields, allowed: Self.match, what: "match", path: path)
        }
        guard let sheets = top.first(where: { $0.key.string == "sheets" })?.value,
            case .sequence(let list) = sheets
        else { return }
        for sheet in list {
            guard case .mapping(let fields) = sheet else { continue }
            try keys(of: fields, allowed: Self.sheet, what: "a sheet", path: path)
            if let columns = fields.first(where: { $0.key.string == "columns" })?.value,
                case .mapping(let roles) = columns
            {
                try keys(of: roles, allowed: Self.roles, what: "columns (a column role)", path: path)
            }
        }
    }

    private static func keys(
        of mapping: Node.Mapping,
        allowed: [String],
        what: String,
        path: String
    ) throws(QuestionnaireError) {
        for (key, _) in mapping {
            let name = key.string ?? ""
            guard !allowed.contains(name) else { continue }
            let near = allowed.min { distance(name, $0) < distance(name, $1) }
            let hint = near.flatMap { distance(name, $0) <= 3 ? "did you mean \"\($0)\"? " : nil } ?? ""
            throw failure(
                key,
                path,
                "\"\(name)\" is not a key of \(what); \(hint)known keys: \(allowed.joined(separator: ", "))"
            )
        }
    }

    private static func failure(_ node: Node, _ path: String, _ reason: String) -> QuestionnaireError {
        .invalidProfile(path: path, line: node.mark?.line, column: node.mark?.column, reason: reason)
    }

    /// The edit distance between two short keys.
    private static func distance(_ first: String, _ second: String) -> Int {
        let a = Array(first.lowercased())
        let b = Array(second.lowercased())
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension DetectionOptions {
    /// Uses a layout profile: a built-in one by name, or one read from a YAML file (a name ending
    /// in `.yaml` or `.yml`, or holding a `/`).
    /// - Throws: ``QuestionnaireError`` when the file cannot be read or is not a profile.
    public mutating func useProfile(_ nameOrPath: String) throws(QuestionnaireError) {
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            let profile = try LayoutProfile.load(path: nameOrPath)
            profiles.insert(profile, at: 0)
            profileName = profile.name
        } else {
            profileName = nameOrPath
        }
    }
}
