import ArgumentParser
import Pipeline

struct Frameworks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the frameworks with their versions and requirement counts.",
        discussion: "`covered` counts the requirements at least one control maps to."
    )

    @OptionGroup var listing: ListingOptions

    func run() throws {
        try runReportingErrors { diagnostics in
            try listFrameworks(
                try listing.library.context(diagnostics),
                format: listing.format,
                destination: listing.output.destination
            )
        }
    }
}

struct Requirements: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a framework's requirements with the controls that cover each.",
        discussion: "FRAMEWORK is an id (iso27001-2022, soc2-2017, gdpr, nist-csf-2.0) or a name such as \"ISO 27001\"."
    )

    @Argument(help: "The framework.") var framework: String
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try runReportingErrors { diagnostics in
            try listRequirements(
                try listing.library.context(diagnostics),
                framework: framework,
                format: listing.format,
                destination: listing.output.destination
            )
        }
    }
}

struct Controls: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the controls with their mappings.",
        discussion: """
            The csv format is a library table: edit it and pass it back with --library. A mapping \
            is written A.5.15 (subset); no relationship means intersects.
            """
    )

    @Option(help: "Only controls that map to this framework, and only those mappings.")
    var framework: String?
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try runReportingErrors { diagnostics in
            try listControls(
                try listing.library.context(diagnostics),
                framework: framework,
                format: listing.format,
                destination: listing.output.destination
            )
        }
    }
}

struct Xref: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the requirements of other frameworks one requirement corresponds to.",
        discussion: """
            Correspondences are derived through shared controls. The relationship reads "the \
            requirement is <relationship> of the other": two subsets chain into a subset, equal \
            passes the other through, anything else can only be said to intersect.
            """
    )

    @Argument(help: "The requirement, as framework:id (soc2-2017:CC6.1, iso27001-2022:A.8.5, gdpr:Art.32).")
    var requirement: String
    @Option(
        name: .customLong("to"),
        help: ArgumentHelp("Only this framework; repeat for several (default: all others).", valueName: "framework")
    )
    var targets: [String] = []
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try runReportingErrors { diagnostics in
            try crossReference(
                try listing.library.context(diagnostics),
                requirement: requirement,
                to: targets,
                format: listing.format,
                destination: listing.output.destination
            )
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check library files and report every problem at once.",
        discussion: """
            Files are read together, laid over the built-in library, as --library would; a folder \
            stands for the library files in it. Exit status 65 when there is an error, 66 when a \
            file is missing; warnings alone exit 0.
            """
    )

    @Argument(help: "The library files (JSON, YAML, CSV, XLSX).") var files: [String]
    @Option(help: "Output format (xlsx: a workbook that prints, to -o FILE or a pipe).") var format: ListingFormat =
        .table
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors { _ in
            let status = try validateLibraries(files: files, format: format, destination: outputOptions.destination)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Work on the answer library.",
        subcommands: [Check.self, Import.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn your own filled questionnaires into answer library entries.",
            discussion: """
                Each answered item becomes an entry: its question, its answer read as quire assess \
                reads it (Yes for "Yes, all data is encrypted…", with that text kept as the comment; \
                a description as written), its comment, the controls it matches, and its source \
                ("FILE item ID", so the same item asked again is answered exactly). Entries are tagged \
                imported, and needs-approval unless --approved-by names who approved them: until then \
                quire answer proposes them for review and never writes them. Unanswered and unclear \
                items are left out (unclear ones are named). The library file is created, or new \
                entries are appended and near-duplicates merged, keeping its other lines; an answer \
                that contradicts an entry is reported, and replaces it only when approved.
                """
        )

        @Argument(help: "Your filled questionnaires (XLSX, XLSM, CSV).") var files: [String]
        @Option(name: .shortAndLong, help: ArgumentHelp("The YAML answer library to add to.", valueName: "file"))
        var output: String
        @Option(help: ArgumentHelp("Who approved these answers.", valueName: "name")) var approvedBy: String?
        @Option(
            help: ArgumentHelp("The source to record instead of each file's name.", valueName: "text")
        )
        var source: String?
        @OptionGroup var library: LibraryOptions
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var reading: ReadingOptionsGroup

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one filled questionnaire") }
            if let approvedBy, approvedBy.allSatisfy(\.isWhitespace) {
                throw ValidationError("--approved-by needs a name")
            }
        }

        func run() throws {
            try runReportingErrors { diagnostics in
                try importLibraryAnswers(
                    ImportRequest(
                        files: files,
                        output: output,
                        approvedBy: approvedBy,
                        source: source,
                        libraryFiles: library.files,
                        reading: reading.reading,
                        asOf: asOf.asOf
                    ),
                    diagnostics: diagnostics
                )
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report duplicate and conflicting answers, and answers pointing at unknown controls.",
            discussion: "Exit status 65 when there is a conflict or an unknown reference; duplicates alone exit 0."
        )

        @Argument(help: "The library files (or folders).") var files: [String]
        @Option(help: "Output format (xlsx: a workbook that prints, to -o FILE or a pipe).") var format: ListingFormat =
            .table
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            try runReportingErrors { _ in
                guard try checkAnswerLibrary(files: files, format: format, destination: outputOptions.destination)
                else {
                    throw ExitCode(65)
                }
            }
        }
    }
}
