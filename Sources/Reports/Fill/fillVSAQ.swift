public import Answering
import ControlModel
import Foundation
public import Questionnaire
import Spreadsheet

/// Writes answers to a VSAQ template as VSAQ stores them: one JSON object from answer key to
/// value, which VSAQ's "Load answers" reads back; returns its bytes and what was written.
///
/// VSAQ keys a group's answer by its choices, not by the group:
/// - `radiogroup`: the chosen choice's id → `"checked"`. The item's keys list the choice ids in
///   the order of its allowed answers, so the value's place among the allowed answers picks the id.
///   VSAQ's own "None of the above." choice has no stable key and is not written.
/// - `checkgroup`: each chosen check's id → `"checked"`; a value naming several choices separates them
///   with line breaks or `;`.
/// - `yesno`: the item id → `"yes"` or `"no"` (the first or second allowed answer).
/// - `check`, `radio`: the item id → `"checked"` for `Yes`; `No` writes nothing (unchecked).
/// - `line`, `box`: the item id → the text.
/// - `upload` takes a file, which Quire cannot give: not written.
///
/// The answers written are those ``Answer/isWritten`` allows, as for every format; VSAQ has no
/// comment fields, so comments are not. Keys are sorted, so the same answers always give the
/// same bytes. The kinds come from the template as it was first read; it is not read again.
///
/// - Parameters:
///   - questionnaire: The template, read.
///   - answers: The answers to write.
///   - existing: Answers stored before (VSAQ's answer JSON, as ``readVSAQAnswers(path:)`` reads
///     it): kept, except those under the keys of an item answered now, which the new answer
///     replaces (a radio group's other choice unchecked).
/// - Returns: The answer JSON's bytes and what was written.
/// - Throws: ``FillError/formatMismatch(path:format:wanted:)`` when the questionnaire is not VSAQ.
public func fillVSAQ(_ questionnaire: Questionnaire, answers: [Answer], over existing: [String: String] = [:]) throws
    -> (bytes: [UInt8], report: FillReport)
{
    guard questionnaire.format == .vsaq else {
        throw FillError.formatMismatch(path: questionnaire.file, format: questionnaire.format, wanted: .vsaq)
    }
    var items: [String: QuestionnaireItem] = [:]
    for item in questionnaire.items where items[item.id] == nil { items[item.id] = item }

    var report = FillReport(format: .vsaq)
    var values = existing
    var owners: [String: String] = [:]
    for answer in answers {
        guard let value = answer.valueToWrite else { continue }
        let target = answer.target?.description
        func refuse(_ reason: FillRefusal) {
            report.refused.append(RefusedFill(item: answer.id, part: .answer, target: target, reason: reason))
        }
        guard let item = items[answer.id] else {
            refuse(.vsaq("the item is not in the template"))
            continue
        }
        guard let answerTarget = answer.target else {
            refuse(.vsaq("it has no answer key in the template (an item without an id)"))
            continue
        }
        guard case .vsaqKeys(let keys, let kind) = answerTarget else {
            refuse(.wrongKindOfTarget)
            continue
        }
        let entries: [(key: String, value: String)]
        switch vsaqEntries(for: value, keys: keys, kind: kind, allowed: item.allowedAnswers) {
        case .success(let found): entries = found
        case .failure(let skip):
            refuse(.vsaq(skip.reason))
            continue
        }
        if let clash = entries.first(where: { owners[$0.key] != nil }), let owner = owners[clash.key] {
            refuse(.alreadyWritten(byItem: owner))
            continue
        }
        for key in keys { values[key] = nil }
        for entry in entries {
            values[entry.key] = entry.value
            owners[entry.key] = answer.id
        }
        let written = FilledCell(item: answer.id, part: .answer, target: entries.map(\.key).joined(separator: ","))
        if entries.isEmpty { report.unchanged.append(written) } else { report.written.append(written) }
    }
    return (Array(canonicalJSON(values).utf8), report)
}

/// The template's items with the answers stored in VSAQ's answer JSON as their existing answers,
/// each read back into the item's terms (the chosen choice of a group, Yes or No, the text).
public func withVSAQAnswers(_ questionnaire: Questionnaire, _ stored: [String: String]) -> Questionnaire {
    var filled = questionnaire
    for index in filled.items.indices {
        guard case .vsaqKeys(let keys, let kind)? = filled.items[index].answerTarget, let key = keys.first else {
            continue
        }
        let allowed = filled.items[index].allowedAnswers
        let value: String?
        switch kind {
        case .radiogroup, .checkgroup:
            let chosen = keys.indices.filter { stored[keys[$0]] == "checked" && $0 < allowed.count }.map { allowed[$0] }
            value = chosen.isEmpty ? nil : chosen.joined(separator: "; ")
        case .yesno:
            value = stored[key] == "yes" ? allowed.first : stored[key] == "no" && allowed.count > 1 ? allowed[1] : nil
        case .check, .radio:
            value = stored[key] == "checked" ? allowed.first : nil
        case .line, .box:
            value = stored[key].flatMap { $0.isEmpty ? nil : $0 }
        case .upload:
            value = nil
        }
        filled.items[index].existingAnswer = value
    }
    return filled
}

/// Why an answer cannot be put in VSAQ's form.
private struct VSAQSkip: Error {
    var reason: String
}

/// The answer keys and values VSAQ stores for one item's value.
private func vsaqEntries(
    for value: String,
    keys: [String],
    kind: VSAQItemKind,
    allowed: [String]
) -> Result<[(key: String, value: String)], VSAQSkip> {
    guard let key = keys.first else { return .failure(VSAQSkip(reason: "its answer key names no id")) }
    switch kind {
    case .radiogroup, .checkgroup:
        // A choice without an id would shift the ids against the labels; only the "None of the above."
        // that the reader adds for VSAQ's `defaultChoice` has none.
        let addedDefault = keys.count + 1 == allowed.count && allowed.last == "None of the above."
        guard keys.count == allowed.count || addedDefault else {
            return .failure(VSAQSkip(reason: "some of its choices have no id, so the chosen one's key is unknown"))
        }
        let chosen = kind == .checkgroup ? splitChoices(value, allowed: allowed) : [value]
        var entries: [(key: String, value: String)] = []
        for choice in chosen {
            guard let index = position(of: choice, in: allowed) else {
                return .failure(VSAQSkip(reason: "\"\(choice)\" is not one of its choices"))
            }
            guard index < keys.count else {
                return .failure(VSAQSkip(reason: "\"\(choice)\" is VSAQ's own choice, which has no stable answer key"))
            }
            entries.append((keys[index], "checked"))
        }
        return .success(entries)
    case .yesno:
        guard let index = position(of: value, in: allowed), index < 2 else {
            return .failure(VSAQSkip(reason: "\"\(value)\" is neither of its two answers"))
        }
        return .success([(key, index == 0 ? "yes" : "no")])
    case .check, .radio:
        guard let index = position(of: value, in: allowed) else {
            return .failure(VSAQSkip(reason: "\"\(value)\" is neither Yes nor No"))
        }
        return .success(index == 0 ? [(key, "checked")] : [])
    case .line, .box:
        return .success([(key, value)])
    case .upload:
        return .failure(VSAQSkip(reason: "VSAQ asks for a file upload here, which Quire cannot give"))
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
    // A line break may be CR LF, which Swift reads as one character of its own.
    let lines = value.contains(where: \.isNewline)
    return value.split(whereSeparator: { lines ? $0.isNewline : $0 == ";" })
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { !$0.isEmpty }
}
