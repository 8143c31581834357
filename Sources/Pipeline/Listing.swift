import Spreadsheet

/// How the library commands print: an aligned text table, JSON, or CSV.
public enum ListingFormat: String, Sendable, CaseIterable {
    /// Columns aligned for a terminal.
    case table
    /// One JSON document (schemas in Schemas/).
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}

/// Rows under a header, printed as a text table or CSV.
struct Listing {
    var columns: [String]
    var rows: [[String]]

    /// The widest a column other than the last is drawn in a text table; longer text is cut
    /// with an ellipsis (CSV and JSON carry it whole).
    static let maximumColumnWidth = 60

    func text() -> String {
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

    func csv() -> [UInt8] {
        let writer = CSVWriter()
        var bytes: [UInt8] = []
        writer.appendRecord(columns, to: &bytes)
        for row in rows { writer.appendRecord(row.map(Self.defused), to: &bytes) }
        return bytes
    }

    /// A cell a spreadsheet program would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
    /// gets a leading apostrophe, which the library table reader takes off again.
    static func defused(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    private static func firstLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}

/// Writes finished output to its destination (atomically for a file).
///
/// The bytes are complete, so they go straight to the destination, not through a spool.
func deliver(_ bytes: [UInt8], to destination: OutputDestination) throws {
    try destination.write { descriptor, name in
        try bytes.withUnsafeBytes { try writeAll(descriptor, $0, path: name) }
    }
}
