import Answering
import ControlModel
import Exchange
import Foundation
import Reports
import Spreadsheet

private struct AuditDocument: Encodable {
    var files: [String]
    var answers: Int
    var findings: [LibraryFinding]
}

/// `quire library check`: reports duplicate and conflicting answer library entries and entries pointing at unknown
/// controls or evidence; returns whether there were none of the last two kinds.
public func checkAnswerLibrary(files: [String], format: ListingFormat, destination: OutputDestination) throws -> Bool {
    let loaded = loadLibrary(files: files)
    if let missing = loaded.missingFiles.first { throw PipelineError.missingInput(path: missing) }
    let matcher = Matcher(index: loaded.index)
    var findings = auditAnswerLibrary(matcher)
    // Structural problems the loader found (unknown controls, bad dates) are findings too.
    for diagnostic in loaded.diagnostics where diagnostic.severity == .error && !diagnostic.message.hasPrefix("answer ")
    {
        findings.append(
            LibraryFinding(kind: .unknownReference, entries: [], message: diagnostic.description, similarity: nil)
        )
    }
    switch format {
    case .json:
        let document = AuditDocument(files: files, answers: loaded.user.answers.count, findings: findings)
        try deliver(Array(canonicalJSON(document).utf8), to: destination)
    case .table, .csv, .xlsx:
        let listing = Listing(
            columns: ["kind", "entries", "similarity", "finding"],
            rows: findings.map {
                [
                    $0.kind.rawValue, $0.entries.joined(separator: " "),
                    $0.similarity.map { String(format: "%.2f", $0) } ?? "",
                    $0.message,
                ]
            }
        )
        if format == .csv {
            try deliver(listing.csv(), to: destination)
        } else if format == .xlsx {
            try emit(listing, json: [String](), format: .xlsx, sheet: "Answer library findings", to: destination)
        } else {
            var text = findings.isEmpty ? "" : listing.text()
            let counts = Dictionary(grouping: findings, by: \.kind).mapValues(\.count)
            text +=
                "\(counted(loaded.user.answers.count, "answer")) checked: \(counts[.conflict] ?? 0) conflicts, "
                + "\(counts[.duplicate] ?? 0) duplicates, \(counts[.unknownReference] ?? 0) unknown references\n"
            try deliver(Array(text.utf8), to: destination)
        }
    }
    return !findings.contains { $0.kind != .duplicate }
}
