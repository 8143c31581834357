/// An explicit framework-to-framework mapping: requirement ↔ requirement links.
///
/// Made by someone (a standards body, a tool, the user), as OSCAL mapping collections and CISO
/// Assistant mapping sets carry them. The crosswalk also derives links through shared controls;
/// these are given.
public struct MappingSet: Sendable, Hashable, Codable, Identifiable {
    /// A stable id (`iso27001-2022-to-soc2-2017`).
    public var id: String
    /// A title.
    public var name: String?
    /// What it is, in a sentence or two.
    public var description: String?
    /// The framework the links start from.
    public var source: String
    /// The framework they point to.
    public var target: String
    /// Who made it (`intuitem`, `BSI`, a tool).
    public var provider: String?
    /// The links, in the order given.
    public var mappings: [RequirementMapping]

    /// A mapping set.
    public init(
        id: String,
        name: String? = nil,
        description: String? = nil,
        source: String,
        target: String,
        provider: String? = nil,
        mappings: [RequirementMapping]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.source = source
        self.target = target
        self.provider = provider
        self.mappings = mappings
    }

    enum CodingKeys: String, CodingKey { case id, name, description, source, target, provider, mappings }

    /// The same links read from the target's side: sources and targets swap, and so do `subset`
    /// and `superset`.
    public var reversed: MappingSet {
        MappingSet(
            id: id + "-reverse",
            name: name.map { $0 + " (reverse)" },
            description: description,
            source: target,
            target: source,
            provider: provider,
            mappings: mappings.map(\.reversed)
        )
    }
}

/// One link of a mapping set: a source requirement, a target requirement, and how they relate.
public struct RequirementMapping: Sendable, Hashable, Codable {
    /// The source requirement's id.
    public var source: String
    /// The target requirement's id.
    public var target: String
    /// The source relative to the target (`subset`: the source covers part of the target).
    public var relationship: Relationship
    /// How strong the correspondence is, 1 (weak) to 10 (complete), when the source says
    /// (CISO Assistant's `strength_of_relationship`).
    public var strength: Int?
    /// The author's confidence that the link is right, 0–1 (OSCAL's `confidence-score`).
    public var confidence: Double?
    /// How much of the target the source covers, 0–1 (OSCAL's `coverage`).
    public var coverage: Double?
    /// Why the link was made.
    public var rationale: MappingRationale?
    /// Free remarks or the author's justification.
    public var note: String?

    /// A link.
    public init(
        source: String,
        target: String,
        relationship: Relationship,
        strength: Int? = nil,
        confidence: Double? = nil,
        coverage: Double? = nil,
        rationale: MappingRationale? = nil,
        note: String? = nil
    ) {
        self.source = source
        self.target = target
        self.relationship = relationship
        self.strength = strength
        self.confidence = confidence
        self.coverage = coverage
        self.rationale = rationale
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case source, target, relationship, strength, confidence, coverage, rationale, note
    }

    /// The link read from the target's side.
    ///
    /// Coverage is of the target by the source, so it does not carry over.
    public var reversed: RequirementMapping {
        RequirementMapping(
            source: target,
            target: source,
            relationship: relationship.reversed,
            strength: strength,
            confidence: confidence,
            coverage: nil,
            rationale: rationale,
            note: note
        )
    }
}
