import ControlModel
import Reports
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

/// Delivers a listing in the format asked for: the text table, its CSV, or the JSON document.
func emit(_ listing: Listing, json: some Encodable, format: ListingFormat, to destination: OutputDestination) throws {
    switch format {
    case .table: try deliver(Array(listing.text().utf8), to: destination)
    case .csv: try deliver(listing.csv(), to: destination)
    case .json: try deliver(Array(canonicalJSON(json).utf8), to: destination)
    }
}

/// `A.5.15` or `A.5.15 (subset)`: a mapping as the listings write it, the relationship left out
/// when it is the default (intersects).
func mappingLabel(_ id: String, _ relationship: String) -> String {
    relationship == "intersects" ? id : "\(id) (\(relationship))"
}
