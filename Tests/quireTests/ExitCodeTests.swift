import Foundation
import Testing

/// Failures: the sysexits code, nothing on stdout, the whole message on stderr, and no output
/// file left behind.
@Suite("Exit codes and messages")
struct ExitCodeTests {
    let folder: CLIScratchFolder

    init() throws {
        folder = try CLIScratchFolder()
        try folder.write(TestWorkbook.answers.bytes(), named: "book.xlsx")
        var hostile = TestWorkbook.answers
        hostile.sheets[0].rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"
        let parts = hostile.parts().map { part -> (name: String, data: [UInt8]) in
            guard part.name == "xl/worksheets/sheet1.xml" else { return (part.name, Array(part.text.utf8)) }
            let withDoctype = part.text.replacing(
                "<worksheet ",
                with: "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<worksheet "
            )
            return (part.name, Array(withDoctype.utf8))
        }
        try folder.write(storedZip(parts), named: "hostile.xlsx")
    }

    private func quire(_ arguments: String...) throws -> QuireResult {
        try QuireProcess.run(arguments, in: folder.path)
    }

    static let hostileMessage =
        "error: hostile.xlsx: xl/worksheets/sheet1.xml line 2: the XML declares a DOCTYPE (possible entity expansion "
        + "or external entity attack); workbooks never need this, so the file is refused\n"

    @Test("a missing input exits 66 naming it")
    func missingInput() throws {
        for command in ["cat", "sheets"] {
            let result = try quire(command, "missing.xlsx")
            #expect(result.exitCode == 66, "\(result)")
            #expect(result.standardOutput == "")
            #expect(result.standardError == "error: missing.xlsx: no such file; check the path\n")
        }
    }

    @Test("an unknown format value exits 64 with the allowed values and the usage")
    func badFormat() throws {
        let result = try quire("cat", "x", "--format", "yaml")
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == """
                Error: The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'csv' or 'count'.
                Help:  --format <format>  Output format.
                Usage: quire cat <file> [--sheet <sheet>] [--format <format>] [--output <output>]
                  See 'quire cat --help' for more information.

                """
        )
    }

    @Test("a missing argument, an unknown option and an unknown subcommand exit 64")
    func otherUsageErrors() throws {
        let missing = try quire("cat")
        #expect(missing.exitCode == 64, "\(missing)")
        #expect(
            missing.standardError == """
                Error: Missing expected argument '<file>'
                Help:  <file>  The XLSX, XLSM or CSV file to read.
                Usage: quire cat <file> [--sheet <sheet>] [--format <format>] [--output <output>]
                  See 'quire cat --help' for more information.

                """
        )
        let unknownOption = try quire("sheets", "book.xlsx", "--colour")
        #expect(unknownOption.exitCode == 64, "\(unknownOption)")
        #expect(unknownOption.standardError.hasPrefix("Error: Unknown option '--colour'\n"))
        let unknownCommand = try quire("frobnicate")
        #expect(unknownCommand.exitCode == 64, "\(unknownCommand)")
        #expect(unknownCommand.standardOutput == "")
    }

    @Test("csv output of a workbook with several sheets and no --sheet exits 64 listing the sheets")
    func csvNeedsSheet() throws {
        let result = try quire("cat", "book.xlsx", "--format", "csv")
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "error: book.xlsx: CSV output prints one sheet; name it with --sheet (the sheets are: "
                + "\"Answers\", \"Lists\")\n"
        )
    }

    @Test("an unknown --sheet exits 64 listing the sheets")
    func unknownSheet() throws {
        let result = try quire("cat", "book.xlsx", "--sheet", "Nope", "--format", "csv")
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "error: book.xlsx: no sheet named \"Nope\"; the sheets are: \"Answers\", \"Lists\"\n"
        )
    }

    @Test("a hostile workbook exits 65 with its message, for every format and for sheets")
    func hostileFile() throws {
        for format in ["text", "json", "csv", "count"] {
            let result = try quire("cat", "hostile.xlsx", "--sheet", "Answers", "--format", format)
            #expect(result.exitCode == 65, "\(format): \(result)")
            #expect(result.standardOutput == "", "\(format)")
            #expect(result.standardError == Self.hostileMessage, "\(format)")
            #expect(!result.standardError.contains("root:"))
        }
        let sheets = try quire("sheets", "hostile.xlsx")
        #expect(sheets.exitCode == 65, "\(sheets)")
        #expect(sheets.standardOutput == "")
        #expect(sheets.standardError == Self.hostileMessage)
    }

    @Test("a failure with -o leaves no output file and no temporary file")
    func atomicOutputOnFailure() throws {
        let result = try quire("cat", "hostile.xlsx", "--sheet", "Answers", "--format", "csv", "-o", "out.csv")
        #expect(result.exitCode == 65, "\(result)")
        #expect(result.standardOutput == "")
        #expect(result.standardError == Self.hostileMessage)
        #expect(try folder.listing() == ["book.xlsx", "hostile.xlsx"])
    }

    @Test("a failure with -o leaves an existing output file as it was")
    func existingOutputKept() throws {
        try folder.write(Array("previous\r\n".utf8), named: "out.csv")
        let result = try quire("sheets", "hostile.xlsx", "-o", "out.csv")
        #expect(result.exitCode == 65, "\(result)")
        #expect(try String(contentsOfFile: folder.path + "/out.csv", encoding: .utf8) == "previous\r\n")
        #expect(try folder.listing() == ["book.xlsx", "hostile.xlsx", "out.csv"])
    }

    @Test("an output in a folder that does not exist exits 73")
    func cannotCreateOutput() throws {
        let result = try quire("cat", "book.xlsx", "-o", "no-such-folder/out.txt")
        #expect(result.exitCode == 73, "\(result)")
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "error: no-such-folder/out.txt: cannot create the output: No such file or directory\n"
        )
        #expect(try folder.listing() == ["book.xlsx", "hostile.xlsx"])
    }

    /// CSV padding of a 1 KB workbook with cells at A1 and XFD1048576 would be 17 GB.
    ///
    /// That is 1,048,576 rows of 16,383 commas. The run is held to 20 MB of file writes and 1 GB of
    /// address space, so a missing limit shows as the kernel stopping the process rather than as a
    /// full disk or an exhausted memory (normal runs need under 200 MB of address space).
    @Test("csv output of a sheet whose corners are A1 and XFD1048576 is refused, not padded to 17 GB")
    func csvPaddingBomb() throws {
        let corners = TestWorkbook(
            sheets: [
                TestWorkbook.Sheet(
                    name: "Corners",
                    rows: """
                        <row r="1"><c r="A1"><v>1</v></c></row>\
                        <row r="1048576"><c r="XFD1048576"><v>2</v></c></row>
                        """
                )
            ]
        )
        try folder.write(corners.bytes(), named: "corners.xlsx")
        let started = ContinuousClock.now
        let result = try QuireProcess.run(
            ["cat", "corners.xlsx", "--format", "csv"],
            in: folder.path,
            timeout: .seconds(20),
            resourceLimits: ["-f": 40_000, "-v": 1_000_000],
            environment: ["TMPDIR": folder.path]
        )
        #expect(result.exitCode == 65, "\(result)")
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("error: corners.xlsx: "), "\(result.standardError)")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("a password-protected workbook, a legacy .xls and text named .xlsx exit 65 with advice")
    func wrongKindsOfFile() throws {
        var compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        compound += [UInt8](repeating: 0, count: 504)
        try folder.write(
            compound + Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            named: "secret.xlsx"
        )
        try folder.write(compound, named: "old.xls")
        try folder.write(Array("just some notes\n".utf8), named: "notes.xlsx")
        let expectations = [
            "secret.xlsx":
                "error: secret.xlsx: the workbook is password-protected; open it in your spreadsheet program "
                + "and save it without a password (File > Info > Protect Workbook > Encrypt with Password, clear it)\n",
            "old.xls": "error: old.xls: this is a legacy Excel 97-2003 (.xls) workbook; open it and save it as .xlsx\n",
            "notes.xlsx": "error: notes.xlsx: not an XLSX workbook (no ZIP signature); the file is damaged or renamed, "
                + "save it again as .xlsx or export CSV\n",
        ]
        for (name, message) in expectations.sorted(by: { $0.key < $1.key }) {
            let result = try quire("cat", name)
            #expect(result.exitCode == 65, "\(name): \(result)")
            #expect(result.standardOutput == "", "\(name)")
            #expect(result.standardError == message, "\(name)")
        }
    }

    @Test("option values that cannot be right are usage errors with the usage line, before any file is read")
    func optionValuesAreCheckedFirst() throws {
        let cases: [([String], String)] = [
            (["gaps", "--framework", "soc2", "--as-of", "2026-13-01"], "--as-of \"2026-13-01\" is not a date"),
            (["inspect", "missing.xlsx", "--answer-column", "3"], "--answer-column \"3\" is not a column letter"),
            (["inspect", "missing.xlsx", "--header-row", "0"], "--header-row counts from 1"),
            (["crosswalk", "--frameworks", "soc2", "-o", "x.xlsx"], "name at least two frameworks"),
            (["crosswalk", "--frameworks", "gdpr,soc2,gdpr", "-o", "x.xlsx"], "gdpr is named twice"),
            (["answer", "missing.xlsx", "--as-of", "tomorrow"], "--as-of \"tomorrow\" is not a date"),
            (["answer", "missing.xlsx", "--write-from", "1.5"], "--write-from is a confidence from 0 to 1, not 1.5"),
        ]
        for (arguments, message) in cases {
            let result = try QuireProcess.run(arguments, in: folder.path)
            #expect(result.exitCode == 64, "\(arguments): \(result)")
            #expect(result.standardError.hasPrefix("Error: \(message)"), "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("Usage: quire \(arguments[0])"), "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/x.xlsx"))
        }
    }

    @Test("a layout profile with a mistake exits 65 naming its file, line and column")
    func badProfile() throws {
        let profile = """
            name: acme
            match: {sheets: ["Answers"]}
            sheets:
              - name: Answers
                colums: {question: B, answer: C}
            """
        _ = try folder.write(Array(profile.utf8), named: "acme.yaml")
        let result = try quire("inspect", "book.xlsx", "--profile", "acme.yaml")
        #expect(result.exitCode == 65, "\(result)")
        #expect(result.standardOutput == "")
        #expect(
            result.standardError.hasPrefix(
                "error: acme.yaml:5:5: \"colums\" is not a key of a sheet; did you mean \"columns\"?"
            )
        )
        let unknown = try quire("inspect", "book.xlsx", "--profile", "sig-lite")
        #expect(unknown.exitCode == 64, "\(unknown)")
        #expect(unknown.standardError.contains("no layout profile is called \"sig-lite\"; known profiles: caiq-v4"))
    }

    @Test("QUIRE_READ_LIMITS raises or lowers a limit, and a setting that does not parse exits 64")
    func readLimitsFromTheEnvironment() throws {
        try folder.write(Array("ID,Question\n1,Is data at rest encrypted?\n".utf8), named: "long.csv")
        let read = try QuireProcess.run(["cat", "long.csv", "--format", "count"], in: folder.path)
        #expect(read.exitCode == 0, "\(read)")

        let lowered = try QuireProcess.run(
            ["cat", "long.csv", "--format", "count"],
            in: folder.path,
            environment: ["QUIRE_READ_LIMITS": "max-csv-field-size=16, max-entries=10"]
        )
        #expect(lowered.exitCode == 65, "\(lowered)")
        #expect(
            lowered.standardError
                == "error: long.csv: line 2, column 3: the field starting here is larger than 16 bytes; a quote that "
                + "is never closed makes the rest of the file one field; refusing the file as hostile or too large: "
                + "if it is genuine, split it or raise the limit (QUIRE_READ_LIMITS=max-csv-field-size=…)\n"
        )

        for (setting, reason) in [
            ("max-csv-field-size=0", "the value must be a whole number of bytes from 1 to 2^40, with K, M or G"),
            ("max-entries=10K", "the value must be a whole number from 1 to 2^40"),
            ("max-cell-size=2000G", "the value must be a whole number of bytes from 1 to 2^40"),
            ("max-field-size=10", "not a setting (max-entries, max-entry-size, max-total-size"),
        ] {
            let refused = try QuireProcess.run(
                ["cat", "long.csv", "--format", "count"],
                in: folder.path,
                environment: ["QUIRE_READ_LIMITS": setting]
            )
            #expect(refused.exitCode == 64, "\(refused)")
            #expect(refused.standardOutput == "")
            #expect(
                refused.standardError.hasPrefix("error: QUIRE_READ_LIMITS: \"\(setting)\": \(reason)"),
                "\(refused)"
            )
        }
    }
}
