import ControlModel
import Foundation

/// OSCAL (1.1.x and 1.2.x, JSON or YAML): catalogs and profiles as frameworks, component
/// definitions as controls with their implementation status, and 1.2 mapping collections as
/// mapping sets (or, for a collection whose source is an organisation's controls, as the controls'
/// mappings).
///
/// Ids: OSCAL ids are tokens (`ac-1`, `s1.1.1`); frameworks write labels (`AC-1`, `1.1.1`). A
/// control's first `label` property without a class becomes the requirement's id, and its OSCAL
/// id an alias, so that mapping collections and profiles that cite the OSCAL id resolve, and a
/// catalog written back gets its OSCAL ids again.
enum OSCAL {
    /// The namespace of the properties Quire adds.
    static let namespace = "https://quire.invalid/ns/oscal"
    /// The OSCAL version written.
    static let version = "1.2.0"

    // MARK: Detection

    /// The model a document holds (`catalog`, `profile`, `component-definition`,
    /// `mapping-collection`), or nil.
    static func model(of root: DocumentNode) -> String? {
        let models = ["catalog", "profile", "component-definition", "mapping-collection"]
        return root.keys.first(where: models.contains)
    }

    // MARK: Reading catalogs

    /// A catalog as a framework.
    ///
    /// `id` names it (default: from the title).
    static func readCatalog(_ root: DocumentNode, file: String, id: String?, log: inout MigrationLog) -> Framework {
        let catalog = root["catalog"] ?? root
        let metadata = catalog["metadata"]
        let title = metadata?["title"]?.string ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let frameworkID = id ?? slug(title)
        var framework = Framework(
            id: frameworkID,
            name: title,
            version: metadata?["version"]?.string ?? "",
            publisher: metadata?["parties"]?.items.first?["name"]?.string,
            source: URL(fileURLWithPath: file).lastPathComponent,
            requirements: []
        )
        var dropped: [String: Int] = [:]
        func visitGroup(_ group: DocumentNode, parent: String?) {
            let oscalID = group["id"]?.string ?? "group-\(framework.requirements.count + 1)"
            let groupID = label(of: group) ?? oscalID
            if groupID != oscalID { framework.aliases[oscalID, default: []].append(groupID) }
            framework.requirements.append(
                Requirement(
                    id: groupID,
                    title: group["title"]?.string ?? groupID,
                    kind: group["class"]?.string ?? "group",
                    parent: parent,
                    isHeading: true
                )
            )
            count(
                group,
                except: ["id", "class", "title", "props", "groups", "controls"],
                into: &dropped,
                what: "group"
            )
            for child in group["groups"]?.items ?? [] { visitGroup(child, parent: groupID) }
            for control in group["controls"]?.items ?? [] { visitControl(control, parent: groupID) }
        }
        func isEnhancement(_ parent: String?) -> Bool {
            guard let parent else { return false }
            return framework.requirements.contains { $0.id == parent && !$0.isHeading }
        }
        func visitControl(_ control: DocumentNode, parent: String?) {
            guard let oscalID = control["id"]?.string else {
                log.note(
                    .dropped,
                    "control at line \(control.line)",
                    "an OSCAL control without an id",
                    location: "\(file):\(control.line)"
                )
                return
            }
            let requirementID = label(of: control) ?? oscalID
            if requirementID != oscalID { framework.aliases[oscalID, default: []].append(requirementID) }
            framework.requirements.append(
                Requirement(
                    id: requirementID,
                    title: control["title"]?.string ?? requirementID,
                    kind: control["class"]?.string ?? (isEnhancement(parent) ? "control-enhancement" : "control"),
                    parent: parent,
                    isHeading: false
                )
            )
            count(control, except: ["id", "class", "title", "props", "controls"], into: &dropped, what: "control")
            let otherProps = (control["props"]?.items ?? []).filter { $0["name"]?.string != "label" }
            if !otherProps.isEmpty { dropped["props other than label on controls", default: 0] += 1 }
            for child in control["controls"]?.items ?? [] { visitControl(child, parent: requirementID) }
        }
        for group in catalog["groups"]?.items ?? [] { visitGroup(group, parent: nil) }
        for control in catalog["controls"]?.items ?? [] { visitControl(control, parent: nil) }
        for key in catalog.keys
        where !["uuid", "metadata", "groups", "controls", "params", "back-matter"].contains(key) {
            log.note(.dropped, "framework \(frameworkID)", field: key, "the catalog's \(key) is not carried")
        }
        if catalog["params"] != nil { dropped["catalog-level params", default: 0] += 1 }
        if catalog["back-matter"] != nil {
            log.note(
                .dropped,
                "framework \(frameworkID)",
                field: "back-matter",
                "the catalog's back matter (resources, citations) is not carried"
            )
        }
        for (what, number) in dropped.sorted(by: { $0.key < $1.key }) {
            log.note(
                .dropped,
                "framework \(frameworkID)",
                field: what,
                "\(what): \(number) in the catalog; Quire keeps each requirement's id, title, kind and place in the tree"
            )
        }
        return framework
    }

    /// Counts the fields of a control or group Quire does not carry, by name.
    private static func count(
        _ node: DocumentNode,
        except kept: Set<String>,
        into dropped: inout [String: Int],
        what: String
    ) {
        for key in node.keys where !kept.contains(key) {
            dropped["\(key) on \(what)s", default: 0] += 1
        }
    }

    /// A control's or group's label: its first `label` property without a class.
    static func label(of node: DocumentNode) -> String? {
        let labels = (node["props"]?.items ?? []).filter { $0["name"]?.string == "label" }
        return (labels.first { $0["class"] == nil } ?? labels.first)?["value"]?.string
    }

    // MARK: Reading profiles

    /// A profile as a framework: the controls it imports from the catalogs given alongside, with
    /// their groups and parents.
    static func readProfile(
        _ root: DocumentNode,
        file: String,
        id: String?,
        catalogs: [(file: String, framework: Framework)],
        log: inout MigrationLog
    ) throws(ExchangeError) -> Framework {
        let profile = root["profile"] ?? root
        let metadata = profile["metadata"]
        let title = metadata?["title"]?.string ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let frameworkID = id ?? slug(title)
        var result = Framework(
            id: frameworkID,
            name: title,
            version: metadata?["version"]?.string ?? "",
            source: URL(fileURLWithPath: file).lastPathComponent,
            requirements: []
        )
        for (index, imported) in (profile["imports"]?.items ?? []).enumerated() {
            let href = imported["href"]?.string ?? ""
            let target = resolveHref(href, in: profile)
            guard
                let catalog = catalogs.first(where: { baseName($0.file) == baseName(target) })
                    ?? (catalogs.count == 1 ? catalogs.first : nil)
            else {
                throw ExchangeError(
                    file: file,
                    line: imported.line,
                    "the profile imports \(href)\(target == href ? "" : " (\(target))"), and no catalog given alongside is it",
                    hint:
                        "name the catalog too: quire convert CATALOG.json \(URL(fileURLWithPath: file).lastPathComponent) --to …"
                )
            }
            let framework = catalog.framework
            func resolve(_ oscalID: String) -> String? { requirementID(oscalID, in: framework) }
            var included: Set<String> = []
            if imported["include-all"] != nil {
                included = Set(framework.assessable.map(\.id))
            }
            for selection in imported["include-controls"]?.items ?? [] {
                let withChildren = selection["with-child-controls"]?.string == "yes"
                for oscalID in selection["with-ids"]?.items.compactMap(\.string) ?? [] {
                    guard let requirement = resolve(oscalID) else {
                        log.note(
                            .unresolved,
                            "framework \(frameworkID)",
                            field: "include-controls",
                            "\(oscalID) is not in \(catalog.file)" + near(oscalID, in: framework),
                            location: "\(file):\(selection.line)"
                        )
                        continue
                    }
                    included.insert(requirement)
                    if withChildren { included.formUnion(descendants(of: requirement, in: framework)) }
                }
                if selection["matching"] != nil {
                    log.note(
                        .dropped,
                        "framework \(frameworkID)",
                        field: "matching",
                        "pattern selections (matching) are not applied",
                        location: "\(file):\(selection.line)"
                    )
                }
            }
            for selection in imported["exclude-controls"]?.items ?? [] {
                for oscalID in selection["with-ids"]?.items.compactMap(\.string) ?? [] {
                    if let requirement = resolve(oscalID) { included.remove(requirement) }
                }
            }
            // The included requirements with their ancestors, in the catalog's order.
            var keep = included
            for requirement in included {
                var parent = framework.requirements.first { $0.id == requirement }?.parent
                while let id = parent, keep.insert(id).inserted || keep.contains(id) {
                    parent = framework.requirements.first { $0.id == id }?.parent
                    if parent == id { break }
                }
            }
            result.requirements += framework.requirements.filter {
                keep.contains($0.id) && !result.requirements.contains($0)
            }
            for (alias, ids) in framework.aliases where ids.contains(where: keep.contains) {
                result.aliases[alias] = ids
            }
            if index == 0, result.publisher == nil { result.publisher = framework.publisher }
        }
        for key in ["merge", "modify"] where profile[key] != nil {
            let asIs = key == "merge" && profile["merge"]?["as-is"]?.bool == true && profile["merge"]?.keys.count == 1
            if !asIs {
                log.note(
                    .dropped,
                    "framework \(frameworkID)",
                    field: key,
                    "the profile's \(key) directives (parameter settings, alterations, custom grouping) are not applied; the catalog's tree is kept"
                )
            }
        }
        return result
    }

    private static func descendants(of id: String, in framework: Framework) -> [String] {
        let children = framework.requirements.filter { $0.parent == id }.map(\.id)
        return children + children.flatMap { descendants(of: $0, in: framework) }
    }

    /// An import's href, resolved through the back matter when it is `#uuid`.
    static func resolveHref(_ href: String, in document: DocumentNode) -> String {
        guard href.hasPrefix("#") else { return href }
        let uuid = String(href.dropFirst())
        let resource = document["back-matter"]?["resources"]?.items.first { $0["uuid"]?.string == uuid }
        let links = resource?["rlinks"]?.items.compactMap { $0["href"]?.string } ?? []
        return links.first { $0.hasSuffix(".json") } ?? links.first ?? href
    }

    static func baseName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent.lowercased()
    }

    // MARK: Reading component definitions

    /// A component definition as controls: one per implemented requirement, or, for one Quire
    /// wrote, the controls it came from.
    static func readComponentDefinition(
        _ root: DocumentNode,
        file: String,
        frameworks: [Framework],
        log: inout MigrationLog
    ) -> Library {
        let definition = root["component-definition"] ?? root
        var library = Library(name: definition["metadata"]?["title"]?.string)
        var byID: [String: Int] = [:]
        var dropped: [String: Int] = [:]
        for component in definition["components"]?.items ?? [] {
            let componentTitle = component["title"]?.string ?? "component"
            for key in component.keys
            where !["uuid", "type", "title", "description", "control-implementations", "props"].contains(key) {
                dropped["\(key) on components", default: 0] += 1
            }
            for implementation in component["control-implementations"]?.items ?? [] {
                let source = resolveHref(implementation["source"]?.string ?? "", in: definition)
                let framework =
                    frameworkFor(href: source, props: implementation["props"], frameworks: frameworks)
                    ?? frameworkHolding(
                        implementation["implemented-requirements"]?.items.compactMap { $0["control-id"]?.string } ?? [],
                        in: frameworks
                    )
                for requirement in implementation["implemented-requirements"]?.items ?? [] {
                    guard let controlID = requirement["control-id"]?.string else { continue }
                    let props = requirement["props"]?.items ?? []
                    func prop(_ name: String) -> String? {
                        props.first { $0["name"]?.string == name }?["value"]?.string
                    }
                    let requirementID = framework.flatMap { OSCAL.requirementID(controlID, in: $0) } ?? controlID
                    let frameworkID =
                        framework?.id ?? slug(baseName(source).replacingOccurrences(of: ".json", with: ""))
                    if framework == nil {
                        log.note(
                            .unresolved,
                            "implemented requirement \(controlID)",
                            field: "source",
                            "its catalog \(source) is not a framework Quire knows; kept as framework \(frameworkID)",
                            location: "\(file):\(requirement.line)"
                        )
                    }
                    let quireID = prop("quire-control") ?? "\(slug(componentTitle))-\(controlID)"
                    let relationship = prop("quire-relationship").flatMap(Relationship.init(rawValue:)) ?? .intersects
                    let mapping = Mapping(
                        requirement: RequirementReference(framework: frameworkID, id: requirementID),
                        relationship: relationship,
                        strength: prop("quire-strength").flatMap(Int.init),
                        source: prop("quire-mapping-source")
                    )
                    if let index = byID[quireID] {
                        library.controls[index].mappings.append(mapping)
                        continue
                    }
                    byID[quireID] = library.controls.count
                    library.controls.append(
                        Control(
                            id: quireID,
                            title: prop("quire-title") ?? "\(componentTitle): \(controlID)",
                            description: requirement["description"]?.string ?? "",
                            domain: prop("quire-domain") ?? componentTitle,
                            mappings: [mapping]
                        )
                    )
                    if let status = prop("implementation-status") ?? prop("quire-status") {
                        if let value = implementationStatus(status) {
                            library.implementation.append(
                                Implementation(control: quireID, status: value, owner: prop("quire-owner"))
                            )
                        } else {
                            log.note(
                                .dropped,
                                "control \(quireID)",
                                field: "implementation-status",
                                "\"\(status)\" is no status Quire knows (implemented, partial, planned, not-applicable)"
                            )
                        }
                    }
                    if requirement["statements"] != nil {
                        dropped["statements on implemented requirements", default: 0] += 1
                    }
                    if requirement["set-parameters"] != nil {
                        dropped["set-parameters on implemented requirements", default: 0] += 1
                    }
                    if requirement["responsible-roles"] != nil {
                        dropped["responsible-roles on implemented requirements", default: 0] += 1
                    }
                }
            }
        }
        if definition["capabilities"] != nil { dropped["capabilities", default: 0] += 1 }
        if definition["back-matter"] != nil { dropped["back-matter", default: 0] += 1 }
        for (what, number) in dropped.sorted(by: { $0.key < $1.key }) {
            log.note(.dropped, "component definition", field: what, "\(what): \(number), not carried")
        }
        return library
    }

    static func implementationStatus(_ text: String) -> ImplementationStatus? {
        switch text.lowercased() {
        case "implemented", "complete", "operational": .implemented
        case "partial", "partially-implemented": .partial
        case "planned", "alternative": .planned
        case "not-applicable", "na", "n/a": .notApplicable
        default: nil
        }
    }

    /// The framework a catalog reference stands for: a property naming it, a catalog's file name
    /// (`iso27001-2022-catalog.json`), or a framework whose id or name the reference contains.
    static func frameworkFor(href: String, props: DocumentNode?, frameworks: [Framework]) -> Framework? {
        if let named = props?.items.first(where: { $0["name"]?.string == "quire-framework" })?["value"]?.string {
            return frameworks.first { $0.id == named }
        }
        let base = baseName(href)
        if let exact = frameworks.first(where: {
            base == "\($0.id)-catalog.json" || base == "\($0.id).json" || $0.source.map(baseName) == base
        }) {
            return exact
        }
        let key = base.filter { $0.isLetter || $0.isNumber }
        return frameworks.first { framework in
            let id = framework.id.filter { $0.isLetter || $0.isNumber }
            return !id.isEmpty && key.contains(id)
        }
    }

    /// The requirement an OSCAL id names in a framework: the id itself, an alias, the same id in
    /// another case, or the requirement whose id becomes this token (`_9.1` for clause 9.1).
    static func requirementID(_ oscalID: String, in framework: Framework) -> String? {
        if framework.requirements.contains(where: { $0.id == oscalID }) { return oscalID }
        if let alias = framework.aliases[oscalID]?.first { return alias }
        let lower = oscalID.lowercased()
        return framework.requirements.first { $0.id.lowercased() == lower || token($0.id) == oscalID }?.id
    }

    /// The framework most of these OSCAL ids resolve in (by id, alias or case), when at least
    /// half of them do.
    static func frameworkHolding(_ ids: [String], in frameworks: [Framework]) -> Framework? {
        guard !ids.isEmpty else { return nil }
        let scored = frameworks.map { framework -> (Framework, Int) in
            let known = Set(framework.requirements.flatMap { [$0.id.lowercased(), token($0.id).lowercased()] })
                .union(framework.aliases.keys.map { $0.lowercased() })
            return (framework, ids.filter { known.contains($0.lowercased()) }.count)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 * 2 >= ids.count else { return nil }
        return best.0
    }

    // MARK: Reading mapping collections

    /// A mapping collection: a mapping set per mapping (source resource → target resource), or,
    /// when the source is marked as an organisation's controls, those controls' mappings.
    static func readMappingCollection(
        _ root: DocumentNode,
        file: String,
        frameworks: [Framework],
        log: inout MigrationLog
    ) -> Library {
        let collection = root["mapping-collection"] ?? root
        let metadata = collection["metadata"]
        var library = Library(name: metadata?["title"]?.string)
        let provenance = collection["provenance"]
        // Quire writes a rationale on every map that has one, and says so: the provenance's is then
        // no default.
        let ownDefault =
            provenance?["props"]?.items.contains { $0["name"]?.string == "quire-rationale-per-map" } ?? false
        let defaultRationale =
            ownDefault ? nil : (provenance?["matching-rationale"]?.string).flatMap(MappingRationale.init(rawValue:))
        var controlIndex: [String: Int] = [:]
        var equivalents = 0
        var unreadFields: [String: [String]] = [:]
        for (setIndex, mapping) in (collection["mappings"]?.items ?? []).enumerated() {
            let sourceRef = mapping["source-resource"]
            let targetRef = mapping["target-resource"]
            let sourceHref = resolveHref(sourceRef?["href"]?.string ?? "", in: collection)
            let targetHref = resolveHref(targetRef?["href"]?.string ?? "", in: collection)
            let isControls =
                sourceRef?["props"]?.items.contains {
                    $0["name"]?.string == "quire-role" && $0["value"]?.string == "controls"
                } ?? false
            let maps = mapping["maps"]?.items ?? []
            let target =
                frameworkFor(href: targetHref, props: targetRef?["props"], frameworks: frameworks)
                ?? frameworkHolding(
                    maps.flatMap { $0["targets"]?.items.compactMap { $0["id-ref"]?.string } ?? [] },
                    in: frameworks
                )
            let source =
                isControls
                ? nil
                : frameworkFor(href: sourceHref, props: sourceRef?["props"], frameworks: frameworks)
                    ?? frameworkHolding(
                        maps.flatMap { $0["sources"]?.items.compactMap { $0["id-ref"]?.string } ?? [] },
                        in: frameworks
                    )
            let targetID = target?.id ?? slug(baseName(targetHref).replacingOccurrences(of: ".json", with: ""))
            let sourceID = source?.id ?? slug(baseName(sourceHref).replacingOccurrences(of: ".json", with: ""))
            if target == nil {
                log.note(
                    .unresolved,
                    "mapping \(setIndex + 1)",
                    field: "target-resource",
                    "\(targetHref) is not a framework Quire knows; its ids are kept as written under \(targetID)"
                )
            }
            if source == nil, !isControls {
                log.note(
                    .unresolved,
                    "mapping \(setIndex + 1)",
                    field: "source-resource",
                    "\(sourceHref) is not a framework Quire knows; its ids are kept as written under \(sourceID)"
                )
            }
            func resolve(_ oscalID: String, _ framework: Framework?) -> String {
                guard let framework else { return oscalID }
                if let id = requirementID(oscalID, in: framework) { return id }
                log.note(.unresolved, "requirement \(oscalID)", "not in \(framework.id)" + near(oscalID, in: framework))
                return oscalID
            }
            let setRationale =
                mapping["matching-rationale"]?.string.flatMap(MappingRationale.init(rawValue:)) ?? defaultRationale
            var set = MappingSet(
                id: mapping["uuid"]?.string ?? "mapping-\(setIndex + 1)",
                name: metadata?["title"]?.string,
                description: mapping["mapping-description"]?.string ?? provenance?["mapping-description"]?.string,
                source: sourceID,
                target: targetID,
                provider: metadata?["parties"]?.items.first?["name"]?.string,
                mappings: []
            )
            for map in mapping["maps"]?.items ?? [] {
                let word = map["relationship"]?.string ?? ""
                guard let relationship = relationship(oscal: word) else {
                    log.note(
                        .dropped,
                        "map \(map["uuid"]?.string ?? "at line \(map.line)")",
                        field: "relationship",
                        "\"\(word)\" is no relationship of NIST IR 8477; the map is left out",
                        location: "\(file):\(map.line)"
                    )
                    continue
                }
                if word == "equivalent-to" { equivalents += 1 }
                let sources = map["sources"]?.items.compactMap { $0["id-ref"]?.string } ?? []
                let targets = map["targets"]?.items.compactMap { $0["id-ref"]?.string } ?? []
                if sources.count * targets.count > 1 {
                    log.note(
                        .partial,
                        "map \(map["uuid"]?.string ?? "at line \(map.line)")",
                        "\(sources.count) source(s) to \(targets.count) target(s) held as \(sources.count * targets.count) pairs; \(word) holds for the sets, each pair keeps it",
                        location: "\(file):\(map.line)"
                    )
                }
                let statementTargets = map["targets"]?.items.filter { $0["type"]?.string == "statement" }.count ?? 0
                if statementTargets > 0 {
                    log.note(
                        .transformed,
                        "map \(map["uuid"]?.string ?? "at line \(map.line)")",
                        field: "targets",
                        "\(statementTargets) statement target(s) kept as their ids (Quire maps to requirements, not statements)"
                    )
                }
                let confidence = map["confidence-score"].flatMap { score in
                    score["percentage"]?.number ?? score["STRVALUE"]?.number ?? score.number
                }
                if let category = map["confidence-score"]?["category"]?.string {
                    log.note(
                        .dropped,
                        "map \(map["uuid"]?.string ?? "")",
                        field: "confidence-score",
                        "the category \"\(category)\" has no number"
                    )
                }
                let coverage = map["coverage"].flatMap { $0["target-coverage"]?.number ?? $0["STRVALUE"]?.number }
                let rationale =
                    map["matching-rationale"]?.string.flatMap(MappingRationale.init(rawValue:)) ?? setRationale
                let note = map["remarks"]?.string
                for sourceRequirement in sources {
                    for targetRequirement in targets {
                        let pair = RequirementMapping(
                            source: isControls ? sourceRequirement : resolve(sourceRequirement, source),
                            target: resolve(targetRequirement, target),
                            relationship: relationship,
                            confidence: confidence,
                            coverage: coverage,
                            rationale: rationale,
                            note: note
                        )
                        if isControls {
                            let mappingValue = Mapping(
                                requirement: RequirementReference(framework: targetID, id: pair.target),
                                relationship: relationship,
                                strength: confidence.map { max(1, min(10, Int(($0 * 10).rounded()))) },
                                rationale: rationale,
                                source: note.flatMap { text in
                                    text.hasPrefix("source: ") ? String(text.dropFirst("source: ".count)) : nil
                                }
                            )
                            if let index = controlIndex[pair.source] {
                                library.controls[index].mappings.append(mappingValue)
                            } else {
                                controlIndex[pair.source] = library.controls.count
                                library.controls.append(
                                    Control(id: pair.source, title: pair.source, mappings: [mappingValue])
                                )
                            }
                        } else {
                            set.mappings.append(pair)
                        }
                    }
                }
                for key in map.keys
                where ![
                    "uuid", "relationship", "sources", "targets", "confidence-score", "coverage", "matching-rationale",
                    "remarks",
                ].contains(key) {
                    unreadFields[key, default: []].append(map["uuid"]?.string ?? "line \(map.line)")
                }
            }
            if !isControls { library.mappingSets.append(set) }
        }
        for (key, maps) in unreadFields.sorted(by: { $0.key < $1.key }) {
            log.note(.dropped, "\(maps.count) maps", field: key, "\(key) on maps is not carried", ids: maps)
        }
        if equivalents > 0 {
            log.note(
                .transformed,
                "mapping collection",
                field: "relationship",
                "equivalent-to on \(equivalents) map(s) read as equal (Quire has one word for equivalent-to and equal-to)"
            )
        }
        if !library.controls.isEmpty {
            log.note(
                .transformed,
                "\(library.controls.count) controls",
                field: "title",
                "a mapping collection names controls by id only: each control's title is its id"
            )
        }
        return library
    }

    /// NIST IR 8477's relationship words as OSCAL 1.2 writes them.
    static func relationship(oscal word: String) -> Relationship? {
        switch word.lowercased() {
        case "equal-to", "equivalent-to": .equal
        case "subset-of": .subset
        case "superset-of": .superset
        case "intersects-with": .intersects
        case "no-relationship": .notRelated
        default: Relationship(lenient: word)
        }
    }

    static func word(_ relationship: Relationship) -> String {
        switch relationship {
        case .equal: "equal-to"
        case .subset: "subset-of"
        case .superset: "superset-of"
        case .intersects: "intersects-with"
        case .notRelated: "no-relationship"
        }
    }

    // MARK: Writing

    /// A fixed uuid made from text (version 5 layout over SHA-1-free FNV hashing): the same input
    /// gives the same uuid, so the same library gives the same bytes.
    static func uuid(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        // Version 5 and the RFC 4122 variant in their places.
        first = (first & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_5000
        second = (second & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, word) in [first, second].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 { out.append(UInt8(ascii: "-")) }
                out.append(digits[Int((word >> UInt64(60 - nibble * 4)) & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func metadata(title: String, version: String) -> OutputNode {
        .map([
            ("title", .string(title)),
            ("last-modified", .string("2026-01-01T00:00:00Z")),
            ("version", .string(version.isEmpty ? "1.0" : version)),
            ("oscal-version", .string(Self.version)),
        ])
    }

    /// An OSCAL token for an id: itself when it is one, else with what a token cannot hold
    /// replaced and `_` before a leading digit.
    static func token(_ id: String) -> String {
        // The common case, an ASCII id that is a token already, without a copy.
        let bytes = id.utf8
        if let first = bytes.first,
            (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || first == 0x5F,
            bytes.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x2D || byte == 0x5F
            })
        {
            return id
        }
        var out = ""
        for character in id {
            out.append(
                character.isLetter || character.isNumber || character == "." || character == "-" || character == "_"
                    ? character : "_"
            )
        }
        if let first = out.first, !(first.isLetter || first == "_") { out = "_" + out }
        return out.isEmpty ? "_" : out
    }

    static func prop(_ name: String, _ value: String, quire: Bool = true) -> OutputNode {
        OutputNode.compact([
            ("name", .string(name)), ("ns", quire ? .string(namespace) : nil), ("value", .string(value)),
        ])
    }

    /// A framework as a catalog: headings as groups, requirements as controls (children of a
    /// requirement as its enhancements), each with its id as `label`.
    static func writeCatalog(_ framework: Framework, log: inout MigrationLog) -> OutputNode {
        let oscalIDs = oscalIDMap(framework)
        func control(_ requirement: Requirement) -> OutputNode {
            let children = framework.requirements.filter { $0.parent == requirement.id && !$0.isHeading }
            return OutputNode.compact([
                ("id", .string(oscalIDs[requirement.id] ?? token(requirement.id))),
                ("class", .string(requirement.kind)),
                ("title", .string(requirement.title)),
                ("props", .list([prop("label", requirement.id, quire: false)])),
                ("controls", .list(children.map(control))),
            ])
        }
        func group(_ heading: Requirement) -> OutputNode {
            let groups = framework.requirements.filter { $0.parent == heading.id && $0.isHeading }
            let controls = framework.requirements.filter { $0.parent == heading.id && !$0.isHeading }
            return OutputNode.compact([
                ("id", .string(oscalIDs[heading.id] ?? token(heading.id))),
                ("class", .string(heading.kind)),
                ("title", .string(heading.title)),
                ("props", .list([prop("label", heading.id, quire: false)])),
                ("groups", .list(groups.map(group))),
                ("controls", .list(controls.map(control))),
            ])
        }
        let ids = Set(framework.requirements.map(\.id))
        let roots = framework.requirements.filter { requirement in requirement.parent.map { !ids.contains($0) } ?? true
        }
        let transformed = framework.requirements.filter { (oscalIDs[$0.id] ?? token($0.id)) != $0.id }.count
        if transformed > 0 {
            log.note(
                .transformed,
                "framework \(framework.id)",
                field: "id",
                "\(transformed) requirement ids are no OSCAL tokens (or had an OSCAL id already); written as OSCAL ids with the id as the label"
            )
        }
        if !framework.aliases.isEmpty {
            let kept = Set(oscalIDs.values)
            let other = framework.aliases.keys.filter { !kept.contains($0) }.count
            if other > 0 {
                log.note(
                    .dropped,
                    "framework \(framework.id)",
                    field: "aliases",
                    "\(other) old or alternative ids have no place in a catalog"
                )
            }
        }
        if !framework.nameAliases.isEmpty {
            log.note(
                .dropped,
                "framework \(framework.id)",
                field: "name_aliases",
                "the framework's other names have no place in a catalog"
            )
        }
        let catalog = OutputNode.compact([
            ("uuid", .string(uuid("catalog:" + framework.id))),
            ("metadata", metadataWithFramework(framework)),
            ("groups", .list(roots.filter(\.isHeading).map(group))),
            ("controls", .list(roots.filter { !$0.isHeading }.map(control))),
        ])
        return .map([("catalog", catalog)])
    }

    private static func metadataWithFramework(_ framework: Framework) -> OutputNode {
        guard case .map(var members) = metadata(title: framework.name, version: framework.version) else { return .null }
        members.append(("props", .list([prop("quire-framework", framework.id)])))
        if let publisher = framework.publisher {
            members.append(
                (
                    "parties",
                    .list([
                        .map([
                            ("uuid", .string(uuid("party:" + publisher))), ("type", .string("organization")),
                            ("name", .string(publisher)),
                        ])
                    ])
                )
            )
        }
        return .map(members)
    }

    /// The OSCAL id of each requirement: an alias that is a token and names only it (the id the
    /// catalog had when it was read), else the requirement id as a token.
    static func oscalIDMap(_ framework: Framework) -> [String: String] {
        func squeezed(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        var map: [String: String] = [:]
        let ids = Set(framework.requirements.map(\.id))
        for (alias, targets) in framework.aliases.sorted(by: { $0.key < $1.key })
        where targets.count == 1 && token(alias) == alias && !ids.contains(alias) {
            let id = targets[0]
            guard map[id] == nil else { continue }
            // An id that is a token keeps itself unless the alias is the same id written another
            // way (`ac-1` for `AC-1`); an old id of another edition (`A.5.1.1`) is not its OSCAL id.
            if token(id) != id || squeezed(alias) == squeezed(id) { map[id] = alias }
        }
        return map
    }

    /// A framework as a profile importing all its requirements from its catalog (`href`).
    static func writeProfile(_ framework: Framework, catalogHref: String, log: inout MigrationLog) -> OutputNode {
        let oscalIDs = oscalIDMap(framework)
        let ids = framework.assessable.map { OutputNode.string(oscalIDs[$0.id] ?? token($0.id)) }
        let profile = OutputNode.compact([
            ("uuid", .string(uuid("profile:" + framework.id))),
            ("metadata", metadataWithFramework(framework)),
            (
                "imports",
                .list([
                    .map([
                        ("href", .string(catalogHref)), ("include-controls", .list([.map([("with-ids", .list(ids))])])),
                    ])
                ])
            ),
            ("merge", .map([("as-is", .boolean(true))])),
        ])
        log.note(
            .transformed,
            "framework \(framework.id)",
            "written as a profile importing its \(ids.count) requirements from \(catalogHref); titles and the tree are the catalog's (write --to oscal-catalog for them)"
        )
        return .map([("profile", profile)])
    }

    /// Controls as a component definition: one component, one control implementation per
    /// framework, one implemented requirement per control mapping, carrying the control's id,
    /// title, status and the mapping's relationship as Quire properties.
    static func writeComponentDefinition(
        _ library: Library,
        frameworks: [Framework],
        name: String,
        log: inout MigrationLog
    ) -> OutputNode {
        let status = Dictionary(
            library.implementation.map { ($0.control, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let frameworkIDs = orderedUnique(library.controls.flatMap { $0.mappings.map(\.requirement.framework) })
        var unmapped = 0
        var implementations: [OutputNode] = []
        for frameworkID in frameworkIDs {
            let framework = frameworks.first { $0.id == frameworkID }
            let oscalIDs = framework.map(oscalIDMap) ?? [:]
            var requirements: [OutputNode] = []
            for control in library.controls {
                for mapping in control.mappings where mapping.requirement.framework == frameworkID {
                    var props = [
                        prop("quire-control", control.id), prop("quire-title", control.title),
                        prop("quire-relationship", mapping.relationship.rawValue),
                    ]
                    if !control.domain.isEmpty { props.append(prop("quire-domain", control.domain)) }
                    if let strength = mapping.strength { props.append(prop("quire-strength", String(strength))) }
                    if let source = mapping.source { props.append(prop("quire-mapping-source", source)) }
                    if let record = status[control.id] {
                        props.append(prop("implementation-status", record.status.rawValue, quire: false))
                        if let owner = record.owner { props.append(prop("quire-owner", owner)) }
                    }
                    requirements.append(
                        .map([
                            ("uuid", .string(uuid("ir:\(control.id):\(frameworkID):\(mapping.requirement.id)"))),
                            ("control-id", .string(oscalIDs[mapping.requirement.id] ?? token(mapping.requirement.id))),
                            ("description", .string(control.description.isEmpty ? control.title : control.description)),
                            ("props", .list(props)),
                        ])
                    )
                }
            }
            implementations.append(
                .map([
                    ("uuid", .string(uuid("ci:" + frameworkID))),
                    ("source", .string("\(frameworkID)-catalog.json")),
                    ("description", .string("\(name): controls that serve \(framework?.name ?? frameworkID).")),
                    ("props", .list([prop("quire-framework", frameworkID)])),
                    ("implemented-requirements", .list(requirements)),
                ])
            )
        }
        unmapped = library.controls.filter(\.mappings.isEmpty).count
        if unmapped > 0 {
            log.note(
                .dropped,
                "\(unmapped) controls",
                "a component definition holds controls only through the requirements they implement; these map to none"
            )
        }
        let written = Set(library.controls.filter { !$0.mappings.isEmpty }.map(\.id))
        let orphans = library.implementation.filter { !written.contains($0.control) }.count
        if orphans > 0 {
            log.note(
                .dropped,
                "\(orphans) implementation records",
                field: "status",
                "for controls not written (built-in controls, or controls without mappings): a component definition "
                    + "holds a status only on an implemented requirement"
            )
        }
        noteUnheld(library, in: "a component definition", keeps: [.controls, .implementation], log: &log)
        let keywords = library.controls.filter { !$0.keywords.isEmpty || !$0.synonyms.isEmpty }.count
        if keywords > 0 {
            log.note(
                .dropped,
                "\(keywords) controls",
                field: "keywords",
                "keywords and synonyms have no place in a component definition"
            )
        }
        let notes = library.implementation.filter {
            $0.notes != nil || $0.justification != nil || $0.targetDate != nil || !$0.reasons.isEmpty
        }.count
        if notes > 0 {
            log.note(
                .dropped,
                "\(notes) implementation records",
                field: "notes",
                "notes, justifications, target dates and reasons are not written"
            )
        }
        let definition = OutputNode.compact([
            ("uuid", .string(uuid("component-definition:" + name))),
            ("metadata", metadata(title: name, version: "1.0")),
            (
                "components",
                .list([
                    .map([
                        ("uuid", .string(uuid("component:" + name))),
                        ("type", .string("this-system")),
                        ("title", .string(name)),
                        ("description", .string("The controls of \(name), as Quire holds them.")),
                        ("control-implementations", .list(implementations)),
                    ])
                ])
            ),
        ])
        return .map([("component-definition", definition)])
    }

    /// Mapping sets (and the controls' own mappings, as a collection whose source is the
    /// controls) as a mapping collection.
    static func writeMappingCollection(
        _ library: Library,
        frameworks: [Framework],
        name: String,
        log: inout MigrationLog
    ) -> OutputNode {
        var mappings: [OutputNode] = []
        var derivedConfidence = 0
        let control = OutputNode.string("control")
        func map(
            _ id: String,
            _ source: String,
            _ target: String,
            _ relationship: Relationship,
            confidence: Double?,
            coverage: Double?,
            rationale: MappingRationale?,
            note: String?,
            strength: Int?
        ) -> OutputNode {
            var confidenceValue = confidence
            if confidenceValue == nil, let strength {
                confidenceValue = Double(strength) / 10
                derivedConfidence += 1
            }
            var members: [(String, OutputNode)] = [("uuid", .string(uuid(id)))]
            members.reserveCapacity(8)
            if let rationale { members.append(("matching-rationale", .string(rationale.rawValue))) }
            members.append(("relationship", .string(word(relationship))))
            members.append(("sources", .list([.map([("type", control), ("id-ref", .string(source))])])))
            members.append(("targets", .list([.map([("type", control), ("id-ref", .string(target))])])))
            if let confidenceValue {
                members.append(("confidence-score", .map([("percentage", .number(confidenceValue))])))
            }
            if let coverage { members.append(("coverage", .map([("target-coverage", .number(coverage))]))) }
            if let note { members.append(("remarks", .string(note))) }
            return .map(members)
        }
        func ids(_ frameworkID: String) -> [String: String] {
            frameworks.first { $0.id == frameworkID }.map(oscalIDMap) ?? [:]
        }
        // The controls' own mappings: one mapping per framework, from the controls.
        let controlFrameworks = orderedUnique(library.controls.flatMap { $0.mappings.map(\.requirement.framework) })
        for frameworkID in controlFrameworks {
            let targetIDs = ids(frameworkID)
            var maps: [OutputNode] = []
            for control in library.controls {
                for mapping in control.mappings where mapping.requirement.framework == frameworkID {
                    maps.append(
                        map(
                            "map:\(control.id):\(frameworkID):\(mapping.requirement.id)",
                            control.id,
                            targetIDs[mapping.requirement.id] ?? token(mapping.requirement.id),
                            mapping.relationship,
                            confidence: nil,
                            coverage: nil,
                            rationale: mapping.rationale,
                            note: mapping.source.map { "source: \($0)" },
                            strength: mapping.strength
                        )
                    )
                }
            }
            mappings.append(
                .map([
                    ("uuid", .string(uuid("mapping:controls:" + frameworkID))),
                    (
                        "source-resource",
                        .map([
                            ("type", .string("catalog")), ("href", .string("controls-catalog.json")),
                            ("props", .list([prop("quire-role", "controls")])),
                        ])
                    ),
                    (
                        "target-resource",
                        .map([
                            ("type", .string("catalog")), ("href", .string("\(frameworkID)-catalog.json")),
                            ("props", .list([prop("quire-framework", frameworkID)])),
                        ])
                    ),
                    ("maps", .list(maps)),
                ])
            )
        }
        let fields: [(String, (Control) -> Bool)] = [
            ("title", { $0.title != $0.id }), ("description", { !$0.description.isEmpty }),
            ("domain", { !$0.domain.isEmpty }), ("keywords", { !$0.keywords.isEmpty || !$0.synonyms.isEmpty }),
        ]
        for (field, holds) in fields {
            let affected = library.controls.filter(holds).map(\.id)
            let count = affected.count
            if count > 0 {
                log.note(
                    .dropped,
                    "\(count) controls",
                    field: field,
                    "a mapping collection names controls by id only; their \(field) is not in it (write --to oscal-component-definition or a table for it)",
                    ids: affected
                )
            }
        }
        for set in library.mappingSets {
            let sourceIDs = ids(set.source)
            let targetIDs = ids(set.target)
            mappings.append(
                OutputNode.compact([
                    ("uuid", .string(uuid("mapping:" + set.id))),
                    ("mapping-description", set.description.map(OutputNode.string)),
                    (
                        "source-resource",
                        .map([
                            ("type", .string("catalog")), ("href", .string("\(set.source)-catalog.json")),
                            ("props", .list([prop("quire-framework", set.source)])),
                        ])
                    ),
                    (
                        "target-resource",
                        .map([
                            ("type", .string("catalog")), ("href", .string("\(set.target)-catalog.json")),
                            ("props", .list([prop("quire-framework", set.target)])),
                        ])
                    ),
                    (
                        "maps",
                        .list(
                            set.mappings.enumerated().map { index, pair in
                                map(
                                    "map:\(set.id):\(index)",
                                    sourceIDs[pair.source] ?? token(pair.source),
                                    targetIDs[pair.target] ?? token(pair.target),
                                    pair.relationship,
                                    confidence: pair.confidence,
                                    coverage: pair.coverage,
                                    rationale: pair.rationale,
                                    note: pair.note,
                                    strength: pair.strength
                                )
                            }
                        )
                    ),
                ])
            )
            let named = set.name != nil || set.provider != nil
            if named {
                log.note(
                    .dropped,
                    "mapping set \(set.id)",
                    field: "name",
                    "a mapping's name and provider are not written (the collection has one title)"
                )
            }
        }
        if derivedConfidence > 0 {
            log.note(
                .transformed,
                "\(derivedConfidence) mappings",
                field: "strength",
                "strength 1–10 written as confidence-score percentage strength ÷ 10 (OSCAL has no strength)"
            )
        }
        noteUnheld(library, in: "a mapping collection", keeps: [.controls, .mappingSets], log: &log)
        let collection = OutputNode.map([
            ("uuid", .string(uuid("mapping-collection:" + name))),
            ("metadata", metadata(title: name, version: "1.0")),
            (
                "provenance",
                .map([
                    ("method", .string("hybrid")),
                    ("matching-rationale", .string("semantic")),
                    ("status", .string("complete")),
                    ("mapping-description", .string("Written by Quire from \(name).")),
                    ("props", .list([prop("quire-rationale-per-map", "true")])),
                ])
            ),
            ("mappings", .list(mappings)),
        ])
        return .map([("mapping-collection", collection)])
    }

    // MARK: Helpers

    /// Lowercase letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.hasSuffix("-"), !out.isEmpty {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "framework" : out
    }

    static func near(_ id: String, in framework: Framework) -> String {
        let lower = id.lowercased()
        let candidates = framework.assessable.map(\.id).filter { candidate in
            let other = candidate.lowercased()
            return other.hasPrefix(String(lower.prefix(3))) || lower.hasPrefix(String(other.prefix(3)))
        }.prefix(3)
        return candidates.isEmpty ? "" : "; did you mean \(candidates.joined(separator: ", "))?"
    }
}

/// The sections of a library a format may hold.
enum LibrarySection: CaseIterable {
    case frameworks, controls, implementation, evidence, answers, mappingSets
}

/// A note for every section of the library the target format does not hold.
func noteUnheld(_ library: Library, in format: String, keeps: Set<LibrarySection>, log: inout MigrationLog) {
    let counts: [(LibrarySection, Int, String)] = [
        (.frameworks, library.frameworks.count, "frameworks"),
        (.controls, library.controls.count, "controls"),
        (.implementation, library.implementation.count, "implementation records"),
        (.evidence, library.evidence.count, "evidence items"),
        (.answers, library.answers.count, "library answers"),
        (.mappingSets, library.mappingSets.count, "mapping sets"),
    ]
    for (section, count, name) in counts where count > 0 && !keeps.contains(section) {
        log.note(.dropped, "\(count) \(name)", "\(format) has no place for \(name)")
    }
}

/// The values in their first order, each once.
func orderedUnique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}
