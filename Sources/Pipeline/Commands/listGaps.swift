import ControlModel
import Reports

/// `quire gaps`: prints the requirements of a framework that no implemented control covers, or
/// whose implemented controls have only expired or failing evidence.
public func listGaps(
    _ context: LibraryContext,
    framework name: String,
    asOf: String?,
    format: ListingFormat,
    destination: OutputDestination
) throws {
    let framework = try context.framework(name)
    let gaps = GapList(context.index.coverage(of: framework, asOf: try parseDay(asOf)))
    switch format {
    case .table: try deliver(Array(gaps.listing.text().utf8), to: destination)
    case .csv: try deliver(gaps.listing.csv(), to: destination)
    case .json: try deliver(gaps.json(), to: destination)
    case .xlsx:
        try refuseTerminal(destination)
        try deliver(try rendering("the gap list") { try gaps.workbook() }, to: destination)
    }
}
