public import Answering
public import ControlModel
public import Questionnaire
public import Spreadsheet

/// The answers a person must look at before a questionnaire is sent, one entry per answer that
/// needs review, in answer order.
public struct ReviewList: Sendable, Hashable {
    /// One answer to review.
    public struct Entry: Sendable, Hashable {
        /// The item's id.
        public var id: String
        /// The question.
        public var question: String
        /// The product it is answered for, when the questionnaire asks per product.
        public var product: String?
        /// The item's sheet, if any.
        public var sheet: String?
        /// The item's row, if any.
        public var row: Int?
        /// Where the answer goes (a cell reference or VSAQ keys), if anywhere.
        public var target: String?
        /// The value proposed, if any fits.
        public var proposedValue: String?
        /// The comment proposed, if any.
        public var proposedComment: String?
        /// The confidence, rounded to hundredths.
        public var confidence: Double
        /// What the proposal rests on.
        public var basis: AnswerBasis
        /// The controls, library answer and evidence it cites: `control IAM-03; answer ans-12; evidence EV-7`.
        public var cites: String
        /// Why it needs review.
        public var reasons: [ReviewReason]
        /// Where the comment goes, if the item has a comment cell.
        public var commentCell: String?
        /// What the answer cell (or the marked choice) held when the list was made; `quire apply`
        /// refuses a decision when the cell holds something else by then.
        public var cellValue: String?
        /// Whether the proposal was written into the filled copy before review
        /// (`quire answer --write-proposals`): the cell holds an unreviewed answer.
        public var proposalInFile: Bool

        /// The reasons in one line, `;`-separated.
        public var reason: String { reasons.map(\.message).joined(separator: "; ") }
    }

    /// The entries, in answer order.
    public var entries: [Entry]
    /// The questionnaire's file name and the day it was answered as of, for the printed footer.
    public var source: String?
    /// The day the answers were judged on.
    public var asOf: Day?

    /// The review list of a questionnaire's answers: those that need review (``Answer/review``).
    ///
    /// With the questionnaire, each entry records what its answer cell held when the list was made;
    /// `written` names the items whose proposal the filled copy already holds, unreviewed.
    public init(answers: [Answer], questionnaire: Questionnaire? = nil, written: Set<String> = []) {
        var existing: [String: String] = [:]
        for item in questionnaire?.items ?? [] where existing[item.id] == nil {
            existing[item.id] = item.existingAnswer ?? ""
        }
        entries = answers.filter(\.review).map { answer in
            Entry(
                id: answer.id,
                question: answer.question,
                product: answer.product,
                sheet: answer.sheet,
                row: answer.row,
                target: answer.target?.description,
                proposedValue: answer.value,
                proposedComment: answer.comment,
                confidence: (answer.confidence * 100).rounded() / 100,
                basis: answer.basis,
                cites: citations(of: answer),
                reasons: answer.reviewReasons,
                commentCell: answer.commentCell?.reference,
                cellValue: written.contains(answer.id) ? answer.value : existing[answer.id],
                proposalInFile: written.contains(answer.id)
            )
        }
    }

    /// The CSV column names, in order.
    public static let csvColumns = [
        "id", "question", "product", "sheet", "row", "answer_cell", "proposed_value", "proposed_comment", "confidence",
        "basis", "cites", "reason", "decision", "final_answer", "final_comment", "comment_cell", "cell_value",
        "proposal_in_file",
    ]

    /// The list as CSV.
    ///
    /// UTF-8 without a byte-order mark, comma-delimited, CRLF line ends (RFC 4180), a header row
    /// even when no answer needs review; `decision`, `final_answer` and `final_comment` are left for
    /// the reviewer (`Accept`, `Change` with a final answer, `Reject`; a final comment replaces the
    /// proposed one). Cells a spreadsheet program would run as a
    /// formula are written after an apostrophe.
    public func csv() -> [UInt8] {
        Listing(
            columns: Self.csvColumns,
            rows: entries.map { entry in
                [
                    entry.id, entry.question, entry.product ?? "", entry.sheet ?? "", entry.row.map(String.init) ?? "",
                    entry.target ?? "",
                    entry.proposedValue ?? "", entry.proposedComment ?? "", formatConfidence(entry.confidence),
                    entry.basis.rawValue, entry.cites, entry.reason, "", "", "", entry.commentCell ?? "",
                    entry.cellValue ?? "", entry.proposalInFile ? "yes" : "",
                ]
            }
        ).csv()
    }

    /// The list as a sheet, "Review": the CSV list's columns (row and confidence as numbers), three
    /// left empty for the reviewer, "Decision" (a drop-down of Accept, Change, Reject), "Final
    /// answer" and "Final comment", then what `quire apply` checks: the comment cell and what the answer cell held.
    public func sheet() -> XLSXSheet {
        let rows: [[XLSXValue]] = entries.map { entry in
            [
                .text(entry.id), .text(entry.question), .text(entry.product ?? ""), .text(entry.sheet ?? ""),
                entry.row.map { .number(Double($0)) } ?? .empty, .text(entry.target ?? ""),
                .text(entry.proposedValue ?? ""), .text(entry.proposedComment ?? ""), .number(entry.confidence),
                .text(entry.basis.rawValue), .text(entry.cites), .text(entry.reason), .empty, .empty, .empty,
                .text(entry.commentCell ?? ""), .text(entry.cellValue ?? ""), .text(entry.proposalInFile ? "Yes" : ""),
            ]
        }
        var sheet = XLSXSheet(
            name: "Review",
            columns: [
                XLSXColumn("ID", width: 10), XLSXColumn("Question", width: 60, wrap: true),
                XLSXColumn("Product", width: 14), XLSXColumn("Sheet", width: 14), XLSXColumn("Row", width: 6),
                XLSXColumn("Cell", width: 16),
                XLSXColumn("Proposed answer", width: 14), XLSXColumn("Proposed comment", width: 50, wrap: true),
                XLSXColumn("Confidence", width: 11), XLSXColumn("Basis", width: 20),
                XLSXColumn("Cites", width: 30, wrap: true), XLSXColumn("Reason", width: 40, wrap: true),
                XLSXColumn("Decision", width: 11, allowedValues: ReviewDecision.Choice.allCases.map(\.label)),
                XLSXColumn("Final answer", width: 30, wrap: true), XLSXColumn("Final comment", width: 40, wrap: true),
                XLSXColumn("Comment cell", width: 16), XLSXColumn("Cell value when listed", width: 16),
                XLSXColumn("Proposal in file", width: 10),
            ],
            rows: rows
        )
        sheet.printSetup = XLSXPrintSetup(
            footer: "Review list" + (source.map { " for \($0)" } ?? "") + (asOf.map { ", as of \($0)" } ?? "")
        )
        return sheet
    }

    /// The list as a workbook of the one ``sheet()``.
    public func workbook() throws -> [UInt8] {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(sheet())
        return try writer.data()
    }

    /// The list in the form a file name asks for: a workbook for `.xlsx`, else CSV.
    public func rendered(forPath path: String) throws -> [UInt8] {
        path.lowercased().hasSuffix(".xlsx") ? try workbook() : csv()
    }
}

/// What an answer rests on: `control IAM-03; answer ans-12; evidence EV-7`.
func citations(of answer: Answer) -> String {
    let cites =
        answer.controls.map { "control \($0)" } + (answer.libraryEntry.map { ["answer \($0)"] } ?? [])
        + answer.evidence.map { "evidence \($0.id)" }
    return cites.joined(separator: "; ")
}

/// A confidence (already rounded to hundredths) with two decimals: `0.70`, `1.00`.
func formatConfidence(_ value: Double) -> String {
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
