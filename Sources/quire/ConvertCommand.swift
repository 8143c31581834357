import ArgumentParser
import Pipeline

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert control libraries between tools' formats, reporting everything not carried.",
        discussion: """
            Formats (--from, --to): quire (Quire's library, .json or .yaml), oscal-catalog, \
            oscal-profile, oscal-component-definition, oscal-mapping-collection (JSON or YAML by the \
            output's extension), ciso-assistant (library YAML), opencontrol (component.yaml), vanta \
            (control objects as its API returns them), drata (a CSV for its bulk control import, its \
            code rules applied), table (CSV or XLSX by a column profile), trestle-csv (compliance-trestle's \
            csv-to-oscal-mc and csv-to-oscal-cd inputs; read only). --from may be left out: each \
            input's format is recognised from its structure and headers (--verbose says how). A \
            profile (OSCAL) is resolved against a catalog given as another input. Every conversion \
            writes OUT.migration.md and OUT.migration.json beside the output: every field dropped, \
            merged or transformed, unresolved ids, links held in part, relationship words the target \
            lacks. --strict makes any loss an error (exit 65; only the report is written).
            """
    )

    @Argument(help: "The libraries to read (one format, or a catalog with its profile).") var files: [String]
    @Option(help: ArgumentHelp("The output format.", valueName: "format")) var to: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file")) var output: String
    @Option(help: ArgumentHelp("The input format (default: recognised per file).", valueName: "format"))
    var from: String?
    @Option(
        help: ArgumentHelp(
            "The framework: the id given to a catalog or profile read, or the one written as a catalog, profile or table column.",
            valueName: "id"
        )
    )
    var framework: String?
    @Option(
        help: ArgumentHelp(
            "A table's column profile: drata, sprinto, secureframe, vanta-csv, hyperproof, 6clicks, ciso-assistant-applied-controls, quire, or a YAML file (default: guessed from the headers).",
            valueName: "name|file"
        )
    )
    var profile: String?
    @Option(
        help: ArgumentHelp(
            "A table's column, laid over the profile: id=\"Control ID\", title=Name, status=Health, soc2-2017=\"SOC 2\", separator=\";\"; repeat for several.",
            valueName: "field=header"
        )
    )
    var column: [String] = []
    @Option(help: ArgumentHelp("Save the column profile a table was read with.", valueName: "file"))
    var saveProfile: String?
    @Option(help: ArgumentHelp("The library's name in what is written.", valueName: "name")) var name: String?
    @Option(help: ArgumentHelp("The packager in CISO Assistant URNs (default: quire).", valueName: "name"))
    var packager = "quire"
    @Option(help: ArgumentHelp("The catalog an OSCAL profile written imports from.", valueName: "href"))
    var catalogHref: String?
    @Flag(help: "Any loss is an error: exit 65, and write only the report.") var strict = false
    @Flag(help: "Say how each input was recognised, and show the column profile used.") var verbose = false

    var request: ConvertRequest {
        ConvertRequest(
            files: files,
            to: to,
            output: output,
            from: from,
            framework: framework,
            profile: profile,
            name: name,
            packager: packager,
            catalogHref: catalogHref,
            columns: column,
            strict: strict,
            saveProfile: saveProfile,
            verbose: verbose
        )
    }

    func validate() throws {
        if let problem = request.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try runReportingErrors { diagnostics in try convertLibrary(request, diagnostics: diagnostics) }
    }
}
