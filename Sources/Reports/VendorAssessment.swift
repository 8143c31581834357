public import Answering
public import ControlModel
public import Questionnaire
import Spreadsheet

/// What an answer means for the vendor, once its polarity is taken into account.
public enum ItemOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Yes to an ordinary question, or No to one where Yes is the bad answer.
    case good
    /// No to an ordinary question, or Yes to one where Yes is the bad answer.
    case bad
    case partial
    case notApplicable = "not-applicable"
    case unanswered
    case unclear
    /// A description, name or number: a person reads it.
    case information
}

/// How a framework requirement stands for one vendor, from the answers mapped to it.
///
/// The first that holds, in this order: `contradicted` (a bad answer), `partial`, `supported` (a
/// good answer), `described` (only descriptions), `unclear`, `unanswered`, `not-applicable` (every
/// answer says so), `not-asked` (no item maps to it).
public enum RequirementStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case contradicted
    case partial
    case supported
    case described
    case unclear
    case unanswered
    case notApplicable = "not-applicable"
    case notAsked = "not-asked"

    init(outcomes: [ItemOutcome]) {
        if outcomes.isEmpty {
            self = .notAsked
        } else if outcomes.contains(.bad) {
            self = .contradicted
        } else if outcomes.contains(.partial) {
            self = .partial
        } else if outcomes.contains(.good) {
            self = .supported
        } else if outcomes.contains(.information) {
            self = .described
        } else if outcomes.contains(.unclear) {
            self = .unclear
        } else if outcomes.contains(.unanswered) {
            self = .unanswered
        } else {
            self = .notApplicable
        }
    }
}

/// One item of a vendor's questionnaire, read and mapped.
public struct AssessedItem: Sendable, Hashable {
    /// The file it is in.
    public var file: String
    /// The item as read.
    public var item: QuestionnaireItem
    /// Where its answer is, for the person following up: `'Sheet'!$D$12`, or `line 5, column C`
    /// of a CSV file.
    public var location: String
    /// The answer read.
    public var answer: NormalisedAnswer
    /// Whether the question is phrased so that "Yes" is the bad answer.
    public var riskPhrased: Bool
    /// What the answer means for the vendor.
    public var outcome: ItemOutcome
    /// The controls it is about, best first (at most three).
    public var controls: [String]
    /// The requirements it is about, per framework, best first (at most three each; none when
    /// the item matches nothing).
    public var requirements: [String: [String]]
    /// Why it needs a follow-up question, when it does.
    public var followUp: String?
    /// How serious the follow-up is: 0 a bad answer to a risk question, 1 another bad answer,
    /// 2 partial, 3 unclear, 4 unanswered; nil without a follow-up.
    public var severity: Int?

    /// An item read and mapped, not judged yet (no follow-up).
    public init(
        file: String,
        item: QuestionnaireItem,
        location: String,
        answer: NormalisedAnswer,
        riskPhrased: Bool,
        outcome: ItemOutcome,
        controls: [String],
        requirements: [String: [String]]
    ) {
        self.file = file
        self.item = item
        self.location = location
        self.answer = answer
        self.riskPhrased = riskPhrased
        self.outcome = outcome
        self.controls = controls
        self.requirements = requirements
    }
}

/// How a framework's requirements stand for one vendor, counted, and its score.
public struct FrameworkScore: Sendable, Hashable {
    /// The framework's id.
    public var framework: String
    /// Its name.
    public var name: String
    /// How many of its requirements are assessable (not headings).
    public var requirements: Int
    /// Requirements per status.
    public var counts: [RequirementStatus: Int]

    /// The requirements judged: supported, partial, contradicted, unclear or unanswered.
    public var judged: Int {
        [.supported, .partial, .contradicted, .unclear, .unanswered].reduce(0) { $0 + (counts[$1] ?? 0) }
    }

    /// ``AssessmentReport/scoreFormula``, or nil when nothing was judged.
    public var score: Double? {
        guard judged > 0 else { return nil }
        return (Double(counts[.supported] ?? 0) + 0.5 * Double(counts[.partial] ?? 0)) / Double(judged)
    }

    /// The share of its assessable requirements some item asked about.
    public var coverage: Double {
        requirements == 0 ? 0 : Double(requirements - (counts[.notAsked] ?? 0)) / Double(requirements)
    }
}

/// A requirement's status for one vendor, with the items it rests on.
public struct VendorRequirement: Sendable, Hashable {
    /// The framework's id.
    public var framework: String
    /// The requirement's id.
    public var requirement: String
    /// Its title.
    public var title: String
    /// How it stands.
    public var status: RequirementStatus
    /// The items mapped to it (their ids, in file order).
    public var items: [String]
}

/// One vendor's questionnaires, read, mapped and judged.
public struct VendorAssessment: Sendable, Hashable {
    /// The vendor's name.
    public var vendor: String
    /// The files read for it.
    public var files: [String]
    /// Every item, in file order.
    public var items: [AssessedItem]
    /// Every assessable requirement of the frameworks assessed, in framework order.
    public var coverage: [VendorRequirement]
    /// One per framework assessed.
    public var scores: [FrameworkScore]

    /// The items that need a follow-up question, in file order.
    public var followUps: [AssessedItem] { items.filter { $0.followUp != nil } }

    /// The gaps to raise first, in the vendor's own words: the follow-ups, most serious first,
    /// then in file order; at most ``AssessmentReport/topGapCount``.
    public var topGaps: [AssessedItem] {
        Array(
            followUps.enumerated()
                .sorted { ($0.element.severity ?? 9, $0.offset) < ($1.element.severity ?? 9, $1.offset) }
                .map(\.element)
                .prefix(AssessmentReport.topGapCount)
        )
    }

    /// Items per answer class.
    public var answerCounts: [AnswerClass: Int] {
        items.reduce(into: [:]) { $0[$1.answer.value, default: 0] += 1 }
    }
}

/// The assessment of one or more vendors' filled questionnaires.
public struct AssessmentReport: Sendable, Hashable {
    /// The frameworks assessed, in the order asked.
    public var frameworks: [Framework]
    /// One per vendor, in the order first named.
    public var vendors: [VendorAssessment]

    /// The score of a framework, in words; the same formula is written into the workbook's cells.
    public static let scoreFormula =
        "score = (supported + 0.5 × partial) / (supported + partial + contradicted + unclear + unanswered); "
        + "requirements only described, not applicable or not asked are left out"
    /// How many gaps the top list holds.
    public static let topGapCount = 10
    /// How many requirements per framework an item counts for: the mapping's top three, where the
    /// labelled set measures it.
    public static let requirementsPerItem = 3

    /// Reads, maps and judges the questionnaires: `files` pairs each questionnaire with its
    /// vendor's name; a vendor named more than once gets one assessment over all its files.
    public init(files: [(vendor: String, questionnaire: Questionnaire)], matcher: Matcher, frameworks: [Framework]) {
        self.init(
            frameworks: frameworks,
            assessed: files.map { vendor, questionnaire in
                (vendor, questionnaire.file, Self.assess(questionnaire, matcher: matcher, frameworks: frameworks))
            }
        )
    }

    /// Judges items already read and mapped (``assess(_:matcher:frameworks:)``), file by file, as
    /// ``init(files:matcher:frameworks:)`` does: so that files assessed apart (in the shards of a
    /// run) make the report one process makes.
    public init(frameworks: [Framework], assessed: [(vendor: String, file: String, items: [AssessedItem])]) {
        self.frameworks = frameworks
        var order: [String] = []
        var byVendor: [String: [(file: String, items: [AssessedItem])]] = [:]
        for (vendor, file, items) in assessed {
            if byVendor[vendor] == nil { order.append(vendor) }
            byVendor[vendor, default: []].append((file, items))
        }
        vendors = order.map { vendor in
            let parts = byVendor[vendor] ?? []
            return Self.judge(
                vendor: vendor,
                files: parts.map(\.file),
                items: parts.flatMap(\.items),
                frameworks: frameworks
            )
        }
    }

    /// Reads and maps one questionnaire's items, before they are judged with the vendor's others.
    public static func assess(_ questionnaire: Questionnaire, matcher: Matcher, frameworks: [Framework])
        -> [AssessedItem]
    {
        let normaliser = AnswerNormaliser()
        return questionnaire.items.map { item in
            assess(item, in: questionnaire, matcher: matcher, normaliser: normaliser, frameworks: frameworks)
        }
    }

    private static func assess(
        _ item: QuestionnaireItem,
        in questionnaire: Questionnaire,
        matcher: Matcher,
        normaliser: AnswerNormaliser,
        frameworks: [Framework]
    ) -> AssessedItem {
        let answer = normaliser.normalise(item)
        let match = matcher.match(item)
        let matched = !match.controls.isEmpty && (match.strength >= Answerer.weakestMatch || !match.cited.isEmpty)
        var requirements: [String: [String]] = [:]
        if matched {
            for framework in frameworks {
                let ids = Array((match.requirements[framework.id] ?? []).prefix(requirementsPerItem))
                if !ids.isEmpty { requirements[framework.id] = ids }
            }
        }
        let outcome: ItemOutcome
        switch answer.value {
        case .yes: outcome = match.riskPhrased ? .bad : .good
        case .no: outcome = match.riskPhrased ? .good : .bad
        case .partial: outcome = .partial
        case .notApplicable: outcome = .notApplicable
        case .unanswered: outcome = .unanswered
        case .unclear: outcome = .unclear
        case .text: outcome = .information
        }
        return AssessedItem(
            file: questionnaire.file,
            item: item,
            location: location(of: item, format: questionnaire.format),
            answer: answer,
            riskPhrased: match.riskPhrased,
            outcome: outcome,
            controls: matched ? match.controls.prefix(3).map(\.control) : [],
            requirements: requirements
        )
    }

    /// Where the answer is: the answer cell (the marked one, or the first choice's), or the row.
    static func location(of item: QuestionnaireItem, format: QuestionnaireFormat) -> String {
        var cell: SheetCell?
        switch item.answerTarget {
        case .cell(let target): cell = target
        case .marks(let cells, _): cell = (cells.first(where: \.marked) ?? cells.first)?.cell
        case .vsaqKeys(let keys, _): return "keys " + keys.joined(separator: ", ")
        case nil: break
        }
        if let cell {
            return format == .csv
                ? "line \(cell.address.row), column \(CellAddress.columnName(cell.address.column))"
                : cell.reference
        }
        if let row = item.row {
            return format == .csv ? "line \(row)" : "\(CellAddress.sheetPrefix(item.sheet ?? ""))!\(row):\(row)"
        }
        return item.id
    }

    private static func judge(vendor: String, files: [String], items: [AssessedItem], frameworks: [Framework])
        -> VendorAssessment
    {
        var items = items
        var outcomes: [String: [ItemOutcome]] = [:]
        var mapped: [String: [String]] = [:]
        for item in items {
            for (framework, ids) in item.requirements {
                for id in ids {
                    outcomes["\(framework) \(id)", default: []].append(item.outcome)
                    mapped["\(framework) \(id)", default: []].append(item.item.id)
                }
            }
        }
        var coverage: [VendorRequirement] = []
        var scores: [FrameworkScore] = []
        var status: [String: RequirementStatus] = [:]
        for framework in frameworks {
            var counts: [RequirementStatus: Int] = [:]
            for requirement in framework.assessable {
                let key = "\(framework.id) \(requirement.id)"
                let judged = RequirementStatus(outcomes: outcomes[key] ?? [])
                status[key] = judged
                counts[judged, default: 0] += 1
                coverage.append(
                    VendorRequirement(
                        framework: framework.id,
                        requirement: requirement.id,
                        title: requirement.title,
                        status: judged,
                        items: mapped[key] ?? []
                    )
                )
            }
            scores.append(
                FrameworkScore(
                    framework: framework.id,
                    name: framework.name,
                    requirements: framework.assessable.count,
                    counts: counts
                )
            )
        }
        for index in items.indices {
            let item = items[index]
            switch item.outcome {
            case .bad:
                items[index].followUp =
                    item.riskPhrased
                    ? "answered \"\(item.answer.raw ?? "Yes")\" where Yes is the bad answer"
                    : "answered \"\(item.answer.raw ?? "No")\""
                items[index].severity = item.riskPhrased ? 0 : 1
            case .partial:
                items[index].followUp = "answered partly: \"\(item.answer.raw ?? "")\""
                items[index].severity = 2
            case .unclear:
                items[index].followUp = "unclear: \(item.answer.because)"
                items[index].severity = 3
            case .unanswered:
                // Worth a question only where nothing else in the files answers the requirement.
                let open = item.requirements.flatMap { framework, ids in
                    ids.filter { status["\(framework) \($0)"] == .unanswered }.map { "\(framework) \($0)" }
                }.sorted()
                if !open.isEmpty {
                    items[index].followUp = "unanswered, and nothing else answers " + open.joined(separator: ", ")
                    items[index].severity = 4
                }
            case .good, .notApplicable, .information:
                break
            }
        }
        return VendorAssessment(vendor: vendor, files: files, items: items, coverage: coverage, scores: scores)
    }
}
