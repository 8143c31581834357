/// The workbook that `quire debug-sample-workbook` writes: two sheets that use every feature of
/// ``XLSXWorkbookWriter``, for the oracle tests (`Tests/oracle/test_xlsx_writer.py`) to read back
/// with openpyxl and python-calamine.
///
/// Change it together with that test, which knows its contents.
public func sampleWorkbookBytes() throws -> [UInt8] {
    var writer = XLSXWorkbookWriter()
    for sheet in sampleSheets() { writer.addSheet(sheet) }
    return try writer.data()
}

/// The sheets of ``sampleWorkbookBytes()``, for tests that check them cell by cell.
func sampleSheets() -> [XLSXSheet] {
    let owners = (1...40).map { "Owner team \($0)" }
    let controls = XLSXSheet(
        name: "Controls & Gaps",
        columns: [
            XLSXColumn("ID", width: 12),
            XLSXColumn("Title", width: 40, wrap: true),
            XLSXColumn("Status", width: 16, allowedValues: ["Implemented", "Partial", "Planned", "Not applicable"]),
            XLSXColumn("Owner", width: 18, allowedValues: owners),
            XLSXColumn("Score", width: 8),
            XLSXColumn("Reviewed", width: 12),
            XLSXColumn("Automated"),
            XLSXColumn("Evidence", width: 30, hyperlink: true),
            XLSXColumn("Notes", width: 50, wrap: true),
        ],
        rows: [
            [
                .text("IAM-01"), .text("Access reviews are performed quarterly"), .text("Implemented"),
                .text("Owner team 1"), .number(1), .date(year: 2024, month: 2, day: 29), .boolean(true),
                .text("https://example.com/evidence?id=1&kind=report"), .text("=SUM(A1:A2)"),
            ],
            [
                .text("IAM-02"), .text("Privileged access & MFA <enforced>"), .text("Partial"),
                .text("Owner team 40"), .number(0.1), .date(year: 1900, month: 1, day: 1), .boolean(false),
                .text("not a link"), .text("  padded on both sides  "),
            ],
            [
                .text("CRY-01"), .text("Line one\nLine two"), .text("Planned"), .empty, .number(-2.5e-7),
                .date(year: 1900, month: 2, day: 28), .empty, .text("http://example.org/policy"),
                .text("tab\there, quote \"q\", bell \u{7}, CR\r\nLF"),
            ],
            [.empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty],
            [
                .text("OPS-07"), .text("Backups are tested"), .text("Not applicable"), .text("Owner team 7"),
                .number(123_456_789.125), .date(year: 1900, month: 3, day: 1), .boolean(true),
                .text("https://example.com/a b"), .text("_x000D_ is literal text, not an escape"),
            ],
            [
                .text("OPS-08"), .text("R\u{E9}sum\u{E9}: e\u{301} and \u{E9} stay distinct; \u{1F510}"),
                .text("Implemented"),
                .text("Owner team 7"), .number(1e21), .date(year: 9999, month: 12, day: 31), .boolean(false),
                .text("HTTPS://EXAMPLE.COM/UPPER"), .text("=1+1"),
            ],
        ]
    )
    let applicability = XLSXSheet(
        name: "SoA 'A' list",
        columns: [
            XLSXColumn("Requirement", width: 14),
            XLSXColumn("Applicable", width: 12, allowedValues: ["Yes", "No", "Yes, with exceptions"]),
            XLSXColumn("Justification", width: 60, wrap: true),
            XLSXColumn("Link", width: 30, hyperlink: true),
            XLSXColumn("Owner", allowedValues: owners),
        ],
        rows: [
            [
                .text("A.5.1"), .text("Yes"), .text("Policies are approved by management."),
                .text("https://example.com/policies/infosec"), .text("Owner team 2"),
            ],
            [
                .text("A.8.5"), .text("Yes, with exceptions"), .text("Legacy system excluded until 2025."),
                .text("see the policy"), .text("Owner team 3"), .text("extra cell beyond the header"),
            ],
            [.text("A.7.4"), .text("No"), .text("No physical offices.")],
        ],
        freezeHeader: false,
        autoFilter: false
    )
    return [controls, applicability]
}

/// The workbook that `quire debug-write-bench ROWS OUT.xlsx` writes for `bench/xlsx_write_bench.py`:
/// one sheet of a header and `rows` rows of ten columns, five of text and five of numbers.
///
/// The values are a pure function of the row number, and the benchmark's Python writers make
/// the same ones (`bench_row` in the script); change both together.
public func benchmarkWorkbookBytes(rows: Int, compressionLevel: Int32 = 6) throws -> [UInt8] {
    let sections = [
        "Access Control", "Asset Management", "Business Continuity", "Cryptography", "Human Resources",
        "Incident Response", "Vendor Management",
    ]
    let lowered = sections.map { $0.lowercased() }
    let answers = ["Yes", "No", "N/A"]
    let headers = ["ID", "Section", "Question", "Answer", "Score", "Weight", "Count", "Owner", "Comment", "Risk"]
    // Each row is made as it is written, as the Python writers in the benchmark make theirs.
    let columns = headers.map { XLSXColumn($0) }
    let sheet = XLSXSheet(name: "Bench", columns: columns, rowCount: max(rows, 0)) { row, cells in
        let id = String(row)
        cells.append(.text("Q-" + String(repeating: "0", count: max(0, 6 - id.count)) + id))
        cells.append(.text(sections[row % 7]))
        cells.append(
            .text(
                "Question \(row % 5000): does the organisation review \(lowered[row % 7]) controls at least annually?"
            )
        )
        cells.append(.text(answers[row % 3]))
        cells.append(.number(Double(row % 1000) / 8))
        cells.append(.number(Double(row) / 7))
        cells.append(.number(Double(row % 97)))
        cells.append(.text("owner\(row % 11)@example.com"))
        cells.append(row % 5 == 0 ? .empty : .text("Reviewed in cycle \(row % 40); see ticket SEC-\(row % 900)"))
        cells.append(.number(Double(row % 13) * 1.5))
    }
    var writer = XLSXWorkbookWriter()
    writer.compressionLevel = compressionLevel
    writer.addSheet(sheet)
    return try writer.data()
}
