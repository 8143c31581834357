import ControlModel
import Reports

private struct RequirementsDocument: Encodable {
    struct Covering: Encodable {
        var id: String
        var title: String
        var relationship: String
    }
    struct Entry: Encodable {
        var id: String
        var title: String
        var kind: String
        var parent: String?
        var heading: Bool
        var controls: [Covering]
    }
    var framework: String
    var name: String
    var version: String
    var requirements: [Entry]
}

/// Prints a framework's requirements in order, each with the controls that cover it.
public func listRequirements(
    _ context: LibraryContext,
    framework name: String,
    format: ListingFormat,
    destination: OutputDestination
) throws {
    let framework = try context.framework(name)
    let entries = framework.requirements.map { requirement in
        let covering = context.index.controls(
            covering: RequirementReference(framework: framework.id, id: requirement.id)
        )
        return RequirementsDocument.Entry(
            id: requirement.id,
            title: requirement.title,
            kind: requirement.kind,
            parent: requirement.parent,
            heading: requirement.isHeading,
            controls: covering.map {
                .init(
                    id: $0.control,
                    title: context.index.control($0.control)?.title ?? "",
                    relationship: $0.mapping.relationship.rawValue
                )
            }
        )
    }
    let listing = Listing(
        columns: ["id", "kind", "title", "controls"],
        rows: entries.map { entry in
            [
                entry.id, entry.kind, entry.title,
                entry.controls.map { mappingLabel($0.id, $0.relationship) }.joined(separator: ", "),
            ]
        }
    )
    let document = RequirementsDocument(
        framework: framework.id,
        name: framework.name,
        version: framework.version,
        requirements: entries
    )
    try emit(listing, json: document, format: format, sheet: "Requirements", to: destination)
}
