/// Whether a user's library adds to the built-in controls or takes their place.
public enum LibraryMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Add to the built-in controls; a control with a built-in id takes the built-in one's place.
    case merge
    /// Drop the built-in controls; the framework catalogs stay.
    case replace
}

/// Everything Quire knows about an organisation: framework catalogs, controls, implementation
/// status, evidence and approved answers.
public struct Library: Sendable, Hashable, Codable {
    /// The name shown in reports; the default source of its mappings.
    public var name: String?
    /// How it combines with the library before it.
    public var mode: LibraryMode
    /// The framework catalogs.
    public var frameworks: [Framework]
    /// The controls.
    public var controls: [Control]
    /// Implementation status, one record per control.
    public var implementation: [Implementation]
    /// The evidence inventory.
    public var evidence: [Evidence]
    /// The answer library.
    public var answers: [AnswerLibraryEntry]
    /// Explicit framework-to-framework mappings.
    public var mappingSets: [MappingSet]

    /// Creates a library.
    public init(
        name: String? = nil,
        mode: LibraryMode = .merge,
        frameworks: [Framework] = [],
        controls: [Control] = [],
        implementation: [Implementation] = [],
        evidence: [Evidence] = [],
        answers: [AnswerLibraryEntry] = [],
        mappingSets: [MappingSet] = []
    ) {
        self.name = name
        self.mode = mode
        self.frameworks = frameworks
        self.controls = controls
        self.implementation = implementation
        self.evidence = evidence
        self.answers = answers
        self.mappingSets = mappingSets
    }

    /// The format marker written at the top of every library document.
    public static let formatMarker = "quire-library/1"

    enum CodingKeys: String, CodingKey {
        case format, name, mode, frameworks, controls, implementation, evidence, answers
        case mappingSets = "mapping_sets"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        mode = try container.decodeIfPresent(LibraryMode.self, forKey: .mode) ?? .merge
        frameworks = try container.decodeIfPresent([Framework].self, forKey: .frameworks) ?? []
        controls = try container.decodeIfPresent([Control].self, forKey: .controls) ?? []
        implementation = try container.decodeIfPresent([Implementation].self, forKey: .implementation) ?? []
        evidence = try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        answers = try container.decodeIfPresent([AnswerLibraryEntry].self, forKey: .answers) ?? []
        mappingSets = try container.decodeIfPresent([MappingSet].self, forKey: .mappingSets) ?? []
    }

    /// Writes the canonical form: every section that has content, the format marker first.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Library.formatMarker, forKey: .format)
        try container.encodeIfPresent(name, forKey: .name)
        if mode != .merge { try container.encode(mode, forKey: .mode) }
        if !frameworks.isEmpty { try container.encode(frameworks, forKey: .frameworks) }
        if !controls.isEmpty { try container.encode(controls, forKey: .controls) }
        if !implementation.isEmpty { try container.encode(implementation, forKey: .implementation) }
        if !evidence.isEmpty { try container.encode(evidence, forKey: .evidence) }
        if !answers.isEmpty { try container.encode(answers, forKey: .answers) }
        if !mappingSets.isEmpty { try container.encode(mappingSets, forKey: .mappingSets) }
    }

    /// This library and `other` side by side, as several files of one user make one library:
    /// every section is appended (duplicates are for validation to report), and the result
    /// replaces the built-in controls when either part says so.
    public func combined(with other: Library) -> Library {
        var result = self
        result.name = name ?? other.name
        if other.mode == .replace { result.mode = .replace }
        result.frameworks += other.frameworks
        result.controls += other.controls
        result.implementation += other.implementation
        result.evidence += other.evidence
        result.answers += other.answers
        result.mappingSets += other.mappingSets
        return result
    }

    /// This library (the built-in one) with a user's library laid over it.
    ///
    /// In `replace` mode the user's controls take the place of all controls here; in `merge` mode
    /// they are added, and one whose id is already here takes the earlier one's place. Framework
    /// catalogs, implementation records, evidence and answers are appended.
    public func overlaid(by user: Library) -> Library {
        var result = self.combined(with: user)
        result.name = user.name ?? name
        result.mode = user.mode
        if user.mode == .replace {
            result.controls = user.controls
        } else {
            let replaced = Set(user.controls.map(\.id))
            result.controls = controls.filter { !replaced.contains($0.id) } + user.controls
        }
        return result
    }
}
