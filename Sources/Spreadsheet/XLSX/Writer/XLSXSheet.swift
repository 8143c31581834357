/// One cell's value in a workbook being written.
///
/// Text is always written as text, through the shared-string table: a value such as `=SUM(A1:A9)`
/// stays a string and never becomes a formula. Only ``formula(_:cached:)``, which Quire makes
/// itself, writes one.
public enum XLSXValue: Sendable, Hashable {
    /// Text, written exactly as given; an empty string writes no cell, as ``empty`` does.
    case text(String)
    /// A finite number; NaN and infinities are refused when the workbook is written.
    case number(Double)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// A calendar date from 1900-01-01 to 9999-12-31, written as a serial number shown `yyyy-mm-dd`.
    case date(year: Int, month: Int, day: Int)
    /// A formula (without the leading `=`, as `(C2+0.5*D2)/SUM(C2:G2)`) with the number it
    /// gives, stored as its cached value so that a reader that does not calculate sees it too.
    case formula(String, cached: Double)
    /// No cell.
    case empty
}

/// A column of a sheet being written: its header and how its cells look and behave.
public struct XLSXColumn: Sendable, Hashable {
    /// The header text, written in row 1 in the bold header style.
    public var header: String
    /// The width in characters of the default font, as the spreadsheet program shows it, or
    /// `nil` for the program's default width.
    public var width: Double?
    /// Whether the data cells (and the header cell) wrap their text.
    public var wrap: Bool
    /// The values a drop-down offers for the column's data rows, or `nil` for none.
    ///
    /// Empty strings are left out. A short list is written inline in the rule; one whose text is
    /// over 255 characters, or that holds a comma or a control character, goes into a hidden
    /// sheet, `_lists`, that the rule points at.
    public var allowedValues: [String]?
    /// Whether the column's cells whose text is an `http://` or `https://` URL become links.
    public var hyperlink: Bool

    /// Makes a column.
    public init(
        _ header: String,
        width: Double? = nil,
        wrap: Bool = false,
        allowedValues: [String]? = nil,
        hyperlink: Bool = false
    ) {
        self.header = header
        self.width = width
        self.wrap = wrap
        self.allowedValues = allowedValues
        self.hyperlink = hyperlink
    }
}

/// How a sheet prints, for the documents people print or turn into PDF (a Statement of
/// Applicability, a gap list, a review list).
///
/// A sheet with a print setup prints one page wide (as many pages down as it takes), with grid
/// lines, its header row repeated at the top of every page, each row tall enough for the text its
/// wrapped columns hold, and a footer: ``footer`` on the left and "Page N of M" on the right.
public struct XLSXPrintSetup: Sendable, Hashable {
    /// Landscape (the default) or portrait.
    public var landscape: Bool
    /// The footer's left part, such as "Statement of Applicability, as of 2026-11-29"; empty for none.
    public var footer: String

    /// Makes a print setup.
    public init(landscape: Bool = true, footer: String = "") {
        self.landscape = landscape
        self.footer = footer
    }
}

/// A sheet to write: a header row made from its columns, then its rows.
///
/// Row `n` of ``rows`` is written to sheet row `n + 2`, below the header. A row may be shorter
/// than the columns (the missing cells are empty) or longer (the extra cells are written without
/// a header or column settings).
///
/// A very large sheet can instead make each row when it is written
/// (``init(name:columns:rowCount:freezeHeader:autoFilter:row:)``), so that its rows are never
/// held all at once.
public struct XLSXSheet: Sendable {
    /// The tab name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or ending with
    /// `'`, unique in the workbook without regard to case.
    public var name: String
    /// The columns, left to right from column A.
    public var columns: [XLSXColumn]
    /// The data rows, top to bottom from row 2.
    public var rows: [[XLSXValue]]
    /// Whether the header row stays in view when scrolling (a frozen pane below row 1).
    public var freezeHeader: Bool
    /// Whether the header row gets filter buttons over the data rows.
    public var autoFilter: Bool
    /// How many columns from column A stay in view when scrolling right; 0 for none.
    ///
    /// With ``freezeHeader`` the header row and these columns both stay (a pane frozen at their corner).
    public var freezeColumns: Int
    /// How the sheet prints, or `nil` for the spreadsheet program's defaults (portrait, as many
    /// pages across as the columns take, default row heights).
    public var printSetup: XLSXPrintSetup?
    /// Rows made as they are written: how many, and the function that fills in row `n`.
    let generated: (count: Int, row: @Sendable (Int, inout [XLSXValue]) -> Void)?

    /// The number of data rows.
    public var rowCount: Int { generated?.count ?? rows.count }

    /// Makes a sheet.
    public init(
        name: String,
        columns: [XLSXColumn],
        rows: [[XLSXValue]] = [],
        freezeHeader: Bool = true,
        autoFilter: Bool = true,
        freezeColumns: Int = 0
    ) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.freezeHeader = freezeHeader
        self.autoFilter = autoFilter
        self.freezeColumns = freezeColumns
        generated = nil
    }

    /// Makes a sheet whose `rowCount` data rows are made as they are written.
    ///
    /// `row(n, &cells)` fills in the cells of data row `n` (0-based, written to sheet row `n + 2`)
    /// into an empty array. A generated row holds at most as many cells as there are columns.
    public init(
        name: String,
        columns: [XLSXColumn],
        rowCount: Int,
        freezeHeader: Bool = true,
        autoFilter: Bool = true,
        freezeColumns: Int = 0,
        row: @escaping @Sendable (Int, inout [XLSXValue]) -> Void
    ) {
        self.name = name
        self.columns = columns
        rows = []
        self.freezeHeader = freezeHeader
        self.autoFilter = autoFilter
        self.freezeColumns = freezeColumns
        generated = (max(rowCount, 0), row)
    }
}
