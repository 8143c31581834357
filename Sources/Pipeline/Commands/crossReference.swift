import ControlModel
import Reports

private struct CrossReferenceDocument: Encodable {
    struct Link: Encodable {
        var control: String
        var title: String
        var from: String
        var to: String
    }
    struct Entry: Encodable {
        var requirement: String
        var title: String
        var relationship: String
        var controls: [Link]
    }
    var requirement: String
    var title: String
    var to: [String]
    var correspondences: [Entry]
}

/// Prints the requirements of other frameworks that one corresponds to through shared controls,
/// with the relationship and the controls that carry each link.
public func crossReference(
    _ context: LibraryContext,
    requirement text: String,
    to targets: [String],
    format: ListingFormat,
    destination: OutputDestination
) throws {
    let reference: RequirementReference
    let parsed = ReferenceText(text)
    if let framework = parsed.framework {
        reference = RequirementReference(framework: framework, id: parsed.id)
    } else {
        throw PipelineError.usage(
            "\"\(text)\" does not name its framework; write framework:id, for example soc2-2017:CC6.1"
        )
    }
    let resolved: [RequirementReference]
    switch context.index.resolve(reference) {
    case .success(let references): resolved = references
    case .failure(let failure): throw PipelineError.unknown(failure.description)
    }
    guard resolved.count == 1, let source = resolved.first else {
        throw PipelineError.usage(
            "\(text) stands for \(resolved.map(\.description).joined(separator: " and ")); ask for one of them"
        )
    }
    let targetFrameworks =
        try targets.isEmpty
        ? context.index.library.frameworks.filter { $0.id != source.framework }
        : targets.map { try context.framework($0) }
    var entries: [CrossReferenceDocument.Entry] = []
    for framework in targetFrameworks {
        for correspondence in context.index.correspondences(of: source, in: framework.id) {
            entries.append(
                .init(
                    requirement: correspondence.requirement.description,
                    title: context.index.requirement(correspondence.requirement)?.title ?? "",
                    relationship: correspondence.relationship.rawValue,
                    controls: correspondence.links.map { link in
                        .init(
                            control: link.control,
                            title: context.index.control(link.control)?.title ?? "",
                            from: link.fromMapping.rawValue,
                            to: link.toMapping.rawValue
                        )
                    }
                )
            )
        }
    }
    let listing = Listing(
        columns: ["requirement", "relationship", "title", "via controls"],
        rows: entries.map { entry in
            [entry.requirement, entry.relationship, entry.title, entry.controls.map(\.control).joined(separator: ", ")]
        }
    )
    let document = CrossReferenceDocument(
        requirement: source.description,
        title: context.index.requirement(source)?.title ?? "",
        to: targetFrameworks.map(\.id),
        correspondences: entries
    )
    try emit(listing, json: document, format: format, sheet: "Cross-reference", to: destination)
}
