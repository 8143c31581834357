import Answering
import ControlModel
import Foundation
import Questionnaire
import Spreadsheet

/// `quire debug patch` (for `make bench` and the patch oracle): writes `text` into `column` of every row from 2 to the last of the first
/// sheet of a workbook, as answering a very long questionnaire would, and writes the copy.
public func benchmarkPatch(path: String, column: String, rows: Int?, text: String, destination: String) throws -> Int {
    let workbook = try Workbook(path: path)
    guard let sheet = workbook.sheets.first, let target = CellAddress(a1: column + "1")?.column else {
        throw PipelineError.usage("the workbook has no sheet, or \(column) is no column")
    }
    // Given the last row, the benchmark times the patch alone, not a read to find it.
    let last = try rows ?? workbook.metadata(of: sheet).usedRange?.end.row ?? 1
    var cells: [CellAddress: String] = [:]
    if last >= 2 {
        for row in 2...last { cells[CellAddress(row: row, column: target)] = text }
    }
    let (bytes, report) = try patchWorkbook(path: path, edits: [sheet.name: cells])
    try deliver(bytes, to: .file(destination))
    return report.written.values.reduce(0) { $0 + $1.count }
}

/// `quire debug sample-workbook` (for the writer's oracle tests): writes the workbook that exercises every writer feature.
public func writeSampleWorkbook(to destination: String) throws {
    try deliver(try sampleWorkbookBytes(), to: .file(destination))
}

/// `quire debug write-bench` (for `make bench`): writes the benchmark's generated workbook of `rows` rows, deflated at a zlib level.
public func writeBenchmarkWorkbook(rows: Int, level: Int, to destination: String) throws {
    guard (1...9).contains(level) else { throw PipelineError.usage("--level is from 1 to 9, not \(level)") }
    try deliver(try benchmarkWorkbookBytes(rows: rows, compressionLevel: Int32(level)), to: .file(destination))
}

/// `quire debug signals` (for `make calibrate` and `bench/accuracy.py`): per item, the answer's
/// value, basis, review reason codes and the signals its confidence is estimated from, as JSON.
public func answerSignals(_ request: AnsweringRequest, asOf: String?, diagnostics: Diagnostics) throws {
    let day = try parseDay(asOf)
    let (questionnaire, matcher) = try request.load(diagnostics: diagnostics)
    let answerer = Answerer(matcher: matcher, options: AnsweringOptions(asOf: day))
    struct Row: Encodable {
        var id: String
        var value: String?
        var basis: AnswerBasis
        var confidence: Double
        var reasons: [String]
        /// Whether the question is phrased so that "Yes" is the bad answer.
        var riskPhrased: Bool
        var signals: AnswerSignals?
        /// The controls the answer rests on.
        var controls: [String]
        /// The item's best control matches: `id score status`.
        var matched: [String]
        /// The closest past answers: `id similarity answer`.
        var past: [String]

        enum CodingKeys: String, CodingKey {
            case id, value, basis, confidence, reasons, signals, controls, matched, past
            case riskPhrased = "risk_phrased"
        }
    }
    let library = matcher.index.library
    let rows = questionnaire.items.map { item in
        let match = matcher.match(item)
        let answer = answerer.answer(item, match: match)
        return Row(
            id: answer.id,
            value: answer.value,
            basis: answer.basis,
            confidence: answer.confidence,
            reasons: answer.reviewReasons.map(\.code),
            riskPhrased: match.riskPhrased,
            signals: answer.signals,
            controls: answer.controls,
            matched: match.controls.prefix(4).map { score in
                let status = matcher.index.implementation(of: score.control)?.status.rawValue ?? "-"
                return "\(score.control) \(String(format: "%.2f", score.score)) \(status)"
            },
            past: match.library.prefix(3).map { candidate in
                let entry = library.answers[candidate.entry]
                return "\(entry.id) \(String(format: "%.2f", candidate.similarity)) \(entry.answer.prefix(40))"
            }
        )
    }
    try deliver(Array(canonicalJSON(rows).utf8), to: .standardOutput)
}
