public import ControlModel
import Spreadsheet

/// The ISO/IEC 27001:2022 Statement of Applicability: for every Annex A control, whether it
/// applies and why, the controls that implement it, their status and evidence; with a summary of
/// the counts an auditor asks first.
public struct StatementOfApplicability: Sendable, Hashable {
    /// The framework (ISO/IEC 27001:2022).
    public var framework: Framework
    /// The day evidence was judged on.
    public var asOf: Day
    /// One row per Annex A control, in the standard's order (``LibraryIndex/applicability(of:in:asOf:)``).
    public var rows: [Applicability]

    /// Decides every Annex A control (requirements of kind `annex-control`) of `framework`.
    public init(index: LibraryIndex, framework: Framework, asOf: Day) {
        self.framework = framework
        self.asOf = asOf
        rows = framework.assessable.filter { $0.kind == "annex-control" }.map {
            index.applicability(of: $0, in: framework, asOf: asOf)
        }
    }

    /// The counts of the Summary sheet, each as a measure and a number, in the order shown.
    public var summary: [(measure: String, value: Int)] {
        let applicable = rows.filter { !$0.excluded }
        return [
            ("Annex A controls", rows.count), ("Applicable", applicable.count),
            ("Excluded", rows.count - applicable.count),
            ("Applicable and implemented", applicable.count { $0.level == .implemented }),
            ("Applicable and partly implemented", applicable.count { $0.level == .partly }),
            ("Applicable and not yet implemented", applicable.count { $0.level == .notImplemented }),
            ("Applicable without a recorded reason for inclusion", applicable.count { $0.reasons.isEmpty }),
            ("With expired or failing evidence", rows.count { $0.hasWeakEvidence }),
        ]
    }

    /// The statement as a workbook: the "Statement of Applicability" sheet and a "Summary" sheet.
    public func workbook() throws -> [UInt8] {
        var writer = XLSXWorkbookWriter()
        let footer = "Statement of Applicability, \(framework.name), as of \(asOf)"
        var statement = XLSXSheet(
            name: "Statement of Applicability",
            columns: [
                XLSXColumn("Annex A", width: 9), XLSXColumn("Control", width: 36, wrap: true),
                XLSXColumn("Theme", width: 22), XLSXColumn("Applicable", width: 11, allowedValues: ["Yes", "No"]),
                XLSXColumn("Reason for inclusion", width: 30, wrap: true),
                XLSXColumn("Justification", width: 50, wrap: true), XLSXColumn("Implemented by", width: 18),
                XLSXColumn("Implementation status", width: 30, wrap: true),
                XLSXColumn("Evidence", width: 30, wrap: true),
            ],
            rows: rows.map(row)
        )
        statement.printSetup = XLSXPrintSetup(footer: footer)
        writer.addSheet(statement)
        var summarySheet = XLSXSheet(
            name: "Summary",
            columns: [XLSXColumn("Measure", width: 58), XLSXColumn("Value", width: 16)],
            rows: [
                [.text("Framework"), .text("\(framework.name), Annex A")],
                [.text("As of"), .date(year: asOf.year, month: asOf.month, day: asOf.day)],
            ] + summary.map { [.text($0.measure), .number(Double($0.value))] }
        )
        summarySheet.printSetup = XLSXPrintSetup(landscape: false, footer: footer + ": summary")
        writer.addSheet(summarySheet)
        return try writer.data()
    }

    private func row(_ entry: Applicability) -> [XLSXValue] {
        let statuses = zip(entry.controls, entry.statuses).map { "\($0): \($1?.rawValue ?? "no status")" }
        let evidence = Set(
            entry.evidence.map {
                "\($0.id)\($0.isExpired(asOf: asOf) ? " (expired)" : "")\($0.result == .fail ? " (failing)" : "")"
            }
        )
        return [
            .text(entry.requirement.id), .text(entry.requirement.title), .text(entry.theme),
            .text(entry.excluded ? "No" : "Yes"), .text(entry.reasons), .text(entry.justification),
            .text(entry.controls.joined(separator: ", ")), .text(statuses.joined(separator: "; ")),
            .text(evidence.sorted().joined(separator: ", ")),
        ]
    }
}
