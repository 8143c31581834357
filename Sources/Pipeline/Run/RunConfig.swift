public import ControlModel
import Exchange
import Foundation
import Spreadsheet

#if canImport(Glibc)
    import Glibc
#endif

/// A nightly run's configuration: its inputs, its stages and its output folder.
///
/// `quire run PIPELINE.yaml` reads it (`Schemas/pipeline.schema.json`). Paths are relative to the
/// config file.
public struct RunConfig: Sendable {
    /// The config file.
    public var file: String
    /// The day evidence expiry is judged on (default: today).
    public var asOf: String?
    /// Library files and folders, in any format `--library` reads.
    public var library: [String]
    /// The output folder.
    public var output: String
    /// The questionnaires to answer, found by the `answer.questionnaires` globs, in path order.
    public var questionnaires: [String]
    /// Replace answers already in the questionnaires.
    public var overwrite: Bool
    /// `answer.write_from`: the confidence from which answers derived from controls are written
    /// without review, on the team's own judgement; nil for the calibrated one.
    public var writeFrom: Double?
    /// The vendors' filled questionnaires to assess, in path order.
    public var vendors: [String]
    /// The frameworks vendors are assessed against (empty: every framework).
    public var assessFrameworks: [String]
    /// The framework pair (or more) of the crosswalk; empty for none.
    public var crosswalk: [String]
    /// Whether to write the Statement of Applicability.
    public var soa: Bool
    /// The frameworks whose gap lists are written.
    public var gaps: [String]
    /// The run history: an SQLite file, or a PostgreSQL database's URL.
    ///
    /// The file is `history.sqlite` in the output folder unless named; a URL is
    /// `postgres://USER@HOST:PORT/DATABASE`, the password from `PGPASSWORD`, never from the config.
    /// `QUIRE_HISTORY` in the environment stands for it, so that one config serves several places.
    public var history: String

    /// The stages the config asks for, in the order they run.
    public var stages: [String] {
        (questionnaires.isEmpty ? [] : ["answer"]) + (vendors.isEmpty ? [] : ["assess"])
            + (crosswalk.isEmpty ? [] : ["crosswalk"]) + (soa ? ["soa"] : []) + (gaps.isEmpty ? [] : ["gaps"])
    }

    static let keys = ["format", "as_of", "library", "output", "history", "answer", "assess", "reports"]
    static let answerKeys = ["questionnaires", "overwrite", "write_from"]
    static let assessKeys = ["vendors", "frameworks"]
    static let reportKeys = ["crosswalk", "soa", "gaps"]

    /// Reads and checks a config: every unknown key, glob that finds nothing, missing file, bad
    /// date and unknown framework is a diagnostic with its line; nil when there is an error.
    public static func read(_ path: String, frameworks: (String) -> Bool) -> (RunConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int?, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: line), message, hint: hint))
        }
        guard let data = readWholeFile(path) else {
            error(nil, "cannot be read", hint: "check the path")
            return (nil, diagnostics)
        }
        let root: DocumentNode
        do {
            root = try parseDocument(data, file: path)
        } catch {
            diagnostics.append(
                Diagnostic(.error, at: SourceLocation(file: path, line: error.line), error.message, hint: error.hint)
            )
            return (nil, diagnostics)
        }
        guard case .mapping = root.value else {
            error(root.line, "a pipeline config is a mapping of sections", hint: "see Schemas/pipeline.schema.json")
            return (nil, diagnostics)
        }
        func checkKeys(_ node: DocumentNode?, _ known: [String], _ section: String) {
            guard let node, case .mapping(let members) = node.value else { return }
            for member in members where !known.contains(member.key) {
                error(
                    member.node.line,
                    "unknown key \"\(member.key)\"\(section.isEmpty ? "" : " in \(section)")",
                    hint: "known keys: " + known.joined(separator: ", ")
                )
            }
        }
        checkKeys(root, keys, "")
        checkKeys(root["answer"], answerKeys, "answer")
        checkKeys(root["assess"], assessKeys, "assess")
        checkKeys(root["reports"], reportKeys, "reports")
        if let format = root["format"]?.string, format != "quire-pipeline/1" {
            error(
                root["format"]?.line,
                "\"\(format)\" is not a pipeline config format",
                hint: "write format: quire-pipeline/1"
            )
        }
        // The config's folder as given, so that relative stays relative (run.json is the same on
        // every machine).
        let base = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        func resolved(_ relative: String) -> String {
            relative.hasPrefix("/") || base.isEmpty ? relative : base + "/" + relative
        }
        func strings(_ node: DocumentNode?, _ what: String) -> [(String, Int)] {
            guard let node else { return [] }
            return node.items.compactMap { item in
                guard let text = item.string, !text.isEmpty else {
                    error(item.line, "\(what) lists something that is not a path")
                    return nil
                }
                return (text, item.line)
            }
        }
        func expand(_ node: DocumentNode?, _ what: String) -> [String] {
            var found: [String] = []
            for (pattern, line) in strings(node, what) {
                let matches = glob(resolved(pattern))
                if matches.isEmpty {
                    error(
                        line,
                        "\(what) \"\(pattern)\" finds no file",
                        hint: "check the path or the pattern (*, ?, [abc])"
                    )
                }
                found += matches
            }
            var seen = Set<String>()
            return found.filter { seen.insert($0).inserted }.sorted()
        }
        var config = RunConfig(
            file: path,
            asOf: root["as_of"]?.string,
            library: [],
            output: resolved(root["output"]?.string ?? "out"),
            questionnaires: expand(root["answer"]?["questionnaires"], "questionnaire"),
            overwrite: root["answer"]?["overwrite"]?.bool ?? false,
            writeFrom: nil,
            vendors: expand(root["assess"]?["vendors"], "vendor file"),
            assessFrameworks: strings(root["assess"]?["frameworks"], "framework").map(\.0),
            crosswalk: strings(root["reports"]?["crosswalk"], "framework").map(\.0),
            soa: root["reports"]?["soa"]?.bool ?? false,
            gaps: strings(root["reports"]?["gaps"], "framework").map(\.0),
            history: ProcessInfo.processInfo.environment["QUIRE_HISTORY"]
                ?? root["history"]?.string.map { PostgresHistoryDatabase.names($0) ? $0 : resolved($0) }
                ?? resolved(root["output"]?.string ?? "out") + "/history.sqlite"
        )
        for (entry, line) in strings(root["library"], "library") {
            let full = resolved(entry)
            if FileManager.default.fileExists(atPath: full) {
                config.library.append(full)
            } else {
                error(line, "library file \"\(entry)\" does not exist", hint: "check the path")
            }
        }
        if let node = root["answer"]?["write_from"] {
            if let text = node.string, let value = Double(text), (0...1).contains(value) {
                config.writeFrom = value
            } else {
                error(
                    node.line,
                    "answer.write_from \"\(node.string ?? "")\" is not a confidence from 0 to 1",
                    hint: "write a number such as 0.9, or leave it out for the calibrated threshold"
                )
            }
        }
        if let asOf = config.asOf, Day(parsing: asOf) == nil {
            error(root["as_of"]?.line, "as_of \"\(asOf)\" is not a date", hint: "write YYYY-MM-DD")
        }
        let named: [(String, DocumentNode?)] = [
            ("assess.frameworks", root["assess"]?["frameworks"]), ("reports.crosswalk", root["reports"]?["crosswalk"]),
            ("reports.gaps", root["reports"]?["gaps"]),
        ]
        for (what, node) in named {
            for (name, line) in strings(node, what) where !frameworks(name) {
                error(line, "\(what) names \"\(name)\", which is no framework of the library")
            }
        }
        if !config.crosswalk.isEmpty, config.crosswalk.count < 2 {
            error(root["reports"]?["crosswalk"]?.line, "a crosswalk needs two frameworks or more")
        }
        if config.stages.isEmpty {
            error(root.line, "the config asks for no stage", hint: "add answer, assess or reports")
        }
        return (diagnostics.contains { $0.severity == .error } ? nil : config, diagnostics)
    }
}

/// The files a pattern finds (`*`, `?`, `[…]`), in path order; the path itself when it is a file.
func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    var paths: [String] = []
    for index in 0..<Int(result.gl_pathc) {
        if let path = result.gl_pathv[index].map({ String(cString: $0) }) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
    }
    return paths.sorted()
}
