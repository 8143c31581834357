/// What sort of evidence an item is.
public enum EvidenceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case policy, procedure, report, screenshot, configuration
    case automatedTest = "automated-test"
    case ticket, log, attestation
    case trainingRecord = "training-record"
    case other
}

/// The outcome evidence records.
public enum EvidenceResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// The check passed or the document is in force.
    case pass
    /// The check failed.
    case fail
    /// Not checked.
    case notTested = "not-tested"
}

/// One item of the evidence inventory: a dated document, report or check supporting controls.
public struct Evidence: Sendable, Hashable, Codable, Identifiable {
    /// The id (`EV-014`).
    public var id: String
    /// A short title.
    public var title: String
    /// What sort of evidence it is.
    public var kind: EvidenceKind
    /// The controls it supports.
    public var controls: [String]
    /// When it was collected; nil only when a file gave a date that does not parse (an error
    /// was reported, and such a library is not used to answer).
    public var collectedOn: Day?
    /// Until when it holds, when it expires.
    public var validUntil: Day?
    /// The outcome, when it records one.
    public var result: EvidenceResult?
    /// Where it is (a URL, a path, a test id).
    public var location: String?
    /// The tool it came from (`Vanta`).
    public var sourceTool: String?
    /// Free description.
    public var description: String?
    /// The products it shows something of (`Harbor Mobile`: a penetration test of the app);
    /// empty for the whole organisation.
    ///
    /// A question asked for one product rests only on evidence for that product or for the whole
    /// organisation: another product's failing check says nothing of it. A question asked of the
    /// organisation rests on all of it, a product's evidence being the organisation's practice too.
    public var products: [String] = []
    /// Where it was read; not part of the library's content.
    public var origin: SourceLocation? = nil

    /// Creates an evidence item.
    public init(
        id: String,
        title: String,
        kind: EvidenceKind = .other,
        controls: [String],
        collectedOn: Day?,
        validUntil: Day? = nil,
        result: EvidenceResult? = nil,
        location: String? = nil,
        sourceTool: String? = nil,
        description: String? = nil,
        products: [String] = [],
        origin: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.controls = controls
        self.collectedOn = collectedOn
        self.validUntil = validUntil
        self.result = result
        self.location = location
        self.sourceTool = sourceTool
        self.description = description
        self.products = products
        self.origin = origin
    }

    /// Whether it bears on a question asked for `product` (nil: of the organisation): evidence
    /// for the whole organisation bears on every question, a product's on that product's and on
    /// the organisation's (names compared as ``AnswerLibraryEntry/productKey(_:)`` does).
    public func bears(onProduct product: String?) -> Bool {
        guard !products.isEmpty, let product else { return true }
        return AnswerLibraryEntry.product(product, isIn: products)
    }

    /// Whether it has run out by `day` (valid through its `validUntil` day).
    public func isExpired(asOf day: Day) -> Bool {
        validUntil.map { $0 < day } ?? false
    }

    /// Whether it still supports its controls on `day`: not expired, not failing, and, for a
    /// policy or procedure with no end date, reviewed within the last year.
    ///
    /// The one rule every stage uses (answering, coverage, the SoA, run reports), so that an item
    /// never counts as live in one output and stale in another.
    public func isLive(asOf day: Day) -> Bool {
        result != .fail && !isExpired(asOf: day) && !reviewLapsed(asOf: day)
    }

    /// Whether it is a document with a review cycle: a policy or a procedure.
    public var isDocument: Bool { kind == .policy || kind == .procedure }

    /// Whether a policy or procedure without an end date was collected (last reviewed) more than a
    /// year before `day`: documents are reviewed yearly, and one whose review lapsed is stale.
    public func reviewLapsed(asOf day: Day) -> Bool {
        guard validUntil == nil, isDocument, let collectedOn else { return false }
        return day.daysSinceEpoch - collectedOn.daysSinceEpoch > 366
    }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, controls, result, location, description, products
        case collectedOn = "collected_on"
        case validUntil = "valid_until"
        case sourceTool = "source_tool"
    }

    /// Reads an item; `products` may be absent (the whole organisation).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        kind = try container.decode(EvidenceKind.self, forKey: .kind)
        controls = try container.decode([String].self, forKey: .controls)
        collectedOn = try container.decodeIfPresent(Day.self, forKey: .collectedOn)
        validUntil = try container.decodeIfPresent(Day.self, forKey: .validUntil)
        result = try container.decodeIfPresent(EvidenceResult.self, forKey: .result)
        location = try container.decodeIfPresent(String.self, forKey: .location)
        sourceTool = try container.decodeIfPresent(String.self, forKey: .sourceTool)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        products = try container.decodeIfPresent([String].self, forKey: .products) ?? []
    }

    /// Writes the item; `products` only when it names some, so that an organisation's evidence
    /// reads as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(controls, forKey: .controls)
        try container.encodeIfPresent(collectedOn, forKey: .collectedOn)
        try container.encodeIfPresent(validUntil, forKey: .validUntil)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encodeIfPresent(sourceTool, forKey: .sourceTool)
        try container.encodeIfPresent(description, forKey: .description)
        if !products.isEmpty { try container.encode(products, forKey: .products) }
    }
}

/// An approved past answer to a questionnaire question.
public struct AnswerLibraryEntry: Sendable, Hashable, Codable, Identifiable {
    /// The id (`ANS-0001`).
    public var id: String
    /// The question as it was asked.
    public var question: String
    /// The value written into the answer cell (`Yes`, `No`, `N/A`, or text).
    public var answer: String
    /// The explanation given with it.
    public var comment: String?
    /// The controls it rests on.
    public var controls: [String]
    /// The evidence it cites.
    public var evidence: [String]
    /// Where it came from (the questionnaire and customer).
    public var source: String?
    /// Who approved it.
    public var approvedBy: String?
    /// When it was approved.
    public var approvedOn: Day?
    /// Free labels.
    public var tags: [String]
    /// The products it answers for (`Harbor Mobile`); empty for the whole organisation.
    ///
    /// A question asked for one product is answered only from entries for that product or for
    /// the whole organisation.
    public var products: [String]
    /// Where it was read; not part of the library's content.
    public var origin: SourceLocation? = nil

    /// Creates an answer library entry.
    public init(
        id: String,
        question: String,
        answer: String,
        comment: String? = nil,
        controls: [String] = [],
        evidence: [String] = [],
        source: String? = nil,
        approvedBy: String? = nil,
        approvedOn: Day? = nil,
        tags: [String] = [],
        products: [String] = [],
        origin: SourceLocation? = nil
    ) {
        self.id = id
        self.question = question
        self.answer = answer
        self.comment = comment
        self.controls = controls
        self.evidence = evidence
        self.source = source
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.tags = tags
        self.products = products
        self.origin = origin
    }

    /// Whether it answers a question asked for `product` (nil: for the organisation): an entry
    /// for the whole organisation answers any; one for named products answers only those
    /// (the names compared without regard to case or spacing).
    public func holds(for product: String?) -> Bool {
        guard !products.isEmpty else { return true }
        guard let product else { return false }
        return Self.product(product, isIn: products)
    }

    /// Whether `products` names `product`, compared by ``productKey(_:)``.
    public static func product(_ product: String, isIn products: [String]) -> Bool {
        let wanted = productKey(product)
        return products.contains { productKey($0) == wanted }
    }

    /// Whether it was given for `product` by name (not merely for the whole organisation).
    public func names(product: String?) -> Bool { !products.isEmpty && holds(for: product) }

    /// A product name as compared: lowercased, runs of spaces as one.
    public static func productKey(_ name: String) -> String {
        name.lowercased().split { $0.isWhitespace }.joined(separator: " ")
    }

    enum CodingKeys: String, CodingKey {
        case id, question, answer, comment, controls, evidence, source, tags, products
        case approvedBy = "approved_by"
        case approvedOn = "approved_on"
    }

    /// Reads an entry; `products` may be absent (the whole organisation).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        question = try container.decode(String.self, forKey: .question)
        answer = try container.decode(String.self, forKey: .answer)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        controls = try container.decode([String].self, forKey: .controls)
        evidence = try container.decode([String].self, forKey: .evidence)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        approvedBy = try container.decodeIfPresent(String.self, forKey: .approvedBy)
        approvedOn = try container.decodeIfPresent(Day.self, forKey: .approvedOn)
        tags = try container.decode([String].self, forKey: .tags)
        products = try container.decodeIfPresent([String].self, forKey: .products) ?? []
    }

    /// Writes an entry; `products` only when it names some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encodeIfPresent(comment, forKey: .comment)
        try container.encode(controls, forKey: .controls)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(approvedBy, forKey: .approvedBy)
        try container.encodeIfPresent(approvedOn, forKey: .approvedOn)
        try container.encode(tags, forKey: .tags)
        if !products.isEmpty { try container.encode(products, forKey: .products) }
    }
}
