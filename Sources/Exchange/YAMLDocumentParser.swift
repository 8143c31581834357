import Yams

/// Parses YAML (through Yams) into a ``DocumentNode`` tree.
///
/// Scalars are kept as written, so that
/// `answer: Yes` stays the text "Yes" and `version: 2022` the text "2022"; only the reader of a
/// field decides its type.
enum YAMLDocumentParser {
    static func parse(_ text: String) throws(DocumentSyntaxError) -> DocumentNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw DocumentSyntaxError(message: "\(error)", line: 1, column: 1)
        }
        guard let root else { return DocumentNode(value: .null, line: 1, column: 1) }
        var count = 0
        return try convert(root, depth: 0, count: &count)
    }

    private static func convert(_ node: Node, depth: Int, count: inout Int) throws(DocumentSyntaxError)
        -> DocumentNode
    {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        count += 1
        guard count <= DocumentLimits.maximumNodes else {
            throw DocumentSyntaxError(
                message: "more than \(DocumentLimits.maximumNodes) values (counting each use of an alias)",
                line: line,
                column: column
            )
        }
        guard depth < DocumentLimits.maximumDepth else {
            throw DocumentSyntaxError(
                message: "nesting deeper than \(DocumentLimits.maximumDepth) levels",
                line: line,
                column: column
            )
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return DocumentNode(value: .null, line: line, column: column)
            }
            return DocumentNode(value: .scalar(scalar.string), line: line, column: column)
        case .sequence(let sequence):
            var items: [DocumentNode] = []
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, count: &count))
            }
            return DocumentNode(value: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var members: [(key: String, node: DocumentNode)] = []
            var keys: Set<String> = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw DocumentSyntaxError(
                        message: "a key must be plain text, not \(key.sequence != nil ? "a list" : "a mapping")",
                        line: key.mark?.line ?? line,
                        column: key.mark?.column ?? column
                    )
                }
                guard keys.insert(keyScalar.string).inserted else {
                    throw DocumentSyntaxError(
                        message: "duplicate key \"\(keyScalar.string)\"",
                        line: key.mark?.line ?? line,
                        column: key.mark?.column ?? column
                    )
                }
                members.append((keyScalar.string, try convert(value, depth: depth + 1, count: &count)))
            }
            return DocumentNode(value: .mapping(members), line: line, column: column)
        case .alias:
            throw DocumentSyntaxError(message: "an alias Yams did not resolve", line: line, column: column)
        }
    }

    private static func syntaxError(_ error: YamlError) -> DocumentSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            return DocumentSyntaxError(message: prefix + problem, line: mark.line, column: mark.column)
        case .reader(let problem, let offset, _, _):
            return DocumentSyntaxError(
                message: problem + (offset.map { " at character \($0)" } ?? ""),
                line: 1,
                column: 1
            )
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DocumentSyntaxError(
                message: "duplicate key\(duplicates.count == 1 ? "" : "s") "
                    + duplicates.map { "\"\($0)\"" }.joined(separator: ", "),
                line: context.mark.line,
                column: context.mark.column
            )
        default:
            return DocumentSyntaxError(message: "\(error)", line: 1, column: 1)
        }
    }
}
