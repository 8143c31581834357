/// A spreadsheet file opened for reading: an XLSX/XLSM workbook or a CSV table.
///
/// Opening reads only the workbook's directory (sheets, names, date system); cells are read
/// sheet by sheet, streamed with ``readRows(of:_:)`` or gathered with ``table(_:)``. The file is
/// never written to. A workbook is not safe to share between tasks; open one per task.
public final class Workbook {
    /// The kinds of file Quire reads.
    public enum Format: String, Sendable, Hashable, Codable {
        case xlsx, xlsm, csv
    }

    private enum Backend {
        case xlsx(XLSXPackage)
        case csv
    }

    /// The ZIP archive an XLSX or XLSM file is, opened once, for copying its entries; nil for CSV.
    var archive: ZipArchive? {
        guard case .xlsx(let package) = backend else { return nil }
        return package.archive
    }

    /// The path as given.
    public let path: String
    /// What kind of file it is, judged by its content rather than its name.
    public let format: Format
    /// The sheets with cells, in tab order; a CSV file has one, named after the file.
    public let sheets: [SheetInfo]
    /// The workbook's defined names; none for CSV.
    public let definedNames: [DefinedName]
    /// How the workbook counts dates.
    public let dateSystem: DateSystem
    private let limits: ReadLimits
    private let backend: Backend
    /// The workbook's tables, read on first use.
    private var loadedTables: [TableDefinition]?

    /// The Excel tables of every sheet (none for CSV), read once.
    func tableDefinitions() -> [TableDefinition] {
        if let loadedTables { return loadedTables }
        var tables: [TableDefinition] = []
        if case .xlsx(let package) = backend { tables = package.tableDefinitions() }
        loadedTables = tables
        return tables
    }

    /// The notes (comments) on a sheet's cells, by cell, their authors' names left out; none for
    /// CSV, or when the sheet's comments part is missing or damaged.
    public func cellNotes(of sheet: SheetInfo) -> [CellAddress: String] {
        guard case .xlsx(let package) = backend else { return [:] }
        return package.cellNotes(of: sheet)
    }

    /// The number formats of the cell formats that show values otherwise than General does, by
    /// style index (``Cell/styleIndex``); none for CSV.
    public func numberFormats() throws -> [Int: NumberFormat] {
        guard case .xlsx(let package) = backend else { return [:] }
        return try package.numberFormats()
    }

    /// Opens a spreadsheet, deciding its format from its first bytes: a ZIP archive is read as
    /// XLSX, an OLE compound file is refused with advice, anything else is read as CSV.
    public init(path: String, limits: ReadLimits = .default) throws {
        self.path = path
        self.limits = limits
        let file = try FileReader(path: path)
        let head = try file.bytes(at: 0, count: Int(min(file.size, 8)), what: "the start of the file")
        let lowerPath = path.lowercased()
        if head.starts(with: [0x50, 0x4B]) {
            let package = try XLSXPackage(path: path, limits: limits)
            backend = .xlsx(package)
            format = package.isMacroEnabled || lowerPath.hasSuffix(".xlsm") ? .xlsm : .xlsx
            sheets = package.sheets
            definedNames = package.definedNames
            dateSystem = package.dateSystem
        } else if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // Both encrypted OOXML and legacy .xls files are OLE compound documents.
            if try Self.compoundFileHasEncryptionInfo(file) { throw SpreadsheetError.passwordProtected(path: path) }
            throw SpreadsheetError.unsupportedFormat(
                path: path,
                reason: "this is a legacy Excel 97-2003 (.xls) workbook; open it and save it as .xlsx"
            )
        } else if lowerPath.hasSuffix(".xlsx") || lowerPath.hasSuffix(".xlsm") {
            throw SpreadsheetError.unsupportedFormat(
                path: path,
                reason: "not an XLSX workbook (no ZIP signature); the file is damaged or renamed, "
                    + "save it again as .xlsx or export CSV"
            )
        } else if let kind = Self.notSpreadsheetText(lowerPath, head) {
            throw SpreadsheetError.unsupportedFormat(
                path: path,
                reason: "this looks like \(kind), not a spreadsheet; quire reads XLSX, XLSM and CSV (any extension)"
            )
        } else {
            backend = .csv
            format = .csv
            let name = String(path.split(separator: "/").last ?? Substring(path))
            let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            sheets = [SheetInfo(name: stem.isEmpty ? name : stem, index: 0, visibility: .visible, part: name)]
            definedNames = []
            dateSystem = .from1900
        }
    }

    /// Kinds of file that are text but never a table, by extension or first bytes.
    private static func notSpreadsheetText(_ lowerPath: String, _ head: [UInt8]) -> String? {
        if head.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
        let extensions = [
            ".json": "JSON", ".yaml": "YAML", ".yml": "YAML", ".xml": "an XML document", ".html": "a web page",
            ".htm": "a web page", ".pdf": "a PDF document", ".docx": "a Word document", ".ods": "an OpenDocument file",
        ]
        return extensions.first { lowerPath.hasSuffix($0.key) }?.value
    }

    private static func compoundFileHasEncryptionInfo(_ file: FileReader) throws -> Bool {
        // The directory entry name "EncryptionInfo" in UTF-16LE; directories are small and near
        // the start in files Office writes, so the first megabyte is searched.
        let needle = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let count = Int(min(file.size, 1 << 20))
        let bytes = try file.bytes(at: 0, count: count, what: "the compound file directory")
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The sheet with a name, compared exactly first and then without regard to case.
    public func sheet(named name: String) throws -> SheetInfo {
        if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
        if let sheet = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) { return sheet }
        throw SpreadsheetError.sheetNotFound(path: path, name: name, available: sheets.map(\.name))
    }

    /// Streams a sheet's rows in file order, holding one row at a time, then returns what
    /// follows the rows: merged ranges, validations (unresolved) and the used range.
    @discardableResult
    public func readRows(of sheet: SheetInfo, _ body: (Row) throws -> Void) throws -> SheetMetadata {
        switch backend {
        case .xlsx(let package):
            return try package.readRows(of: sheet, body)
        case .csv:
            // Read on this thread: handing CSV rows to another costs more than parsing them.
            return try CSVReader.readRows(path: path, limits: limits, body)
        }
    }

    /// Reads a whole sheet into memory, with its list validations resolved to their values.
    public func table(_ sheet: SheetInfo) throws -> Table {
        var rows: [Row] = []
        var metadata = try readRows(of: sheet) { rows.append($0) }
        rows = inRowOrder(rows)
        var table = Table(sheet: sheet, rows: rows, metadata: metadata)
        metadata.validations = try resolveListValidations(metadata.validations, on: sheet, current: table)
        table.metadata = metadata
        return table
    }

    /// Reads a sheet's metadata (merged ranges, validations with list values resolved, used
    /// range, counts) without keeping its rows.
    public func metadata(of sheet: SheetInfo) throws -> SheetMetadata {
        var metadata = try readRows(of: sheet) { _ in }
        metadata.validations = try resolveListValidations(metadata.validations, on: sheet, current: nil)
        return metadata
    }
}

/// Rows sorted by number, with rows a file lists twice merged, so that a ``Table`` can search
/// them; rows that already come in order (as every writer puts them) are returned as they are.
func inRowOrder(_ rows: [Row]) -> [Row] {
    guard !rows.indices.dropFirst().allSatisfy({ rows[$0 - 1].index < rows[$0].index }) else { return rows }
    var merged: [Row] = []
    for row in rows.enumerated().sorted(by: { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }) {
        if let last = merged.last, last.index == row.element.index {
            var cells = last.cells
            for cell in row.element.cells {
                // A later cell at the same place replaces the earlier one.
                cells.removeAll { $0.address.column == cell.address.column }
                cells.append(cell)
            }
            merged[merged.count - 1].cells = cells.sorted { $0.address.column < $1.address.column }
        } else {
            merged.append(row.element)
        }
    }
    return merged
}

/// A workbook holds an open file and reusable buffers; give each task its own.
@available(*, unavailable)
extension Workbook: Sendable {}
