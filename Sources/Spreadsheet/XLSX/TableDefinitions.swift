internal import CLibXML2

/// An Excel table (`ListObject`) on a sheet: its name, range and column names, enough to follow
/// a structured reference (`tblChoices[Choice]`) to its cells.
struct TableDefinition: Hashable, Sendable {
    /// The name formulas use (`displayName`).
    var name: String
    var sheet: SheetInfo
    /// The whole table, header and totals rows included.
    var range: CellRange
    var headerRows: Int
    var totalsRows: Int
    /// The column names, left to right.
    var columns: [String]

    /// The data cells of the column named `column` (compared without regard to case), nil when
    /// the table has no such column or no data rows.
    func dataRange(ofColumn column: String) -> CellRange? {
        guard let offset = columns.firstIndex(where: { $0.lowercased() == column.lowercased() }) else { return nil }
        let first = range.start.row + headerRows
        let last = range.end.row - totalsRows
        let columnNumber = range.start.column + offset
        guard first <= last, columnNumber <= range.end.column else { return nil }
        return CellRange(CellAddress(row: first, column: columnNumber), CellAddress(row: last, column: columnNumber))
    }
}

/// Reads a table part (`xl/tables/table1.xml`) for its name, range and column names.
final class TablePartReader: XMLEventHandler {
    private(set) var name: String?
    private(set) var range: CellRange?
    private(set) var headerRows = 1
    private(set) var totalsRows = 0
    private(set) var columns: [String] = []

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "table") {
            self.name = attributes.string("displayName") ?? attributes.string("name")
            range = attributes.string("ref").flatMap(CellRange.init(a1:))
            headerRows = attributes.int("headerRowCount") ?? 1
            totalsRows = attributes.int("totalsRowCount") ?? 0
        } else if xmlNameEquals(name, "tableColumn") {
            columns.append(attributes.string("name") ?? "")
        }
    }
}

extension XLSXPackage {
    /// The parts a sheet's relationships name of one type (`table`, `comments`), internal ones
    /// only; none when its relationships part is missing or damaged.
    func parts(ofType kind: String, of sheet: SheetInfo) -> [ZipEntry] {
        guard let relsEntry = archive.entry(named: relationshipsPartName(for: sheet.part)) else { return [] }
        let rels = RelationshipsReader(source: sheet.part)
        guard (try? parseXML(archive.data(relsEntry), handler: rels, path: archive.path, part: relsEntry.name)) != nil
        else { return [] }
        return rels.relationships.filter { $0.isType(kind) && !$0.isExternal }.compactMap {
            archive.entry(named: $0.target)
        }
    }

    /// The tables of every sheet, found through each sheet's relationships; a table part that is
    /// missing or damaged is left out (a list that depends on it then says it cannot be followed).
    func tableDefinitions() -> [TableDefinition] {
        var tables: [TableDefinition] = []
        for sheet in sheets {
            for entry in parts(ofType: "table", of: sheet) {
                let reader = TablePartReader()
                guard
                    (try? parseXML(archive.data(entry), handler: reader, path: archive.path, part: entry.name)) != nil,
                    let name = reader.name, let range = reader.range
                else { continue }
                tables.append(
                    TableDefinition(
                        name: name,
                        sheet: sheet,
                        range: range,
                        headerRows: reader.headerRows,
                        totalsRows: reader.totalsRows,
                        columns: reader.columns
                    )
                )
            }
        }
        return tables
    }
}
