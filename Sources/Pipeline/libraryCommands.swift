public import ControlModel
import Exchange
import Foundation

/// The built-in library with a user's files laid over it, checked; what the library commands
/// work on.
public struct LibraryContext: Sendable {
    /// The checked and indexed library.
    public let index: LibraryIndex
    /// Problems that did not stop the command, for standard error.
    public let warnings: [Diagnostic]

    /// Loads the user's files over the built-in library; throws every error found, if any.
    public init(libraryFiles: [String]) throws {
        if libraryFiles.isEmpty {
            index = .builtIn
            warnings = []
            return
        }
        let loaded = loadLibrary(files: libraryFiles)
        if let missing = loaded.missingFiles.first { throw PipelineError.missingInput(path: missing) }
        guard !loaded.hasErrors else { throw PipelineError.invalidLibrary(loaded.diagnostics) }
        index = loaded.index
        warnings = loaded.diagnostics
    }

    /// The warnings as lines for standard error.
    public var warningLines: [String] { warnings.map(\.description) }

    func framework(_ name: String) throws -> Framework {
        guard let framework = index.framework(named: name) else {
            let near = index.frameworkSuggestions(for: name)
            throw PipelineError.unknown(
                "unknown framework \"\(name)\""
                    + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                    + " (known: \(index.library.frameworks.map(\.id).joined(separator: ", ")))"
            )
        }
        return framework
    }

    func coveredCount(_ framework: Framework) -> Int {
        framework.assessable.filter {
            !index.controls(covering: RequirementReference(framework: framework.id, id: $0.id)).isEmpty
        }.count
    }
}

private func encodeJSON(_ value: some Encodable) -> [UInt8] {
    Array(canonicalJSON(value).utf8)
}

private func emit(_ listing: Listing, json: some Encodable, format: ListingFormat, to destination: OutputDestination)
    throws
{
    switch format {
    case .table: try deliver(Array(listing.text().utf8), to: destination)
    case .csv: try deliver(listing.csv(), to: destination)
    case .json: try deliver(encodeJSON(json), to: destination)
    }
}

// MARK: - quire frameworks

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
                covered: context.coveredCount(framework),
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
    try emit(listing, json: FrameworksDocument(frameworks: entries), format: format, to: destination)
}

// MARK: - quire requirements

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
                entry.controls.map { describe($0.id, $0.relationship) }.joined(separator: ", "),
            ]
        }
    )
    let document = RequirementsDocument(
        framework: framework.id,
        name: framework.name,
        version: framework.version,
        requirements: entries
    )
    try emit(listing, json: document, format: format, to: destination)
}

/// `A.5.15` or `A.5.15 (subset)`: the relationship is left out when it is the default.
private func describe(_ id: String, _ relationship: String) -> String {
    relationship == Relationship.intersects.rawValue ? id : "\(id) (\(relationship))"
}

// MARK: - quire controls

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
            .map { describe($0.requirement.id, $0.relationship.rawValue) }
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
    try emit(listing, json: ControlsDocument(framework: only?.id, controls: entries), format: format, to: destination)
}

// MARK: - quire xref

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
    try emit(listing, json: document, format: format, to: destination)
}

// MARK: - quire validate

private struct ValidationDocument: Encodable {
    struct Problem: Encodable {
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var path: String?
        var message: String
        var hint: String?
    }
    struct Counts: Encodable {
        var frameworks: Int
        var controls: Int
        var implementation: Int
        var evidence: Int
        var answers: Int
    }
    var files: [String]
    var valid: Bool
    var errors: Int
    var warnings: Int
    var read: Counts
    var problems: [Problem]
}

/// Checks a user's library files and prints every problem; returns the exit status: 0 when
/// there is no error, 66 when a file is missing, 65 for any other error.
public func validateLibraries(files: [String], format: ListingFormat, destination: OutputDestination) throws -> Int32 {
    let loaded = loadLibrary(files: files)
    let errors = loaded.diagnostics.filter { $0.severity == .error }.count
    let warnings = loaded.diagnostics.count - errors
    let problems = loaded.diagnostics.map { diagnostic in
        ValidationDocument.Problem(
            severity: diagnostic.severity.rawValue,
            file: diagnostic.location.file,
            line: diagnostic.location.line,
            column: diagnostic.location.column,
            path: diagnostic.location.path,
            message: diagnostic.message,
            hint: diagnostic.hint
        )
    }
    let user = loaded.user
    let counts = ValidationDocument.Counts(
        frameworks: user.frameworks.count,
        controls: user.controls.count,
        implementation: user.implementation.count,
        evidence: user.evidence.count,
        answers: user.answers.count
    )
    switch format {
    case .table:
        var text = loaded.diagnostics.map { $0.description + "\n" }.joined()
        text += "\(files.count == 1 ? files[0] : "\(files.count) files"): "
        text += "\(counted(counts.controls, "control")), "
        text += "\(counted(counts.implementation, "implementation record")), "
        text += "\(counted(counts.evidence, "evidence item")), \(counted(counts.answers, "answer"))"
        if counts.frameworks > 0 { text += ", \(counted(counts.frameworks, "framework"))" }
        text += "; \(counted(errors, "error")), \(counted(warnings, "warning"))\n"
        try deliver(Array(text.utf8), to: destination)
    case .csv:
        let listing = Listing(
            columns: ["severity", "file", "line", "column", "path", "message", "hint"],
            rows: problems.map {
                [
                    $0.severity, $0.file, $0.line.map(String.init) ?? "", $0.column.map(String.init) ?? "",
                    $0.path ?? "", $0.message, $0.hint ?? "",
                ]
            }
        )
        try deliver(listing.csv(), to: destination)
    case .json:
        let document = ValidationDocument(
            files: files,
            valid: errors == 0,
            errors: errors,
            warnings: warnings,
            read: counts,
            problems: problems
        )
        try deliver(encodeJSON(document), to: destination)
    }
    return errors == 0 ? 0 : loaded.missingFiles.isEmpty ? 65 : 66
}
