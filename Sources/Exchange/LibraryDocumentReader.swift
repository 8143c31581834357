import ControlModel

/// Turns a parsed JSON or YAML library document into a ``Library``, reporting every problem with
/// its line and JSON path.
struct LibraryDocumentReader {
    var reader: NodeReader

    init(file: String) {
        reader = NodeReader(file: file)
    }

    mutating func read(_ root: DocumentNode) -> Library {
        var library = Library()
        guard
            let fields = reader.fields(
                of: root,
                "",
                known: [
                    "format", "name", "mode", "frameworks", "controls", "implementation", "evidence", "answers",
                    "mapping_sets",
                ],
                what: "a library document"
            )
        else { return library }
        if let format = reader.text(fields["format"], in: root, ""), format != Library.formatMarker {
            if format.hasPrefix("quire-library/") {
                reader.error(
                    fields["format"]?.node ?? root,
                    "format",
                    "this file is \(format); this version of Quire reads \(Library.formatMarker)",
                    hint: "upgrade Quire"
                )
            } else {
                reader.error(
                    fields["format"]?.node ?? root,
                    "format",
                    "\"\(format)\" is not a Quire library format",
                    hint: "write format: \(Library.formatMarker), or leave the field out"
                )
            }
        }
        library.name = reader.text(fields["name"], in: root, "")
        library.mode = reader.choice(fields["mode"], LibraryMode.self, in: root, "") ?? .merge
        library.frameworks = items(fields["frameworks"]) { reader, node, path in
            Self.framework(node, path, &reader)
        }
        library.controls = items(fields["controls"]) { [name = library.name] reader, node, path in
            Self.control(node, path, defaultSource: name, &reader)
        }
        library.implementation = items(fields["implementation"]) { reader, node, path in
            Self.implementation(node, path, &reader)
        }
        library.evidence = items(fields["evidence"]) { reader, node, path in
            Self.evidence(node, path, &reader)
        }
        library.answers = items(fields["answers"]) { reader, node, path in
            Self.answer(node, path, &reader)
        }
        library.mappingSets = items(fields["mapping_sets"]) { reader, node, path in
            Self.mappingSet(node, path, &reader)
        }
        return library
    }

    private mutating func items<Item>(
        _ field: (node: DocumentNode, path: String)?,
        _ read: (inout NodeReader, DocumentNode, String) -> Item?
    ) -> [Item] {
        guard let field else { return [] }
        switch field.node.value {
        case .null: return []
        case .sequence(let nodes):
            return nodes.enumerated().compactMap { index, node in read(&reader, node, "\(field.path)[\(index)]") }
        default:
            reader.error(field.node, field.path, "expected a list of \(field.path), found \(field.node.kindName)")
            return []
        }
    }

    private static func mappingSet(_ node: DocumentNode, _ path: String, _ reader: inout NodeReader) -> MappingSet? {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: ["id", "name", "description", "source", "target", "provider", "mappings"],
                what: "a mapping set"
            ),
            let id = reader.text(fields["id"], required: "id", in: node, path),
            let source = reader.text(fields["source"], required: "source", in: node, path),
            let target = reader.text(fields["target"], required: "target", in: node, path)
        else { return nil }
        var set = MappingSet(
            id: id,
            name: reader.text(fields["name"], in: node, path),
            description: reader.text(fields["description"], in: node, path),
            source: source,
            target: target,
            provider: reader.text(fields["provider"], in: node, path),
            mappings: []
        )
        for (index, item) in (fields["mappings"]?.node.items ?? []).enumerated() {
            let itemPath = "\(path).mappings[\(index)]"
            guard
                let link = reader.fields(
                    of: item,
                    itemPath,
                    known: [
                        "source", "target", "relationship", "strength", "confidence", "coverage", "rationale", "note",
                    ],
                    what: "a requirement mapping"
                ),
                let from = reader.text(link["source"], required: "source", in: item, itemPath),
                let to = reader.text(link["target"], required: "target", in: item, itemPath),
                let relationship = reader.choice(
                    link["relationship"],
                    Relationship.self,
                    required: "relationship",
                    in: item,
                    itemPath
                )
            else { continue }
            func fraction(_ name: String) -> Double? {
                guard let field = link[name], let text = reader.text(field, in: item, itemPath) else { return nil }
                guard let value = Double(text), (0...1).contains(value) else {
                    reader.error(field.node, field.path, "\"\(text)\" is not a number from 0 to 1")
                    return nil
                }
                return value
            }
            set.mappings.append(
                RequirementMapping(
                    source: from,
                    target: to,
                    relationship: relationship,
                    strength: reader.integer(link["strength"], in: 1...10, parent: item, itemPath),
                    confidence: fraction("confidence"),
                    coverage: fraction("coverage"),
                    rationale: reader.choice(link["rationale"], MappingRationale.self, in: item, itemPath),
                    note: reader.text(link["note"], in: item, itemPath)
                )
            )
        }
        return set
    }

    private static func framework(_ node: DocumentNode, _ path: String, _ reader: inout NodeReader) -> Framework? {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: ["id", "name", "version", "publisher", "source", "name_aliases", "requirements", "aliases"],
                what: "a framework"
            )
        else { return nil }
        let id = reader.text(fields["id"], required: "id", in: node, path)
        let name = reader.text(fields["name"], in: node, path)
        let version = reader.text(fields["version"], in: node, path) ?? ""
        var requirements: [Requirement] = []
        if let field = fields["requirements"], case .sequence(let nodes) = field.node.value {
            for (index, requirementNode) in nodes.enumerated() {
                let requirementPath = "\(field.path)[\(index)]"
                guard
                    let requirementFields = reader.fields(
                        of: requirementNode,
                        requirementPath,
                        known: ["id", "title", "kind", "parent", "heading"],
                        what: "a requirement"
                    ),
                    let requirementID = reader.text(
                        requirementFields["id"],
                        required: "id",
                        in: requirementNode,
                        requirementPath
                    )
                else { continue }
                let title = reader.text(
                    requirementFields["title"],
                    required: "title",
                    in: requirementNode,
                    requirementPath
                )
                let heading = reader.text(requirementFields["heading"], in: requirementNode, requirementPath)
                requirements.append(
                    Requirement(
                        id: requirementID,
                        title: title ?? "",
                        kind: reader.text(requirementFields["kind"], in: requirementNode, requirementPath)
                            ?? "requirement",
                        parent: reader.text(requirementFields["parent"], in: requirementNode, requirementPath),
                        isHeading: heading.map { ["true", "yes"].contains($0.lowercased()) } ?? false
                    )
                )
            }
        } else {
            reader.error(node, path, "a framework needs a list of requirements")
        }
        var aliases: [String: [String]] = [:]
        if let field = fields["aliases"] {
            if case .mapping(let members) = field.node.value {
                for (alias, target) in members {
                    aliases[alias] = reader.list((target, "\(field.path).\(alias)"))
                }
            } else {
                reader.error(field.node, field.path, "expected aliases as a mapping from old id to current id")
            }
        }
        guard let id else { return nil }
        return Framework(
            id: id,
            name: name ?? id,
            version: version,
            publisher: reader.text(fields["publisher"], in: node, path),
            source: reader.text(fields["source"], in: node, path),
            nameAliases: reader.list(fields["name_aliases"]),
            requirements: requirements,
            aliases: aliases
        )
    }

    private static func control(
        _ node: DocumentNode,
        _ path: String,
        defaultSource: String?,
        _ reader: inout NodeReader
    ) -> Control? {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: ["id", "title", "description", "domain", "keywords", "synonyms", "mappings"],
                what: "a control"
            ),
            let id = reader.text(fields["id"], required: "id", in: node, path)
        else { return nil }
        let title = reader.text(fields["title"], required: "title", in: node, path) ?? ""
        var mappings: [Mapping] = []
        if let field = fields["mappings"] {
            switch field.node.value {
            case .null: break
            case .sequence(let items):
                for (index, item) in items.enumerated() {
                    let itemPath = "\(field.path)[\(index)]"
                    switch item.value {
                    case .scalar(let text):
                        mappings += Self.mappings(
                            fromText: text,
                            framework: nil,
                            defaultSource: defaultSource,
                            at: item,
                            itemPath,
                            &reader
                        )
                    case .mapping:
                        if let mapping = Self.mapping(item, itemPath, defaultSource: defaultSource, &reader) {
                            mappings.append(mapping)
                        }
                    default:
                        reader.error(item, itemPath, "expected a mapping or \"framework:id\", found \(item.kindName)")
                    }
                }
            case .mapping(let members):
                for (framework, value) in members {
                    let memberPath = "\(field.path).\(framework)"
                    var texts: [(String, DocumentNode, String)] = []
                    switch value.value {
                    case .scalar(let text): texts = splitList(text).map { ($0, value, memberPath) }
                    case .sequence(let items):
                        for (index, item) in items.enumerated() {
                            if case .scalar(let text) = item.value {
                                texts.append((text, item, "\(memberPath)[\(index)]"))
                            } else {
                                reader.error(
                                    item,
                                    "\(memberPath)[\(index)]",
                                    "expected a requirement id, found \(item.kindName)"
                                )
                            }
                        }
                    case .null: break
                    case .mapping:
                        reader.error(value, memberPath, "expected a list of requirement ids, found a mapping")
                    }
                    for (text, itemNode, itemPath) in texts {
                        mappings += Self.mappings(
                            fromText: text,
                            framework: framework,
                            defaultSource: defaultSource,
                            at: itemNode,
                            itemPath,
                            &reader
                        )
                    }
                }
            case .scalar(let text):
                mappings += Self.mappings(
                    fromText: text,
                    framework: nil,
                    defaultSource: defaultSource,
                    at: field.node,
                    field.path,
                    &reader
                )
            }
        }
        return Control(
            id: id,
            title: title,
            description: reader.text(fields["description"], in: node, path) ?? "",
            domain: reader.text(fields["domain"], in: node, path) ?? "",
            keywords: reader.list(fields["keywords"]),
            synonyms: reader.list(fields["synonyms"]),
            mappings: mappings,
            origin: reader.location(node, path)
        )
    }

    /// Mappings written as text: `iso27001-2022:A.5.15 (subset)`, or `A.5.15; A.8.3` under a
    /// framework key.
    static func mappings(
        fromText text: String,
        framework: String?,
        defaultSource: String?,
        at node: DocumentNode,
        _ path: String,
        _ reader: inout NodeReader
    ) -> [Mapping] {
        var mappings: [Mapping] = []
        for reference in ReferenceText.list(text) {
            if let unknown = reference.unknownRelationship {
                reader.error(
                    node,
                    path,
                    "unknown relationship \"\(unknown)\" in \"\(text)\"",
                    hint: "use one of " + Relationship.allCases.map(\.rawValue).joined(separator: ", ")
                )
                continue
            }
            guard let frameworkID = reference.framework ?? framework else {
                reader.error(
                    node,
                    path,
                    "\"\(text)\" does not say which framework it belongs to",
                    hint: "write framework:id, for example iso27001-2022:A.5.15"
                )
                continue
            }
            guard !reference.id.isEmpty else {
                reader.error(node, path, "a mapping without a requirement id in \"\(text)\"")
                continue
            }
            mappings.append(
                Mapping(
                    requirement: RequirementReference(framework: frameworkID, id: reference.id),
                    relationship: reference.relationship ?? .intersects,
                    source: defaultSource,
                    origin: reader.location(node, path)
                )
            )
        }
        return mappings
    }

    private static func mapping(
        _ node: DocumentNode,
        _ path: String,
        defaultSource: String?,
        _ reader: inout NodeReader
    ) -> Mapping? {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: ["requirement", "framework", "id", "relationship", "strength", "rationale", "source"],
                what: "a mapping"
            )
        else { return nil }
        var requirement: RequirementReference?
        if let text = reader.text(fields["requirement"], in: node, path) {
            let reference = ReferenceText(text)
            if let framework = reference.framework ?? reader.text(fields["framework"], in: node, path) {
                requirement = RequirementReference(framework: framework, id: reference.id)
            } else {
                reader.error(
                    node,
                    path,
                    "requirement \"\(text)\" does not name its framework",
                    hint: "write framework:id, for example iso27001-2022:A.5.15"
                )
            }
        } else if let framework = reader.text(fields["framework"], in: node, path),
            let id = reader.text(fields["id"], required: "id", in: node, path)
        {
            requirement = RequirementReference(framework: framework, id: id)
        } else if fields["framework"] == nil {
            reader.error(node, path, "missing required field requirement")
        }
        var relationship: Relationship? = .intersects
        if let field = fields["relationship"], let text = reader.text(field, in: node, path) {
            relationship = Relationship(lenient: text)
            if relationship == nil {
                reader.error(
                    field.node,
                    field.path,
                    "unknown relationship \"\(text)\"",
                    hint: "use one of " + Relationship.allCases.map(\.rawValue).joined(separator: ", ")
                )
            }
        }
        let strength = reader.integer(fields["strength"], in: 1...10, parent: node, path)
        let rationale = reader.choice(fields["rationale"], MappingRationale.self, in: node, path)
        guard let requirement, let relationship else { return nil }
        return Mapping(
            requirement: requirement,
            relationship: relationship,
            strength: strength,
            rationale: rationale,
            source: reader.text(fields["source"], in: node, path) ?? defaultSource,
            origin: reader.location(node, path)
        )
    }

    private static func implementation(_ node: DocumentNode, _ path: String, _ reader: inout NodeReader)
        -> Implementation?
    {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: ["control", "status", "justification", "reasons", "owner", "notes", "target_date", "products"],
                what: "an implementation record"
            )
        else { return nil }
        let control = reader.text(fields["control"], required: "control", in: node, path)
        let status = reader.choice(fields["status"], ImplementationStatus.self, required: "status", in: node, path)
        let targetDate = reader.day(fields["target_date"], in: node, path)
        let reasons = Self.reasons(fields["reasons"], &reader)
        guard let control, let status else { return nil }
        return Implementation(
            control: control,
            status: status,
            justification: reader.text(fields["justification"], in: node, path),
            reasons: reasons,
            owner: reader.text(fields["owner"], in: node, path),
            notes: reader.text(fields["notes"], in: node, path),
            targetDate: targetDate,
            products: reader.list(fields["products"]),
            origin: reader.location(node, path)
        )
    }

    /// The reasons for inclusion, written as a list or as one value separated by `;`.
    ///
    /// Each unknown word is reported at its item (or at the field, when written as one value).
    private static func reasons(
        _ field: (node: DocumentNode, path: String)?,
        _ reader: inout NodeReader
    ) -> [InclusionReason] {
        guard let field else { return [] }
        var words: [(text: String, node: DocumentNode, path: String)] = []
        if case .sequence(let items) = field.node.value {
            for (index, item) in items.enumerated() {
                let itemField = (node: item, path: "\(field.path)[\(index)]")
                words += reader.list(itemField).map { ($0, item, itemField.path) }
            }
        } else {
            words = reader.list(field).map { ($0, field.node, field.path) }
        }
        var reasons: [InclusionReason] = []
        for word in words {
            guard let reason = InclusionReasonText.reason(word.text) else {
                let (message, hint) = InclusionReasonText.unknown(word.text)
                reader.error(word.node, word.path, message, hint: hint)
                continue
            }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        return reasons
    }

    private static func evidence(_ node: DocumentNode, _ path: String, _ reader: inout NodeReader) -> Evidence? {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: [
                    "id", "title", "kind", "controls", "collected_on", "valid_until", "result", "location",
                    "source_tool", "description", "products",
                ],
                what: "an evidence item"
            )
        else { return nil }
        let id = reader.text(fields["id"], required: "id", in: node, path)
        let title = reader.text(fields["title"], required: "title", in: node, path)
        let kind = reader.choice(fields["kind"], EvidenceKind.self, in: node, path)
        let collectedOn = reader.day(fields["collected_on"], required: "collected_on", in: node, path)
        let validUntil = reader.day(fields["valid_until"], in: node, path)
        let result = reader.choice(fields["result"], EvidenceResult.self, in: node, path)
        // A date that does not parse has been reported; the item is kept so that its other
        // fields are checked too.
        guard let id, let title, fields["collected_on"] != nil else { return nil }
        return Evidence(
            id: id,
            title: title,
            kind: kind ?? .other,
            controls: reader.list(fields["controls"]),
            collectedOn: collectedOn,
            validUntil: validUntil,
            result: result,
            location: reader.text(fields["location"], in: node, path),
            sourceTool: reader.text(fields["source_tool"], in: node, path),
            description: reader.text(fields["description"], in: node, path),
            products: reader.list(fields["products"]),
            origin: reader.location(node, path)
        )
    }

    private static func answer(_ node: DocumentNode, _ path: String, _ reader: inout NodeReader)
        -> AnswerLibraryEntry?
    {
        guard
            let fields = reader.fields(
                of: node,
                path,
                known: [
                    "id", "question", "answer", "comment", "controls", "evidence", "source", "approved_by",
                    "approved_on", "tags", "products",
                ],
                what: "an answer"
            )
        else { return nil }
        let id = reader.text(fields["id"], required: "id", in: node, path)
        let question = reader.text(fields["question"], required: "question", in: node, path)
        let answer = reader.text(fields["answer"], required: "answer", in: node, path)
        let approvedOn = reader.day(fields["approved_on"], in: node, path)
        guard let id, let question, let answer else { return nil }
        return AnswerLibraryEntry(
            id: id,
            question: question,
            answer: answer,
            comment: reader.text(fields["comment"], in: node, path),
            controls: reader.list(fields["controls"]),
            evidence: reader.list(fields["evidence"]),
            source: reader.text(fields["source"], in: node, path),
            approvedBy: reader.text(fields["approved_by"], in: node, path),
            approvedOn: approvedOn,
            tags: reader.list(fields["tags"]),
            products: reader.list(fields["products"]),
            origin: reader.location(node, path)
        )
    }
}
