import Testing

/// The help text of every command, kept whole in `Tests/Golden/`.
@Suite("Help (golden)")
struct HelpGoldenTests {
    struct HelpCase: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var golden: String
        var testDescription: String { "quire " + arguments.joined(separator: " ") }
    }

    static let cases = [
        HelpCase(arguments: ["--help"], golden: "quire-help.txt"),
        HelpCase(arguments: ["cat", "--help"], golden: "quire-cat-help.txt"),
        HelpCase(arguments: ["sheets", "--help"], golden: "quire-sheets-help.txt"),
        HelpCase(arguments: ["inspect", "--help"], golden: "quire-inspect-help.txt"),
        HelpCase(arguments: ["map", "--help"], golden: "quire-map-help.txt"),
        HelpCase(arguments: ["answer", "--help"], golden: "quire-answer-help.txt"),
        HelpCase(arguments: ["assess", "--help"], golden: "quire-assess-help.txt"),
        HelpCase(arguments: ["convert", "--help"], golden: "quire-convert-help.txt"),
        HelpCase(arguments: ["run", "--help"], golden: "quire-run-help.txt"),
        HelpCase(arguments: ["history", "diff", "--help"], golden: "quire-history-diff-help.txt"),
        HelpCase(arguments: ["library", "check", "--help"], golden: "quire-library-check-help.txt"),
        HelpCase(arguments: ["library", "import", "--help"], golden: "quire-library-import-help.txt"),
        HelpCase(arguments: ["diff", "--help"], golden: "quire-diff-help.txt"),
        HelpCase(arguments: ["crosswalk", "--help"], golden: "quire-crosswalk-help.txt"),
        HelpCase(arguments: ["soa", "--help"], golden: "quire-soa-help.txt"),
        HelpCase(arguments: ["gaps", "--help"], golden: "quire-gaps-help.txt"),
        HelpCase(arguments: ["frameworks", "--help"], golden: "quire-frameworks-help.txt"),
        HelpCase(arguments: ["requirements", "--help"], golden: "quire-requirements-help.txt"),
        HelpCase(arguments: ["controls", "--help"], golden: "quire-controls-help.txt"),
        HelpCase(arguments: ["xref", "--help"], golden: "quire-xref-help.txt"),
        HelpCase(arguments: ["validate", "--help"], golden: "quire-validate-help.txt"),
    ]

    @Test("--help prints the whole help text on stdout and exits 0", arguments: cases)
    func helpGolden(_ helpCase: HelpCase) throws {
        let result = try QuireProcess.run(helpCase.arguments)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardError == "")
        try expectMatchesGolden(result.standardOutput, named: helpCase.golden)
    }

    @Test("quire help <subcommand> prints the same text as <subcommand> --help")
    func helpSubcommandMatches() throws {
        for command in [
            "cat", "sheets", "inspect", "map", "answer", "frameworks", "requirements", "controls", "xref", "validate",
        ] {
            let viaHelp = try QuireProcess.run(["help", command])
            let viaFlag = try QuireProcess.run([command, "--help"])
            #expect(viaHelp.exitCode == 0)
            #expect(viaHelp.standardOutput == viaFlag.standardOutput, "\(command)")
        }
    }

    @Test("--version prints the version")
    func version() throws {
        let result = try QuireProcess.run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "0.1.0\n")
        #expect(result.standardError == "")
    }
}
