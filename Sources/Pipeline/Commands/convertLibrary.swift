import ControlModel
import Exchange
import Foundation

/// What `quire convert` reads and writes.
public struct ConvertRequest: Sendable {
    /// The inputs.
    public var files: [String]
    /// The output format's name (`ExchangeFormat`).
    public var to: String
    /// The output file; the report goes beside it (`OUT.migration.md`, `OUT.migration.json`).
    public var output: String
    /// The input format's name, or nil to recognise each file's.
    public var from: String?
    /// The framework read or written (`--framework`).
    public var framework: String?
    /// A table's column profile, by name or file.
    public var profile: String?
    /// The library's name in what is written.
    public var name: String?
    /// The packager in CISO Assistant URNs.
    public var packager: String
    /// The catalog an OSCAL profile written imports from.
    public var catalogHref: String?
    /// Column choices laid over a table's profile (`id=Control ID`).
    public var columns: [String]
    /// Any loss is an error: the report is written, the output is not.
    public var strict: Bool
    /// Where to save the column profile a table was read with.
    public var saveProfile: String?
    /// Print how each input was recognised, and the profile used.
    public var verbose: Bool

    /// A request.
    public init(
        files: [String],
        to: String,
        output: String,
        from: String? = nil,
        framework: String? = nil,
        profile: String? = nil,
        name: String? = nil,
        packager: String = "quire",
        catalogHref: String? = nil,
        columns: [String] = [],
        strict: Bool = false,
        saveProfile: String? = nil,
        verbose: Bool = false
    ) {
        self.files = files
        self.to = to
        self.output = output
        self.from = from
        self.framework = framework
        self.profile = profile
        self.name = name
        self.packager = packager
        self.catalogHref = catalogHref
        self.columns = columns
        self.strict = strict
        self.saveProfile = saveProfile
        self.verbose = verbose
    }

    /// Why the format names cannot work, or nil (checked before anything is read).
    public var problem: String? {
        if ExchangeFormat(name: to) == nil { return "--to \(to) is no format; formats: \(ExchangeFormat.names)" }
        if let from, ExchangeFormat(name: from) == nil {
            return "--from \(from) is no format; formats: \(ExchangeFormat.names)"
        }
        if files.isEmpty { return "name at least one input" }
        return nil
    }

    /// The report's paths: the output's name with `.migration.md` and `.migration.json`.
    public var reportPaths: (markdown: String, json: String) {
        // The path as given (relative stays relative), without the name's extension.
        let slash = output.lastIndex(of: "/")
        let nameStart = slash.map { output.index(after: $0) } ?? output.startIndex
        let stem =
            output[nameStart...].lastIndex(of: ".").flatMap { $0 > nameStart ? String(output[..<$0]) : nil } ?? output
        return (stem + ".migration.md", stem + ".migration.json")
    }
}

/// `quire convert`: reads libraries in one tool's format and writes them in another's, with a
/// migration report of everything that could not be carried as it was.
///
/// Everything is read and the output made before anything is written; with `--strict`, a loss
/// writes the report (so the user sees why) and no output, and exits 65.
public func convertLibrary(_ request: ConvertRequest, diagnostics: Diagnostics) throws {
    if let problem = request.problem { throw PipelineError.usage(problem) }
    let format = ExchangeFormat(name: request.to) ?? .quire
    let options = ConvertOptions(
        from: request.from.flatMap(ExchangeFormat.init(name:)),
        framework: request.framework,
        profile: request.profile,
        name: request.name,
        packager: request.packager,
        catalogHref: request.catalogHref,
        columns: request.columns
    )
    for file in request.files {
        guard FileManager.default.fileExists(atPath: file) else { throw PipelineError.missingInput(path: file) }
        if sameFile(file, request.output) {
            throw PipelineError.usage("-o \(request.output) is one of the inputs; name another file")
        }
    }
    let reports = request.reportPaths
    for path in [request.output, reports.markdown, reports.json] { try checkCanCreate(path) }
    var log = MigrationLog()
    let content = try readExchange(files: request.files, options: options, log: &log)
    if request.verbose {
        for line in log.detection { diagnostics.note("read \(line)") }
        if let profile = content.profile {
            diagnostics.note("column profile \(profile.name) (\(profile.basis)):\n" + profile.yaml())
        }
    }
    let bytes = try writeExchange(content, to: format, path: request.output, options: options, log: &log)
    let report = MigrationReport(content: content, output: request.output, format: format, log: log)
    try deliver(Array(report.markdown().utf8), toFile: reports.markdown)
    try deliver(Array(report.json().utf8), toFile: reports.json)
    if let save = request.saveProfile, let profile = content.profile {
        try deliver(Array(profile.yaml().utf8), toFile: save)
    }
    if request.strict, !report.losses.isEmpty {
        for note in report.losses.prefix(10) {
            diagnostics.warn(
                "\(note.kind.rawValue): \(note.subject)\(note.field.map { " (\($0))" } ?? ""): \(note.detail)"
            )
        }
        throw PipelineError.lossy(
            "--strict: \(report.losses.count) things would be lost converting to \(format.rawValue); "
                + "nothing was written but the report, \(reports.markdown)"
        )
    }
    try deliver(bytes, toFile: request.output)
    diagnostics.note(report.summary + "; report: \(reports.markdown)")
}
