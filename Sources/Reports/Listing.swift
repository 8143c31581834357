import Spreadsheet

/// Rows under a header, printed as a text table or CSV: how every listing command prints.
public struct Listing: Sendable, Hashable {
    /// The header.
    public var columns: [String]
    /// The rows, each as long as the header.
    public var rows: [[String]]

    /// A listing of rows under a header.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The widest a column other than the last is drawn in a text table; longer text is cut
    /// with an ellipsis (CSV and JSON carry it whole).
    public static let maximumColumnWidth = 60

    /// The rows as a text table: columns aligned under a dashed rule, only the first line of a
    /// cell, cells other than the last cut at ``maximumColumnWidth`` with an ellipsis.
    public func text() -> String {
        var widths = columns.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], min(Self.firstLine(cell).count, Self.maximumColumnWidth))
            }
        }
        var output = ""
        func line(_ cells: [String]) {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                var text = Self.firstLine(cell)
                if index == cells.count - 1 {
                    parts.append(text)
                    break
                }
                if text.count > Self.maximumColumnWidth {
                    text = String(text.prefix(Self.maximumColumnWidth - 1)) + "…"
                }
                parts.append(text + String(repeating: " ", count: widths[index] - text.count))
            }
            var joined = parts.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            output += joined + "\n"
        }
        line(columns)
        line(widths.map { String(repeating: "-", count: $0) })
        for row in rows { line(row) }
        return output
    }

    /// The rows as RFC 4180 CSV with the header first; a cell a spreadsheet program would run as
    /// a formula gets a leading apostrophe (``CSVWriter/defused(_:)``), which the library table
    /// reader takes off again.
    public func csv() -> [UInt8] {
        let writer = CSVWriter()
        var bytes: [UInt8] = []
        writer.appendRecord(columns, to: &bytes)
        for row in rows { writer.appendRecord(row.map(CSVWriter.defused), to: &bytes) }
        return bytes
    }

    /// The rows as a one-sheet workbook that prints (``XLSXPrintSetup``): each column as wide as
    /// its longest line up to 60 characters, wrapping beyond; every cell text, as in the CSV.
    public func workbook(sheet name: String, footer: String) throws -> [UInt8] {
        var widths = columns.map { Double(max($0.count, 6)) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                let longest = cell.split(whereSeparator: \.isNewline).map(\.count).max() ?? 0
                widths[index] = max(widths[index], Double(min(longest, Self.maximumColumnWidth)))
            }
        }
        var sheet = XLSXSheet(
            name: name,
            columns: zip(columns, widths).map { header, width in
                XLSXColumn(header, width: width + 2, wrap: width >= Double(Self.maximumColumnWidth))
            },
            rows: rows.map { $0.map(XLSXValue.text) }
        )
        sheet.printSetup = XLSXPrintSetup(footer: footer)
        var writer = XLSXWorkbookWriter()
        writer.addSheet(sheet)
        return try writer.data()
    }

    private static func firstLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}

/// "1 row", "2 rows".
public func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
