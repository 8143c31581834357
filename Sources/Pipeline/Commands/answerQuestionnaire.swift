import Answering
import ControlModel
import Foundation
import Questionnaire
import Reports
import Spreadsheet

/// How `quire answer` writes its answers.
public enum AnswerFormat: String, Sendable, CaseIterable {
    /// One document with the answers, the review list and the summary (Schemas/answers.schema.json).
    case json
    /// One row per item.
    case csv
}

/// Where `quire answer` writes.
public struct AnswerOutputs: Sendable, Hashable {
    /// `-o`: a filled copy when the name has the questionnaire's own extension, else the answers
    /// document; standard output when nil.
    public var output: String?
    /// `--answers`: the answers document, when `-o` names a filled copy.
    public var answersDocument: String?
    /// `--review`: the review list (`.csv`, or `.xlsx` for a workbook); by default beside a filled
    /// copy as `NAME.review.csv`.
    public var reviewList: String?
    /// `--write-proposals`: the filled copy also gets the proposals that need review, where they
    /// fit (``Answer/proposalWritable``); the review list says which cells hold them.
    public var writeProposals: Bool

    /// Outputs as the options name them.
    public init(
        output: String? = nil,
        answersDocument: String? = nil,
        reviewList: String? = nil,
        writeProposals: Bool = false
    ) {
        self.output = output
        self.answersDocument = answersDocument
        self.reviewList = reviewList
        self.writeProposals = writeProposals
    }
}

private struct AnswersDocument: Encodable {
    struct Summary: Encodable {
        var items: Int
        var answered: Int
        var review: Int
        var unanswered: Int
        var byBasis: [String: Int]

        enum CodingKeys: String, CodingKey {
            case items, answered, review, unanswered
            case byBasis = "by_basis"
        }
    }
    struct ReviewEntry: Encodable {
        var id: String
        var sheet: String?
        var row: Int?
        var reason: String

        enum CodingKeys: String, CodingKey { case id, sheet, row, reason }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(sheet, forKey: .sheet)
            try container.encode(row, forKey: .row)
            try container.encode(reason, forKey: .reason)
        }
    }
    var file: String
    var asOf: String
    var summary: Summary
    var answers: [Answer]
    var review: [ReviewEntry]

    enum CodingKeys: String, CodingKey {
        case file, summary, answers, review
        case asOf = "as_of"
    }
}

/// `quire answer`: answers a questionnaire from the library and writes the answers with their
/// basis, a filled copy and a review list as asked; the one-line summary goes to `diagnostics`.
///
/// Every file it will write is checked first (never over the questionnaire, never two outputs
/// on one file, each folder writable), so a bad path for one leaves no other behind.
public func answerQuestionnaire(
    _ request: AnsweringRequest,
    asOf: String?,
    overwrite: Bool,
    writeFrom: Double? = nil,
    format: AnswerFormat,
    outputs: AnswerOutputs,
    diagnostics: Diagnostics
) throws {
    let inputExtension = (request.file as NSString).pathExtension.lowercased()
    let fills = outputs.output.map { ($0 as NSString).pathExtension.lowercased() == inputExtension } ?? false
    let filledCopy = fills ? outputs.output : nil
    let destination: OutputDestination? =
        fills ? outputs.answersDocument.map { .file($0) } : outputs.output.map { .file($0) } ?? .standardOutput
    let reviewPath = outputs.reviewList ?? filledCopy.map(reviewListPath(forOutput:))
    if let reviewPath, sameFile(reviewPath, request.file) {
        throw PipelineError.usage(
            "the review list \(reviewPath) would replace the questionnaire itself; name another file"
        )
    }
    if let filledCopy, let reviewList = outputs.reviewList, sameFile(filledCopy, reviewList) {
        throw PipelineError.usage("the review list and the filled copy are both \(filledCopy); name two files")
    }
    if let filledCopy, sameFile(filledCopy, request.file) {
        throw PipelineError.usage(
            "the filled copy \(filledCopy) would replace the questionnaire itself; name another file"
        )
    }
    var paths = [filledCopy, reviewPath]
    if case .file(let path) = destination { paths.append(path) }
    for path in paths.compactMap({ $0 }) { try checkCanCreate(path) }

    let day = try parseDay(asOf)
    let (questionnaire, matcher) = try request.load(diagnostics: diagnostics)
    let answerer = Answerer(
        matcher: matcher,
        options: AnsweringOptions(asOf: day, overwrite: overwrite, writeFrom: writeFrom)
    )
    let answers = answerer.answer(questionnaire)
    var byBasis: [String: Int] = [:]
    for answer in answers { byBasis[answer.basis.rawValue, default: 0] += 1 }
    let answered = answers.count { $0.value != nil && !$0.review }
    let review = answers.count { $0.value != nil && $0.review }
    let unanswered = answers.count { $0.value == nil }

    var filledSummary = ""
    var proposalsWritten: Set<String> = []
    if let filledCopy {
        let expected = questionnaire.format == .vsaq ? ["json"] : [questionnaire.format.rawValue]
        let ext = (filledCopy as NSString).pathExtension.lowercased()
        guard expected.contains(ext) || (questionnaire.format != .vsaq && ["xlsx", "xlsm"].contains(ext)) else {
            throw PipelineError.usage(
                "cannot write a filled .\(ext) copy of this \(questionnaire.format.rawValue.uppercased()) "
                    + "questionnaire; name the copy with the questionnaire's own extension"
                    + (questionnaire.format == .vsaq ? " (.json for VSAQ's answers file)" : "")
            )
        }
        let (bytes, report) = try fill(questionnaire, answers: answers, proposals: outputs.writeProposals)
        try deliver(bytes, toFile: filledCopy)
        filledSummary = describe(report, file: request.file, into: filledCopy, diagnostics: diagnostics)
        let inReview = Set(answers.filter(\.review).map(\.id))
        proposalsWritten = Set(report.written.filter { $0.part == .answer && inReview.contains($0.item) }.map(\.item))
        if outputs.writeProposals {
            filledSummary += " (\(counted(proposalsWritten.count, "unreviewed proposal")) among them)"
        }
    }
    if let reviewPath {
        var list = ReviewList(answers: answers, questionnaire: questionnaire, written: proposalsWritten)
        list.source = URL(fileURLWithPath: request.file).lastPathComponent
        list.asOf = day
        try deliver(try rendering(reviewPath) { try list.rendered(forPath: reviewPath) }, toFile: reviewPath)
        filledSummary += "; review list \(reviewPath)"
    }
    if let destination {
        switch format {
        case .json:
            let document = AnswersDocument(
                file: request.file,
                asOf: day.description,
                summary: AnswersDocument.Summary(
                    items: answers.count,
                    answered: answered,
                    review: review,
                    unanswered: unanswered,
                    byBasis: byBasis
                ),
                answers: answers,
                review: answers.filter(\.review).map {
                    .init(id: $0.id, sheet: $0.sheet, row: $0.row, reason: $0.reviewReason ?? "")
                }
            )
            try deliver(Array(canonicalJSON(document).utf8), to: destination)
        case .csv:
            try deliver(answersListing(answers).csv(), to: destination)
        }
    }
    // A first run writes little: say why, once, before the summary, rather than leave "0 answered"
    // to puzzle over.
    let unthresholded = answers.count { $0.reviewReasons.contains(.noWriteThreshold) }
    if unthresholded > 0 {
        diagnostics.note(
            "\(counted(unthresholded, "answer")) derived from controls and otherwise ready "
                + (unthresholded == 1 ? "is" : "are") + " proposed for review, not written: no confidence has yet "
                + "been shown to be 98% right (README, \"When a derived answer is written without review\"); "
                + "accepted in review and learned with quire apply --learn, they are written the next time"
        )
    }
    let bases = byBasis.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    diagnostics.note(
        "\(request.file): \(counted(answers.count, "item")): \(answered) answered, \(review) need review, "
            + "\(unanswered) unanswered (by basis: \(bases))" + filledSummary
    )
}

/// The answers as `quire answer --format csv` lists them: one row per item.
private func answersListing(_ answers: [Answer]) -> Listing {
    Listing(
        columns: [
            "id", "sheet", "row", "question", "answer_cell", "value", "comment", "confidence", "basis", "controls",
            "library_entry", "evidence", "review", "review_reason",
        ],
        rows: answers.map { answer in
            [
                answer.id, answer.sheet ?? "", answer.row.map(String.init) ?? "", answer.question,
                answer.target?.description ?? "", answer.value ?? "", answer.comment ?? "",
                String(format: "%.2f", answer.confidence), answer.basis.rawValue,
                answer.controls.joined(separator: "; "), answer.libraryEntry ?? "",
                answer.evidence.map(\.period).joined(separator: "; "), answer.review ? "yes" : "no",
                answer.reviewReason ?? "",
            ]
        }
    )
}

/// Warns of every text a fill did not write (formula cells are only counted: leaving them alone
/// is the rule, not a surprise), and returns the summary's clause.
private func describe(_ report: FillReport, file: String, into copy: String, diagnostics: Diagnostics) -> String {
    for refusal in report.refused where refusal.reason != .formula {
        diagnostics.warn("\(file): \(refusal)")
    }
    let formulas = report.refusedCount { $0 == .formula }
    let merged = report.refusedCount { $0 == .mergedOver }
    let other = report.refused.count - formulas - merged
    let leftAlone = [
        formulas > 0 ? counted(formulas, "formula cell") : nil,
        merged > 0 ? counted(merged, "merged-over cell") : nil,
    ]
    .compactMap { $0 }
    let what = report.format == .vsaq ? counted(report.answersWritten, "answer") : counted(report.written.count, "cell")
    return "; wrote \(what) into \(copy)"
        + (leftAlone.isEmpty ? "" : " (\(leftAlone.joined(separator: " and ")) left alone)")
        + (other > 0 ? "; \(other) not written (see the warnings above)" : "")
}
