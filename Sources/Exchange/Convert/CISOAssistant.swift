import ControlModel
import Foundation

// CISO Assistant libraries (YAML): a library's metadata and its `objects`, of which Quire reads
// and writes the framework (`requirement_nodes`), the `reference_controls` and the
// `requirement_mapping_set(s)`. The facts come from CISO Assistant's documentation and files,
// never its code (https://github.com/intuitem/ciso-assistant-community):
// - fields and URN forms: tools/README.md ("Library workbench": the objects' fields, the URN form
//   `urn:<packager>:risk:<object>:<refid>`, and the convert tool's URN cleaning, its `--compat 0`);
//   the docs' library-object page "Reference Controls" (a control's URN is `base_urn`, of the form
//   `urn:<packager>:risk:function:<identifier>`, then `:` and its lower-cased `ref_id`);
//   documentation/library-builder.md (`function` is the spelling every loader reads; a newer
//   builder mints `reference_control`); and the real libraries in ../shared/corpus/exchange/ciso-assistant;
// - the relationship words (equal, subset, superset, intersect, not_related), the rationale words
//   (syntactic, semantic, functional) and a strength from 0 (no relation) to 10 (equal):
//   documentation/architecture/data-model.md, "Requirement Mapping set";
// - the reverse mapping set: tools/README.md, "Mappings", says the convert tool "also
//   automatically creates the reverse of a mapping inside the resulting YAML file"; the corpus
//   file mapping-cis-controls-v8-and-iso27001-2022.yaml shows its form (`urn` and `ref_id` plus
//   `-revert`, the same name and description, the frameworks swapped, subset and superset
//   swapped, under `requirement_mapping_sets`). Older files hold one `requirement_mapping_set`.

// MARK: Detection

/// Whether a parsed document is a CISO Assistant library, and why (for detection).
func looksLikeCISOAssistant(_ root: DocumentNode) -> String? {
    guard let objects = root["objects"], objects.isMapping else { return nil }
    let kinds = objects.keys.filter(CISOWords.objectKinds.contains)
    let urn = root["urn"]?.string ?? ""
    guard !kinds.isEmpty, urn.lowercased().hasPrefix("urn:") || root["packager"] != nil else { return nil }
    let named = urn.isEmpty ? "" : " \(urn)"
    return "CISO Assistant library\(named): `objects` holds \(kinds.joined(separator: ", "))"
}

// MARK: Reading

/// Reads a CISO Assistant library document (its `objects`: framework with requirement_nodes, reference_controls, requirement_mapping_set(s)).
///
/// The framework takes the id of a framework in `known` that its URN names (compared loosely:
/// `urn:intuitem:risk:framework:iso27001-2022` is `iso27001-2022`), else the URN's last segment.
/// Requirement ids are the nodes' `ref_id`s; a reference control listed by a requirement node
/// becomes a mapping of that control (`intersects`: CISO Assistant does not say how they relate).
/// A mapping set that is another's reverse, as CISO Assistant's convert tool writes it, is read
/// once (``writeCISOAssistant(_:known:packager:log:)`` writes the reverse again). Every field not
/// carried gets a note, counted per field.
func readCISOAssistant(_ root: DocumentNode, file: String, known: [Framework], log: inout MigrationLog) -> Library {
    var reader = CISOReader(file: file, known: known)
    return reader.read(root, log: &log)
}

/// The reading of one library document: the URNs seen so far, and the counts of fields not carried.
private struct CISOReader {
    let file: String
    let known: [Framework]
    /// The library's provider: the frameworks' publisher and the mapping sets' provider.
    var provider: String?
    /// Reference controls read, and their index by lower-cased URN.
    var controls: [Control] = []
    var controlByURN: [String: Int] = [:]
    /// Frameworks read from this file, with their URNs' last segment.
    var frameworks: [(segment: String, urn: String, framework: Framework)] = []
    /// Requirement nodes read from this file by lower-cased URN: framework id and requirement id.
    var nodeByURN: [String: RequirementReference] = [:]
    /// Frameworks named by mapping URNs that neither this file nor `known` defines.
    var unknownFrameworks: [String] = []
    /// The matchers of the frameworks mapping URNs resolve against, by framework id.
    var matchers: [String: RequirementMatcher] = [:]

    init(file: String, known: [Framework]) {
        self.file = file
        self.known = known
    }

    func place(_ node: DocumentNode) -> String { "\(file):\(node.line)" }

    mutating func read(_ root: DocumentNode, log: inout MigrationLog) -> Library {
        var library = Library(name: root["name"]?.string)
        provider = root["provider"]?.string
        let subject = "library \(root["urn"]?.string ?? root["ref_id"]?.string ?? file)"
        for key in root.keys where !["name", "provider", "objects"].contains(key) {
            guard let value = root[key] else { continue }
            log.note(
                .dropped,
                subject,
                field: key,
                "\(key) \(describe(value)): library metadata Quire does not hold",
                location: place(value)
            )
        }
        let objects = root["objects"]
        for key in objects?.keys ?? [] where !CISOWords.readObjects.contains(key) {
            guard let value = objects?[key] else { continue }
            let count = value.isMapping ? 1 : value.items.count
            log.note(
                .dropped,
                subject,
                field: key,
                "objects.\(key): \(count) \(count == 1 ? "object" : "objects") of a kind Quire does not hold",
                location: place(value)
            )
        }
        // Reference controls first, so that requirement nodes can link to them.
        readReferenceControls(objects?["reference_controls"]?.items ?? [], log: &log)
        for node in objects?["framework"]?.items ?? [] {
            library.frameworks.append(readFramework(node, log: &log))
        }
        let setNodes =
            (objects?["requirement_mapping_set"]?.items ?? []) + (objects?["requirement_mapping_sets"]?.items ?? [])
        var sets: [MappingSet] = []
        for (index, node) in setNodes.enumerated() {
            sets.append(readMappingSet(node, index: index, log: &log))
        }
        library.mappingSets = withoutReverses(sets, log: &log)
        library.controls = controls
        if let provider, library.frameworks.isEmpty, library.mappingSets.isEmpty {
            log.note(
                .dropped,
                subject,
                field: "provider",
                "provider \"\(provider)\": with no framework or mapping set, nothing carries it"
            )
        }
        for framework in unknownFrameworks {
            log.note(
                .unresolved,
                "framework \(framework)",
                "named by mapping URNs but defined neither in this library nor among the frameworks Quire knows; "
                    + "its requirement ids are kept as the URNs write them (lower-cased)"
            )
        }
        return library
    }

    // MARK: Reference controls

    mutating func readReferenceControls(_ nodes: [DocumentNode], log: inout MigrationLog) {
        var unread = FieldTally(what: "reference controls", file: file)
        for (index, node) in nodes.enumerated() {
            let urn = node["urn"]?.string
            guard let id = nonEmpty(node["ref_id"]?.string) ?? urn.map(lastSegment) else {
                log.note(
                    .dropped,
                    "reference control \(index + 1)",
                    "it has neither a ref_id nor a urn to name it by",
                    location: place(node)
                )
                continue
            }
            if controls.contains(where: { $0.id == id }) {
                log.note(
                    .dropped,
                    "reference control \(id)",
                    "a second reference control with ref_id \(id); only the first is kept",
                    location: place(node)
                )
                continue
            }
            let title = nonEmpty(node["name"]?.string) ?? id
            for key in node.keys where !["urn", "ref_id", "name", "description", "category"].contains(key) {
                unread.add(key, node)
            }
            if let urn { controlByURN[urn.lowercased()] = controls.count }
            controls.append(
                Control(
                    id: id,
                    title: title,
                    description: node["description"]?.string ?? "",
                    domain: node["category"]?.string ?? "",
                    origin: SourceLocation(file: file, line: node.line, column: node.column)
                )
            )
        }
        unread.note(
            into: &log,
            subject: "reference controls",
            kind: .dropped,
            why: "Quire's controls have no place for it"
        )
    }

    // MARK: Frameworks

    mutating func readFramework(_ node: DocumentNode, log: inout MigrationLog) -> Framework {
        let urn = node["urn"]?.string ?? ""
        let segment = urn.isEmpty ? nonEmpty(node["ref_id"]?.string) ?? "framework" : lastSegment(urn)
        let id = knownFramework(named: segment, in: known)?.id ?? segment
        let subject = "framework \(id)"
        for key in node.keys where !["urn", "ref_id", "name", "requirement_nodes"].contains(key) {
            guard let value = node[key] else { continue }
            log.note(
                .dropped,
                subject,
                field: key,
                "\(key) \(describe(value)): Quire's frameworks have no place for it",
                location: place(value)
            )
        }
        if let refID = nonEmpty(node["ref_id"]?.string), refID != id {
            log.note(
                .dropped,
                subject,
                field: "ref_id",
                "ref_id \"\(refID)\": Quire names the framework \(id), after its urn",
                location: place(node)
            )
        }
        var framework = Framework(
            id: id,
            name: nonEmpty(node["name"]?.string) ?? nonEmpty(node["ref_id"]?.string) ?? id,
            version: "",
            publisher: provider,
            source: urn.isEmpty ? nil : urn,
            requirements: []
        )
        // `urn:<packager>:risk:req_node:<framework ref>:` starts the URN of every node; a node
        // without a ref_id is named by what follows it.
        let nodeBase = urn.replacingOccurrences(of: ":framework:", with: ":req_node:").lowercased() + ":"
        var unread = FieldTally(what: "requirement nodes", file: file)
        var externalLinks = FieldTally(what: "requirement nodes", file: file)
        var ids: Set<String> = []
        for (index, item) in (node["requirement_nodes"]?.items ?? []).enumerated() {
            let nodeURN = item["urn"]?.string ?? ""
            let suffix =
                nodeURN.lowercased().hasPrefix(nodeBase)
                ? String(nodeURN.dropFirst(nodeBase.count)) : nonEmpty(nodeURN).map(lastSegment)
            guard var requirementID = nonEmpty(item["ref_id"]?.string) ?? suffix ?? nonEmpty(item["name"]?.string)
            else {
                log.note(
                    .dropped,
                    "requirement node \(index + 1) of \(id)",
                    "it has no ref_id, urn or name to name it by",
                    location: place(item)
                )
                continue
            }
            if ids.contains(requirementID) {
                let unique = suffix.flatMap { ids.contains($0) ? nil : $0 } ?? "\(requirementID)-\(index + 1)"
                log.note(
                    .transformed,
                    "requirement \(id):\(requirementID)",
                    field: "ref_id",
                    "a second node has ref_id \(requirementID); it is kept as \(unique)",
                    location: place(item)
                )
                requirementID = unique
            }
            ids.insert(requirementID)
            let name = nonEmpty(item["name"]?.string)
            let description = nonEmpty(item["description"]?.string)
            if name != nil, description != nil { unread.add("description", item) }
            if name == nil, description != nil {
                log.note(
                    .transformed,
                    "requirement \(id):\(requirementID)",
                    field: "name",
                    "the node has no name; its description is its title",
                    location: place(item)
                )
            }
            let isHeading = !(item["assessable"]?.bool ?? false)
            var parent: String?
            if let parentURN = nonEmpty(item["parent_urn"]?.string) {
                parent = nodeByURN[parentURN.lowercased()]?.id
                if parent == nil {
                    log.note(
                        .unresolved,
                        "requirement \(id):\(requirementID)",
                        field: "parent_urn",
                        "its parent \(parentURN) is not a node before it; kept without a parent",
                        location: place(item)
                    )
                }
            }
            for linked in item["reference_controls"]?.items ?? [] {
                guard let linkedURN = linked.string else { continue }
                if let position = controlByURN[linkedURN.lowercased()] {
                    controls[position].mappings.append(
                        Mapping(
                            requirement: RequirementReference(framework: id, id: requirementID),
                            relationship: .intersects,
                            origin: SourceLocation(file: file, line: linked.line, column: linked.column)
                        )
                    )
                } else {
                    externalLinks.add("reference_controls (\(urnFamily(linkedURN)))", linked)
                }
            }
            for key in item.keys
            where !["urn", "ref_id", "name", "description", "assessable", "depth", "parent_urn", "reference_controls"]
                .contains(key)
            {
                unread.add(key, item)
            }
            if !nodeURN.isEmpty {
                nodeByURN[nodeURN.lowercased()] = RequirementReference(framework: id, id: requirementID)
            }
            framework.requirements.append(
                Requirement(
                    id: requirementID,
                    title: name ?? description ?? requirementID,
                    kind: isHeading ? CISOWords.headingKind : CISOWords.requirementKind,
                    parent: parent,
                    isHeading: isHeading
                )
            )
        }
        unread.note(
            into: &log,
            subject: subject,
            kind: .dropped,
            why: "Quire's requirements hold an id, a title and a parent"
        )
        externalLinks.note(
            into: &log,
            subject: subject,
            kind: .unresolved,
            why: "the reference controls they list are defined in other libraries, so there is no control to map"
        )
        frameworks.append((segment.lowercased(), urn, framework))
        return framework
    }

    // MARK: Mapping sets

    mutating func readMappingSet(_ node: DocumentNode, index: Int, log: inout MigrationLog) -> MappingSet {
        let urn = node["urn"]?.string
        let id = nonEmpty(node["ref_id"]?.string) ?? urn.map(lastSegment) ?? "mapping-set-\(index + 1)"
        let subject = "mapping set \(id)"
        for key in node.keys
        where ![
            "urn", "ref_id", "name", "description", "source_framework_urn", "target_framework_urn",
            "requirement_mappings",
        ]
        .contains(key) {
            guard let value = node[key] else { continue }
            log.note(
                .dropped,
                subject,
                field: key,
                "\(key) \(describe(value)): Quire's mapping sets have no place for it",
                location: place(value)
            )
        }
        if let urn, lastSegment(urn) != id.lowercased() {
            log.note(.dropped, subject, field: "urn", "urn \(urn): Quire names the set \(id), after its ref_id")
        }
        var set = MappingSet(
            id: id,
            name: nonEmpty(node["name"]?.string),
            description: nonEmpty(node["description"]?.string),
            source: frameworkID(forURN: node["source_framework_urn"]?.string ?? ""),
            target: frameworkID(forURN: node["target_framework_urn"]?.string ?? ""),
            provider: provider,
            mappings: []
        )
        var unread = FieldTally(what: "mappings", file: file)
        var changed = FieldTally(what: "mappings", file: file)
        var unresolved: [RequirementReference: (count: Int, near: [String], location: String)] = [:]
        var unresolvedOrder: [RequirementReference] = []
        func resolve(_ text: String?, _ node: DocumentNode) -> String {
            let lookup = requirement(forNodeURN: text ?? "")
            if case .unresolved(let reference, let framework) = lookup {
                if unresolved[reference] == nil {
                    unresolvedOrder.append(reference)
                    unresolved[reference] = (0, nearRequirementIDs(reference.id, in: framework), place(node))
                }
                unresolved[reference]?.count += 1
            }
            return lookup.reference.id
        }
        for item in node["requirement_mappings"]?.items ?? [] {
            let source = resolve(item["source_requirement_urn"]?.string, item)
            let target = resolve(item["target_requirement_urn"]?.string, item)
            let word = item["relationship"]?.string ?? ""
            let relationship: Relationship
            if let known = CISOWords.relationship(word) {
                relationship = known
            } else if let lenient = Relationship(lenient: word) {
                relationship = lenient
                changed.add("relationship \"\(word)\" (no CISO Assistant word; read as \(lenient.rawValue))", item)
            } else {
                relationship = .intersects
                changed.add("relationship \"\(word)\" (no CISO Assistant word; read as intersects)", item)
            }
            var strength: Int?
            if let value = item["strength_of_relationship"], case .scalar(let text) = value.value {
                if let number = value.number, number.isFinite {
                    let clamped = min(10, max(1, Int(number.rounded())))
                    if Double(clamped) != number {
                        changed.add("strength_of_relationship \(text) (read as \(clamped): Quire's run 1 to 10)", item)
                    }
                    strength = clamped
                } else {
                    unread.add("strength_of_relationship \"\(text)\" (not a number)", item)
                }
            }
            var rationale: MappingRationale?
            if let text = nonEmpty(item["rationale"]?.string) {
                rationale = MappingRationale(rawValue: text.lowercased())
                if rationale == nil {
                    unread.add("rationale \"\(text)\" (not syntactic, semantic or functional)", item)
                }
            }
            for key in item.keys
            where ![
                "source_requirement_urn", "target_requirement_urn", "relationship", "strength_of_relationship",
                "rationale", "annotation",
            ]
            .contains(key) {
                unread.add(key, item)
            }
            set.mappings.append(
                RequirementMapping(
                    source: source,
                    target: target,
                    relationship: relationship,
                    strength: strength,
                    rationale: rationale,
                    note: nonEmpty(item["annotation"]?.string)
                )
            )
        }
        for reference in unresolvedOrder {
            guard let found = unresolved[reference] else { continue }
            let hint = found.near.isEmpty ? "" : "; did you mean \(found.near.joined(separator: ", "))?"
            log.note(
                .unresolved,
                "requirement \(reference)",
                "named by \(found.count) \(found.count == 1 ? "mapping" : "mappings") of \(id), but \(reference.framework) "
                    + "has no requirement \(reference.id); kept as written\(hint)",
                location: found.location
            )
        }
        unread.note(into: &log, subject: subject, kind: .dropped, why: "Quire's mappings have no place for it")
        changed.note(into: &log, subject: subject, kind: .transformed, why: "read as Quire can hold it")
        return set
    }

    /// The sets, each reverse of an earlier set (as CISO Assistant's convert tool adds them) left out.
    func withoutReverses(_ sets: [MappingSet], log: inout MigrationLog) -> [MappingSet] {
        var kept: [MappingSet] = []
        for set in sets {
            if let forward = kept.first(where: { isReverse(set, of: $0) && set.name == $0.name }) {
                log.note(
                    .merged,
                    "mapping set \(set.id)",
                    "the reverse of \(forward.id) (\(set.mappings.count) links, subset and superset swapped), as CISO "
                        + "Assistant's convert tool adds it; read once as \(forward.id), and written back with its reverse"
                )
                continue
            }
            kept.append(set)
        }
        return kept
    }

    // MARK: URNs

    /// The Quire id of the framework a framework URN names: this file's framework, one Quire
    /// knows, or the URN's last segment.
    func frameworkID(forURN urn: String) -> String {
        if let own = frameworks.first(where: { $0.urn.lowercased() == urn.lowercased() }) { return own.framework.id }
        let segment = lastSegment(urn)
        if let own = frameworks.first(where: { $0.segment == segment.lowercased() }) { return own.framework.id }
        return knownFramework(named: segment, in: known)?.id ?? segment
    }

    /// The requirement a node URN names, found in this file's framework or a known one.
    mutating func requirement(forNodeURN urn: String) -> NodeLookup {
        if let own = nodeByURN[urn.lowercased()] { return .resolved(own) }
        let parts = urn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let frameworkSegment: String
        let nodeSegment: String
        if parts.count >= 6, parts[3].lowercased() == "req_node" {
            frameworkSegment = parts[4]
            nodeSegment = parts[5...].joined(separator: ":")
        } else {
            frameworkSegment = ""
            nodeSegment = lastSegment(urn)
        }
        let framework =
            frameworks.first { $0.segment == frameworkSegment.lowercased() }?.framework
            ?? knownFramework(named: frameworkSegment, in: known)
        guard let framework else {
            if !frameworkSegment.isEmpty, !unknownFrameworks.contains(frameworkSegment) {
                unknownFrameworks.append(frameworkSegment)
            }
            return .unknownFramework(RequirementReference(framework: frameworkSegment, id: nodeSegment))
        }
        let matcher = matchers[framework.id] ?? RequirementMatcher(framework)
        matchers[framework.id] = matcher
        if let id = matcher.match(nodeSegment) {
            return .resolved(RequirementReference(framework: framework.id, id: id))
        }
        return .unresolved(RequirementReference(framework: framework.id, id: nodeSegment), in: framework)
    }
}

/// What a requirement node URN named.
private enum NodeLookup {
    case resolved(RequirementReference)
    case unknownFramework(RequirementReference)
    case unresolved(RequirementReference, in: Framework)

    var reference: RequirementReference {
        switch self {
        case .resolved(let reference), .unknownFramework(let reference), .unresolved(let reference, _): reference
        }
    }
}

// MARK: Writing

/// Writes what the library holds as one CISO Assistant library document.
///
/// URNs are `urn:<packager>:risk:<object>:<ref>` with the object's ref cleaned as CISO
/// Assistant's convert tool cleans them (accents removed, lower case, spaces as `-`, other
/// characters outside `a-z 0-9 _ - . [ ] ( ) :` as `_`). One framework is written (a CISO
/// Assistant library holds one); the controls become reference controls, listed by the
/// requirement nodes they map to; each mapping set is written with its reverse. A framework a
/// mapping set names that is not written here keeps the URN it was read with, else one is made
/// with `packager`. Everything the library holds that the document cannot is noted.
func writeCISOAssistant(_ library: Library, known: [Framework], packager: String, log: inout MigrationLog) -> OutputNode
{
    var writer = CISOWriter(library: library, known: known, packager: packager)
    return writer.write(log: &log)
}

/// The writing of one library document.
private struct CISOWriter {
    let library: Library
    let known: [Framework]
    let packager: String
    /// The framework written, if any.
    let framework: Framework?
    /// The library's ref, the last segment of its URN and the base of its reference controls.
    let reference: String
    /// Node URN suffixes of the written framework, made unique.
    var suffixes: [String: String] = [:]

    init(library: Library, known: [Framework], packager: String) {
        self.library = library
        self.known = known
        let cleaned = cisoURNSuffix(packager)
        self.packager = cleaned.isEmpty ? "quire" : cleaned
        framework = library.frameworks.first
        let chosen: String =
            if let framework, library.frameworks.count == 1 {
                framework.id
            } else if library.frameworks.isEmpty, library.controls.isEmpty, library.mappingSets.count == 1 {
                library.mappingSets[0].id
            } else {
                library.name ?? "quire-library"
            }
        let cleanedReference = cisoURNSuffix(chosen)
        reference = cleanedReference.isEmpty ? "quire-library" : cleanedReference
    }

    func urn(_ object: String, _ ref: String) -> String { "urn:\(packager):risk:\(object):\(ref)" }

    mutating func write(log: inout MigrationLog) -> OutputNode {
        let provider = chooseProvider()
        var objects: [(String, OutputNode)] = []
        let controls = writeReferenceControls(log: &log)
        if !controls.isEmpty { objects.append(("reference_controls", .list(controls))) }
        if let framework {
            objects.append(("framework", writeFramework(framework, provider: provider, log: &log)))
        } else {
            let mappings = library.controls.reduce(0) { $0 + $1.mappings.count }
            if mappings > 0 {
                log.note(
                    .dropped,
                    "\(mappings) control mappings",
                    field: "mappings",
                    "no framework is in the input, and a reference control holds requirements only through the nodes of "
                        + "the framework written: convert with the framework (a catalog or CISO Assistant framework) too"
                )
            }
        }
        for extra in library.frameworks.dropFirst() {
            log.note(
                .dropped,
                "framework \(extra.id)",
                "a CISO Assistant library holds one framework; \(extra.id) (\(extra.requirements.count) requirements) "
                    + "is not written: convert it on its own"
            )
        }
        let sets = writeMappingSets(provider: provider, log: &log)
        if !sets.isEmpty { objects.append(("requirement_mapping_sets", .list(sets))) }
        noteUnheld(log: &log)
        let name = library.name ?? framework?.name ?? "Quire library"
        var parts: [String] = []
        if let framework { parts.append("the framework \(framework.name)") }
        let controlCount = library.controls.count
        let setCount = library.mappingSets.count
        if controlCount > 0 { parts.append("\(controlCount) reference \(controlCount == 1 ? "control" : "controls")") }
        if setCount > 0 {
            parts.append("\(setCount) requirement mapping \(setCount == 1 ? "set" : "sets") and their reverses")
        }
        let description = "Written by Quire" + (parts.isEmpty ? "." : ": " + parts.joined(separator: ", ") + ".")
        return .map([
            ("urn", .string(urn("library", reference))),
            ("locale", .string("en")),
            ("ref_id", .string(reference)),
            ("name", .string(name)),
            ("description", .string(description)),
            ("copyright", .string(packager)),
            ("version", .integer(1)),
            ("provider", .string(provider)),
            ("packager", .string(packager)),
            ("objects", .map(objects)),
        ])
    }

    /// The library's provider: the framework's publisher, or a mapping set's, or the packager.
    ///
    /// A framework or set whose provider differs gets a note where it is written.
    func chooseProvider() -> String {
        framework?.publisher ?? library.mappingSets.lazy.compactMap(\.provider).first ?? packager
    }

    // MARK: Reference controls

    func controlURN(_ control: Control) -> String { urn("function", reference) + ":" + cisoURNSuffix(control.id) }

    func writeReferenceControls(log: inout MigrationLog) -> [OutputNode] {
        var unheld = FieldTally(what: "controls")
        var nodes: [OutputNode] = []
        for control in library.controls {
            let category = control.domain.lowercased()
            let isCategory = CISOWords.categories.contains(category)
            if !control.domain.isEmpty, !isCategory {
                unheld.add(
                    "domain (a reference control's category is one of \(CISOWords.categories.sorted().joined(separator: ", ")))"
                )
            }
            if !control.keywords.isEmpty { unheld.add("keywords") }
            if !control.synonyms.isEmpty { unheld.add("synonyms") }
            nodes.append(
                OutputNode.compact([
                    ("urn", .string(controlURN(control))),
                    ("ref_id", .string(control.id)),
                    ("name", .string(control.title)),
                    ("category", isCategory ? .string(category) : nil),
                    ("description", nonEmpty(control.description).map(OutputNode.string)),
                ])
            )
        }
        unheld.note(
            into: &log,
            subject: "reference controls",
            kind: .dropped,
            why: "a reference control has no place for it"
        )
        return nodes
    }

    // MARK: Framework

    /// The URN of a framework: as read, when it came from a CISO Assistant library, else made
    /// with the packager (always for the framework written here).
    func frameworkURN(_ id: String) -> String {
        if id != framework?.id, let source = (library.frameworks + known).first(where: { $0.id == id })?.source,
            source.lowercased().hasPrefix("urn:"), source.lowercased().contains(":risk:framework:")
        {
            return source
        }
        return urn("framework", cisoURNSuffix(id))
    }

    func nodeURN(_ reference: RequirementReference) -> String {
        let base = frameworkURN(reference.framework)
        let nodeBase =
            base.range(of: ":risk:framework:", options: .caseInsensitive).map {
                base.replacingCharacters(in: $0, with: ":risk:req_node:")
            } ?? urn("req_node", cisoURNSuffix(reference.framework))
        let suffix =
            reference.framework == framework?.id
            ? suffixes[reference.id] ?? cisoURNSuffix(reference.id)
            : cisoURNSuffix(reference.id)
        return nodeBase + ":" + suffix
    }

    mutating func writeFramework(_ framework: Framework, provider: String, log: inout MigrationLog) -> OutputNode {
        let subject = "framework \(framework.id)"
        if let publisher = framework.publisher, publisher != provider {
            log.note(
                .dropped,
                subject,
                field: "publisher",
                "publisher \(publisher): the library's provider stands for it"
            )
        }
        if !framework.version.isEmpty {
            log.note(
                .dropped,
                subject,
                field: "version",
                "version \"\(framework.version)\": a CISO Assistant framework has none"
            )
        }
        if !framework.nameAliases.isEmpty {
            log.note(
                .dropped,
                subject,
                field: "name_aliases",
                "\(framework.nameAliases.count) other names: a CISO Assistant framework has one"
            )
        }
        if !framework.aliases.isEmpty {
            log.note(
                .dropped,
                subject,
                field: "aliases",
                "\(framework.aliases.count) old or alternative ids: CISO Assistant has no aliases (a mapping set can say them)"
            )
        }
        let written = urn("framework", cisoURNSuffix(framework.id))
        if let source = framework.source, source != written {
            log.note(
                .dropped,
                subject,
                field: "source",
                "source \"\(source)\": written as \(written), which has no place for it"
            )
        }
        // Unique URN suffixes: ids that clean to the same text get -2, -3….
        var used: Set<String> = []
        for requirement in framework.requirements {
            var suffix = cisoURNSuffix(requirement.id)
            if suffix.isEmpty { suffix = "node" }
            if used.contains(suffix) {
                var number = 2
                while used.contains("\(suffix)-\(number)") { number += 1 }
                log.note(
                    .transformed,
                    "requirement \(framework.id):\(requirement.id)",
                    field: "urn",
                    "its id cleans to \(suffix), which another requirement's URN already ends with; written as \(suffix)-\(number)"
                )
                suffix = "\(suffix)-\(number)"
            }
            used.insert(suffix)
            suffixes[requirement.id] = suffix
        }
        let links = controlLinks(to: framework, log: &log)
        var depths: [String: Int] = [:]
        var kinds = FieldTally(what: "requirements")
        var nodes: [OutputNode] = []
        for requirement in framework.requirements {
            let depth = requirement.parent.flatMap { depths[$0] }.map { $0 + 1 } ?? 1
            depths[requirement.id] = depth
            let readKind = requirement.isHeading ? CISOWords.headingKind : CISOWords.requirementKind
            if requirement.kind != readKind { kinds.add("kind \(requirement.kind)") }
            let reference = RequirementReference(framework: framework.id, id: requirement.id)
            nodes.append(
                OutputNode.compact([
                    ("urn", .string(nodeURN(reference))),
                    ("assessable", .boolean(!requirement.isHeading)),
                    ("depth", .integer(depth)),
                    ("parent_urn", requirement.parent.map { .string(nodeURN(.init(framework: framework.id, id: $0))) }),
                    ("ref_id", .string(requirement.id)),
                    ("name", .string(requirement.title)),
                    ("reference_controls", .list((links[requirement.id] ?? []).map(OutputNode.string))),
                ])
            )
        }
        kinds.note(
            into: &log,
            subject: subject,
            kind: .dropped,
            why: "a requirement node is assessable or not, and has no other kind"
        )
        return .map([
            ("urn", .string(written)),
            ("ref_id", .string(framework.id)),
            ("name", .string(framework.name)),
            ("requirement_nodes", .list(nodes)),
        ])
    }

    /// The reference controls each requirement of the framework lists: the controls that map to it.
    func controlLinks(to framework: Framework, log: inout MigrationLog) -> [String: [String]] {
        let ids = Set(framework.requirements.map(\.id))
        var links: [String: [String]] = [:]
        var changed = FieldTally(what: "mappings")
        var unheld = FieldTally(what: "mappings")
        var elsewhere: [String: Int] = [:]
        for control in library.controls {
            for mapping in control.mappings {
                let target = mapping.requirement
                guard target.framework == framework.id else {
                    elsewhere[target.framework, default: 0] += 1
                    continue
                }
                guard ids.contains(target.id) else {
                    log.note(
                        .unresolved,
                        "mapping \(control.id) → \(target)",
                        "\(framework.id) has no requirement \(target.id); the link is not written"
                            + nearHint(nearRequirementIDs(target.id, in: framework))
                    )
                    continue
                }
                if mapping.relationship == .notRelated {
                    unheld.add("relationship not-related (a node's reference_controls only link)")
                    continue
                }
                if mapping.relationship != .intersects {
                    changed.add(
                        "relationship \(mapping.relationship.rawValue) (written as a plain link, read back as intersects)"
                    )
                }
                if mapping.strength != nil { unheld.add("strength") }
                if mapping.rationale != nil { unheld.add("rationale") }
                if mapping.source != nil { unheld.add("source") }
                let urn = controlURN(control)
                if !(links[target.id] ?? []).contains(urn) { links[target.id, default: []].append(urn) }
            }
        }
        changed.note(
            into: &log,
            subject: "controls",
            kind: .transformed,
            why: "CISO Assistant's links carry no relationship"
        )
        unheld.note(
            into: &log,
            subject: "controls",
            kind: .dropped,
            why: "a requirement node's reference_controls list has no place for it"
        )
        for (other, count) in elsewhere.sorted(by: { $0.key < $1.key }) {
            log.note(
                .dropped,
                "controls",
                field: "mappings",
                "\(count) \(count == 1 ? "mapping" : "mappings") to \(other): only the framework written (\(framework.id)) "
                    + "can list reference controls"
            )
        }
        return links
    }

    // MARK: Mapping sets

    func writeMappingSets(provider libraryProvider: String, log: inout MigrationLog) -> [OutputNode] {
        var nodes: [OutputNode] = []
        var external: [String] = []
        let held = Set(library.frameworks.prefix(1).map(\.id))
        for set in library.mappingSets {
            let subject = "mapping set \(set.id)"
            var unheld = FieldTally(what: "mappings")
            for mapping in set.mappings {
                if mapping.confidence != nil { unheld.add("confidence") }
                if mapping.coverage != nil { unheld.add("coverage") }
            }
            unheld.note(
                into: &log,
                subject: subject,
                kind: .dropped,
                why: "a CISO Assistant mapping has no place for it"
            )
            if let provider = set.provider, provider != libraryProvider {
                log.note(
                    .dropped,
                    subject,
                    field: "provider",
                    "provider \(provider): the library's provider stands for it"
                )
            }
            for id in [set.source, set.target] where !held.contains(id) && !external.contains(id) {
                external.append(id)
            }
            let setURN = urn("req_mapping_set", cisoURNSuffix(set.id))
            nodes.append(mappingSet(set, urn: setURN, ref: set.id, reverse: false))
            // CISO Assistant's convert tool writes each set's reverse beside it; a library that
            // already holds the reverse gets it once.
            if !library.mappingSets.contains(where: { isReverse($0, of: set) }) {
                nodes.append(
                    mappingSet(
                        set.reversed,
                        urn: setURN + "-revert",
                        ref: set.id + "-revert",
                        reverse: true,
                        name: set.name ?? set.id
                    )
                )
            }
        }
        for id in external {
            log.note(
                .unresolved,
                "framework \(id)",
                "named by mapping sets as \(frameworkURN(id)) but not written in this library: CISO Assistant must "
                    + "have it loaded first (no dependency is written)"
            )
        }
        return nodes
    }

    func mappingSet(_ set: MappingSet, urn: String, ref: String, reverse: Bool, name: String? = nil) -> OutputNode {
        let frameworks: [(String, OutputNode)] = [
            ("source_framework_urn", .string(frameworkURN(set.source))),
            ("target_framework_urn", .string(frameworkURN(set.target))),
        ]
        let links: [OutputNode] = set.mappings.map { pair in
            OutputNode.compact([
                ("source_requirement_urn", .string(nodeURN(.init(framework: set.source, id: pair.source)))),
                ("target_requirement_urn", .string(nodeURN(.init(framework: set.target, id: pair.target)))),
                ("relationship", .string(CISOWords.word(pair.relationship))),
                ("rationale", pair.rationale.map { .string($0.rawValue) }),
                ("strength_of_relationship", pair.strength.map(OutputNode.integer)),
                ("annotation", pair.note.map(OutputNode.string)),
            ])
        }
        var members: [(String, OutputNode?)] = [
            ("urn", .string(urn)),
            ("ref_id", .string(ref)),
            ("name", .string(name ?? set.name ?? set.id)),
            ("description", set.description.map(OutputNode.string)),
        ]
        // The convert tool writes the reverse's target before its source.
        members += (reverse ? Array(frameworks.reversed()) : frameworks).map { ($0.0, Optional($0.1)) }
        members.append(("requirement_mappings", .list(links)))
        return OutputNode.compact(members)
    }

    // MARK: What a library document cannot hold

    func noteUnheld(log: inout MigrationLog) {
        let counts: [(Int, String, String)] = [
            (
                library.implementation.count, "implementation record",
                "implementation status is an assessment's, not a library's"
            ),
            (library.evidence.count, "evidence item", "evidence belongs to assessments, not to a library"),
            (library.answers.count, "library answer", "a CISO Assistant library holds no answers"),
        ]
        for (count, what, why) in counts where count > 0 {
            log.note(.dropped, "\(count) \(what)\(count == 1 ? "" : "s")", why)
        }
        if library.mode == .replace {
            log.note(
                .dropped,
                "library",
                field: "mode",
                "mode replace: a CISO Assistant library is always added to the others"
            )
        }
    }
}

// MARK: Vocabulary and helpers

/// CISO Assistant's words, and the kinds Quire gives the nodes it reads.
private enum CISOWords {
    /// The `objects` a library may hold.
    static let objectKinds: Set<String> = [
        "framework", "reference_controls", "requirement_mapping_set", "requirement_mapping_sets", "threats",
        "risk_matrix",
    ]
    /// The `objects` Quire reads.
    static let readObjects: Set<String> = [
        "framework", "reference_controls", "requirement_mapping_set", "requirement_mapping_sets",
    ]
    /// A reference control's categories (the "Reference Controls" library-object page).
    static let categories: Set<String> = ["policy", "process", "technical", "physical", "procedure"]
    /// The kind of an assessable node read, and of a node that is not.
    static let requirementKind = "requirement"
    static let headingKind = "heading"

    static func relationship(_ word: String) -> Relationship? {
        switch word.lowercased() {
        case "equal": .equal
        case "subset": .subset
        case "superset": .superset
        case "intersect": .intersects
        case "not_related": .notRelated
        default: nil
        }
    }

    static func word(_ relationship: Relationship) -> String {
        switch relationship {
        case .equal: "equal"
        case .subset: "subset"
        case .superset: "superset"
        case .intersects: "intersect"
        case .notRelated: "not_related"
        }
    }
}

/// Fields not carried, counted per field, for one note each ("annotation on 37 requirement nodes").
///
/// Shared by the CISO Assistant and OpenControl modules, so that both word their notes alike.
struct FieldTally {
    /// What the fields are on, in the plural (`requirement nodes`).
    let what: String
    /// The file read, for the place of a field's first use.
    let file: String?
    private var counts: [String: (count: Int, line: Int?)] = [:]
    private var order: [String] = []

    init(what: String, file: String? = nil) {
        self.what = what
        self.file = file
    }

    mutating func add(_ field: String, _ node: DocumentNode? = nil) {
        if counts[field] == nil { order.append(field) }
        counts[field, default: (0, node?.line)].count += 1
    }

    func note(into log: inout MigrationLog, subject: String, kind: MigrationNote.Kind, why: String) {
        for field in order {
            guard let entry = counts[field] else { continue }
            let name = field.split(separator: " ").first.map(String.init) ?? field
            log.note(
                kind,
                subject,
                field: name,
                "\(field) on \(entry.count) \(entry.count == 1 ? String(what.dropLast()) : what): \(why)",
                location: file.flatMap { file in entry.line.map { "\(file):\($0)" } }
            )
        }
    }
}

/// Whether `set` holds exactly the links of `forward` read the other way.
private func isReverse(_ set: MappingSet, of forward: MappingSet) -> Bool {
    set.source == forward.target && set.target == forward.source && set.mappings == forward.mappings.map(\.reversed)
}

/// The framework among `known` that a name stands for, by its id or its name.
///
/// Both are compared as lower-case letters and digits (`iso27001-2022`, `ISO/IEC 27001:2022`,
/// `NIST-CSF-2.0`). Other names the framework goes by are not compared: they include earlier
/// editions (`iso27001-2013` is a name of `iso27001-2022`).
func knownFramework(named name: String, in known: [Framework]) -> Framework? {
    let key = cisoLooseKey(name)
    guard !key.isEmpty else { return nil }
    return known.first { cisoLooseKey($0.id) == key } ?? known.first { cisoLooseKey($0.name) == key }
}

/// A framework's requirement ids by the forms an id written loosely may take, so that reading a
/// mapping set of thousands of links looks each one up once.
struct RequirementMatcher {
    let framework: Framework
    private var byLowercase: [String: String] = [:]
    private var byURNSuffix: [String: String] = [:]
    private var byLooseKey: [String: [String]] = [:]

    init(_ framework: Framework) {
        self.framework = framework
        for requirement in framework.requirements {
            let id = requirement.id
            if byLowercase[id.lowercased()] == nil { byLowercase[id.lowercased()] = id }
            if byURNSuffix[cisoURNSuffix(id)] == nil { byURNSuffix[cisoURNSuffix(id)] = id }
            byLooseKey[cisoLooseKey(id), default: []].append(id)
        }
    }

    /// The requirement an id stands for: the same id in another case, the id CISO Assistant
    /// would put in a URN (`a.5.9` for `A.5.9`), or the one id with the same letters and digits.
    func match(_ written: String) -> String? {
        let lower = written.lowercased()
        if let id = byLowercase[lower] ?? byURNSuffix[lower] { return id }
        let loose = byLooseKey[cisoLooseKey(written)] ?? []
        return loose.count == 1 ? loose[0] : nil
    }
}

/// Up to three requirement ids of `framework` close to an id it does not have, the closest
/// first, then in the framework's order.
func nearRequirementIDs(_ written: String, in framework: Framework) -> [String] {
    let lower = written.lowercased()
    var ranked: [(id: String, distance: Int, position: Int)] = []
    for (position, requirement) in framework.requirements.enumerated() {
        let distance = editDistance(lower, requirement.id.lowercased(), limit: 3)
        if distance <= 3 { ranked.append((requirement.id, distance, position)) }
    }
    ranked.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.position < $1.position }
    return ranked.prefix(3).map(\.id)
}

private func nearHint(_ near: [String]) -> String {
    near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
}

/// Lower-case ASCII letters and digits only.
private func cisoLooseKey(_ text: String) -> String {
    String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
}

/// A URN's suffix as CISO Assistant's convert tool writes it (README, "--compat" mode 0): accents
/// removed, lower case, spaces as `-`, and any character other than `a-z 0-9 _ - . [ ] ( ) :`
/// as `_`.
func cisoURNSuffix(_ text: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-.[]():".unicodeScalars)
    let ascii = text.trimmingSpaces().decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII)
    var out = String.UnicodeScalarView()
    for scalar in String(String.UnicodeScalarView(ascii)).lowercased().unicodeScalars {
        out.append(scalar == " " ? "-" : allowed.contains(scalar) ? scalar : "_")
    }
    return String(out)
}

/// The last `:`-separated segment of a URN.
private func lastSegment(_ urn: String) -> String {
    String(urn.split(separator: ":", omittingEmptySubsequences: false).last ?? Substring(urn))
}

/// A URN without its last segment (`urn:intuitem:risk:function:doc-pol`), to name a family of links.
private func urnFamily(_ urn: String) -> String {
    let parts = urn.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count > 1 ? parts.dropLast().joined(separator: ":") : urn
}

private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.trimmingSpaces().isEmpty else { return nil }
    return text
}

/// A value for a note: a short quoted text, or how many items it holds.
private func describe(_ node: DocumentNode) -> String {
    switch node.value {
    case .scalar(let text):
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let cut = line.count > 60 || line.count < text.trimmingSpaces().count
        return "\"\(line.prefix(60))\(cut ? "…" : "")\""
    case .null: return "(empty)"
    case .sequence(let items): return "(\(items.count) \(items.count == 1 ? "item" : "items"))"
    case .mapping(let members): return "(\(members.count) \(members.count == 1 ? "field" : "fields"))"
    }
}
