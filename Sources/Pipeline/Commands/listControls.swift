import ControlModel
import Reports

private struct ControlsDocument: Encodable {
    struct Entry: Encodable {
        var id: String
        var title: String
        var domain: String
        var description: String
        var keywords: [String]
        var synonyms: [String]
        var status: String?
        var mappings: [Mapping]
    }
    var framework: String?
    var controls: [Entry]
}

/// Prints the controls with their mappings.
///
/// With a framework, only the controls that map to it and only those mappings. The CSV form is a library table that reads back in.
public func listControls(
    _ context: LibraryContext,
    framework name: String?,
    format: ListingFormat,
    destination: OutputDestination
) throws {
    let only = try name.map { try context.framework($0) }
    var entries: [ControlsDocument.Entry] = []
    for control in context.index.library.controls {
        let mappings = control.mappings.filter { only == nil || $0.requirement.framework == only?.id }
        if only != nil, mappings.isEmpty { continue }
        entries.append(
            .init(
                id: control.id,
                title: control.title,
                domain: control.domain,
                description: control.description,
                keywords: control.keywords,
                synonyms: control.synonyms,
                status: context.index.implementation(of: control.id)?.status.rawValue,
                mappings: mappings
            )
        )
    }
    let frameworks = only.map { [$0] } ?? context.index.library.frameworks
    func cell(_ entry: ControlsDocument.Entry, _ framework: Framework) -> String {
        entry.mappings.filter { $0.requirement.framework == framework.id }
            .map { mappingLabel($0.requirement.id, $0.relationship.rawValue) }
            .joined(separator: "; ")
    }
    let listing: Listing
    if format == .csv {
        listing = Listing(
            columns: ["id", "title", "domain", "description", "keywords", "synonyms"] + frameworks.map(\.id),
            rows: entries.map { entry in
                [
                    entry.id, entry.title, entry.domain, entry.description, entry.keywords.joined(separator: "; "),
                    entry.synonyms.joined(separator: "; "),
                ] + frameworks.map { cell(entry, $0) }
            }
        )
    } else {
        listing = Listing(
            columns: ["id", "title", "domain"] + frameworks.map(\.id),
            rows: entries.map { entry in [entry.id, entry.title, entry.domain] + frameworks.map { cell(entry, $0) } }
        )
    }
    try emit(
        listing,
        json: ControlsDocument(framework: only?.id, controls: entries),
        format: format,
        sheet: "Controls",
        to: destination
    )
}
