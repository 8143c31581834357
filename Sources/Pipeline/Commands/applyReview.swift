import Answering
import ControlModel
import Exchange
import Foundation
import Questionnaire
import Reports
import Spreadsheet

/// What `quire apply` reads and writes.
public struct ApplyRequest: Sendable {
    /// The review list with the reviewer's decisions (`.csv` or `.xlsx`, as `quire answer` wrote it).
    public var reviewList: String
    /// The filled copy the list was made for (`.xlsx`, `.xlsm`, `.csv`, or VSAQ's answer `.json`).
    public var filledCopy: String
    /// For VSAQ: the template the answers in ``filledCopy`` are for.
    public var template: String?
    /// Where to write the result; nil writes the filled copy anew (atomically).
    public var output: String?
    /// How the filled copy is read (as the questionnaire was).
    public var reading: ReadingOptions
    /// A YAML answer library to learn the accepted and changed answers into.
    public var learn: String?
    /// Who approved them (required with `learn`).
    public var approvedBy: String?
    /// The other library files, to check the learned file against (controls, evidence).
    public var libraryFiles: [String]
    /// The approval date (default today).
    public var asOf: String?

    /// A request.
    public init(
        reviewList: String,
        filledCopy: String,
        output: String? = nil,
        reading: ReadingOptions = ReadingOptions(),
        learn: String? = nil,
        approvedBy: String? = nil,
        libraryFiles: [String] = [],
        asOf: String? = nil,
        template: String? = nil
    ) {
        self.reviewList = reviewList
        self.filledCopy = filledCopy
        self.template = template
        self.output = output
        self.reading = reading
        self.learn = learn
        self.approvedBy = approvedBy
        self.libraryFiles = libraryFiles
        self.asOf = asOf
    }
}

/// `quire apply`: writes a reviewer's accepted and changed answers into the filled copy with the
/// same in-place patcher as `quire answer`, and with `--learn` adds them to an answer library.
///
/// A decision is refused (and said why) when its item is not in the copy, its answer cell changed
/// since the review list was made, or its value is none of the item's allowed answers. The
/// library file gets new entries appended and near-duplicates updated, every other line kept.
public func applyReview(_ request: ApplyRequest, diagnostics: Diagnostics) throws {
    let output = request.output ?? request.filledCopy
    if sameFile(output, request.reviewList) {
        throw PipelineError.usage("\(output) is the review list itself; name another file for the result")
    }
    if let learn = request.learn {
        guard learn.lowercased().hasSuffix(".yaml") || learn.lowercased().hasSuffix(".yml") else {
            throw PipelineError.usage("--learn \(learn): answers are learned into a YAML library file (.yaml, .yml)")
        }
        guard let approvedBy = request.approvedBy, !approvedBy.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PipelineError.usage("--learn needs --approved-by NAME: learned answers say who approved them")
        }
        try checkCanCreate(learn)
    }
    try checkCanCreate(output)
    let day = try parseDay(request.asOf)
    let decisions = try ReviewDecision.read(path: request.reviewList)
    let (questionnaire, stored) = try readFilledCopy(request)
    let (standing, outcomes) = Reports.answers(from: decisions, for: questionnaire)
    let decided = zip(standing, outcomes.filter(\.stands)).map { (answer: $0, outcome: $1) }
    let answers = decided.filter { if case .applied = $0.outcome.outcome { true } else { false } }.map(\.answer)
    // Said once everything is made and checked: when learning fails, nothing was decided.
    var warnings: [String] = outcomes.compactMap { outcome in
        switch outcome.outcome {
        case .refused, .repeated: outcome.description
        case .applied, .skipped, .present: nil
        }
    }
    // Everything is made and checked before the first file is written.
    var filled: (bytes: [UInt8], report: FillReport)?
    if !answers.isEmpty {
        filled =
            if let stored {
                try fillVSAQ(questionnaire, answers: answers, over: stored)
            } else {
                try fill(questionnaire, answers: answers)
            }
        warnings += (filled?.report.refused ?? []).map { "\(request.filledCopy): \($0)" }
    }
    var learned: (path: String, text: String, entries: LearnedEntries)?
    if let learn = request.learn, let approvedBy = request.approvedBy {
        let items = Dictionary(questionnaire.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let name = URL(fileURLWithPath: request.filledCopy).lastPathComponent
        let approved = decided.compactMap { answer, outcome -> ApprovedAnswer? in
            guard let value = answer.value, let item = items[answer.id] else { return nil }
            return ApprovedAnswer(
                question: item.question,
                answer: value,
                comment: answer.comment,
                controls: outcome.decision.controls,
                evidence: outcome.decision.evidence,
                source: "\(name) item \(answer.id)",
                approvedBy: approvedBy,
                approvedOn: day,
                products: [outcome.decision.product.isEmpty ? item.product : outcome.decision.product]
                    .compactMap { $0 }
            )
        }
        let (text, entries) = try learnAnswers(approved, into: learn, libraryFiles: request.libraryFiles)
        learned = (learn, text, entries)
    }
    for warning in warnings { diagnostics.warn(warning) }
    if let filled { try deliver(filled.bytes, toFile: output) }
    if let learned { try deliver(Array(learned.text.utf8), toFile: learned.path) }

    let written = filled?.report.answersWritten ?? 0
    let refused = outcomes.count { if case .refused = $0.outcome { true } else { false } }
    let skipped = outcomes.count { $0.outcome == .skipped }
    let repeated = outcomes.count { if case .repeated = $0.outcome { true } else { false } }
    let present = outcomes.count { if case .present = $0.outcome { true } else { false } }
    var summary =
        "\(request.reviewList): \(counted(decisions.count, "decision")): \(written) written into \(output), "
        + (present > 0 ? "\(present) already there (applied before), " : "")
        + "\(refused) refused, \(skipped) rejected or undecided"
        + (repeated > 0 ? ", \(repeated) repeating an earlier row" : "")
    if let learned {
        for contradiction in learned.entries.contradictions {
            diagnostics.warn(
                "\(learned.path): answer \(contradiction.entry) said \"\(contradiction.was)\"; the review approved "
                    + "\"\(contradiction.now)\", which replaces it"
            )
        }
        summary +=
            "; learned \(learned.entries.added.count) new and \(learned.entries.updated.count) updated answers into "
            + learned.path
    }
    diagnostics.note(summary)
}

/// The filled copy as a questionnaire: a workbook or CSV file read as the questionnaire was; for
/// VSAQ, the template with the answers stored in the filled copy (VSAQ's answer JSON) as its
/// existing answers, and those answers, which the result keeps.
func readFilledCopy(_ request: ApplyRequest) throws -> (Questionnaire, stored: [String: String]?) {
    guard let template = request.template else {
        do {
            return (try request.reading.read(request.filledCopy), nil)
        } catch QuestionnaireError.notAVSAQTemplate where (try? readVSAQAnswers(path: request.filledCopy)) != nil {
            throw PipelineError.usage(
                "\(request.filledCopy) holds VSAQ answers, not a questionnaire: name the VSAQ template they answer "
                    + "with --template TEMPLATE.json"
            )
        }
    }
    let read = try request.reading.read(template)
    guard read.format == .vsaq else {
        throw PipelineError.usage(
            "--template \(template): not a VSAQ template; --template names the VSAQ questionnaire whose answers "
                + "\(request.filledCopy) holds"
        )
    }
    let stored = try readVSAQAnswers(path: request.filledCopy)
    return (withVSAQAnswers(read, stored), stored)
}

/// The text of a YAML answer library with approved answers learned into it, checked: the new
/// text must read as a library with no error the old one did not have.
func learnAnswers(_ approved: [ApprovedAnswer], into path: String, libraryFiles: [String]) throws
    -> (text: String, entries: LearnedEntries)
{
    // The other library files (a folder stands for its files), without the one being learned into.
    let others = expandingFolders(libraryFiles).filter { !sameFile($0, path) }
    var existing: [AnswerLibraryEntry] = []
    var elsewhere = loadLibrary(files: others).user.answers
    var text = ""
    var known: Set<String> = []
    if FileManager.default.fileExists(atPath: path) {
        let loaded = loadLibrary(files: others + [path])
        existing = loaded.user.answers.filter { $0.origin?.file == path }
        elsewhere = loaded.user.answers.filter { $0.origin?.file != path }
        known = Set(loaded.diagnostics.filter { $0.severity == .error }.map(\.message))
        guard let data = readWholeFile(path) else {
            throw PipelineError.io(path: path, reason: "cannot read it")
        }
        text = String(decoding: data, as: UTF8.self)
    }
    let learned = learn(approved, into: existing, elsewhere: elsewhere)
    let edited: String
    do {
        edited = try AnswerLibraryYAML.edit(text, adding: learned.added, updating: learned.updated)
    } catch {
        let line: Int? = if case .flowList(let line) = error { line } else { nil }
        throw PipelineError.invalidLibrary([
            Diagnostic(.error, at: SourceLocation(file: path, line: line), error.description)
        ])
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-learn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let probe = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
    try Data(edited.utf8).write(to: URL(fileURLWithPath: probe))
    let checked = loadLibrary(files: others + [probe])
    let errors = checked.diagnostics.filter {
        $0.severity == .error && $0.location.file == probe && !known.contains($0.message)
    }
    guard errors.isEmpty else {
        throw PipelineError.invalidLibrary(
            errors.map {
                Diagnostic(.error, at: SourceLocation(file: path, line: $0.location.line), $0.message, hint: $0.hint)
            }
        )
    }
    return (edited, learned)
}
