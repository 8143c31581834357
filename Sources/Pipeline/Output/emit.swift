import ControlModel
import Reports
import Spreadsheet

#if canImport(Glibc)
    import Glibc
#endif

/// How the library commands print: an aligned text table, JSON, or CSV.
public enum ListingFormat: String, Sendable, CaseIterable {
    /// Columns aligned for a terminal.
    case table
    /// One JSON document (schemas in Schemas/).
    case json
    /// RFC 4180 CSV with a header row.
    case csv
    /// A one-sheet workbook that prints one page wide, the header on every page (needs `-o FILE`
    /// or a redirected standard output).
    case xlsx
}

/// Delivers a listing in the format asked for: the text table, its CSV, its workbook (`sheet`
/// names the sheet and starts the printed footer), or the JSON document.
func emit(
    _ listing: Listing,
    json: some Encodable,
    format: ListingFormat,
    sheet: String = "Listing",
    to destination: OutputDestination
) throws {
    switch format {
    case .table: try deliver(Array(listing.text().utf8), to: destination)
    case .csv: try deliver(listing.csv(), to: destination)
    case .json: try deliver(Array(canonicalJSON(json).utf8), to: destination)
    case .xlsx:
        try refuseTerminal(destination)
        try deliver(try rendering("workbook") { try listing.workbook(sheet: sheet, footer: sheet) }, to: destination)
    }
}

/// A workbook is not written to a terminal: it needs `-o FILE` or a redirection.
func refuseTerminal(_ destination: OutputDestination) throws {
    if destination == .standardOutput, isatty(1) != 0 {
        throw PipelineError.usage("--format xlsx writes a workbook: give -o FILE.xlsx or redirect the output")
    }
}

/// `A.5.15` or `A.5.15 (subset)`: a mapping as the listings write it, the relationship left out
/// when it is the default (intersects).
func mappingLabel(_ id: String, _ relationship: String) -> String {
    relationship == "intersects" ? id : "\(id) (\(relationship))"
}
