import Answering
import ControlModel
import Foundation
import Questionnaire
import Reports

/// What `quire assess` reads and writes.
public struct AssessRequest: Sendable {
    /// The vendors' filled questionnaires.
    public var files: [String]
    /// The vendors' names: none (each file's name stands for its vendor), one per file in order,
    /// or one for every file (several questionnaires of one vendor).
    public var vendors: [String]
    /// The frameworks to assess against, by id or name; empty for every framework of the library.
    public var frameworks: [String]
    /// Library files laid over the built-in library (controls and their mappings decide what each
    /// question is about).
    public var libraryFiles: [String]
    /// How to read the questionnaires.
    public var reading: ReadingOptions
    /// Where to write (`.xlsx`, `.csv` or `.json`); nil prints the JSON document.
    public var output: String?

    /// A request.
    public init(
        files: [String],
        vendors: [String] = [],
        frameworks: [String] = [],
        libraryFiles: [String] = [],
        reading: ReadingOptions = ReadingOptions(),
        output: String? = nil
    ) {
        self.files = files
        self.vendors = vendors
        self.frameworks = frameworks
        self.libraryFiles = libraryFiles
        self.reading = reading
        self.output = output
    }

    /// Why the options cannot work together, or nil: checked before anything is read.
    public var problem: String? {
        if files.isEmpty { return "name at least one filled questionnaire" }
        if !vendors.isEmpty, vendors.count != 1, vendors.count != files.count {
            return "--vendor is given \(vendors.count) times for \(files.count) files: give it once per file, "
                + "in the order of the files, or once for all of them"
        }
        if vendors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return "--vendor needs a name"
        }
        if let output, !Self.formats.contains(where: { output.lowercased().hasSuffix($0) }) {
            return "-o \(output): write the assessment as .xlsx, .csv or .json"
        }
        return nil
    }

    static let formats = [".xlsx", ".csv", ".json"]

    /// The vendor of each file.
    var vendorOfFile: [String] {
        files.enumerated().map { index, file in
            if vendors.count == files.count { return vendors[index] }
            if vendors.count == 1 { return vendors[0] }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            return name.isEmpty ? file : name
        }
    }
}

/// `quire assess`: reads vendors' filled questionnaires, normalises every answer, maps each item
/// onto controls and framework requirements, and writes where each vendor stands, what to follow
/// up and how the vendors compare.
///
/// Every file is read before anything is written; one that cannot be read stops the command with
/// its error (and no output).
public func assessVendors(_ request: AssessRequest, diagnostics: Diagnostics) throws {
    if let problem = request.problem { throw PipelineError.usage(problem) }
    if let output = request.output {
        for file in request.files where sameFile(output, file) {
            throw PipelineError.usage("-o \(output) is one of the questionnaires; name another file")
        }
        try checkCanCreate(output)
    }
    let context = try LibraryContext(libraryFiles: request.libraryFiles, diagnostics: diagnostics)
    let frameworks =
        request.frameworks.isEmpty
        ? context.index.library.frameworks
        : try request.frameworks.map(context.framework)
    var seen: Set<String> = []
    let unique = frameworks.filter { seen.insert($0.id).inserted }
    let questionnaires = try zip(request.vendorOfFile, request.files).map { vendor, file in
        (vendor: vendor, questionnaire: try request.reading.read(file))
    }
    for (_, questionnaire) in questionnaires where questionnaire.items.isEmpty {
        diagnostics.warn("\(questionnaire.file): no questionnaire items found; run quire inspect to see why")
    }
    let report = AssessmentReport(
        files: questionnaires,
        matcher: Matcher(index: context.index),
        frameworks: unique
    )
    let bytes = try report.rendered(forPath: request.output ?? "assessment.json")
    try deliver(bytes, to: request.output.map { .file($0) } ?? .standardOutput)
    for vendor in report.vendors {
        let counts = vendor.answerCounts
        let scores = vendor.scores.map { score in
            "\(score.framework) " + (score.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "-")
        }
        diagnostics.note(
            "\(vendor.vendor): \(counted(vendor.items.count, "item")) (\(counts[.yes] ?? 0) yes, \(counts[.no] ?? 0) no, "
                + "\(counts[.partial] ?? 0) partial, \(counts[.unclear] ?? 0) unclear, \(counts[.unanswered] ?? 0) unanswered), "
                + "\(counted(vendor.followUps.count, "follow-up")); scores: \(scores.joined(separator: ", "))"
        )
    }
}
