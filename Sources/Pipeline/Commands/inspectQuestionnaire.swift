import ControlModel
import Foundation
import Questionnaire
import Reports
import Spreadsheet

/// How `quire inspect` prints.
public enum InspectFormat: String, Sendable, CaseIterable {
    /// The layout decisions per sheet, for a person to check (items with --verbose).
    case table
    /// The whole questionnaire (Schemas/questionnaire.schema.json).
    case json
}

/// `quire inspect`: reads a questionnaire and prints what was decided about each sheet, then its items.
public func inspectQuestionnaire(
    path: String,
    reading: ReadingOptions,
    format: InspectFormat,
    verbose: Bool,
    destination: OutputDestination
) throws {
    let questionnaire = try reading.read(path)
    switch format {
    case .json:
        try deliver(Array(canonicalJSON(questionnaire).utf8), to: destination)
    case .table:
        try deliver(Array(describe(questionnaire, verbose: verbose).utf8), to: destination)
    }
}

private func describe(_ questionnaire: Questionnaire, verbose: Bool) -> String {
    var text = "\(questionnaire.file): \(questionnaire.format.rawValue), \(counted(questionnaire.items.count, "item"))"
    if let profile = questionnaire.profile { text += ", layout profile \(profile)" }
    text += "\n"
    for layout in questionnaire.sheets {
        text += "\n\(layout.sheet): \(layout.status.rawValue), \(layout.reason)\n"
        guard layout.status == .questionnaire else { continue }
        if !layout.writable {
            text +=
                "  never written: "
                + (layout.filledByReceiver.map { "filled by the receiving organisation: \($0)" }
                    ?? "layout confidence \(String(format: "%.2f", layout.confidence))") + "\n"
        }
        if !layout.confidenceReasons.isEmpty {
            text +=
                "  layout confidence \(String(format: "%.2f", layout.confidence)): "
                + layout.confidenceReasons.joined(separator: "; ") + "\n"
        }
        let unsure = questionnaire.items.filter { $0.sheet == layout.sheet && !$0.writable && $0.answerTarget != nil }
        if !unsure.isEmpty {
            text +=
                "  \(unsure.count) of \(layout.itemCount) items are not sure enough to write into; "
                + "their answers go to review (--verbose lists why)\n"
        }
        if !layout.columns.isEmpty {
            let listing = Listing(
                columns: ["column", "role", "header", "because"],
                rows: layout.columns.map { [$0.column, $0.role.rawValue, $0.header ?? "", $0.because] }
            )
            text += listing.text().split(separator: "\n").map { "  " + $0 + "\n" }.joined()
        }
        let skipped = layout.skippedRows.filter { $0.reason != .blank }
        if !skipped.isEmpty {
            var byReason: [SkipReason: [String]] = [:]
            for run in skipped {
                byReason[run.reason, default: []].append(
                    run.first == run.last ? "\(run.first)" : "\(run.first)-\(run.last)"
                )
            }
            text += "  rows passed over: "
            text += SkipReason.allCases.compactMap { reason in
                byReason[reason].map { "\(reason.rawValue) \($0.joined(separator: ","))" }
            }.joined(separator: "; ")
            text += "\n"
        }
        if verbose {
            let items = questionnaire.items.filter { $0.sheet == layout.sheet }
            let listing = Listing(
                columns: ["id", "row", "answer cell", "allowed", "existing", "sure", "question"],
                rows: items.map { item in
                    [
                        item.id, item.row.map(String.init) ?? "", item.answerTarget?.description ?? "",
                        item.allowedAnswers.isEmpty
                            ? item.answerType.rawValue : item.allowedAnswers.joined(separator: "/"),
                        item.existingAnswer ?? "", sureness(item), item.question,
                    ]
                }
            )
            text += listing.text().split(separator: "\n").map { "  " + $0 + "\n" }.joined()
        }
    }
    if verbose, questionnaire.sheets.isEmpty || questionnaire.items.contains(where: { $0.sheet == nil }) {
        for item in questionnaire.items where item.sheet == nil {
            text += "  \(item.id)  \(item.answerType.rawValue)  \(item.question)\n"
        }
    }
    return text
}

/// An item's confidence as the verbose listing shows it: `1.00`, or `0.50 not written: why`.
private func sureness(_ item: QuestionnaireItem) -> String {
    let value = String(format: "%.2f", item.confidence)
    guard !item.writable, item.answerTarget != nil else { return value }
    return "\(value) not written: " + item.confidenceReasons.joined(separator: "; ")
}
