import Answering
import ControlModel
import Foundation
import Questionnaire
import Reports

/// What `quire library import` reads and writes.
public struct ImportRequest: Sendable {
    /// One's own filled questionnaires.
    public var files: [String]
    /// The YAML answer library to add to (created when missing).
    public var output: String
    /// Who approved the answers; nil marks them as needing approval.
    public var approvedBy: String?
    /// The source to record instead of each file's name (`SOURCE item ID`).
    public var source: String?
    /// The other library files (controls to map onto, entries to check against).
    public var libraryFiles: [String]
    /// How to read the questionnaires.
    public var reading: ReadingOptions
    /// The approval date (default today).
    public var asOf: String?

    /// A request.
    public init(
        files: [String],
        output: String,
        approvedBy: String? = nil,
        source: String? = nil,
        libraryFiles: [String] = [],
        reading: ReadingOptions = ReadingOptions(),
        asOf: String? = nil
    ) {
        self.files = files
        self.output = output
        self.approvedBy = approvedBy
        self.source = source
        self.libraryFiles = libraryFiles
        self.reading = reading
        self.asOf = asOf
    }
}

/// `quire library import`: one's own filled questionnaires become answer library entries, added
/// to a YAML library (new entries appended, near-duplicates merged, every other line kept) and
/// checked before the file is replaced.
public func importLibraryAnswers(_ request: ImportRequest, diagnostics: Diagnostics) throws {
    guard request.output.lowercased().hasSuffix(".yaml") || request.output.lowercased().hasSuffix(".yml") else {
        throw PipelineError.usage("-o \(request.output): answers are imported into a YAML library file (.yaml, .yml)")
    }
    if let approvedBy = request.approvedBy, approvedBy.trimmingCharacters(in: .whitespaces).isEmpty {
        throw PipelineError.usage("--approved-by needs a name")
    }
    for file in request.files where sameFile(file, request.output) {
        throw PipelineError.usage("-o \(request.output) is one of the questionnaires; name the library file")
    }
    try checkCanCreate(request.output)
    let day = try parseDay(request.asOf)
    let context = try LibraryContext(libraryFiles: request.libraryFiles, diagnostics: diagnostics)
    let matcher = Matcher(index: context.index)
    var answers: [ApprovedAnswer] = []
    var skipped = 0
    for file in request.files {
        let questionnaire = try request.reading.read(file)
        let name = request.source ?? URL(fileURLWithPath: file).lastPathComponent
        let imported = importAnswers(
            from: questionnaire,
            matcher: matcher,
            source: name,
            approvedBy: request.approvedBy,
            approvedOn: day
        )
        answers += imported.answers
        skipped += imported.skipped.count
        let unclear = imported.skipped.filter { $0.reason.hasPrefix("unclear") }
        for (item, reason) in unclear { diagnostics.warn("\(file): item \(item) left out, \(reason)") }
        diagnostics.note(
            "\(file): \(counted(imported.answers.count, "answer")) read, \(imported.skipped.count - unclear.count) "
                + "unanswered and \(unclear.count) unclear left out"
        )
    }
    let (text, entries) = try learnAnswers(answers, into: request.output, libraryFiles: request.libraryFiles)
    try deliver(Array(text.utf8), toFile: request.output)
    for contradiction in entries.contradictions {
        diagnostics.warn(
            "\(request.output): answer \(contradiction.entry) says \"\(contradiction.was)\"; an imported answer says "
                + "\"\(contradiction.now)\""
                + (contradiction.replaced ? ", which replaces it" : ", left out: only an approved answer replaces it")
        )
    }
    diagnostics.note(
        "\(request.output): \(entries.added.count) new and \(entries.updated.count) merged answers"
            + (request.approvedBy == nil ? ", marked needs-approval" : ", approved by \(request.approvedBy ?? "")")
            + "; \(skipped) items left out"
    )
}
