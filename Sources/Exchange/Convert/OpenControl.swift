import ControlModel
import Foundation

// OpenControl (YAML): `component.yaml` (a component and the controls it satisfies), standards
// (a catalog of controls), certifications (a selection of a standard's controls) and the
// `opencontrol.yaml` that lists them. Facts, from the schemas and the reference tool, never copied:
// - the component schemas 2.0.0, 3.0.0 and 3.1.0, the standard, certification and
//   opencontrol.yaml schemas: https://github.com/opencontrol/schemas (kwalify/component/*.yaml,
//   kwalify/standard/v1.0.0.yaml, kwalify/certification/v1.0.0.yaml, kwalify/opencontrol/v1.0.0.yaml).
//   A 2.0.0 narrative is text, a 3.x narrative a list of sections (`key`, `text`);
//   implementation_status is one of partial, complete, planned, none (3.1.0 adds the list
//   implementation_statuses, and control_origins beside control_origin);
// - compliance-masonry (https://github.com/opencontrol/compliance-masonry,
//   pkg/lib/components/component.go): a component listed in opencontrol.yaml is a folder holding
//   component.yaml, and a component without a `key` is named after its folder;
// - the schemas README's first form of `satisfies` (a mapping standard → control → narrative),
//   read too;
// - the real files in ../shared/corpus/exchange/opencontrol (cloud.gov, freedonia, masonry's
//   3.1.0 fixture).

// MARK: Detection

/// Whether a parsed document is OpenControl (a component, a project, a standard or a
/// certification), and why (for detection).
func looksLikeOpenControl(_ root: DocumentNode) -> String? {
    guard let kind = openControlKind(root) else { return nil }
    let name = root["name"]?.string.map { " \"\($0)\"" } ?? ""
    switch kind {
    case .component:
        let version = root["schema_version"]?.string.map { " (schema \($0))" } ?? ""
        let count = satisfiedEntries(root["satisfies"]).count
        return "OpenControl component\(name)\(version): satisfies \(count) \(count == 1 ? "control" : "controls")"
    case .project:
        let counts = ["components", "standards", "certifications"].map { "\(root[$0]?.items.count ?? 0) \($0)" }
        return "OpenControl project (opencontrol.yaml)\(name): \(counts.joined(separator: ", "))"
    case .standard:
        let count = root.keys.filter { $0 != "name" }.count
        return "OpenControl standard\(name): \(count) \(count == 1 ? "control" : "controls")"
    case .certification:
        return "OpenControl certification\(name): a selection of standards' controls"
    }
}

/// The kinds of OpenControl document.
private enum OpenControlKind {
    case component, project, standard, certification
}

private func openControlKind(_ root: DocumentNode) -> OpenControlKind? {
    guard root.isMapping else { return nil }
    if let satisfies = root["satisfies"] {
        let entries = satisfiedEntries(satisfies)
        let listed = satisfies.items.contains { $0["control_key"] != nil || $0["standard_key"] != nil }
        if listed || (!entries.isEmpty && satisfies.isMapping) || root["schema_version"] != nil { return .component }
    }
    if ["components", "standards", "certifications"].contains(where: { root[$0].map { !$0.isMapping } ?? false }),
        root["objects"] == nil
    {
        return .project
    }
    if let standards = root["standards"], standards.isMapping, root["name"] != nil { return .certification }
    let controls = root.keys.filter { $0 != "name" }.compactMap { root[$0] }
    if root["name"]?.string != nil, !controls.isEmpty, controls.allSatisfy(\.isMapping),
        controls.contains(where: { $0["family"] != nil })
    {
        return .standard
    }
    return nil
}

// MARK: Reading

/// Reads an OpenControl `component.yaml` as one control: its key the id, its name the title, its
/// narratives the description, and a mapping to each satisfied `standard_key`:`control_key`.
///
/// A standard names a framework Quire knows when its key is that framework's id or name, written
/// loosely (`NIST-CSF-2.0`); otherwise the standard key is the framework id. A mapping is
/// `subset`: a component satisfies its part of a control. The satisfied controls'
/// implementation statuses make the control's one status (complete → implemented, partial,
/// planned, none → not-applicable); statuses that differ are noted as merged. Given a standard or
/// certification file instead, it reads that.
func readOpenControlComponent(_ root: DocumentNode, file: String, known: [Framework], log: inout MigrationLog)
    -> Library
{
    switch openControlKind(root) {
    case .standard:
        return Library(
            name: root["name"]?.string,
            frameworks: [readStandard(root, file: file, known: known, log: &log)]
        )
    case .certification:
        noteCertification(root, file: file, standards: known, log: &log)
        return Library(name: root["name"]?.string)
    case .project:
        log.note(
            .dropped,
            "project \(root["name"]?.string ?? file)",
            "an opencontrol.yaml lists other files; read it as a project to read them",
            location: "\(file):\(root.line)"
        )
        return Library(name: root["name"]?.string)
    case .component, nil:
        return readComponent(root, file: file, frameworks: known, log: &log)
    }
}

/// Reads an `opencontrol.yaml` and the components, standards and certifications it lists.
///
/// Another OpenControl document is read as ``readOpenControlComponent(_:file:known:log:)`` reads it.
/// Paths are relative to the file; a component is a folder holding `component.yaml` (or the file
/// itself). Standards become frameworks, and components are resolved against them and `known`.
/// - Throws: ``ExchangeError`` naming every listed file that is not there, or one that is not
///   YAML.
func readOpenControlProject(_ root: DocumentNode, file: String, known: [Framework], log: inout MigrationLog)
    throws(ExchangeError) -> Library
{
    guard openControlKind(root) == .project else {
        return readOpenControlComponent(root, file: file, known: known, log: &log)
    }
    let folder = parentFolder(file)
    var missing: [(path: String, line: Int)] = []
    func located(_ section: String, component: Bool) -> [(path: String, node: DocumentNode)] {
        var paths: [(String, DocumentNode)] = []
        for node in root[section]?.items ?? [] {
            guard let entry = node.string else { continue }
            var path = joined(folder, entry)
            var isFolder: ObjCBool = false
            if component, FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                let yml = path + "/component.yml"
                path = FileManager.default.fileExists(atPath: yml) ? yml : path + "/component.yaml"
            }
            if FileManager.default.fileExists(atPath: path) {
                paths.append((path, node))
            } else {
                let isFile = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
                missing.append((component && !isFile ? path + "/component.yaml" : path, node.line))
            }
        }
        return paths
    }
    let standards = located("standards", component: false)
    let certifications = located("certifications", component: false)
    let components = located("components", component: true)
    if let first = missing.first {
        let names = missing.map(\.path).joined(separator: ", ")
        throw ExchangeError(
            file: file,
            line: first.line,
            "lists \(missing.count) \(missing.count == 1 ? "file" : "files") that \(missing.count == 1 ? "is" : "are") not there: \(names)",
            hint: "fetch them (`compliance-masonry get` fetches a project's dependencies) or remove them from \(file)"
        )
    }

    var library = Library(name: root["name"]?.string)
    let subject = "project \(root["name"]?.string ?? file)"
    for key in root.keys where !["name", "components", "standards", "certifications"].contains(key) {
        guard let value = root[key] else { continue }
        let detail: String
        if key == "dependencies" {
            let kinds = value.keys.map { "\(value[$0]?.items.count ?? 0) \($0)" }.joined(separator: ", ")
            detail = "dependencies (\(kinds)): repositories compliance-masonry fetches; not read"
        } else {
            detail = "\(key): project metadata Quire does not hold"
        }
        log.note(.dropped, subject, field: key, detail, location: "\(file):\(value.line)")
    }
    for (path, _) in standards {
        let document = try parseDocument(readBytes(path), file: path)
        library.frameworks.append(readStandard(document, file: path, known: known, log: &log))
    }
    let frameworks = library.frameworks + known
    for (path, _) in certifications {
        noteCertification(try parseDocument(readBytes(path), file: path), file: path, standards: frameworks, log: &log)
    }
    for (path, _) in components {
        let part = readComponent(
            try parseDocument(readBytes(path), file: path),
            file: path,
            frameworks: frameworks,
            log: &log
        )
        for var control in part.controls {
            let original = control.id
            var number = 2
            while library.controls.contains(where: { $0.id == control.id }) {
                control.id = "\(original)-\(number)"
                number += 1
            }
            if control.id != original {
                log.note(
                    .transformed,
                    "control \(original)",
                    field: "key",
                    "another component has the key \(original); this one (\(path)) is kept as \(control.id)"
                )
            }
            library.controls.append(control)
            library.implementation += part.implementation.filter { $0.control == original }.map { record in
                var record = record
                record.control = control.id
                return record
            }
        }
    }
    return library
}

/// One `satisfies` entry: the standard, the control, and the entry's own fields.
private struct SatisfiedEntry {
    var standard: String?
    var control: String?
    var node: DocumentNode
}

/// The entries of `satisfies`, in either form: a list (2.0.0 and later) or a mapping standard →
/// control → fields (the schemas README's first form).
private func satisfiedEntries(_ satisfies: DocumentNode?) -> [SatisfiedEntry] {
    guard let satisfies else { return [] }
    if satisfies.isMapping {
        var entries: [SatisfiedEntry] = []
        for standard in satisfies.keys {
            guard let controls = satisfies[standard] else { continue }
            for control in controls.keys {
                guard let node = controls[control] else { continue }
                entries.append(SatisfiedEntry(standard: standard, control: control, node: node))
            }
        }
        return entries
    }
    return satisfies.items.map {
        SatisfiedEntry(standard: $0["standard_key"]?.string, control: $0["control_key"]?.string, node: $0)
    }
}

/// The justification given to a component whose status `none` is read as not-applicable.
private let noneJustification = "OpenControl implementation_status none"

private func readComponent(_ root: DocumentNode, file: String, frameworks: [Framework], log: inout MigrationLog)
    -> Library
{
    let name = nonEmptyText(root["name"]?.string) ?? "component"
    var (id, keySource) = componentKey(root, file: file, name: name)
    id = controlID(id)
    let subject = "component \(id)"
    if let keySource {
        log.note(.transformed, subject, field: "key", "no key given; named \(id) after \(keySource)")
    }
    var library = Library(name: name)
    var unread = FieldTally(what: "satisfied controls", file: file)
    var renamed: [String: String] = [:]
    var matchers: [String: RequirementMatcher] = [:]
    var mappings: [Mapping] = []
    var narratives: [(control: String, text: String)] = []
    var statuses: [(control: String, status: ImplementationStatus)] = []
    var words: [String: Int] = [:]
    for (index, entry) in satisfiedEntries(root["satisfies"]).enumerated() {
        let node = entry.node
        guard let standard = nonEmptyText(entry.standard), let controlKey = nonEmptyText(entry.control) else {
            log.note(
                .dropped,
                "satisfied control \(index + 1) of \(id)",
                "it lacks a standard_key or a control_key",
                location: "\(file):\(node.line)"
            )
            continue
        }
        let framework = knownFramework(named: standard, in: frameworks)
        if let framework, framework.id != standard, renamed[standard] == nil {
            renamed[standard] = framework.id
        }
        var requirementID = controlKey
        if let framework {
            let matcher = matchers[framework.id] ?? RequirementMatcher(framework)
            matchers[framework.id] = matcher
            if let match = matcher.match(controlKey) {
                requirementID = match
            } else {
                let near = nearRequirementIDs(controlKey, in: framework)
                log.note(
                    .unresolved,
                    "mapping \(id) → \(framework.id):\(controlKey)",
                    "\(framework.id) has no requirement \(controlKey); kept as written"
                        + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"),
                    location: "\(file):\(node.line)"
                )
            }
        }
        let reference = RequirementReference(framework: framework?.id ?? standard, id: requirementID)
        if mappings.contains(where: { $0.requirement == reference }) {
            log.note(
                .merged,
                "mapping \(id) → \(reference)",
                "satisfied twice; one mapping kept, both narratives in the description",
                location: "\(file):\(node.line)"
            )
        } else {
            mappings.append(
                Mapping(
                    requirement: reference,
                    relationship: .subset,
                    origin: SourceLocation(file: file, line: node.line, column: node.column)
                )
            )
        }
        if let text = narrativeText(node["narrative"]) { narratives.append((controlKey, text)) }
        var entryStatuses: [ImplementationStatus] = []
        for word in statusWords(node) {
            if let status = openControlStatus(word) {
                entryStatuses.append(status)
                if word.lowercased() == "none" { words["none", default: 0] += 1 }
            } else {
                unread.add("implementation_status \"\(word)\" (not partial, complete, planned or none)", node)
            }
        }
        if let status = combinedStatus(entryStatuses) { statuses.append((controlKey, status)) }
        for key in node.keys
        where !["standard_key", "control_key", "narrative", "implementation_status", "implementation_statuses"]
            .contains(key)
        {
            guard let value = node[key], !(value.items.isEmpty && !value.isMapping) else { continue }
            unread.add(key, node)
        }
    }
    for (standard, frameworkID) in renamed.sorted(by: { $0.key < $1.key }) {
        log.note(
            .transformed,
            subject,
            field: "standard_key",
            "standard \(standard) read as the framework \(frameworkID)"
        )
    }
    unread.note(into: &log, subject: subject, kind: .dropped, why: "Quire's controls and mappings have no place for it")

    // The narratives, as one description.
    var texts = narratives
    if !texts.isEmpty, texts.allSatisfy({ $0.text == name || $0.text.hasPrefix(name + "\n\n") }) {
        // A narrative that opens with the component's name as its own paragraph (as Quire
        // writes it) has that heading in the name already.
        texts = texts.map { ($0.control, $0.text == name ? "" : String($0.text.dropFirst(name.count + 2))) }
    }
    texts = texts.filter { !$0.text.isEmpty }
    let distinct = Set(texts.map(\.text))
    let description =
        distinct.count <= 1
        ? texts.first?.text ?? ""
        : texts.map { "\($0.control): \($0.text)" }.joined(separator: "\n\n")

    library.controls = [
        Control(
            id: id,
            title: name,
            description: description,
            mappings: mappings,
            origin: SourceLocation(file: file, line: root.line, column: root.column)
        )
    ]

    // One status for the component.
    let owner = nonEmptyText(root["responsible_role"]?.string)
    if let status = combinedStatus(statuses.map(\.status)) {
        library.implementation = [
            Implementation(
                control: id,
                status: status,
                justification: status == .notApplicable ? noneJustification : nil,
                owner: owner
            )
        ]
        let counts = Dictionary(statuses.map { ($0.status.rawValue, 1) }, uniquingKeysWith: +)
        if counts.count > 1 {
            let listed = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            log.note(
                .merged,
                subject,
                field: "implementation_status",
                "its satisfied controls' statuses (\(listed)) make one status for the control: \(status.rawValue)"
            )
        }
        if let none = words["none"] {
            log.note(
                .transformed,
                subject,
                field: "implementation_status",
                "none (\(none) \(none == 1 ? "control" : "controls")), OpenControl's \"not implemented\", read as planned"
            )
        }
    } else if let owner {
        log.note(
            .dropped,
            subject,
            field: "responsible_role",
            "responsible_role \(owner): with no implementation status there is no record to hold it"
        )
    }

    for key in root.keys where !["name", "key", "schema_version", "satisfies", "responsible_role"].contains(key) {
        guard let value = root[key] else { continue }
        let what: String
        switch value.value {
        case .sequence(let items): what = "\(items.count) \(items.count == 1 ? "item" : "items")"
        case .scalar(let text): what = "\"\(text)\""
        default: what = "given"
        }
        log.note(
            .dropped,
            subject,
            field: key,
            "\(key) (\(what)): Quire's controls have no place for it",
            location: "\(file):\(value.line)"
        )
    }
    return library
}

/// The component's key, and what it was taken from when not given: the folder of a
/// `component.yaml` (as compliance-masonry names it), else the name.
private func componentKey(_ root: DocumentNode, file: String, name: String) -> (String, String?) {
    if let key = nonEmptyText(root["key"]?.string) { return (key, nil) }
    let url = URL(fileURLWithPath: file)
    if ["component.yaml", "component.yml"].contains(url.lastPathComponent.lowercased()) {
        let folder = url.deletingLastPathComponent().lastPathComponent
        if !folder.isEmpty, folder != "/", folder != "." { return (folder, "its folder, as compliance-masonry does") }
    }
    return (name, "its name")
}

/// An id Quire accepts as a control id: letters, digits, `-`, `_` and `.`; anything else as `-`.
private func controlID(_ text: String) -> String {
    var out = ""
    for character in text {
        if character.isLetter || character.isNumber || "-_.".contains(character) {
            out.append(character)
        } else if !out.hasSuffix("-") {
            out.append("-")
        }
    }
    while out.hasSuffix("-") { out.removeLast() }
    while let first = out.first, "-_.".contains(first) { out.removeFirst() }
    return out.isEmpty ? "component" : out
}

/// A narrative as one text: a 2.0.0 text, or 3.x sections joined, a keyed section as `a) text`.
private func narrativeText(_ node: DocumentNode?) -> String? {
    guard let node else { return nil }
    if let text = node.string { return nonEmptyText(text)?.trimmingSpaces() }
    let sections = node.items.compactMap { section -> String? in
        guard let text = nonEmptyText(section["text"]?.string ?? section.string)?.trimmingSpaces() else { return nil }
        if let key = nonEmptyText(section["key"]?.string) { return "\(key)) \(text)" }
        return text
    }
    return sections.isEmpty ? nil : sections.joined(separator: "\n\n")
}

/// The status words of an entry: `implementation_statuses` (3.1.0) and `implementation_status`.
private func statusWords(_ node: DocumentNode) -> [String] {
    var words: [String] = []
    for word in (node["implementation_statuses"]?.items ?? []).compactMap(\.string)
        + [node["implementation_status"]?.string]
        .compactMap({ $0 })
    where !words.contains(word) && !word.trimmingSpaces().isEmpty {
        words.append(word)
    }
    return words
}

private func openControlStatus(_ word: String) -> ImplementationStatus? {
    switch word.trimmingSpaces().lowercased() {
    case "complete", "implemented": .implemented
    case "partial": .partial
    case "planned": .planned
    // OpenControl's "none" is "not implemented": planned is the nearest status that claims
    // nothing (not applicable would tell a Statement of Applicability the control was excluded).
    case "none": .planned
    case "not applicable", "not-applicable", "n/a": .notApplicable
    default: nil
    }
}

private func openControlWord(_ status: ImplementationStatus) -> String {
    switch status {
    case .implemented: "complete"
    case .partial: "partial"
    case .planned: "planned"
    case .notApplicable: "none"
    }
}

/// Several statuses as one: the same one; in place anywhere (implemented or partial) is partial;
/// otherwise planned.
private func combinedStatus(_ statuses: [ImplementationStatus]) -> ImplementationStatus? {
    guard let first = statuses.first else { return nil }
    if statuses.allSatisfy({ $0 == first }) { return first }
    return statuses.contains { $0 == .implemented || $0 == .partial } ? .partial : .planned
}

/// A standard file as a framework: its controls as requirements under a heading per family.
private func readStandard(_ root: DocumentNode, file: String, known: [Framework], log: inout MigrationLog) -> Framework
{
    let name =
        nonEmptyText(root["name"]?.string) ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let id = knownFramework(named: name, in: known)?.id ?? name
    var framework = Framework(id: id, name: name, version: "", source: file, requirements: [])
    let controlKeys = root.keys.filter { $0 != "name" }
    var unread = FieldTally(what: "controls", file: file)
    for key in controlKeys {
        guard let node = root[key], node.isMapping else {
            unread.add("\(key) (not a control)", root[key])
            continue
        }
        var parent: String?
        if let family = nonEmptyText(node["family"]?.string), !controlKeys.contains(family) {
            parent = family
            if !framework.requirements.contains(where: { $0.id == family }) {
                framework.requirements.append(Requirement(id: family, title: family, kind: "family", isHeading: true))
            }
        }
        if node["description"] != nil { unread.add("description", node) }
        for field in node.keys where !["family", "name", "description"].contains(field) { unread.add(field, node) }
        framework.requirements.append(
            Requirement(id: key, title: nonEmptyText(node["name"]?.string) ?? key, kind: "control", parent: parent)
        )
    }
    unread.note(
        into: &log,
        subject: "framework \(id)",
        kind: .dropped,
        why: "Quire's requirements hold an id, a title and a parent"
    )
    return framework
}

/// A certification selects controls of standards; Quire has no selections, so it is noted, with
/// any control the standards do not define.
private func noteCertification(_ root: DocumentNode, file: String, standards: [Framework], log: inout MigrationLog) {
    let name = root["name"]?.string ?? URL(fileURLWithPath: file).lastPathComponent
    let selected = root["standards"]
    var parts: [String] = []
    for standard in selected?.keys ?? [] {
        let controls = selected?[standard]?.keys ?? []
        parts.append("\(controls.count) of \(standard)")
        guard let framework = knownFramework(named: standard, in: standards) else { continue }
        let matcher = RequirementMatcher(framework)
        let missing = controls.filter { matcher.match($0) == nil }
        if !missing.isEmpty {
            log.note(
                .unresolved,
                "certification \(name)",
                field: "standards",
                "selects \(missing.joined(separator: ", ")), which \(framework.id) does not define",
                location: "\(file):\(root.line)"
            )
        }
    }
    log.note(
        .dropped,
        "certification \(name)",
        "it selects \(parts.isEmpty ? "no controls" : parts.joined(separator: ", ")); Quire holds no selections of a framework",
        location: "\(file):\(root.line)"
    )
}

// MARK: Writing

/// Writes the library's controls as one OpenControl component (`component.yaml`, schema 3.1.0).
///
/// The component is named after the library (or "Quire controls"), keyed by the control's id when
/// there is one control. It satisfies each control mapping (`standard_key` the framework id,
/// `control_key` the requirement id), with the control's title and description as the narrative
/// (the title as its first paragraph) and its implementation status (implemented → complete,
/// not-applicable → none). What the component cannot hold is noted: relationships other than
/// subset, which `satisfies` cannot say, strengths and rationales, keywords, frameworks, evidence,
/// answers and mapping sets.
func writeOpenControlComponent(_ library: Library, known: [Framework], log: inout MigrationLog) -> OutputNode {
    let name = library.name ?? "Quire controls"
    let controls = library.controls
    let key = controls.count == 1 ? controls[0].id : controlID(name)
    if controls.count > 1 {
        log.note(
            .merged,
            "\(controls.count) controls",
            "written as one component, \(name); each satisfied control's narrative opens with the Quire control's id and title"
        )
    }
    if controls.count == 1, controls[0].title != name {
        log.note(
            .transformed,
            "control \(controls[0].id)",
            field: "title",
            "the component is named \(name), after the library; the title \(controls[0].title) opens each narrative "
                + "instead (and is read back as part of the description)"
        )
    }
    let records = Dictionary(library.implementation.map { ($0.control, $0) }, uniquingKeysWith: { first, _ in first })
    var relationships: [Relationship: Int] = [:]
    var unheld = FieldTally(what: "mappings")
    var controlFields = FieldTally(what: "controls")
    var notApplicable = 0
    var satisfies: [OutputNode] = []
    for control in controls {
        if control.mappings.isEmpty {
            log.note(
                .dropped,
                "control \(control.id)",
                "it maps to no requirement, and a component holds a control only through what it satisfies"
            )
        }
        if !control.keywords.isEmpty { controlFields.add("keywords") }
        if !control.synonyms.isEmpty { controlFields.add("synonyms") }
        if !control.domain.isEmpty { controlFields.add("domain") }
        let heading = controls.count == 1 ? control.title : "\(control.id): \(control.title)"
        let narrative = control.description.isEmpty ? heading : heading + "\n\n" + control.description
        let status = records[control.id]?.status
        for mapping in control.mappings {
            if mapping.relationship == .notRelated {
                unheld.add("relationship not-related (a component does not satisfy what it is not related to)")
                continue
            }
            if mapping.relationship != .subset { relationships[mapping.relationship, default: 0] += 1 }
            if mapping.strength != nil { unheld.add("strength") }
            if mapping.rationale != nil { unheld.add("rationale") }
            if mapping.source != nil { unheld.add("source") }
            if status == .notApplicable { notApplicable += 1 }
            satisfies.append(
                OutputNode.compact([
                    ("standard_key", .string(mapping.requirement.framework)),
                    ("control_key", .string(mapping.requirement.id)),
                    ("narrative", .list([.map([("text", .string(narrative))])])),
                    ("implementation_status", status.map { .string(openControlWord($0)) }),
                ])
            )
        }
    }
    for (relationship, count) in relationships.sorted(by: { $0.key < $1.key }) {
        log.note(
            .transformed,
            "\(count) \(count == 1 ? "mapping" : "mappings")",
            field: "relationship",
            "relationship \(relationship.rawValue) written as a plain satisfies entry, which says no relationship "
                + "(read back as subset)"
        )
    }
    unheld.note(into: &log, subject: "mappings", kind: .dropped, why: "a satisfies entry has no place for it")
    controlFields.note(into: &log, subject: "controls", kind: .dropped, why: "a component has no place for it")
    if notApplicable > 0 {
        log.note(
            .dropped,
            "implementation",
            field: "implementation_status",
            "not-applicable written as none (\"not implemented\") on \(notApplicable) satisfied controls: OpenControl has "
                + "no word for not applicable, and reads back as planned"
        )
    }

    // Implementation records: one status per satisfied control, and one responsible role.
    let written = Set(controls.map(\.id))
    let owners = Set(controls.compactMap { records[$0.id]?.owner })
    let owner = owners.count == 1 ? owners.first : nil
    var recordFields = FieldTally(what: "implementation records")
    for record in library.implementation {
        guard written.contains(record.control) else {
            log.note(.dropped, "implementation of \(record.control)", "no control \(record.control) is written")
            continue
        }
        if record.justification != nil, record.justification != noneJustification { recordFields.add("justification") }
        if !record.reasons.isEmpty { recordFields.add("reasons") }
        if record.notes != nil { recordFields.add("notes") }
        if record.targetDate != nil { recordFields.add("target_date") }
        if record.owner != nil, owner == nil { recordFields.add("owner (the component has one responsible_role)") }
    }
    recordFields.note(into: &log, subject: "implementation", kind: .dropped, why: "a component has no place for it")

    let unwritten: [(Int, String, String)] = [
        (library.frameworks.count, "framework", "a component names standards by key; their catalogs are not written"),
        (library.evidence.count, "evidence item", "a component's verifications are not Quire's evidence"),
        (library.answers.count, "library answer", "a component holds no answers"),
        (library.mappingSets.count, "mapping set", "a component holds no framework-to-framework mappings"),
    ]
    for (count, what, why) in unwritten where count > 0 {
        log.note(.dropped, "\(count) \(what)\(count == 1 ? "" : "s")", why)
    }
    if library.mode == .replace {
        log.note(.dropped, "library", field: "mode", "mode replace: a component has no mode")
    }
    return OutputNode.compact([
        ("name", .string(name)),
        ("key", .string(key)),
        ("schema_version", .string("3.1.0")),
        ("responsible_role", owner.map(OutputNode.string)),
        ("satisfies", .list(satisfies)),
    ])
}

// MARK: Helpers

private func nonEmptyText(_ text: String?) -> String? {
    guard let text, !text.trimmingSpaces().isEmpty else { return nil }
    return text
}

/// The folder a file is in, as written (`freedonia` for `freedonia/opencontrol.yaml`, empty for a bare name).
private func parentFolder(_ file: String) -> String {
    guard let slash = file.lastIndex(of: "/") else { return "" }
    return String(file[..<slash])
}

/// `entry` relative to `folder`, without `./` steps.
private func joined(_ folder: String, _ entry: String) -> String {
    var rest = Substring(entry.trimmingSpaces())
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    while rest.hasSuffix("/") { rest = rest.dropLast() }
    if rest.hasPrefix("/") || folder.isEmpty { return String(rest) }
    return folder + "/" + rest
}

private func readBytes(_ path: String) throws(ExchangeError) -> [UInt8] {
    try readDocumentFile(path)
}
