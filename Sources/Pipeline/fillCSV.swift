public import Answering
import Spreadsheet

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// What writing answers into a copy of a questionnaire did.
public struct FillReport: Sendable, Hashable {
    /// The answer cells written.
    public var answersWritten: Int
    /// The comment cells written.
    public var commentsWritten: Int
    /// Cells that already held exactly what would have been written, so were left as they were.
    public var unchanged: Int
    /// Answers (or comments) that were not written, each with the reason, in answer order.
    public var skipped: [String]

    /// Makes a report.
    public init(answersWritten: Int = 0, commentsWritten: Int = 0, unchanged: Int = 0, skipped: [String] = []) {
        self.answersWritten = answersWritten
        self.commentsWritten = commentsWritten
        self.unchanged = unchanged
        self.skipped = skipped
    }
}

extension FillReport {
    /// Counts what happened to one planned cell.
    fileprivate mutating func record(_ outcome: FillPlan.Outcome) {
        switch outcome {
        case .placed(let kind):
            if kind == "comment" { commentsWritten += 1 } else { answersWritten += 1 }
        case .unchanged: unchanged += 1
        case .skipped(let reason): skipped.append(reason)
        }
    }
}

/// Writes a copy of a CSV questionnaire with the answers in their cells, keeping the file's dialect
/// and every byte it does not have to change.
///
/// The cells written are those the workbook filler writes: for each answer that needs no review
/// and is not the file's own (basis `existing`), its value in its answer cell (`'questions'!$D$7`:
/// the sheet is the file's base name) and its comment in its comment cell, where it has them.
/// Records that get no answer are copied byte for byte; in a record that does, the other fields keep
/// their exact text (quotes included) and only the written fields are quoted as needed, so the line
/// ends, delimiter, encoding (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252) and final
/// line end stay as they were. A record shorter than the answer column gets empty fields up to it.
/// Text that a spreadsheet program would run as a formula (it starts with `=`, `+`, `-`, `@`, tab or
/// CR) is written after an apostrophe. A cell that already holds exactly the text is left alone.
///
/// Recoverable problems are not thrown but listed in the report: an answer cell that is not on the
/// file's sheet or past its last record, two answers for one cell, text the file's encoding cannot
/// hold (Windows-1252 has no `≥`, for instance). The delimiter is sniffed from the text, so a copy
/// that would no longer read with the original's delimiter (possible only in files whose records have
/// too few fields to tell) is refused rather than written.
/// - Parameters:
///   - original: The questionnaire as received; it is only read.
///   - answers: The answers, as ``Answerer`` gives them.
///   - destination: Where the copy goes: written to a temporary file beside it, then renamed.
/// - Returns: What was written and what was not.
/// - Throws: ``PipelineError/usage(_:)`` when `destination` is `original` (by path or link) or the
///   file is not CSV; ``SpreadsheetError`` when it cannot be read; ``PipelineError`` when the copy
///   cannot be written (`cannotCreateOutput` also for the delimiter refusal above).
@discardableResult
public func fillCSV(original: String, answers: [Answer], destination: String) throws -> FillReport {
    try ensureDistinct(input: original, output: destination, what: "questionnaire")
    // Reading every row first reports a malformed file with its line and column, as `quire cat` does.
    let workbook = try Workbook(path: original)
    guard workbook.format == .csv, let sheet = workbook.sheets.first else {
        throw PipelineError.usage(
            "\(original): is an \(workbook.format.rawValue.uppercased()) workbook, not CSV; it is filled by patching "
                + "the workbook"
        )
    }
    try workbook.readRows(of: sheet) { _ in }
    let document = try CSVDocument(path: original)
    let records = document.records()

    var report = FillReport()
    var planned = FillPlan(sheet: sheet.name, document: document, records: records)
    // The same cells as the workbook filler plans (``plannedEdits(_:)``): answers already in the
    // file are left as they are.
    for answer in answers where !answer.review && answer.basis != .existing {
        if let value = answer.value, !value.isEmpty {
            if let cell = answer.answerCell {
                report.record(planned.place(Listing.defused(value), at: cell, for: answer.id, kind: "answer"))
            } else {
                report.skipped.append("item \(answer.id): it has no answer cell, so its answer was not written")
            }
        }
        if let comment = answer.comment, !comment.isEmpty, let cell = answer.commentCell {
            report.record(planned.place(Listing.defused(comment), at: cell, for: answer.id, kind: "comment"))
        }
    }

    guard let bytes = document.dialect.encode(planned.render()) else {
        // Every written field was checked; untouched text decodes and encodes back exactly.
        throw PipelineError.cannotCreateOutput(
            path: destination,
            reason: "the text cannot be written in \(document.dialect.encoding.rawValue)"
        )
    }
    // The delimiter is sniffed from the text, so the copy must still read as the original does.
    guard CSVDialect.sniffDelimiter(fileBytes: bytes) == document.dialect.delimiter else {
        let name = document.dialect.delimiter == 0x09 ? "tab" : "\"\(document.dialect.delimiterName)\""
        throw PipelineError.cannotCreateOutput(
            path: destination,
            reason: "with the answers written in, the copy would no longer read as \(name)-delimited (its records "
                + "have too few fields to tell); nothing was written: enter the answers by hand, or save the "
                + "questionnaire as XLSX and fill that"
        )
    }
    try writeAtomically(path: destination) { descriptor in
        try bytes.withUnsafeBytes { try writeAll(descriptor, $0, path: destination) }
    }
    return report
}

/// The fields to change in a CSV document, by record and column.
private struct FillPlan {
    enum Outcome {
        case placed(kind: String)
        case unchanged
        case skipped(String)
    }

    let sheet: String
    let document: CSVDocument
    let records: [CSVRecordSpan]
    /// New field text (unquoted) by 0-based record index, then 1-based column.
    private(set) var edits: [Int: [Int: String]] = [:]
    /// Which item each edited cell was planned for.
    private var owners: [CellAddress: String] = [:]

    init(sheet: String, document: CSVDocument, records: [CSVRecordSpan]) {
        self.sheet = sheet
        self.document = document
        self.records = records
    }

    /// Plans `text` for a cell, unless something stands in the way.
    mutating func place(_ text: String, at reference: String, for item: String, kind: String) -> Outcome {
        let prefix = "item \(item): \(kind) cell \(reference)"
        guard let cell = SheetCell(reference: reference) else {
            return .skipped("\(prefix) is not a cell reference; nothing was written there")
        }
        let address = cell.address
        if cell.sheet != sheet, cell.sheet.lowercased() != sheet.lowercased() {
            return .skipped("\(prefix) is on sheet \"\(cell.sheet)\", but this file's only sheet is \"\(sheet)\"")
        }
        guard address.row <= records.count else {
            return .skipped("\(prefix) is past the file's last record (\(records.count)); nothing was written there")
        }
        if let owner = owners[address] {
            return .skipped("\(prefix) was already written for item \(owner); the \(kind) was not written")
        }
        guard document.dialect.canEncode(text) else {
            return .skipped(
                "\(prefix): the \(kind) holds characters \(document.dialect.encoding.rawValue) cannot encode "
                    + "(\(unencodable(text))); it was not written: re-save the file as CSV UTF-8 to allow them"
            )
        }
        let record = records[address.row - 1]
        let current = address.column <= record.fields.count ? document.value(of: record.fields[address.column - 1]) : ""
        if current == text { return .unchanged }
        owners[address] = item
        edits[address.row - 1, default: [:]][address.column] = text
        return .placed(kind: kind)
    }

    /// The characters of `text` the document's encoding cannot hold, for the message.
    private func unencodable(_ text: String) -> String {
        var seen: [Character] = []
        for character in text where !document.dialect.canEncode(String(character)) && !seen.contains(character) {
            seen.append(character)
        }
        return seen.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// The document's text (UTF-8) with the planned fields written in.
    func render() -> [UInt8] {
        let text = document.text
        let delimiter = document.dialect.delimiter
        var output: [UInt8] = []
        output.reserveCapacity(text.count + edits.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.utf8.count } })
        var cursor = 0
        for index in edits.keys.sorted() {
            guard let changes = edits[index] else { continue }
            let record = records[index]
            output.append(contentsOf: text[cursor..<record.range.lowerBound])
            let lastColumn = max(record.fields.count, changes.keys.max() ?? 0)
            for column in 1...lastColumn {
                if column > 1 { output.append(delimiter) }
                if let change = changes[column] {
                    appendField(change, delimiter: delimiter, to: &output)
                } else if column <= record.fields.count {
                    output.append(contentsOf: text[record.fields[column - 1]])
                }
            }
            output.append(contentsOf: text[record.lineBreak])
            cursor = record.range.upperBound
        }
        output.append(contentsOf: text[cursor...])
        return output
    }
}

/// Appends a field, in quotes when it holds the delimiter, a quote, a line break, a leading or
/// trailing space, or any other delimiter the reader might sniff (`,` `;` tab `|`): quoted text
/// never sways the sniffing, so the copy reads with the original's delimiter.
private func appendField(_ text: String, delimiter: UInt8, to output: inout [UInt8]) {
    let quote = UInt8(ascii: "\"")
    let special: [UInt8] = [
        delimiter, quote, 0x0D, 0x0A, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|"),
    ]
    let bytes = Array(text.utf8)
    let space = UInt8(ascii: " ")
    guard bytes.contains(where: special.contains) || bytes.first == space || bytes.last == space else {
        output.append(contentsOf: bytes)
        return
    }
    output.append(quote)
    for byte in bytes {
        output.append(byte)
        if byte == quote { output.append(quote) }
    }
    output.append(quote)
}

/// Refuses to write an output over an input, whether the two paths are the same or lead to the same
/// file through links.
func ensureDistinct(input: String, output: String, what: String) throws {
    if sameFile(input, output) {
        throw PipelineError.usage(
            "\(output): is the \(what) itself; the input is never modified, so write the filled copy to another file"
        )
    }
}

// MARK: - Review list

/// Writes the answers a person must look at before the questionnaire is sent: one row per answer
/// with `review` set, in answer order; as a workbook when `path` ends in `.xlsx`
/// (``writeReviewWorkbook(answers:to:)``), else as CSV.
///
/// Columns: `id`, `question`, `sheet`, `row`, `answer_cell`, `proposed_value` (empty when nothing
/// fits), `proposed_comment`, `confidence` (two decimals), `basis`, `cites` (the controls, library
/// answer and evidence the proposal rests on, `;`-separated), `reason`. UTF-8 without a byte-order
/// mark, comma-delimited,
/// CRLF line ends (RFC 4180). Cells that a spreadsheet program would run as a formula are written after
/// an apostrophe. The file is written atomically, and written even when no answer needs review (then
/// it holds the header alone), so a stale list never survives a rerun.
/// - Parameters:
///   - answers: The answers, as ``Answerer`` gives them.
///   - path: The file to write, such as `acme.review.csv` beside `acme.csv`.
/// - Throws: ``PipelineError`` when the file cannot be written.
public func writeReviewList(answers: [Answer], to path: String) throws {
    if path.lowercased().hasSuffix(".xlsx") {
        try writeReviewWorkbook(answers: answers, to: path)
        return
    }
    let writer = CSVWriter()
    var bytes: [UInt8] = []
    writer.appendRecord(
        [
            "id", "question", "sheet", "row", "answer_cell", "proposed_value", "proposed_comment", "confidence",
            "basis", "cites", "reason",
        ],
        to: &bytes
    )
    for answer in answers where answer.review {
        let confidence = (answer.confidence * 100).rounded() / 100
        let fields: [String] = [
            answer.id, answer.question, answer.sheet ?? "", answer.row.map(String.init) ?? "",
            answer.answerCell ?? "", answer.value ?? "", answer.comment ?? "", formatConfidence(confidence),
            answer.basis.rawValue, citations(of: answer), answer.reviewReason ?? "",
        ]
        writer.appendRecord(fields.map(Listing.defused), to: &bytes)
    }
    try writeAtomically(path: path) { descriptor in
        try bytes.withUnsafeBytes { try writeAll(descriptor, $0, path: path) }
    }
}

/// What an answer rests on: `control IAM-03; answer ans-12; evidence EV-7`.
func citations(of answer: Answer) -> String {
    let cites =
        answer.controls.map { "control \($0)" } + (answer.libraryEntry.map { ["answer \($0)"] } ?? [])
        + answer.evidence.map { "evidence \($0.id)" }
    return cites.joined(separator: "; ")
}

/// Writes the review list as a workbook: one sheet, "Review", with the CSV list's columns (the
/// confidence as a number) and two left empty for the reviewer, "Decision" (a drop-down of
/// Accept, Change, Reject) and "Final answer".
public func writeReviewWorkbook(answers: [Answer], to path: String) throws {
    let flagged = answers.filter(\.review)
    let rows: [[XLSXValue]] = flagged.map { answer in
        let row: XLSXValue = answer.row.map { XLSXValue.number(Double($0)) } ?? .empty
        let confidence: XLSXValue = .number((answer.confidence * 100).rounded() / 100)
        let texts: [String] = [
            answer.id, answer.question, answer.sheet ?? "", answer.answerCell ?? "", answer.value ?? "",
            answer.comment ?? "", answer.basis.rawValue, citations(of: answer), answer.reviewReason ?? "",
        ]
        let cells = texts.map(XLSXValue.text)
        return Array(cells[0..<3]) + [row] + Array(cells[3..<6]) + [confidence] + Array(cells[6...]) + [.empty, .empty]
    }
    try deliverWorkbook(
        XLSXSheet(
            name: "Review",
            columns: [
                XLSXColumn("ID", width: 10), XLSXColumn("Question", width: 60, wrap: true),
                XLSXColumn("Sheet", width: 14), XLSXColumn("Row", width: 6), XLSXColumn("Cell", width: 16),
                XLSXColumn("Proposed answer", width: 14), XLSXColumn("Proposed comment", width: 50, wrap: true),
                XLSXColumn("Confidence", width: 11), XLSXColumn("Basis", width: 20),
                XLSXColumn("Cites", width: 30, wrap: true), XLSXColumn("Reason", width: 40, wrap: true),
                XLSXColumn("Decision", width: 11, allowedValues: ["Accept", "Change", "Reject"]),
                XLSXColumn("Final answer", width: 30, wrap: true),
            ],
            rows: rows
        ),
        to: path
    )
}

/// A confidence (already rounded to hundredths) with two decimals: `0.70`, `1.00`.
private func formatConfidence(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// The review list's path for a filled copy: `acme-filled.csv` gives `acme-filled.review.csv`; a
/// name without an extension gets `.review.csv` appended.
public func reviewListPath(forOutput output: String) -> String {
    let slash = output.lastIndex(of: "/")
    let nameStart = slash.map { output.index(after: $0) } ?? output.startIndex
    guard let dot = output[nameStart...].lastIndex(of: "."), dot > nameStart else { return output + ".review.csv" }
    return String(output[..<dot]) + ".review.csv"
}
