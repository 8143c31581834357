/// A library checked and indexed for lookups: requirement references resolved to current ids,
/// controls by id, which controls cover each requirement, and the crosswalk between frameworks
/// that shared controls imply.
public struct LibraryIndex: Sendable {
    /// The library with every mapping resolved to a current `framework:id` (mappings that could
    /// not be resolved are left out and reported).
    public let library: Library
    /// Every problem found, in file order.
    public let diagnostics: [Diagnostic]

    private let frameworkIndexes: [String: FrameworkIndex]
    private let frameworkKeys: [String: String]
    private let controlPositions: [String: Int]
    private let coverage: [RequirementReference: [CoveringControl]]
    private let implementationByControl: [String: Implementation]
    private let productImplementations: [String: [Implementation]]
    private let evidenceByControl: [String: [Evidence]]

    /// Checks and indexes a library.
    public init(_ library: Library) {
        var diagnostics: [Diagnostic] = []
        var resolved = library

        // Frameworks.
        var frameworkIndexes: [String: FrameworkIndex] = [:]
        var frameworkKeys: [String: String] = [:]
        var keptFrameworks: [Framework] = []
        for framework in library.frameworks {
            if frameworkIndexes[framework.id] != nil {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: SourceLocation(file: "framework \(framework.id)"),
                        "framework id \(framework.id) is defined twice",
                        hint: "give the second framework another id"
                    )
                )
                continue
            }
            frameworkIndexes[framework.id] = FrameworkIndex(framework)
            keptFrameworks.append(framework)
            for name in [framework.id, framework.name] + framework.nameAliases {
                let key = frameworkNameKey(name)
                if !key.isEmpty, frameworkKeys[key] == nil { frameworkKeys[key] = framework.id }
            }
        }
        resolved.frameworks = keptFrameworks
        self.frameworkIndexes = frameworkIndexes
        self.frameworkKeys = frameworkKeys

        // Controls and their mappings.
        var controlPositions: [String: Int] = [:]
        var controls: [Control] = []
        var coverage: [RequirementReference: [CoveringControl]] = [:]
        for control in library.controls {
            let location = control.origin ?? SourceLocation(file: "control \(control.id)")
            if let earlier = controlPositions[control.id] {
                let first = controls[earlier].origin.map { " (first defined at \($0))" } ?? ""
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "duplicate control id \(control.id)\(first)",
                        hint: "each control is defined once; rename one or merge them"
                    )
                )
                continue
            }
            if !isWellFormedItemID(control.id) {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "control id \"\(control.id)\" is not well-formed",
                        hint: "use letters, digits, '-', '_' and '.', starting with a letter or digit"
                    )
                )
            }
            var kept = control
            kept.mappings = []
            var seen: Set<Mapping> = []
            for mapping in control.mappings {
                let mappingLocation = mapping.origin ?? location
                guard
                    let targets = Self.resolve(
                        mapping.requirement,
                        frameworkKeys: frameworkKeys,
                        indexes: frameworkIndexes,
                        at: mappingLocation,
                        into: &diagnostics
                    )
                else { continue }
                for target in targets {
                    var current = mapping
                    current.requirement = target
                    var comparable = current
                    comparable.origin = nil
                    guard seen.insert(comparable).inserted else { continue }
                    kept.mappings.append(current)
                    if current.relationship != .notRelated {
                        coverage[target, default: []].append(CoveringControl(control: control.id, mapping: current))
                    }
                }
            }
            controlPositions[control.id] = controls.count
            controls.append(kept)
        }
        resolved.controls = controls
        self.controlPositions = controlPositions
        self.coverage = coverage

        // Implementation, evidence, answers.
        var implementationByControl: [String: Implementation] = [:]
        var productImplementations: [String: [Implementation]] = [:]
        for record in library.implementation {
            let location = record.origin ?? SourceLocation(file: "implementation of \(record.control)")
            Self.checkControl(
                record.control,
                known: controlPositions,
                what: "implementation record",
                at: location,
                into: &diagnostics
            )
            if !record.products.isEmpty {
                let earlier = productImplementations[record.control, default: []]
                let named = record.products.filter { product in earlier.contains { $0.names(product: product) } }
                if !named.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .error,
                            at: location,
                            "control \(record.control) has a second implementation record for "
                                + named.joined(separator: ", "),
                            hint: "keep one record per control and product"
                        )
                    )
                }
            } else if implementationByControl[record.control] != nil {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "control \(record.control) has a second implementation record",
                        hint: "keep one record per control"
                    )
                )
            }
            if record.status == .notApplicable, (record.justification ?? "").trimmingSpaces().isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "control \(record.control) is not-applicable without a justification",
                        hint: "say why it does not apply; the Statement of Applicability prints it"
                    )
                )
            }
            if record.status == .notApplicable, !record.reasons.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        at: location,
                        "control \(record.control) is not-applicable but gives reasons for inclusion ("
                            + record.reasons.map(\.rawValue).joined(separator: ", ") + "); they are ignored",
                        hint: "reasons say why an applicable control is in place; drop them, or change the status"
                    )
                )
            }
            if record.products.isEmpty {
                implementationByControl[record.control] = implementationByControl[record.control] ?? record
            } else {
                productImplementations[record.control, default: []].append(record)
            }
        }
        for (control, records) in productImplementations.sorted(by: { $0.key < $1.key })
        where implementationByControl[control] == nil {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    at: records[0].origin ?? SourceLocation(file: "implementation of \(control)"),
                    "control \(control) has a status only for "
                        + records.flatMap(\.products).joined(separator: ", ")
                        + "; the organisation's questions, coverage and the Statement of Applicability see none",
                    hint: "add a record without products for the whole organisation"
                )
            )
        }
        self.implementationByControl = implementationByControl
        self.productImplementations = productImplementations

        var evidenceIDs: [String: SourceLocation] = [:]
        var evidenceByControl: [String: [Evidence]] = [:]
        for item in library.evidence {
            let location = item.origin ?? SourceLocation(file: "evidence \(item.id)")
            if let first = evidenceIDs[item.id] {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "duplicate evidence id \(item.id) (first defined at \(first))",
                        hint: "give each evidence item its own id"
                    )
                )
            } else {
                evidenceIDs[item.id] = location
            }
            if item.controls.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        at: location,
                        "evidence \(item.id) supports no control",
                        hint: "list the control ids it supports in `controls`"
                    )
                )
            }
            for control in item.controls {
                Self.checkControl(
                    control,
                    known: controlPositions,
                    what: "evidence \(item.id)",
                    at: location,
                    into: &diagnostics
                )
                evidenceByControl[control, default: []].append(item)
            }
            if let validUntil = item.validUntil, let collectedOn = item.collectedOn, validUntil < collectedOn {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "evidence \(item.id) is valid until \(validUntil), before it was collected on \(collectedOn)",
                        hint: "check the two dates"
                    )
                )
            }
        }
        self.evidenceByControl = evidenceByControl

        var answerIDs: [String: SourceLocation] = [:]
        for entry in library.answers {
            let location = entry.origin ?? SourceLocation(file: "answer \(entry.id)")
            if let first = answerIDs[entry.id] {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "duplicate answer id \(entry.id) (first defined at \(first))",
                        hint: "give each answer its own id"
                    )
                )
            } else {
                answerIDs[entry.id] = location
            }
            for control in entry.controls {
                Self.checkControl(
                    control,
                    known: controlPositions,
                    what: "answer \(entry.id)",
                    at: location,
                    into: &diagnostics
                )
            }
            for evidence in entry.evidence where evidenceIDs[evidence] == nil {
                diagnostics.append(
                    Diagnostic(
                        .error,
                        at: location,
                        "answer \(entry.id) cites evidence \(evidence), which is not in the library",
                        hint: "add it to the evidence inventory or correct the id"
                    )
                )
            }
        }

        self.library = resolved
        self.diagnostics = diagnostics.sorted()
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The framework a loose name stands for (`ISO 27001`, `soc2`, `nist-csf-2.0`).
    public func framework(named name: String) -> Framework? {
        if let index = frameworkIndexes[name] { return index.framework }
        return frameworkKeys[frameworkNameKey(name)].flatMap { frameworkIndexes[$0]?.framework }
    }

    /// The framework a table column is headed by: a name as ``framework(named:)`` reads it, or
    /// one followed by more words (`SOC 2 TSC`, `ISO/IEC 27001 Annex A`, `GDPR articles`).
    public func framework(heading: String) -> Framework? {
        if let framework = framework(named: heading) { return framework }
        let key = frameworkNameKey(heading)
        let match = frameworkKeys.filter { key.hasPrefix($0.key) && $0.key.count >= 3 }
            .max { $0.key.count != $1.key.count ? $0.key.count < $1.key.count : $0.key > $1.key }
        return match.flatMap { frameworkIndexes[$0.value]?.framework }
    }

    /// Frameworks whose names are close to an unknown one, for a "did you mean".
    public func frameworkSuggestions(for name: String) -> [String] {
        let key = frameworkNameKey(name)
        return library.frameworks.filter { framework in
            ([framework.id, framework.name] + framework.nameAliases).contains {
                let other = frameworkNameKey($0)
                return other.hasPrefix(key) || key.hasPrefix(other)
                    || RequirementKey.distance(key, other, limit: 3) <= 3
            }
        }.map(\.id)
    }

    /// The requirement a reference names, following aliases (the first, if an alias names several).
    public func requirement(_ reference: RequirementReference) -> Requirement? {
        guard let framework = framework(named: reference.framework),
            let ids = frameworkIndexes[framework.id]?.resolve(reference.id), let id = ids.first
        else { return nil }
        return frameworkIndexes[framework.id]?.requirement(id)
    }

    /// The current references a loosely written one stands for; nil with a reason when it names
    /// nothing.
    public func resolve(_ reference: RequirementReference) -> Result<[RequirementReference], ResolutionFailure> {
        guard let framework = framework(named: reference.framework) else {
            let near = frameworkSuggestions(for: reference.framework)
            return .failure(
                ResolutionFailure(
                    message: "unknown framework \"\(reference.framework)\"",
                    hint: near.isEmpty
                        ? "known: " + library.frameworks.map(\.id).joined(separator: ", ")
                        : "did you mean \(near.joined(separator: ", "))?"
                )
            )
        }
        guard let index = frameworkIndexes[framework.id] else {
            return .failure(ResolutionFailure(message: "unknown framework \(framework.id)", hint: nil))
        }
        guard let ids = index.resolve(reference.id), !ids.isEmpty else {
            return .failure(
                ResolutionFailure(
                    message: "unknown requirement \(reference.id) in \(framework.id)",
                    hint: index.suggestions(for: reference.id)
                )
            )
        }
        return .success(ids.map { RequirementReference(framework: framework.id, id: $0) })
    }

    /// The control with this id.
    public func control(_ id: String) -> Control? {
        controlPositions[id].map { library.controls[$0] }
    }

    /// The controls that map to a requirement, with the mapping each uses.
    public func controls(covering reference: RequirementReference) -> [CoveringControl] {
        coverage[reference] ?? []
    }

    /// The implementation record of a control for the whole organisation.
    public func implementation(of control: String) -> Implementation? {
        implementationByControl[control]
    }

    /// The implementation record of a control as it stands for `product`: the record naming the
    /// product, else the organisation's (nil: the organisation's).
    public func implementation(of control: String, forProduct product: String?) -> Implementation? {
        if let product, let named = productImplementations[control]?.first(where: { $0.names(product: product) }) {
            return named
        }
        return implementationByControl[control]
    }

    /// The evidence items that support a control.
    public func evidence(for control: String) -> [Evidence] {
        evidenceByControl[control] ?? []
    }

    /// The requirements of `framework` that `reference` corresponds to through shared controls,
    /// strongest first, each with the relationship and the controls that carry the link.
    public func correspondences(of reference: RequirementReference, in framework: String) -> [Correspondence] {
        var links: [RequirementReference: [CorrespondenceLink]] = [:]
        for covering in controls(covering: reference) {
            guard let control = control(covering.control) else { continue }
            // The requirement relative to the control, then the control relative to the target.
            let toControl = covering.mapping.relationship.reversed
            for mapping in control.mappings where mapping.requirement.framework == framework {
                guard mapping.requirement != reference,
                    let derived = toControl.composed(with: mapping.relationship)
                else { continue }
                links[mapping.requirement, default: []].append(
                    CorrespondenceLink(
                        control: control.id,
                        fromMapping: covering.mapping.relationship,
                        toMapping: mapping.relationship,
                        relationship: derived
                    )
                )
            }
        }
        return links.map { target, links in
            Correspondence(
                requirement: target,
                relationship: Correspondence.combine(links.map(\.relationship)),
                links: links
            )
        }.sorted {
            $0.relationship != $1.relationship
                ? $0.relationship < $1.relationship
                : $0.links.count != $1.links.count ? $0.links.count > $1.links.count : $0.requirement < $1.requirement
        }
    }

    private static func resolve(
        _ reference: RequirementReference,
        frameworkKeys: [String: String],
        indexes: [String: FrameworkIndex],
        at location: SourceLocation,
        into diagnostics: inout [Diagnostic]
    ) -> [RequirementReference]? {
        let frameworkID =
            indexes[reference.framework] != nil
            ? reference.framework : frameworkKeys[frameworkNameKey(reference.framework)]
        guard let frameworkID, let index = indexes[frameworkID] else {
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: location,
                    "unknown framework \"\(reference.framework)\" in mapping \(reference)",
                    hint: "known frameworks: " + indexes.keys.sorted().joined(separator: ", ")
                )
            )
            return nil
        }
        guard let ids = index.resolve(reference.id), !ids.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: location,
                    "unknown requirement \(reference.id) in \(frameworkID)",
                    hint: index.suggestions(for: reference.id)
                )
            )
            return nil
        }
        for id in ids {
            if let requirement = index.requirement(id), requirement.isHeading {
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        at: location,
                        "\(frameworkID):\(id) is a heading (\(requirement.kind)), not a requirement",
                        hint: "map to the requirements under it"
                    )
                )
            }
        }
        return ids.map { RequirementReference(framework: frameworkID, id: $0) }
    }

    private static func checkControl(
        _ id: String,
        known: [String: Int],
        what: String,
        at location: SourceLocation,
        into diagnostics: inout [Diagnostic]
    ) {
        guard known[id] == nil else { return }
        let near = known.keys.filter { RequirementKey.distance($0.uppercased(), id.uppercased(), limit: 2) <= 2 }
            .sorted().prefix(3)
        diagnostics.append(
            Diagnostic(
                .error,
                at: location,
                "\(what) points at control \(id), which is not in the library",
                hint: near.isEmpty
                    ? "check the id against `quire controls`" : "did you mean \(near.joined(separator: ", "))?"
            )
        )
    }
}

/// Why a reference names nothing.
public struct ResolutionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// What the user may have meant.
    public var hint: String?

    /// A failure with what is wrong and, if known, what was meant.
    public init(message: String, hint: String?) {
        self.message = message
        self.hint = hint
    }

    /// The message and the hint.
    public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}

/// A control covering a requirement, with the mapping it does so by.
public struct CoveringControl: Sendable, Hashable {
    /// The control's id.
    public var control: String
    /// The mapping, relative to the requirement.
    public var mapping: Mapping
}

/// A requirement of another framework that one corresponds to through shared controls.
public struct Correspondence: Sendable, Hashable {
    /// The requirement it corresponds to.
    public var requirement: RequirementReference
    /// The most specific relationship the links prove (source relative to this requirement).
    public var relationship: Relationship
    /// Each control that carries the link.
    public var links: [CorrespondenceLink]

    /// What several derivations prove together: `equal` if any proves it or one proves subset
    /// and another superset, else `subset` or `superset` if one proves it, else `intersects`.
    static func combine(_ relationships: [Relationship]) -> Relationship {
        let all = Set(relationships)
        if all.contains(.equal) || (all.contains(.subset) && all.contains(.superset)) { return .equal }
        if all.contains(.subset) { return .subset }
        if all.contains(.superset) { return .superset }
        return .intersects
    }
}

/// One control's part in a correspondence.
public struct CorrespondenceLink: Sendable, Hashable {
    /// The control's id.
    public var control: String
    /// How the control relates to the source requirement.
    public var fromMapping: Relationship
    /// How the control relates to the target requirement.
    public var toMapping: Relationship
    /// What that makes the source of the target.
    public var relationship: Relationship
}

/// Whether an id of a control, evidence item or answer is written as ids should be.
func isWellFormedItemID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            || "-_.".unicodeScalars.contains($0)
    }
}
