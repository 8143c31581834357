import ControlModel
import Reports

private struct FrameworksDocument: Encodable {
    struct Entry: Encodable {
        var id: String
        var name: String
        var version: String
        var publisher: String?
        var requirements: Int
        var headings: Int
        var covered: Int
        var kinds: [String: Int]
    }
    var frameworks: [Entry]
}

/// Prints each framework with its version and requirement counts.
public func listFrameworks(_ context: LibraryContext, format: ListingFormat, destination: OutputDestination) throws {
    var entries: [FrameworksDocument.Entry] = []
    for framework in context.index.library.frameworks {
        var kinds: [String: Int] = [:]
        for requirement in framework.assessable { kinds[requirement.kind, default: 0] += 1 }
        entries.append(
            .init(
                id: framework.id,
                name: framework.name,
                version: framework.version,
                publisher: framework.publisher,
                requirements: framework.assessable.count,
                headings: framework.requirements.count - framework.assessable.count,
                covered: context.index.mappedCount(of: framework),
                kinds: kinds
            )
        )
    }
    let listing = Listing(
        columns: ["id", "name", "version", "requirements", "covered", "by kind"],
        rows: entries.map { entry in
            [
                entry.id, entry.name, entry.version, String(entry.requirements), String(entry.covered),
                entry.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
            ]
        }
    )
    try emit(
        listing,
        json: FrameworksDocument(frameworks: entries),
        format: format,
        sheet: "Frameworks",
        to: destination
    )
}
