/// A framework's catalog: its requirements as a tree, and the aliases old or loose ids resolve by.
public struct Framework: Sendable, Hashable, Codable, Identifiable {
    /// The stable id (`iso27001-2022`, `soc2-2017`, `gdpr`, `nist-csf-2.0`).
    public var id: String
    /// The full name (`ISO/IEC 27001:2022`).
    public var name: String
    /// The version or edition (`2022`).
    public var version: String
    /// Who publishes it.
    public var publisher: String?
    /// Where the ids and titles were taken from.
    public var source: String?
    /// Other names users write for the framework (`ISO 27001`, `soc2`), matched loosely.
    public var nameAliases: [String]
    /// Every requirement and heading, parents before their children, in the framework's order.
    public var requirements: [Requirement]
    /// Old or alternative ids and the current ids they resolve to (`A.9.4.2` → [`A.8.5`]).
    public var aliases: [String: [String]]

    /// Creates a framework.
    public init(
        id: String,
        name: String,
        version: String,
        publisher: String? = nil,
        source: String? = nil,
        nameAliases: [String] = [],
        requirements: [Requirement],
        aliases: [String: [String]] = [:]
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.publisher = publisher
        self.source = source
        self.nameAliases = nameAliases
        self.requirements = requirements
        self.aliases = aliases
    }

    enum CodingKeys: String, CodingKey {
        case id, name, version, publisher, source, requirements, aliases
        case nameAliases = "name_aliases"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        version = try container.decode(String.self, forKey: .version)
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        nameAliases = try container.decodeIfPresent([String].self, forKey: .nameAliases) ?? []
        requirements = try container.decode([Requirement].self, forKey: .requirements)
        aliases = try container.decodeIfPresent([String: [String]].self, forKey: .aliases) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(source, forKey: .source)
        if !nameAliases.isEmpty { try container.encode(nameAliases, forKey: .nameAliases) }
        try container.encode(requirements, forKey: .requirements)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
    }

    /// The requirements a control can be mapped to (headings left out).
    public var assessable: [Requirement] { requirements.filter { !$0.isHeading } }
}

/// One requirement or heading of a framework.
public struct Requirement: Sendable, Hashable, Codable, Identifiable {
    /// The id as the framework writes it (`A.8.5`, `6.1.2`, `CC6.1`, `Art.32`, `PR.AA-01`).
    public var id: String
    /// A short title.
    public var title: String
    /// What sort of node it is (`clause`, `annex-control`, `criterion`, `article`,
    /// `subcategory`; headings: `theme`, `series`, `chapter`, `function`, `category`).
    public var kind: String
    /// The id of the node above it.
    public var parent: String?
    /// A heading groups requirements and is not itself mapped to controls.
    public var isHeading: Bool

    /// Creates a requirement.
    public init(id: String, title: String, kind: String, parent: String? = nil, isHeading: Bool = false) {
        self.id = id
        self.title = title
        self.kind = kind
        self.parent = parent
        self.isHeading = isHeading
    }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, parent
        case isHeading = "heading"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        kind = try container.decode(String.self, forKey: .kind)
        parent = try container.decodeIfPresent(String.self, forKey: .parent)
        isHeading = try container.decodeIfPresent(Bool.self, forKey: .isHeading) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(parent, forKey: .parent)
        if isHeading { try container.encode(true, forKey: .isHeading) }
    }
}
