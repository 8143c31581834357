public import Answering
import Exchange
import Foundation
import Questionnaire

/// Writes the answers to a VSAQ template as VSAQ stores them: one JSON object from answer key to
/// value, which VSAQ's "Load answers" reads back.
///
/// VSAQ keys a group's answer by its choices, not by the group:
/// - `radiogroup`: the chosen choice's id → `"checked"`. The item's answer cell lists the choice ids
///   in the order of its allowed answers, so the value's place among the allowed answers picks the id.
///   VSAQ's own "None of the above." choice has no stable key and is not written.
/// - `checkgroup`: each chosen check's id → `"checked"`; a value naming several choices separates them
///   with line breaks or `;`.
/// - `yesno`: the item id → `"yes"` or `"no"` (the first or second allowed answer).
/// - `check`, `radio`: the item id → `"checked"` for `Yes`; `No` writes nothing (unchecked).
/// - `line`, `box`: the item id → the text.
/// - `upload` takes a file, which Quire cannot give: not written.
///
/// Only answers that need no review and have a value are written; VSAQ has no comment fields, so
/// comments are not. Keys are sorted, so the same answers always give the same bytes.
/// - Parameters:
///   - template: The VSAQ template (or template extension) the answers are for.
///   - answers: The answers, as ``Answerer`` gives them for that template.
///   - destination: The answers file to write (atomically).
/// - Returns: What was written and what was not; ``FillReport/commentsWritten`` is always 0.
/// - Throws: ``PipelineError/usage(_:)`` when `destination` is the template or the template is not
///   a VSAQ template; ``QuestionnaireError`` when it cannot be read; ``PipelineError`` when the
///   answers cannot be written.
@discardableResult
public func fillVSAQ(template: String, answers: [Answer], destination: String) throws -> FillReport {
    try ensureDistinct(input: template, output: destination, what: "template")
    let questionnaire = try readQuestionnaire(path: template)
    guard questionnaire.format == "vsaq" else {
        throw PipelineError.usage(
            "\(template): is a \(questionnaire.format.uppercased()) questionnaire, not a VSAQ template; "
                + "VSAQ answers are written only for VSAQ templates"
        )
    }
    let types = try vsaqItemTypes(path: template)
    var items: [String: QuestionnaireItem] = [:]
    for item in questionnaire.items where items[item.id] == nil { items[item.id] = item }

    var report = FillReport()
    var values: [String: String] = [:]
    var owners: [String: String] = [:]
    for answer in answers where !answer.review {
        guard let value = answer.value, !value.isEmpty else { continue }
        guard let item = items[answer.id] else {
            report.skipped.append("item \(answer.id): not in the template; its answer was not written")
            continue
        }
        let entries: [(key: String, value: String)]
        switch vsaqEntries(for: value, item: item, type: types.type(of: item)) {
        case .success(let found): entries = found
        case .failure(let skip):
            report.skipped.append("item \(answer.id): \(skip.reason)")
            continue
        }
        if let clash = entries.first(where: { owners[$0.key] != nil }), let owner = owners[clash.key] {
            report.skipped.append(
                "item \(answer.id): answer key \(clash.key) was already written for item \(owner); not written"
            )
            continue
        }
        for entry in entries {
            values[entry.key] = entry.value
            owners[entry.key] = answer.id
        }
        if !entries.isEmpty { report.answersWritten += 1 }
    }
    let bytes = Array(canonicalJSON(values).utf8)
    try writeAtomically(path: destination) { descriptor in
        try bytes.withUnsafeBytes { try writeAll(descriptor, $0, path: destination) }
    }
    return report
}

/// Why an answer cannot be put in VSAQ's form.
private struct VSAQSkip: Error {
    var reason: String
}

/// The answer keys and values VSAQ stores for one item's value.
private func vsaqEntries(
    for value: String,
    item: QuestionnaireItem,
    type: String?
) -> Result<[(key: String, value: String)], VSAQSkip> {
    guard let cell = item.answerCell, !cell.isEmpty else {
        return .failure(VSAQSkip(reason: "it has no answer key in the template (an item without an id)"))
    }
    let keys = cell.split(separator: ",").map(String.init)
    guard let key = keys.first else {
        return .failure(VSAQSkip(reason: "its answer key \"\(cell)\" names no id; not written"))
    }
    switch type {
    case "radiogroup", "checkgroup":
        // A choice without an id would shift the ids against the labels; only the "None of the above."
        // that the reader adds for VSAQ's `defaultChoice` has none.
        let addedDefault =
            keys.count + 1 == item.allowedAnswers.count && item.allowedAnswers.last == "None of the above."
        guard keys.count == item.allowedAnswers.count || addedDefault else {
            return .failure(
                VSAQSkip(reason: "some of its choices have no id, so the chosen one's key is unknown; not written")
            )
        }
        let chosen = type == "checkgroup" ? splitChoices(value, allowed: item.allowedAnswers) : [value]
        var entries: [(key: String, value: String)] = []
        for choice in chosen {
            guard let index = position(of: choice, in: item.allowedAnswers) else {
                return .failure(VSAQSkip(reason: "\"\(choice)\" is not one of its choices; not written"))
            }
            guard index < keys.count else {
                return .failure(
                    VSAQSkip(reason: "\"\(choice)\" is VSAQ's own choice, which has no stable answer key; not written")
                )
            }
            entries.append((keys[index], "checked"))
        }
        return .success(entries)
    case "yesno":
        guard let index = position(of: value, in: item.allowedAnswers), index < 2 else {
            return .failure(VSAQSkip(reason: "\"\(value)\" is neither of its two answers; not written"))
        }
        return .success([(key, index == 0 ? "yes" : "no")])
    case "check", "radio":
        guard let index = position(of: value, in: item.allowedAnswers) else {
            return .failure(VSAQSkip(reason: "\"\(value)\" is neither Yes nor No; not written"))
        }
        return .success(index == 0 ? [(key, "checked")] : [])
    case "line", "box":
        return .success([(key, value)])
    case "upload":
        return .failure(VSAQSkip(reason: "VSAQ asks for a file upload here, which Quire cannot give; not written"))
    default:
        return .failure(VSAQSkip(reason: "the template's type for it could not be found; not written"))
    }
}

/// The index of a value among the allowed answers: exactly, else ignoring case and outer spaces.
private func position(of value: String, in allowed: [String]) -> Int? {
    if let exact = allowed.firstIndex(of: value) { return exact }
    let folded = value.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
    return allowed.firstIndex { $0.lowercased().trimmingCharacters(in: .whitespacesAndNewlines) == folded }
}

/// The choices a check group's value names: the value itself if it is one choice, else its lines or
/// `;`-separated parts.
private func splitChoices(_ value: String, allowed: [String]) -> [String] {
    if position(of: value, in: allowed) != nil { return [value] }
    let separators: Set<Character> = value.contains("\n") ? ["\n", "\r"] : [";"]
    return value.split(whereSeparator: { separators.contains($0) })
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { !$0.isEmpty }
}

// MARK: - Item types

/// The VSAQ type of each item with an id in a template, and the extension's namespace if any.
private struct VSAQItemTypes {
    var byID: [String: String] = [:]
    var namespace: String?

    /// The template type of an item, found by its id (with or without the extension's namespace).
    func type(of item: QuestionnaireItem) -> String? {
        if item.idGenerated {
            // Only groups without an id get a made-up one.
            return item.answerType == .multipleChoice ? "checkgroup" : "radiogroup"
        }
        if let type = byID[item.id] { return type }
        if let namespace, item.id.hasPrefix(namespace + ":") {
            return byID[String(item.id.dropFirst(namespace.count + 1))]
        }
        return nil
    }
}

/// Reads the `type` of every object in a VSAQ template that has an `id` and a `type`.
///
/// The template has already been read by ``readQuestionnaire(path:options:)``, so it is known to be
/// well formed; this scan only needs to follow strings, comments, nesting and `"a" + "b"` joins.
private func vsaqItemTypes(path: String) throws -> VSAQItemTypes {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw PipelineError.io(path: path, reason: error.localizedDescription)
    }
    var scanner = VSAQTokenScanner(bytes: [UInt8](data))
    var result = VSAQItemTypes()
    struct Frame {
        var isObject: Bool
        var expectsKey = true
        var key: String?
        var members: [String: String] = [:]
    }
    var stack: [Frame] = []
    var joinsPrevious = false
    while let token = scanner.next() {
        switch token {
        case .open(let isObject):
            stack.append(Frame(isObject: isObject))
        case .close:
            guard let frame = stack.popLast() else { break }
            if frame.isObject, let id = frame.members["id"], let type = frame.members["type"] {
                result.byID[id] = result.byID[id] ?? type
            }
            if frame.isObject, stack.isEmpty, let namespace = frame.members["namespace"], !namespace.isEmpty {
                result.namespace = namespace
            }
        case .colon:
            if let last = stack.indices.last { stack[last].expectsKey = false }
        case .comma:
            if let last = stack.indices.last, stack[last].isObject {
                stack[last].expectsKey = true
                stack[last].key = nil
            }
        case .plus:
            joinsPrevious = true
            continue
        case .text(let text):
            guard let last = stack.indices.last, stack[last].isObject else { break }
            if stack[last].expectsKey {
                stack[last].key = text
            } else if let key = stack[last].key {
                stack[last].members[key] = joinsPrevious ? (stack[last].members[key] ?? "") + text : text
            }
        }
        joinsPrevious = false
    }
    return result
}

/// Splits a VSAQ template (JavaScript object-literal syntax) into the tokens the type scan needs.
private struct VSAQTokenScanner {
    enum Token {
        case open(isObject: Bool)
        case close
        case colon
        case comma
        case plus
        /// A string's value, or a bare word (an unquoted key, a number, `true`).
        case text(String)
    }

    let bytes: [UInt8]
    var index = 0

    mutating func next() -> Token? {
        skipSpaceAndComments()
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "{"): return .open(isObject: true)
        case UInt8(ascii: "["): return .open(isObject: false)
        case UInt8(ascii: "}"), UInt8(ascii: "]"): return .close
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "+"): return .plus
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .text(string(closedBy: byte))
        default:
            let start = index - 1
            while index < bytes.count, !Self.endsWord(bytes[index]) { index += 1 }
            return .text(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }

    private static func endsWord(_ byte: UInt8) -> Bool {
        byte <= 0x20 || "{}[]:,+\"'/".utf8.contains(byte)
    }

    private mutating func skipSpaceAndComments() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte <= 0x20 {
                index += 1
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count,
                    bytes[index] != UInt8(ascii: "*") || bytes[index + 1] != UInt8(ascii: "/")
                {
                    index += 1
                }
                index = min(index + 2, bytes.count)
            } else {
                return
            }
        }
    }

    /// A quoted string's value; escapes that matter for ids (`\"`, `\\`, `\'`) are undone, others kept.
    private mutating func string(closedBy quote: UInt8) -> String {
        var value: [UInt8] = []
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
            }
            value.append(bytes[index])
            index += 1
        }
        index += 1
        return String(decoding: value, as: UTF8.self)
    }
}
