import Answering
import ControlModel
import Exchange
import Foundation
public import Questionnaire
import Spreadsheet

/// How `quire map` prints.
public enum MapFormat: String, Sendable, CaseIterable {
    /// One line per item: its best controls and requirements.
    case table
    /// One document (Schemas/map.schema.json).
    case json
}

/// How `quire answer` writes its answers.
public enum AnswerFormat: String, Sendable, CaseIterable {
    /// One document with the answers, the review list and the summary (Schemas/answers.schema.json).
    case json
    /// One row per item.
    case csv
}

/// What `quire map` and `quire answer` read: the questionnaire, the library files, earlier
/// filled questionnaires, and how to read the questionnaire.
public struct AnsweringRequest: Sendable {
    /// The questionnaire.
    public var file: String
    /// Library files (controls, status, evidence, answers), laid over the built-in library.
    public var libraryFiles: [String]
    /// Filled questionnaires whose answers count as past answers.
    public var previousQuestionnaires: [String]
    /// How to read the questionnaire.
    public var detection: DetectionOptions

    /// Creates a request.
    public init(
        file: String,
        libraryFiles: [String],
        previousQuestionnaires: [String] = [],
        detection: DetectionOptions
    ) {
        self.file = file
        self.libraryFiles = libraryFiles
        self.previousQuestionnaires = previousQuestionnaires
        self.detection = detection
    }

    /// Reads everything, or throws the first problem.
    func load() throws -> (Questionnaire, Matcher, warnings: [String]) {
        let context = try LibraryContext(libraryFiles: libraryFiles)
        var library = context.index.library
        for path in previousQuestionnaires {
            let previous = try readQuestionnaire(path: path)
            for item in previous.items {
                guard let value = item.existingAnswer, !value.isEmpty else { continue }
                library.answers.append(
                    AnswerLibraryEntry(
                        id: "\(URL(fileURLWithPath: path).lastPathComponent)#\(item.id)",
                        question: item.question,
                        answer: value,
                        comment: item.existingComment,
                        source: path,
                        tags: [Answerer.previousTag]
                    )
                )
            }
        }
        let index = previousQuestionnaires.isEmpty ? context.index : LibraryIndex(library)
        let questionnaire = try readQuestionnaire(path: file, options: detection)
        return (questionnaire, Matcher(index: index), context.warningLines)
    }
}

// MARK: - quire map

private struct MapDocument: Encodable {
    struct Control: Encodable {
        var id: String
        var score: Double
    }
    struct PastAnswer: Encodable {
        var id: String
        var similarity: Double
    }
    struct Item: Encodable {
        var id: String
        var sheet: String?
        var row: Int?
        var question: String
        var controls: [Control]
        var requirements: [String: [String]]
        var answers: [PastAnswer]

        enum CodingKeys: String, CodingKey { case id, sheet, row, question, controls, requirements, answers }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(sheet, forKey: .sheet)
            try container.encode(row, forKey: .row)
            try container.encode(question, forKey: .question)
            try container.encode(controls, forKey: .controls)
            try container.encode(requirements, forKey: .requirements)
            try container.encode(answers, forKey: .answers)
        }
    }
    var file: String
    var items: [Item]
}

/// Prints, for every item, the controls it is about and the framework requirements they carry.
public func mapQuestionnaire(
    _ request: AnsweringRequest,
    format: MapFormat,
    warn: (String) -> Void,
    destination: OutputDestination
) throws {
    let (questionnaire, matcher, warnings) = try request.load()
    warnings.forEach(warn)
    var items: [MapDocument.Item] = []
    for item in questionnaire.items {
        let match = matcher.match(item)
        items.append(
            MapDocument.Item(
                id: item.id,
                sheet: item.sheet,
                row: item.row,
                question: item.question,
                controls: match.controls.map { .init(id: $0.control, score: ($0.score * 1000).rounded() / 1000) },
                requirements: match.requirements,
                answers: match.library.prefix(3).map {
                    .init(
                        id: matcher.index.library.answers[$0.entry].id,
                        similarity: ($0.similarity * 1000).rounded() / 1000
                    )
                }
            )
        )
    }
    switch format {
    case .json:
        try deliver(Array(canonicalJSON(MapDocument(file: request.file, items: items)).utf8), to: destination)
    case .table:
        let frameworks = matcher.index.library.frameworks.map(\.id)
        let listing = Listing(
            columns: ["id", "controls"] + frameworks + ["question"],
            rows: items.map { item in
                [item.id, item.controls.prefix(3).map(\.id).joined(separator: " ")]
                    + frameworks.map { (item.requirements[$0] ?? []).prefix(3).joined(separator: " ") } + [
                        item.question
                    ]
            }
        )
        try deliver(Array(listing.text().utf8), to: destination)
    }
}

// MARK: - quire answer

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

/// Answers a questionnaire from the library and writes the answers with their basis and a
/// review list; returns the one-line summary for standard error.
public func answerQuestionnaire(
    _ request: AnsweringRequest,
    asOf: String?,
    overwrite: Bool,
    format: AnswerFormat,
    warn: (String) -> Void,
    destination: OutputDestination?,
    filledCopy: String? = nil,
    reviewList: String? = nil
) throws -> String {
    let reviewPath = reviewList ?? filledCopy.map(reviewListPath(forOutput:))
    if let reviewPath, sameFile(reviewPath, request.file) {
        throw PipelineError.usage(
            "the review list \(reviewPath) would replace the questionnaire itself; name another file"
        )
    }
    if let filledCopy, let reviewList, sameFile(filledCopy, reviewList) {
        throw PipelineError.usage("the review list and the filled copy are both \(filledCopy); name two files")
    }
    if let filledCopy, sameFile(filledCopy, request.file) {
        throw PipelineError.usage(
            "the filled copy \(filledCopy) would replace the questionnaire itself; name another file"
        )
    }
    // Every file this run writes must be creatable before the first is written, so that a bad
    // path for one does not leave the others behind.
    var outputs = [filledCopy, reviewPath]
    if case .file(let path) = destination { outputs.append(path) }
    for path in outputs.compactMap({ $0 }) { try checkCanCreate(path) }
    let day = try parseDay(asOf)
    let (questionnaire, matcher, warnings) = try request.load()
    warnings.forEach(warn)
    let answerer = Answerer(matcher: matcher, options: AnsweringOptions(asOf: day, overwrite: overwrite))
    let answers = answerer.answer(questionnaire)
    var byBasis: [String: Int] = [:]
    for answer in answers { byBasis[answer.basis.rawValue, default: 0] += 1 }
    let answered = answers.filter { $0.value != nil && !$0.review }.count
    let review = answers.filter { $0.value != nil && $0.review }.count
    let unanswered = answers.filter { $0.value == nil }.count
    let summary = AnswersDocument.Summary(
        items: answers.count,
        answered: answered,
        review: review,
        unanswered: unanswered,
        byBasis: byBasis
    )
    var filledSummary = ""
    if let filledCopy {
        let ext = URL(fileURLWithPath: filledCopy).pathExtension.lowercased()
        switch ext {
        case "xlsx", "xlsm":
            let report = try fillWorkbook(original: request.file, answers: answers, destination: filledCopy)
            let written = report.written.values.reduce(0) { $0 + $1.count }
            let skipped = report.skippedFormulas.values.reduce(0) { $0 + $1.count }
            let merged = report.skippedMerged.values.reduce(0) { $0 + $1.count }
            for (sheet, cells) in report.skippedMerged.sorted(by: { $0.key < $1.key }) {
                for cell in cells {
                    warn(
                        "\(request.file): \(sheet)!\(cell.a1) is hidden under a merged range; "
                            + "its answer was not written"
                    )
                }
            }
            let leftAlone = [
                skipped > 0 ? counted(skipped, "formula cell") : nil,
                merged > 0 ? counted(merged, "merged-over cell") : nil,
            ]
            .compactMap { $0 }
            filledSummary =
                "; wrote \(counted(written, "cell")) into \(filledCopy)"
                + (leftAlone.isEmpty ? "" : " (\(leftAlone.joined(separator: " and ")) left alone)")
        case "csv":
            let report = try fillCSV(original: request.file, answers: answers, destination: filledCopy)
            report.skipped.forEach(warn)
            filledSummary =
                "; wrote \(counted(report.answersWritten + report.commentsWritten, "cell")) into \(filledCopy)"
        case "json" where questionnaire.format == "vsaq":
            let report = try fillVSAQ(template: request.file, answers: answers, destination: filledCopy)
            report.skipped.forEach(warn)
            filledSummary = "; wrote \(counted(report.answersWritten, "answer")) into \(filledCopy)"
        default:
            throw PipelineError.usage(
                "cannot write a filled .\(ext) copy of this questionnaire; name the copy with the questionnaire's own extension"
            )
        }
    }
    if let reviewPath {
        try writeReviewList(answers: answers, to: reviewPath)
        filledSummary += "; review list \(reviewPath)"
    }
    guard let destination else {
        let bases = byBasis.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(request.file): \(counted(answers.count, "item")): \(answered) answered, \(review) need review, "
            + "\(unanswered) unanswered (by basis: \(bases))" + filledSummary
    }
    switch format {
    case .json:
        let document = AnswersDocument(
            file: request.file,
            asOf: day.description,
            summary: summary,
            answers: answers,
            review: answers.filter(\.review).map {
                .init(id: $0.id, sheet: $0.sheet, row: $0.row, reason: $0.reviewReason ?? "")
            }
        )
        try deliver(Array(canonicalJSON(document).utf8), to: destination)
    case .csv:
        let listing = Listing(
            columns: [
                "id", "sheet", "row", "question", "answer_cell", "value", "comment", "confidence", "basis", "controls",
                "library_entry", "evidence", "review", "review_reason",
            ],
            rows: answers.map { answer in
                [
                    answer.id, answer.sheet ?? "", answer.row.map(String.init) ?? "", answer.question,
                    answer.answerCell ?? "", answer.value ?? "", answer.comment ?? "",
                    String(format: "%.2f", answer.confidence), answer.basis.rawValue,
                    answer.controls.joined(separator: "; "), answer.libraryEntry ?? "",
                    answer.evidence.map { "\($0.id) (\($0.collectedOn ?? "?")–\($0.validUntil ?? "open"))" }
                        .joined(separator: "; "),
                    answer.review ? "yes" : "no", answer.reviewReason ?? "",
                ]
            }
        )
        try deliver(listing.csv(), to: destination)
    }
    let bases = byBasis.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    return "\(request.file): \(counted(answers.count, "item")): \(answered) answered, \(review) need review, "
        + "\(unanswered) unanswered (by basis: \(bases))" + filledSummary
}

/// Today's date in UTC.
func today() -> Day {
    let seconds = Int(Date().timeIntervalSince1970)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    return Day.epoch.adding(days: days)
}

// MARK: - quire library check

private struct AuditDocument: Encodable {
    var files: [String]
    var answers: Int
    var findings: [LibraryFinding]
}

/// Reports duplicate and conflicting answer library entries and entries pointing at unknown
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
    case .table, .csv:
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
