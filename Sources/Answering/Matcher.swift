public import ControlModel
import Foundation
public import Questionnaire

/// What an item is about: the controls it matches, the framework requirements they carry, and
/// the past answers to near-identical questions.
public struct ItemMatch: Sendable, Hashable {
    /// A control and how well the item matches it (1 for the best match of the item).
    public struct ControlScore: Sendable, Hashable {
        /// The control's id.
        public var control: String
        /// The score relative to the item's best control (0–1).
        public var score: Double
        /// Whether the item names a requirement the control maps to (`CC6.1`, `A.8.5`).
        public var cited: Bool
    }

    /// A past answer and how close its question is (0–1, 1 for the same terms).
    public struct LibraryScore: Sendable, Hashable {
        /// The entry's position in the library's answers.
        public var entry: Int
        /// The similarity of the two questions.
        public var similarity: Double
    }

    /// Matching controls, best first.
    public var controls: [ControlScore]
    /// Requirement ids per framework id, best first, without duplicates.
    public var requirements: [String: [String]]
    /// Requirements the item names explicitly.
    public var cited: [RequirementReference]
    /// How strongly the best control matches, 0–1: the share of the item's term weight the
    /// best control's text carries.
    public var strength: Double
    /// Past answers to similar questions, closest first (similarity: Dice's coefficient over
    /// the questions' weighted terms).
    public var library: [LibraryScore]
    /// Whether "Yes" is the bad answer to the item.
    public var riskPhrased: Bool
}

/// Matches questionnaire items against a library's controls, requirements and past answers.
public struct Matcher: Sendable {
    /// The library it matches against.
    public let index: LibraryIndex
    let analyzer: TextAnalyzer
    private var controlIndex = SearchIndex()
    private var controlTerms: [Set<String>] = []
    /// Per control: every term that can show the control covers a question's subject (its own
    /// text, its requirements' titles, its evidence, its implementation notes).
    private var coverTerms: [String: Set<String>] = [:]
    /// Every term some control covers, and the frameworks' names.
    private var knownTerms = Set<String>()
    private var libraryIndex = SearchIndex()
    private var libraryTerms: [[String]] = []
    /// Whether some past answer holds for named products only (then more are searched, as some
    /// are left out for an item's product).
    private var productAnswers = false
    private var requirementIndexes: [String: (index: SearchIndex, ids: [String])] = [:]

    /// Indexes a library's controls, answers and framework requirements.
    public init(index: LibraryIndex) {
        self.index = index
        analyzer = .standard
        for control in index.library.controls {
            let title = analyzer.terms(control.title)
            let keywords = analyzer.terms(control.keywords.joined(separator: " ; "))
            let synonyms = analyzer.terms(control.synonyms.joined(separator: " ; "))
            let description = analyzer.terms(control.description)
            // The titles of the requirements a control serves speak the frameworks' language,
            // which questionnaires often borrow.
            let served = analyzer.terms(
                control.mappings.compactMap { index.requirement($0.requirement)?.title }.joined(separator: " ; ")
            )
            controlIndex.add([(title, 3), (keywords, 2), (synonyms, 2), (description, 1), (served, 0.5)])
            controlTerms.append(Set(title + keywords + synonyms + description))
            let evidence = index.evidence(for: control.id).map { $0.title + " ; " + ($0.description ?? "") }
            let notes = index.implementation(of: control.id).map { [$0.notes ?? "", $0.justification ?? ""] } ?? []
            coverTerms[control.id] =
                Set(title + keywords + synonyms + description + served)
                .union(analyzer.terms((evidence + notes).joined(separator: " ; ")))
        }
        for entry in index.library.answers {
            if !entry.products.isEmpty { productAnswers = true }
            let terms = analyzer.terms(entry.question)
            libraryIndex.add([(terms, 1)])
            libraryTerms.append(terms)
        }
        knownTerms = coverTerms.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for framework in index.library.frameworks {
            knownTerms.formUnion(
                analyzer.terms(([framework.id, framework.name] + framework.nameAliases).joined(separator: " "))
            )
            var search = SearchIndex()
            var ids: [String] = []
            for requirement in framework.assessable {
                search.add([(analyzer.terms(requirement.title), 1)])
                ids.append(requirement.id)
            }
            requirementIndexes[framework.id] = (search, ids)
        }
    }

    /// What one item is about.
    ///
    /// Past answers are those that hold for the item's product (``AnswerLibraryEntry/holds(for:)``),
    /// or those `include` accepts.
    public func match(_ item: QuestionnaireItem, pastAnswers include: ((AnswerLibraryEntry) -> Bool)? = nil)
        -> ItemMatch
    {
        let text = ([item.question] + (item.section.isEmpty ? [] : [item.section.joined(separator: " ")]))
            .joined(separator: " \n ")
        let terms = analyzer.terms(item.question)
        let contextTerms = terms + analyzer.terms(item.section.last ?? "")
        let cited = citedRequirements(in: text)

        // Controls: text match, and any control mapping to a cited requirement.
        let hits = controlIndex.search(contextTerms, limit: 12)
        let top = hits.first?.score ?? 0
        var scores: [String: (score: Double, cited: Bool)] = [:]
        for hit in hits where top > 0 && hit.score >= 0.35 * top {
            scores[index.library.controls[hit.document].id] = (hit.score / top, false)
        }
        // Past answers to similar questions name the controls they rest on: a person made
        // that link, so it counts as much as the text match, scaled by how alike the questions are.
        let pastAnswers = libraryMatches(terms, include: include ?? { $0.holds(for: item.product) })
        for candidate in pastAnswers.prefix(3) where candidate.similarity >= 0.3 {
            for control in index.library.answers[candidate.entry].controls where index.control(control) != nil {
                let score = min(1, candidate.similarity + 0.2)
                scores[control] = (max(scores[control]?.score ?? 0, score), scores[control]?.cited ?? false)
            }
        }
        for reference in cited {
            for covering in index.controls(covering: reference) {
                let weight =
                    covering.mapping.relationship == .equal || covering.mapping.relationship == .superset ? 1.0 : 0.8
                scores[covering.control] = (max(scores[covering.control]?.score ?? 0, weight), true)
            }
        }
        var controls: [ItemMatch.ControlScore] = scores.map { key, value in
            ItemMatch.ControlScore(control: key, score: value.score, cited: value.cited)
        }
        controls.sort(by: Self.ranksBefore)
        let ceiling = controlIndex.ceiling(terms)
        var strength = 0.0
        if let best = hits.first, ceiling > 0 {
            // The share of the question's term weight that the best control's text holds.
            // Sums run over sorted terms: a Set's order changes from run to run, and so would the
            // last bits of a floating-point sum.
            // Boilerplate ("established, documented, approved …") is left out: a control need not
            // speak of it to carry the question.
            let distinct = Set(analyzer.subjectTerms(item.question)).sorted()
            let shared = distinct.filter { controlTerms[best.document].contains($0) }.reduce(0) {
                $0 + controlIndex.idf($1)
            }
            let all = distinct.reduce(0) { $0 + controlIndex.idf($1) }
            strength = all > 0 ? shared / all : 0
        }
        if controls.contains(where: { $0.cited }) { strength = max(strength, 0.9) }
        // A past answer to a similar question vouches for its controls as strongly as the
        // questions are alike.
        if let best = pastAnswers.first, best.similarity >= 0.45,
            let top = controls.first, index.library.answers[best.entry].controls.contains(top.control)
        {
            strength = max(strength, best.similarity)
        }

        return ItemMatch(
            controls: Array(controls.prefix(8)),
            requirements: rankRequirements(controls: controls, cited: cited, terms: terms),
            cited: cited,
            strength: strength,
            library: pastAnswers,
            riskPhrased: analyzer.isRiskPhrased(item.question)
        )
    }

    /// How much of a subject some controls speak of: the share of the subject terms' weight
    /// (``TextAnalyzer/subjectTerms(_:)``) found in the controls' text, requirements, evidence or
    /// notes, and the subject terms none of them has, rarest first.
    func subjectCoverage(of subject: [String], by controls: [String]) -> (share: Double, uncovered: [String]) {
        let subject = Set(subject).sorted()
        guard !subject.isEmpty else { return (0, []) }
        var covering = Set<String>()
        for control in controls { covering.formUnion(coverTerms[control] ?? []) }
        let all = subject.reduce(0) { $0 + controlIndex.idf($1) }
        let covered = subject.filter(covering.contains).reduce(0) { $0 + controlIndex.idf($1) }
        let uncovered = subject.filter { !covering.contains($0) }
            .sorted { lhs, rhs in
                let left = controlIndex.idf(lhs)
                let right = controlIndex.idf(rhs)
                return left != right ? left > right : lhs < rhs
            }
        return (all > 0 ? covered / all : 0, uncovered)
    }

    /// Whether some control covers the term, or a framework is named by it.
    func knows(_ term: String) -> Bool { knownTerms.contains(term) }

    /// How rare a term is among the controls, 0–1 (1: no control has it).
    func rarity(_ term: String) -> Double {
        controlIndex.highestIDF > 0 ? controlIndex.idf(term) / controlIndex.highestIDF : 0
    }

    /// Whether a text might hold a requirement id: a letter or digit, then `.` or `-`, then a
    /// digit; or "art" before a number.
    static func mayCite(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return false }
        for index in 1..<(bytes.count - 1) {
            let byte = bytes[index]
            let next = bytes[index + 1]
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")), (0x30...0x39).contains(next) {
                let previous = bytes[index - 1]
                if (0x30...0x39).contains(previous) || (0x41...0x5A).contains(previous) { return true }
            }
            if (byte == UInt8(ascii: "r") || byte == UInt8(ascii: "R")), index + 2 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "t"), bytes[index - 1] | 0x20 == UInt8(ascii: "a")
            {
                return true
            }
        }
        return false
    }

    /// Cited controls first, then by score, then by id.
    static func ranksBefore(_ lhs: ItemMatch.ControlScore, _ rhs: ItemMatch.ControlScore) -> Bool {
        if lhs.cited != rhs.cited { return lhs.cited }
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        return lhs.control < rhs.control
    }

    /// Requirement ids per framework: cited ones first, then those the matching controls map
    /// to, weighted by the control's score and the mapping's relationship, with the
    /// requirement's own title as a tie-breaker.
    private func rankRequirements(controls: [ItemMatch.ControlScore], cited: [RequirementReference], terms: [String])
        -> [String: [String]]
    {
        var result: [String: [String]] = [:]
        let controlCount = Double(max(1, index.library.controls.count))
        for framework in index.library.frameworks {
            var scores: [String: Double] = [:]
            for reference in cited where reference.framework == framework.id {
                scores[reference.id, default: 0] += 100
            }
            // How close each requirement's own title is to the question (0–1).
            var titleScore: [String: Double] = [:]
            if let titles = requirementIndexes[framework.id] {
                let hits = titles.index.search(terms, limit: 10)
                let top = hits.first?.score ?? 0
                for hit in hits where top > 0 { titleScore[titles.ids[hit.document]] = hit.score / top }
            }
            for match in controls.prefix(5) {
                guard let control = index.control(match.control) else { continue }
                // A control's own requirements, the one whose title is nearest the question first;
                // each further one counts less, so the top places go to several controls.
                let mappings = control.mappings.filter {
                    $0.requirement.framework == framework.id && $0.relationship != .notRelated
                }
                .sorted { lhs, rhs in
                    let left = titleScore[lhs.requirement.id] ?? 0
                    let right = titleScore[rhs.requirement.id] ?? 0
                    if left != right { return left > right }
                    if lhs.relationship != rhs.relationship { return lhs.relationship < rhs.relationship }
                    return lhs.requirement < rhs.requirement
                }
                var seen: Set<String> = []
                for (position, mapping) in mappings.enumerated() where seen.insert(mapping.requirement.id).inserted {
                    let weight: Double
                    switch mapping.relationship {
                    case .equal: weight = 1.0
                    case .superset: weight = 0.95
                    case .subset: weight = 0.9
                    case .intersects: weight = 0.8
                    case .notRelated: weight = 0
                    }
                    // A requirement many controls serve (CC6.1) says less about this item than
                    // one few serve: weight it like a rare word.
                    let serving = Double(max(1, index.controls(covering: mapping.requirement).count))
                    let rarity = log(1 + controlCount / serving)
                    scores[mapping.requirement.id, default: 0] +=
                        match.score * match.score * weight * rarity * pow(0.7, Double(position))
                }
            }
            if scores.isEmpty {
                // The matching controls serve nothing in this framework: its requirements whose
                // titles are nearest the question stand in, weakly.
                for (id, score) in titleScore where score >= 0.5 { scores[id] = 0.1 * score }
            } else {
                for (id, score) in titleScore where scores[id] != nil {
                    scores[id, default: 0] += 0.3 * score
                }
            }
            let ordered = scores.sorted { lhs, rhs in
                lhs.value != rhs.value
                    ? lhs.value > rhs.value
                    : RequirementReference(framework: framework.id, id: lhs.key)
                        < RequirementReference(framework: framework.id, id: rhs.key)
            }
            result[framework.id] = ordered.map(\.key)
        }
        return result
    }

    /// Past answers whose questions share terms with the item, closest first.
    private func libraryMatches(_ terms: [String], include: (AnswerLibraryEntry) -> Bool)
        -> [ItemMatch.LibraryScore]
    {
        guard !terms.isEmpty else { return [] }
        let mine = Set(terms)
        let hits = libraryIndex.search(terms, limit: productAnswers ? 32 : 8)
        return hits.filter { include(index.library.answers[$0.document]) }.prefix(8).map { hit in
            let theirs = Set(libraryTerms[hit.document])
            // Dice's coefficient over term weights: how much of both questions the shared terms carry.
            let shared = mine.intersection(theirs).sorted().reduce(0) { $0 + libraryIndex.idf($1) }
            let both =
                mine.sorted().reduce(0) { $0 + libraryIndex.idf($1) }
                + theirs.sorted().reduce(0) { $0 + libraryIndex.idf($1) }
            return ItemMatch.LibraryScore(entry: hit.document, similarity: both > 0 ? 2 * shared / both : 0)
        }
        .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.entry < $1.entry }
    }

    /// Requirement ids written in the text, resolved to current ids.
    func citedRequirements(in text: String) -> [RequirementReference] {
        var found: [RequirementReference] = []
        // Every id has a digit after a dot, a hyphen or "Art": most questions have none of
        // these, and the patterns below are costly.
        guard Self.mayCite(text) else { return found }
        func add(_ framework: String, _ id: String) {
            guard case .success(let references) = index.resolve(RequirementReference(framework: framework, id: id))
            else {
                return
            }
            for reference in references where !found.contains(reference) { found.append(reference) }
        }
        for match in text.matches(of: /\b(CC[1-9]\.[0-9]|A1\.[1-3]|C1\.[12]|PI1\.[1-5]|P[1-8]\.[0-9])\b/) {
            add("soc2-2017", String(match.output.1))
        }
        for match in text.matches(of: /\bA\.\s?([5-9]|1[0-8])\.(\d{1,2})(\.\d{1,2})?\b/) {
            add("iso27001-2022", String(match.output.0))
        }
        for match in text.matches(of: /\b(?:[Aa]rt(?:icle)?\.?)\s*(\d{1,2})\b/) {
            add("gdpr", "Art." + match.output.1)
        }
        for match in text.matches(of: /\b(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}\b/) {
            add("nist-csf-2.0", String(match.output.0))
        }
        return found
    }
}
