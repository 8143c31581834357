import ControlModel
import Reports

/// `quire soa`: writes the ISO/IEC 27001:2022 Statement of Applicability: every Annex A control,
/// whether it applies and why, the controls that implement it, their status and evidence.
public func writeStatementOfApplicability(_ context: LibraryContext, asOf: String?, destination: String) throws {
    let day = try parseDay(asOf)
    let statement = StatementOfApplicability(
        index: context.index,
        framework: try context.framework("iso27001-2022"),
        asOf: day
    )
    try deliver(try rendering(destination) { try statement.workbook() }, toFile: destination)
}
