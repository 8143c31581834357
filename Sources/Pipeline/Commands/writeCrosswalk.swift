import ControlModel
import Reports

/// `quire crosswalk`: writes the crosswalk workbook of the named frameworks (ids or loose names,
/// at least two, each once): the controls with their mappings, a matrix per pair, every
/// correspondence as a list, coverage per framework, and the gaps.
public func writeCrosswalk(
    _ context: LibraryContext,
    frameworks names: [String],
    asOf: String?,
    destination: String
) throws {
    let frameworks = try names.map { try context.framework($0) }
    let day = try parseDay(asOf)
    let crosswalk = try Crosswalk(index: context.index, frameworks: frameworks, asOf: day)
    try deliver(try rendering(destination) { try crosswalk.workbook() }, toFile: destination)
}
