import ControlModel
import Exchange
import Questionnaire
import Reports
import Spreadsheet
import Testing

@testable import Pipeline

/// Every error a stage throws reaches the command line through ``Failure``: each case of each
/// error type has its sysexits code and a message that names the place and what to do.
@Suite struct FailureTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var error: any Error & Sendable
        var exitCode: Int32
        /// Text the message must hold: the file or place, and the way out where there is one.
        var mentions: [String]
        var testDescription: String { "\(type(of: error)): \(error)" }
    }

    static let diagnostic = Diagnostic(
        .error,
        at: SourceLocation(file: "lib.yaml", line: 3),
        "unknown control IAM-99",
        hint: "did you mean IAM-09?"
    )

    static let cases: [Case] = [
        // PipelineError
        Case(error: PipelineError.usage("name a sheet with --sheet"), exitCode: 64, mentions: ["--sheet"]),
        Case(
            error: PipelineError.cannotCreateOutput(path: "out/x.xlsx", reason: "No such file or directory"),
            exitCode: 73,
            mentions: ["out/x.xlsx", "cannot create"]
        ),
        Case(error: PipelineError.io(path: "x.csv", reason: "No space left"), exitCode: 74, mentions: ["x.csv"]),
        Case(
            error: PipelineError.invalidOutput(path: "cw.xlsx", reason: "sheet name too long"),
            exitCode: 65,
            mentions: ["cw.xlsx", "nothing was written"]
        ),
        Case(error: PipelineError.invalidLibrary([diagnostic]), exitCode: 65, mentions: ["lib.yaml:3", "IAM-09"]),
        Case(
            error: PipelineError.missingInput(path: "none.yaml"),
            exitCode: 66,
            mentions: ["none.yaml", "check the path"]
        ),
        Case(error: PipelineError.unknown("unknown framework \"x\""), exitCode: 64, mentions: ["unknown framework"]),
        // SpreadsheetError
        Case(
            error: SpreadsheetError.fileNotFound(path: "q.xlsx"),
            exitCode: 66,
            mentions: ["q.xlsx", "check the path"]
        ),
        Case(error: SpreadsheetError.io(path: "q.xlsx", reason: "EIO"), exitCode: 74, mentions: ["q.xlsx"]),
        Case(
            error: SpreadsheetError.unsupportedFormat(path: "q.pdf", reason: "not a workbook"),
            exitCode: 65,
            mentions: ["q.pdf"]
        ),
        Case(
            error: SpreadsheetError.passwordProtected(path: "q.xlsx"),
            exitCode: 65,
            mentions: ["q.xlsx", "password"]
        ),
        Case(
            error: SpreadsheetError.corruptArchive(path: "q.xlsx", entry: "xl/workbook.xml", reason: "bad CRC"),
            exitCode: 65,
            mentions: ["q.xlsx", "xl/workbook.xml", "save it again"]
        ),
        Case(
            error: SpreadsheetError.limitExceeded(path: "q.xlsx", entry: "xl/worksheets/sheet1.xml", reason: "ratio"),
            exitCode: 65,
            mentions: ["q.xlsx", "sheet1.xml"]
        ),
        Case(
            error: SpreadsheetError.missingPart(path: "q.xlsx", part: "xl/workbook.xml", reason: "absent"),
            exitCode: 65,
            mentions: ["xl/workbook.xml", "save the file again"]
        ),
        Case(
            error: SpreadsheetError.malformedXML(path: "q.xlsx", part: "xl/sharedStrings.xml", line: 4, reason: "tag"),
            exitCode: 65,
            mentions: ["sharedStrings.xml", "line 4"]
        ),
        Case(
            error: SpreadsheetError.forbiddenXML(path: "q.xlsx", part: "xl/styles.xml", line: 1, reason: "a DOCTYPE"),
            exitCode: 65,
            mentions: ["styles.xml", "refused"]
        ),
        Case(
            error: SpreadsheetError.invalidContent(path: "q.xlsx", part: "sheet1.xml", location: "C5", reason: "bad"),
            exitCode: 65,
            mentions: ["sheet1.xml", "C5"]
        ),
        Case(
            error: SpreadsheetError.malformedCSV(path: "q.csv", line: 7, column: 3, reason: "invalid UTF-8"),
            exitCode: 65,
            mentions: ["q.csv", "line 7", "column 3"]
        ),
        Case(
            error: SpreadsheetError.sheetNotFound(path: "q.xlsx", name: "Qs", available: ["Questions"]),
            exitCode: 64,
            mentions: ["\"Qs\"", "\"Questions\""]
        ),
        Case(
            error: SpreadsheetError.cannotPatch(path: "q.csv", reason: "the delimiter would change"),
            exitCode: 73,
            mentions: ["q.csv", "filled copy"]
        ),
        // QuestionnaireError
        Case(
            error: QuestionnaireError.unreadable(path: "t.json", reason: "no such file"),
            exitCode: 66,
            mentions: ["t.json", "check the path"]
        ),
        Case(error: QuestionnaireError.tooLarge(path: "t.json", limit: 64), exitCode: 65, mentions: ["t.json", "64"]),
        Case(
            error: QuestionnaireError.notAVSAQTemplate(path: "t.json", reason: "no questionnaire array"),
            exitCode: 65,
            mentions: ["t.json", "\"questionnaire\""]
        ),
        Case(
            error: QuestionnaireError.syntax(path: "t.json", line: 3, column: 9, message: "expected ,"),
            exitCode: 65,
            mentions: ["t.json:3:9", "fix the template"]
        ),
        Case(
            error: QuestionnaireError.invalidTemplate(path: "t.json", line: 12, reason: "an item without type"),
            exitCode: 65,
            mentions: ["t.json:12"]
        ),
        Case(
            error: QuestionnaireError.invalidProfile(path: "p.yaml", line: 4, column: 3, reason: "\"colums\" is wrong"),
            exitCode: 65,
            mentions: ["p.yaml:4:3", "colums"]
        ),
        Case(
            error: QuestionnaireError.unknownProfile(name: "sig", known: ["caiq-v4", "hecvat-3"]),
            exitCode: 64,
            mentions: ["\"sig\"", "caiq-v4"]
        ),
        // XLSXWriteError
        Case(error: XLSXWriteError.noSheets, exitCode: 65, mentions: ["no sheets"]),
        Case(
            error: XLSXWriteError.invalidSheetName(name: "a/b", reason: "holds /"),
            exitCode: 65,
            mentions: ["\"a/b\"", "choose another name"]
        ),
        Case(
            error: XLSXWriteError.duplicateSheetName(name: "Gaps", existing: "gaps"),
            exitCode: 65,
            mentions: ["\"Gaps\"", "\"gaps\""]
        ),
        Case(
            error: XLSXWriteError.sheetTooLarge(sheet: "Big", reason: "more than 1048576 rows"),
            exitCode: 65,
            mentions: ["\"Big\"", "split"]
        ),
        Case(
            error: XLSXWriteError.invalidCell(sheet: "S", cell: "B2", reason: "text longer than 32767 characters"),
            exitCode: 65,
            mentions: ["\"S\"", "B2"]
        ),
        // ControlModel and Exchange
        Case(
            error: ResolutionFailure(message: "unknown requirement CC9.9 in soc2-2017", hint: "did you mean CC9.1?"),
            exitCode: 64,
            mentions: ["CC9.9", "CC9.1"]
        ),
        Case(error: PipelineError.lossy("--strict: 3 things would be lost"), exitCode: 65, mentions: ["--strict"]),
        Case(
            error: PipelineError.history(path: "out/history.sqlite", reason: "database is locked"),
            exitCode: 74,
            mentions: ["out/history.sqlite", "locked", "as they were"]
        ),
        Case(
            error: PipelineError.invalidConfig([
                Diagnostic(.error, at: SourceLocation(file: "run.yaml", line: 5), "unknown key \"bogus\"")
            ]),
            exitCode: 65,
            mentions: ["run.yaml:5", "bogus", "1 error"]
        ),
        Case(
            error: ExchangeError(file: "p.json", line: 4, "the profile imports x.json", hint: "name the catalog too"),
            exitCode: 65,
            mentions: ["p.json:4", "name the catalog"]
        ),
        Case(
            error: BuiltInCatalog.BuildError(diagnostics: [diagnostic]),
            exitCode: 65,
            mentions: ["lib.yaml:3", "built-in catalog"]
        ),
        // Reports
        Case(error: ReportError.tooFewFrameworks(count: 1), exitCode: 64, mentions: ["at least two", "--frameworks"]),
        Case(error: ReportError.frameworkNamedTwice(id: "gdpr"), exitCode: 64, mentions: ["gdpr", "once"]),
        Case(
            error: ReportError.cannotCompare(
                original: "a.xlsx",
                originalFormat: "XLSX",
                filled: "b.csv",
                filledFormat: "CSV"
            ),
            exitCode: 64,
            mentions: ["a.xlsx", "b.csv", "two workbooks or two CSV files"]
        ),
        Case(
            error: FillError.formatMismatch(path: "q.csv", format: .csv, wanted: .xlsx),
            exitCode: 64,
            mentions: ["q.csv", "own format"]
        ),
        Case(
            error: FillError.receiverSheet(path: "h.xlsx", sheet: "Scoring", reason: "the name says \"scoring\""),
            exitCode: 65,
            mentions: ["h.xlsx", "\"Scoring\"", "never writes"]
        ),
    ]

    @Test("each error's exit code and message", arguments: cases)
    func exitCodeAndMessage(_ testCase: Case) {
        let failure = Failure(testCase.error)
        #expect(failure.exitCode == testCase.exitCode)
        for text in testCase.mentions {
            #expect(failure.message.contains(text), "\(failure.message) should mention \(text)")
        }
    }

    /// The table has a row for every case of every enum error type: a new case without a row fails.
    @Test func everyCaseHasARow() {
        func names(_ errors: [any Error]) -> Set<String> {
            // An enum case with values reflects as one child labelled with the case's name.
            Set(errors.map { "\(type(of: $0)).\(Mirror(reflecting: $0).children.first?.label ?? "\($0)")" })
        }
        let covered = names(Self.cases.map(\.error))
        let expected: [(String, Int)] = [
            ("PipelineError", 10), ("SpreadsheetError", 13), ("QuestionnaireError", 7), ("XLSXWriteError", 5),
            ("ReportError", 3), ("FillError", 2),
        ]
        for (type, count) in expected {
            #expect(covered.count { $0.hasPrefix(type + ".") } == count, "\(type) has \(count) cases")
        }
    }

    @Test func anErrorNoStageDeclaresIsAnInternalError() {
        struct Surprise: Error {}
        let failure = Failure(Surprise())
        #expect(failure.exitCode == 70)
        #expect(failure.message.hasPrefix("internal error:"))
    }
}
