import Foundation
import Questionnaire

/// Turns questionnaire and control text into the terms the index matches on: case and accent
/// folded, split at punctuation, security phrases mapped to one concept each (MFA, two-factor
/// and 2FA are one term), stop words dropped, the rest stemmed.
struct TextAnalyzer: Sendable {
    /// Phrases (as folded tokens) by their first token, longest first, with their concept.
    private let phrases: [String: [(tokens: [String], concept: String)]]
    /// Single words, by stem, that stand for a concept.
    private let wordConcepts: [String: String]
    private let stopWords: Set<String>
    /// Risk phrases as folded token runs.
    private let riskPhrases: [[String]]
    /// Phrases asking whether something bad happened, as folded token runs.
    private let eventPhrases: [[String]]
    /// Terms that say how a safeguard is run, not what it is ("established", "documented",
    /// "reviewed at least annually"): the boilerplate of formal questions.
    let boilerplate: Set<String>

    /// The analyser with Quire's security thesaurus.
    ///
    /// A text written in German or French is read
    /// with the thesaurus's German and French words as well, so that it meets the English
    /// controls through the same concepts; English text is read with the English words only.
    static let standard = TextAnalyzer(
        groups: SecurityThesaurus.groups,
        stopWords: SecurityThesaurus.stopWords,
        riskPhrases: SecurityThesaurus.riskPhrases,
        eventPhrases: SecurityThesaurus.eventPhrases,
        boilerplate: SecurityThesaurus.boilerplate + SecurityThesaurus.otherLanguageBoilerplate,
        otherLanguages: TextAnalyzer(
            groups: SecurityThesaurus.groupsWithOtherLanguages,
            stopWords: SecurityThesaurus.stopWords.union(SecurityThesaurus.otherLanguageStopWords),
            riskPhrases: SecurityThesaurus.riskPhrases,
            eventPhrases: SecurityThesaurus.eventPhrases,
            boilerplate: SecurityThesaurus.boilerplate + SecurityThesaurus.otherLanguageBoilerplate,
            translations: SecurityThesaurus.otherLanguageWords
        )
    )

    /// The analyser for text in German or French (at most one), and the function words that
    /// tell such text (those of its stop words that English does not share).
    private let otherLanguages: [TextAnalyzer]
    /// Words of another language that no concept holds, with the stem of the English word they
    /// translate (`netzwerk` → `network`), so that they meet the English text's words.
    private let translations: [String: String]
    private let otherLanguageMarkers: Set<String>

    init(
        groups: [[String]],
        stopWords: Set<String>,
        riskPhrases: [String],
        eventPhrases: [String] = [],
        boilerplate: [String] = [],
        translations: [String: String] = [:],
        otherLanguages: TextAnalyzer? = nil
    ) {
        self.translations = translations.mapValues(Stemmer.stem)
        self.otherLanguages = otherLanguages.map { [$0] } ?? []
        otherLanguageMarkers = otherLanguages.map { $0.stopWords.subtracting(stopWords) } ?? []
        self.stopWords = stopWords
        self.boilerplate = Set(boilerplate.map(Stemmer.stem))
        var phrases: [String: [(tokens: [String], concept: String)]] = [:]
        var wordConcepts: [String: String] = [:]
        for group in groups {
            guard let canonical = group.first else { continue }
            let concept = "~" + Self.tokens(canonical).joined(separator: "_")
            for entry in group {
                // Phrases are compared stem by stem, so "penetration tests" is "penetration test".
                let tokens = Self.tokens(entry).map(Stemmer.stem)
                guard let first = tokens.first else { continue }
                if tokens.count == 1 {
                    wordConcepts[first] = wordConcepts[first] ?? concept
                } else if !(phrases[first]?.contains { $0.tokens == tokens } ?? false) {
                    phrases[first, default: []].append((tokens, concept))
                }
            }
        }
        for key in phrases.keys {
            phrases[key]?.sort { $0.tokens.count > $1.tokens.count }
        }
        self.phrases = phrases
        self.wordConcepts = wordConcepts
        self.riskPhrases = riskPhrases.map(Self.tokens).filter { !$0.isEmpty }
        self.eventPhrases = eventPhrases.map(Self.tokens).filter { !$0.isEmpty }
    }

    /// Folded tokens: lower case, accents removed, split at anything but letters and digits.
    static func tokens(_ text: String) -> [String] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiTokens(text) : foldedTokens(text)
    }

    /// ``tokens(_:)`` of ASCII text, byte by byte: there folding is lower-casing, and Foundation's
    /// folding and the Unicode property look-ups were most of the cost of indexing a library.
    static func asciiTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if (byte | 0x20) &- UInt8(ascii: "a") < 26 {
                current.append(byte | 0x20)
            } else if byte &- UInt8(ascii: "0") < 10 {
                current.append(byte)
            } else if !current.isEmpty {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// ``tokens(_:)`` of any text, folded by Foundation.
    static func foldedTokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var tokens: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The terms of a text, in order (a term may repeat).
    func terms(_ text: String) -> [String] {
        let tokens = Self.tokens(text)
        if let other = otherLanguages.first, isOtherLanguage(tokens) { return other.terms(tokens: tokens) }
        return terms(tokens: tokens)
    }

    /// Whether a text reads as German or French (``isOtherLanguage(_:)``).
    func readsAsOtherLanguage(_ text: String) -> Bool { isOtherLanguage(Self.tokens(text)) }

    /// Whether tokens read as German or French: at least two of their function words, and more
    /// than English function words.
    private func isOtherLanguage(_ tokens: [String]) -> Bool {
        var other = 0
        var english = 0
        for token in tokens {
            if otherLanguageMarkers.contains(token) {
                other += 1
            } else if stopWords.contains(token) {
                english += 1
            }
        }
        return other >= 2 && other > english
    }

    private func terms(tokens: [String]) -> [String] {
        let stems = tokens.map(Stemmer.stem)
        var terms: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let candidates = phrases[stems[index]],
                let match = candidates.first(where: { candidate in
                    index + candidate.tokens.count <= stems.count
                        && Array(stems[index..<(index + candidate.tokens.count)]) == candidate.tokens
                })
            {
                // The phrase counts as its concept, and its words still count as themselves:
                // "encrypted at rest" and "encrypt … at rest" then share most of their terms.
                terms.append(match.concept)
            }
            index += 1
            // Numbers say little ("24 months", "TLS 1.2") unless they are names ("27001").
            if token.allSatisfy(\.isNumber), token.count < 4 { continue }
            if stopWords.contains(token) { continue }
            let stem =
                wordConcepts[stems[index - 1]] == nil ? translations[token] ?? stems[index - 1] : stems[index - 1]
            terms.append(wordConcepts[stem] ?? stem)
        }
        return terms
    }

    /// The names a question uses, each with its terms.
    ///
    /// A name is an acronym or brand spelling with two or more capitals ("FedRAMP", "PCI DSS",
    /// "OWASP"), or a word or number with four or more digits ("27701"). A control that speaks of
    /// none of its terms does not answer for it.
    func namedTerms(_ text: String) -> [(name: String, terms: [String])] {
        var names: [String] = []
        var current = ""
        func flush() {
            let capitals = current.unicodeScalars.filter { CharacterSet.uppercaseLetters.contains($0) }.count
            let digits = current.unicodeScalars.filter { ("0"..."9").contains($0) }.count
            if capitals >= 2 || digits >= 4 { names.append(current) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                flush()
            }
        }
        if !current.isEmpty { flush() }
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }.map { ($0, terms($0)) }.filter {
            !$0.terms.isEmpty
        }
    }

    /// The terms of a text that name what it is about: its terms without the boilerplate (all of
    /// them when the text is nothing but boilerplate).
    func subjectTerms(_ text: String) -> [String] {
        let all = terms(text)
        let subject = all.filter { !boilerplate.contains($0) }
        return subject.isEmpty ? all : subject
    }

    /// Whether a text is phrased so that "Yes" is the bad answer (`Have you had a breach …?`,
    /// `Can staff copy data onto USB drives?`).
    func isRiskPhrased(_ text: String) -> Bool {
        let tokens = Self.tokens(text)
        // A requirement stated in the negative ("Shared accounts are not used to access customer
        // data.", "The supplier shall not use customer data to train models.") asserts the
        // safeguard: confirming it ("Yes") is the good answer, and a past answer to the question
        // "Do you use …?" is of the other polarity.
        if Self.isNegatedStatement(text, tokens: tokens) { return false }
        return asksAboutEvents(tokens) || asksAboutRisk(tokens)
    }

    /// Whether a text is a statement, not a question, that negates what it states: it does not
    /// read as a question (``QuestionnaireItem/readsAsQuestion(_:)``: no question mark, no opening
    /// that asks or instructs, "Describe why …", "Please confirm …"), does not open on a condition
    /// ("In the event …", "For …"), and holds "not", "never", "cannot" or a leading "no" ("No
    /// customer data leaves the EEA.").
    static func isNegatedStatement(_ text: String, tokens: [String]) -> Bool {
        guard let first = tokens.first, !text.contains("?"), !conditionalOpeners.contains(first),
            !QuestionnaireItem.readsAsQuestion(text)
        else { return false }
        return first == "no" || tokens.contains { $0 == "not" || $0 == "never" || $0 == "cannot" }
    }

    /// Openings of a statement that set a condition or a scope rather than state.
    private static let conditionalOpeners: Set<String> = ["in", "for", "might"]

    /// Whether a text asks whether something bad has happened (a breach, an incident): controls
    /// cannot say.
    func asksAboutEvents(_ text: String) -> Bool { asksAboutEvents(Self.tokens(text)) }

    private func asksAboutEvents(_ tokens: [String]) -> Bool {
        // An exercise that simulates a breach ("a tabletop exercise simulating ransomware in the
        // past year") is a safeguard, not an event.
        if tokens.contains(where: { RiskPhrasing.rehearsals.contains($0) || RiskPhrasing.upkeep.contains($0) }) {
            return false
        }
        if eventPhrases.contains(where: { Self.contains(tokens, $0) }) { return true }
        // "Has your company experienced a ransomware attack that halted shipping?"
        if let had = tokens.firstIndex(where: { ["experienced", "suffered"].contains($0) }),
            tokens[(had + 1)..<min(tokens.count, had + 5)].contains(where: Self.incidents.contains)
        {
            return true
        }
        // "Has a security breach affected customer data in the last three years?": an incident
        // within a window of time.
        return tokens.contains(where: Self.incidents.contains)
            && Self.windows.contains { Self.contains(tokens, $0) }
    }

    private static let incidents: Set<String> = [
        "breach", "breaches", "incident", "incidents", "compromise", "compromised", "outage", "outages", "ransomware",
        "intrusion", "intrusions", "attack", "attacks", "claim", "claims", "lost", "stolen", "leaked", "leak", "leaks",
        "disclosed", "fined", "complaint", "complaints", "violation", "violations", "exposed", "ransom", "extortion",
        "declined", "cancelled", "canceled", "refused", "exfiltrated", "exfiltration", "hacked", "breached",
        "defaulted", "misused", "misappropriated", "sued", "fine", "penalty", "penalties", "sanctioned", "censured",
    ]
    private static let windows: [[String]] = [
        ["in", "the", "last"], ["in", "the", "past"], ["within", "the", "last"], ["within", "the", "past"],
        ["during", "the", "last"], ["during", "the", "past"], ["over", "the", "last"], ["over", "the", "past"],
    ]

    /// Words saying a safeguard acts on the risky thing ("are USB drives *encrypted*", "is
    /// end-of-life hardware *wiped*"): the question asks for the safeguard, so "Yes" is good.
    static let safeguards: Set<String> = [
        "encrypted", "wiped", "erased", "destroyed", "shredded", "sanitised", "sanitized", "blocked",
        "prohibited", "prevented", "restricted", "disabled", "denied", "forbidden", "removed", "revoked",
        "logged", "detected", "quarantined", "retired", "replaced", "patched", "remediated", "screened", "vetted",
        "supervised", "monitored", "audited", "masked", "anonymised", "anonymized", "pseudonymised", "pseudonymized",
        "tokenised", "tokenized", "scrubbed", "redacted", "obfuscated", "tracked", "approved", "recorded",
        "implemented", "enforced", "required", "rotated", "reset", "obtained", "verified", "safeguarded",
        "covered", "flag", "flagged", "alerted", "resolved", "fixed",
        "authorised", "authorized", "stop", "stops", "prevent", "prevents", "block", "blocks", "hardened", "scanned",
        "barred", "banned", "disallowed", "precluded", "segregated", "isolated",
    ]

    /// Who a permission question asks about ("Can staff …?", "May contractors …?").
    private static let people: Set<String> = [
        "staff", "employees", "employee", "users", "user", "administrators", "administrator", "admins", "admin",
        "developers", "developer", "engineers", "contractors", "support", "anyone", "person", "ordinary",
        "personnel", "workers", "interns", "visitors", "guests", "vendors", "suppliers", "subcontractors", "third",
        "operators", "agents", "technicians", "attacker", "attackers", "someone", "individuals", "members",
        "representatives", "lawyer", "lawyers", "attorney", "attorneys", "accountants", "clinicians", "nurses",
        "clerks", "tellers", "associates",
    ]

    private func asksAboutRisk(_ tokens: [String]) -> Bool {
        guard !tokens.isEmpty else { return false }
        // The organisation's own protective act, a procedure, an assurance, a right or a requirement
        // ("Must partners pass background checks?"): "Yes" is good.
        if tokens[0] == "must" || RiskPhrasing.asksForProtectiveAct(tokens) || RiskPhrasing.asksForProcess(tokens)
            || RiskPhrasing.asksForAssurance(tokens)
        {
            return false
        }
        // "Can staff …?", "May employees …?", "Are users allowed to …?": a permission, where
        // "Yes" means a safeguard is missing; not "Can users in our organisation …", a capability
        // the customer asks for.
        let theirs = !tokens.prefix(6).contains { $0 == "our" || $0 == "we" }
        // "Is it possible for support staff to …" asks for a permission as "Can support staff …".
        let permission = tokens.starts(with: ["is", "it", "possible", "for"]) ? 4 : 1
        if theirs, permission == 4 || ["can", "may", "could"].contains(tokens[0]),
            tokens.dropFirst(permission).prefix(4).contains(where: Self.people.contains)
        {
            return true
        }
        // The same after a condition: "If the customer manages its own keys, can vendor staff …?"
        if tokens[0] == "if", let ask = tokens.firstIndex(where: { ["can", "may", "could"].contains($0) }),
            tokens[(ask + 1)...].prefix(4).contains(where: Self.people.contains)
        {
            return true
        }
        if RiskPhrasing.grantsAbility(tokens, people: Self.people) { return true }
        if tokens.count > 3, ["are", "is"].contains(tokens[0]),
            tokens.contains("allowed") || tokens.contains("permitted") || tokens.contains("able"),
            tokens.prefix(5).contains(where: Self.people.contains)
        {
            return true
        }
        if RiskPhrasing.bypassesSafeguard(tokens) || RiskPhrasing.switchesOffSafeguard(tokens)
            || RiskPhrasing.lingers(tokens) || RiskPhrasing.leavesItsRegion(tokens)
            || RiskPhrasing.trainsOnCustomerContent(tokens)
        {
            return true
        }
        // A safeguard given only to those who ask ("encryption … only for merchants who request
        // it", "only on request"); not "granted only after a recorded request is signed off".
        if let only = tokens.firstIndex(of: "only") {
            let after = Array(tokens[(only + 1)..<min(tokens.count, only + 7)])
            if zip(after, after.dropFirst()).contains(where: { asker, verb in
                ["who", "on", "upon", "if", "when", "by"].contains(asker) && verb.hasPrefix("request")
            }) {
                return true
            }
        }
        // "Are there any covenant breaches … in the audited statements?": "audited" is no safeguard of it.
        if tokens.starts(with: ["are", "there", "any"]) || tokens.starts(with: ["is", "there", "any"]) { return true }
        // A safeguard acting on the risky thing ("are USB drives encrypted?") makes the question
        // ask for it, unless negated ("disposed of without being wiped").
        let safeguarded = tokens.indices.contains { index in
            // "protected with hardware encryption", not "the protected root accounts".
            let protected =
                tokens[index] == "protected" && index + 1 < tokens.count
                && ["with", "by", "against", "using"].contains(tokens[index + 1])
            return (protected || Self.safeguards.contains(tokens[index])) && !RiskPhrasing.isNegated(tokens, at: index)
        }
        if safeguarded || RiskPhrasing.servesProtectiveAct(tokens) || RiskPhrasing.changesDefaults(tokens) {
            return false
        }
        if RiskPhrasing.namesAWeakness(tokens) || RiskPhrasing.namesAnExposure(tokens)
            || RiskPhrasing.asksWhetherAny(tokens, incidents: Self.incidents)
        {
            return true
        }
        // A risk phrase negated is a commitment against it ("will not be used to train"); "someone
        // other than the author" is a second pair of eyes, not data used for another purpose.
        return riskPhrases.contains { phrase in
            Self.starts(of: phrase, in: tokens).contains { start in
                !RiskPhrasing.isNegated(tokens, at: start)
                    && !(phrase.first == "other" && start > 0 && Self.someone.contains(tokens[start - 1]))
            }
        }
    }

    private static let someone: Set<String> = [
        "someone", "somebody", "anyone", "person", "people", "individual", "individuals", "reviewer", "engineer",
    ]

    /// Where a phrase starts in the tokens.
    private static func starts(of phrase: [String], in tokens: [String]) -> [Int] {
        guard let first = phrase.first, phrase.count <= tokens.count else { return [] }
        var found: [Int] = []
        for start in 0...(tokens.count - phrase.count) where tokens[start] == first {
            if tokens[start..<(start + phrase.count)].elementsEqual(phrase) { found.append(start) }
        }
        return found
    }

    /// Whether the tokens hold the phrase's tokens in a row.
    static func contains(_ tokens: [String], _ phrase: [String]) -> Bool {
        !starts(of: phrase, in: tokens).isEmpty
    }
}
