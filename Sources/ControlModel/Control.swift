/// The organisation's own unit of work, defined once and mapped to every requirement it serves.
public struct Control: Sendable, Hashable, Codable, Identifiable {
    /// The id (`IAM-03`): letters, digits, `-`, `_` and `.`.
    public var id: String
    /// A short title.
    public var title: String
    /// One to three sentences on what the organisation does.
    public var description: String
    /// The area it belongs to (`Identity and access management`).
    public var domain: String
    /// Words a question about this control is likely to use.
    public var keywords: [String]
    /// Other ways of saying what the control is.
    public var synonyms: [String]
    /// The requirements it serves, with how.
    public var mappings: [Mapping]
    /// Where it was read; not part of the library's content.
    public var origin: SourceLocation? = nil

    /// Creates a control.
    public init(
        id: String,
        title: String,
        description: String = "",
        domain: String = "",
        keywords: [String] = [],
        synonyms: [String] = [],
        mappings: [Mapping] = [],
        origin: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.domain = domain
        self.keywords = keywords
        self.synonyms = synonyms
        self.mappings = mappings
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, domain, keywords, synonyms, mappings
    }
}

/// A control's link to one requirement.
public struct Mapping: Sendable, Hashable, Codable {
    /// The requirement.
    public var requirement: RequirementReference
    /// The control relative to the requirement: `subset` means the control covers part of it.
    public var relationship: Relationship
    /// How strong the correspondence is, 1 (weak) to 10 (complete), when the source says.
    public var strength: Int?
    /// Why the mapping was made, when the source says.
    public var rationale: MappingRationale?
    /// Who made the mapping (`quire`, the user's library name, a tool).
    public var source: String?
    /// Where it was read; not part of the library's content.
    public var origin: SourceLocation? = nil

    /// Creates a mapping.
    public init(
        requirement: RequirementReference,
        relationship: Relationship = .intersects,
        strength: Int? = nil,
        rationale: MappingRationale? = nil,
        source: String? = nil,
        origin: SourceLocation? = nil
    ) {
        self.requirement = requirement
        self.relationship = relationship
        self.strength = strength
        self.rationale = rationale
        self.source = source
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey {
        case requirement, relationship, strength, rationale, source
    }
}

/// Whether a control is in place.
public enum ImplementationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// In place and operating.
    case implemented
    /// In place for part of its scope.
    case partial
    /// Not yet in place; planned.
    case planned
    /// Does not apply to the organisation (the justification says why).
    case notApplicable = "not-applicable"
}

/// Why an applicable control is in place: the reasons for inclusion a Statement of Applicability
/// gives (ISO/IEC 27001:2022 6.1.3 d).
public enum InclusionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// It treats a risk the risk assessment found.
    case riskTreatment = "risk-treatment"
    /// A law or regulation requires it.
    case legal
    /// A contract or a commitment to customers requires it.
    case contractual
    /// A business requirement, or good practice.
    case business

    /// How the Statement of Applicability words it.
    public var label: String {
        switch self {
        case .riskTreatment: "risk treatment"
        case .legal: "legal"
        case .contractual: "contractual"
        case .business: "best practice"
        }
    }
}

/// A control's implementation status.
public struct Implementation: Sendable, Hashable, Codable {
    /// The control's id.
    public var control: String
    /// Whether it is in place.
    public var status: ImplementationStatus
    /// Why it does not apply (required for `not-applicable`; the Statement of Applicability prints it).
    public var justification: String?
    /// Why it is in place, for an applicable control; the Statement of Applicability prints them.
    public var reasons: [InclusionReason]
    /// Who owns it (a team or role).
    public var owner: String?
    /// Free notes.
    public var notes: String?
    /// When a planned or partial control is due to be complete.
    public var targetDate: Day?
    /// The products this status is stated for (`Harbor Mobile`: MFA planned in the app); empty
    /// for the whole organisation.
    ///
    /// A question asked for a product rests on the record naming it, else on the organisation's;
    /// everything else (coverage, the Statement of Applicability, gaps) on the organisation's.
    public var products: [String] = []
    /// Where it was read; not part of the library's content.
    public var origin: SourceLocation? = nil

    /// Creates an implementation record.
    public init(
        control: String,
        status: ImplementationStatus,
        justification: String? = nil,
        reasons: [InclusionReason] = [],
        owner: String? = nil,
        notes: String? = nil,
        targetDate: Day? = nil,
        products: [String] = [],
        origin: SourceLocation? = nil
    ) {
        self.control = control
        self.status = status
        self.justification = justification
        self.reasons = reasons
        self.owner = owner
        self.notes = notes
        self.targetDate = targetDate
        self.products = products
        self.origin = origin
    }

    /// Whether it states the status for `product` by name.
    public func names(product: String?) -> Bool {
        guard let product, !products.isEmpty else { return false }
        return AnswerLibraryEntry.product(product, isIn: products)
    }

    enum CodingKeys: String, CodingKey {
        case control, status, justification, reasons, owner, notes, products
        case targetDate = "target_date"
    }

    /// Reads a record; `reasons` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        control = try container.decode(String.self, forKey: .control)
        status = try container.decode(ImplementationStatus.self, forKey: .status)
        justification = try container.decodeIfPresent(String.self, forKey: .justification)
        reasons = try container.decodeIfPresent([InclusionReason].self, forKey: .reasons) ?? []
        owner = try container.decodeIfPresent(String.self, forKey: .owner)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        targetDate = try container.decodeIfPresent(Day.self, forKey: .targetDate)
        products = try container.decodeIfPresent([String].self, forKey: .products) ?? []
    }

    /// Writes a record; no reasons write no `reasons`, the organisation's no `products`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(control, forKey: .control)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(justification, forKey: .justification)
        if !reasons.isEmpty { try container.encode(reasons, forKey: .reasons) }
        try container.encodeIfPresent(owner, forKey: .owner)
        try container.encodeIfPresent(notes, forKey: .notes)
        try container.encodeIfPresent(targetDate, forKey: .targetDate)
        if !products.isEmpty { try container.encode(products, forKey: .products) }
    }
}
