import Foundation
public import Questionnaire

/// What an answer found in a filled questionnaire says, whatever words the file used.
public enum AnswerClass: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    case no
    case partial
    case notApplicable = "not-applicable"
    /// Nothing is in the answer's place.
    case unanswered
    /// A description, a name or a number given to a question that asks for one.
    case text
    /// A yes-or-no question whose answer a careful reader could not read as yes, no, partly or
    /// not applicable ("See attached", "Depends on the plan", two marks): never guessed.
    case unclear

    /// The word an answer library entry keeps for it, nil for the classes that are no answer.
    public var word: String? {
        switch self {
        case .yes: "Yes"
        case .no: "No"
        case .partial: "Partially"
        case .notApplicable: "N/A"
        case .unanswered, .text, .unclear: nil
        }
    }
}

/// An answer found in a filled questionnaire, read: the raw value, what it says, how sure the
/// reading is, and how it was read.
public struct NormalisedAnswer: Sendable, Hashable, Encodable {
    /// The answer as the file holds it (for marks: the marked choices joined with `+`); nil when empty.
    public var raw: String?
    /// The comment beside it, if any.
    public var comment: String?
    /// What it says.
    public var value: AnswerClass
    /// How sure the reading is, 0–1: 1 for a drop-down word or a single mark, less for free text.
    public var confidence: Double
    /// How it was read, in a phrase ("a drop-down word", "text that starts with \"No\"").
    public var because: String

    /// A reading.
    public init(raw: String?, comment: String?, value: AnswerClass, confidence: Double, because: String) {
        self.raw = raw
        self.comment = comment
        self.value = value
        self.confidence = confidence
        self.because = because
    }

    enum CodingKeys: String, CodingKey { case raw, comment, value, confidence, because }

    /// Writes every key, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(raw, forKey: .raw)
        try container.encode(comment, forKey: .comment)
        try container.encode(value, forKey: .value)
        try container.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        try container.encode(because, forKey: .because)
    }
}

/// Reads the answers already in a filled questionnaire (a vendor's, or one's own from years past).
///
/// In order: marks in per-choice columns; an empty cell or a placeholder ("Select…", "-");
/// a whole value that is an answer word in any case or variant (`Y`, `TRUE`, `1) Yes`,
/// `Compliant`, `Partially compliant`, `Not Applicable`, `In place`); for a question that asks
/// for a description, name or number, the text itself; then free text: a leading answer word
/// ("Yes, all data…", "No. We do not…", "N/A – we take no card payments"), qualified to partial by
/// an exception ("Yes, except legacy systems"); a pointer elsewhere or a hedge ("See attached",
/// "Depends on the plan") is unclear; a sentence that denies ("We do not…", "Not at this time")
/// is no; a plain statement of what is done that speaks of the question's subject is yes, with
/// less confidence. Anything else is unclear: never guessed.
public struct AnswerNormaliser: Sendable {
    /// The text analysis that decides whether a statement speaks of the question's subject.
    let analyzer = TextAnalyzer.standard

    /// A normaliser.
    public init() {}

    /// Reads an item's existing answer and comment.
    public func normalise(_ item: QuestionnaireItem) -> NormalisedAnswer {
        let comment = Self.clean(item.existingComment)
        if case .marks(let cells, _) = item.answerTarget {
            let marked = cells.filter(\.marked)
            let raw = marked.isEmpty ? nil : marked.map(\.choice).joined(separator: "+")
            if marked.count > 1 {
                return NormalisedAnswer(
                    raw: raw,
                    comment: comment,
                    value: .unclear,
                    confidence: 1,
                    because: "several choices are marked"
                )
            }
            if let choice = marked.first?.choice {
                if let word = Self.word(choice) {
                    return NormalisedAnswer(
                        raw: raw,
                        comment: comment,
                        value: word,
                        confidence: 1,
                        because: "the mark under \"\(choice)\""
                    )
                }
                return NormalisedAnswer(
                    raw: raw,
                    comment: comment,
                    value: .unclear,
                    confidence: 1,
                    because: "the marked choice \"\(choice)\" says neither yes nor no"
                )
            }
            return unanswered(comment: comment, because: "no choice is marked")
        }
        guard let raw = Self.clean(item.existingAnswer), !Self.placeholders.contains(Self.folded(raw)) else {
            return unanswered(comment: comment, because: "the answer cell is empty")
        }
        if let word = Self.word(raw) {
            let listed = item.allowedAnswers.contains { $0.lowercased() == raw.lowercased() }
            // "Yes" with a comment that takes part of it back: "UK employees only; others not yet".
            if word == .yes, let comment,
                let exception = Self.firstPhrase(of: Self.exceptions, in: Self.folded(comment))
            {
                return NormalisedAnswer(
                    raw: raw,
                    comment: comment,
                    value: .partial,
                    confidence: 0.75,
                    because: "\"\(raw)\", but the comment makes an exception (\"\(exception)\")"
                )
            }
            return NormalisedAnswer(
                raw: raw,
                comment: comment,
                value: word,
                confidence: listed ? 1 : 0.95,
                because: listed ? "an allowed answer" : "an answer word"
            )
        }
        if item.asksForText || item.isField {
            if let (word, because) = Self.leadingWord(raw), word == .notApplicable {
                return NormalisedAnswer(raw: raw, comment: comment, value: word, confidence: 0.9, because: because)
            }
            return NormalisedAnswer(
                raw: raw,
                comment: comment,
                value: .text,
                confidence: 1,
                because: "the question asks for a description, name or number"
            )
        }
        if Self.leadingWord(raw) == nil, !Self.asksYesOrNo(item.question) {
            return NormalisedAnswer(
                raw: raw,
                comment: comment,
                value: .text,
                confidence: 0.9,
                because: "the item is not a yes-or-no question"
            )
        }
        return read(text: raw, question: item.question, raw: raw, comment: comment)
    }

    /// Whether a question asks yes or no: it opens with an auxiliary ("Do you…", "Is there…"),
    /// asks to confirm or indicate, or has a yes-or-no clause after an opening one ("When …, is
    /// the exception recorded?"); a label ("Product description") or an open question ("Which
    /// hosting option…") does not.
    static func asksYesOrNo(_ question: String) -> Bool {
        var words = folded(question).split { !$0.isLetter }.map(String.init)
        while let first = words.first, ["please", "kindly", "q", "question"].contains(first) { words.removeFirst() }
        guard let first = words.first else { return false }
        if yesNoOpeners.contains(first) { return true }
        let lower = " " + folded(question) + " "
        return [", is ", ", are ", ", do ", ", does ", ", has ", ", have ", ", can ", ", will ", ", would "]
            .contains { lower.contains($0) }
    }

    static let yesNoOpeners: Set<String> = [
        "is", "are", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "should", "shall",
        "must", "was", "were", "may", "confirm", "indicate", "verify", "state", "if",
    ]

    /// Free text given to a yes-or-no question.
    private func read(text: String, question: String, raw: String, comment: String?) -> NormalisedAnswer {
        func answer(_ value: AnswerClass, _ confidence: Double, _ because: String) -> NormalisedAnswer {
            NormalisedAnswer(raw: raw, comment: comment, value: value, confidence: confidence, because: because)
        }
        let lower = Self.folded(text)
        if let (word, because) = Self.leadingWord(text) {
            if word == .yes, let exception = Self.firstPhrase(of: Self.exceptions, in: lower) {
                return answer(.partial, 0.8, because + ", with an exception (\"\(exception)\")")
            }
            if word == .yes || word == .no, let hedge = Self.firstPhrase(of: Self.hedges, in: lower) {
                return answer(.unclear, 0.8, because + ", then a hedge (\"\(hedge)\")")
            }
            return answer(word, 0.9, because)
        }
        if let pointer = Self.firstPhrase(of: Self.pointers + Self.hedges, in: lower) {
            return answer(.unclear, 0.9, "it points elsewhere or hedges (\"\(pointer)\")")
        }
        if let partial = Self.firstPhrase(of: Self.partialStatements, in: lower) {
            return answer(.partial, 0.75, "the text says it is partly done (\"\(partial)\")")
        }
        if let denial = Self.opening(of: Self.denials, in: lower) {
            return answer(.no, 0.85, "the text denies it (\"\(denial)\")")
        }
        // A plain statement of what is done: yes, when it speaks of what the question asks about
        // and denies or qualifies nothing.
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        if words.isDisjoint(with: Self.negations) {
            let subject = Set(analyzer.subjectTerms(question))
            let stated = Set(analyzer.terms(text))
            if !subject.isDisjoint(with: stated) {
                return answer(.yes, 0.7, "a statement of what is done, about what is asked")
            }
        }
        return answer(.unclear, 0.9, "the text says neither yes nor no")
    }

    private func unanswered(comment: String?, because: String) -> NormalisedAnswer {
        NormalisedAnswer(raw: nil, comment: comment, value: .unanswered, confidence: 1, because: because)
    }

    // MARK: Words

    /// A value that is nothing but an answer word, in any case or variant.
    static func word(_ value: String) -> AnswerClass? {
        if let verdict = Verdict(reading: value) { return AnswerClass(verdict) }
        var text = folded(value)
        // "[x] Yes", "☒ No", "✓ Yes", "Yes ✓": a box or tick around the word.
        for box in ["[x]", "(x)", "☒", "☑", "✓", "✔", "✗", "✘"] {
            text = text.replacingOccurrences(of: box, with: " ")
        }
        text = text.trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).union(["/"]).inverted)
        if let verdict = Verdict(reading: text) { return AnswerClass(verdict) }
        return extraWords[text.replacingOccurrences(of: "-", with: " ")]
    }

    /// Answer words and phrases beyond the ones every reader knows (``Verdict``).
    static let extraWords: [String: AnswerClass] = [
        "fully compliant": .yes, "fully implemented": .yes, "in place": .yes, "yes fully": .yes, "affirmative": .yes,
        "not compliant": .no, "non compliant": .no, "not in place": .no, "none": .no, "never": .no,
        "partially compliant": .partial, "partially implemented": .partial, "partially in place": .partial,
        "partly in place": .partial, "limited": .partial, "in part": .partial,
        "not applicable": .notApplicable, "does not apply": .notApplicable, "n a": .notApplicable,
        "not relevant": .notApplicable,
        // Diacritics are folded before these are looked up ("não" is "nao").
        "trifft nicht zu": .notApplicable, "nicht relevant": .notApplicable, "ne s'applique pas": .notApplicable,
        "non pertinent": .notApplicable, "no corresponde": .notApplicable, "n v t": .notApplicable,
        "nao se aplica": .notApplicable, "non conforme": .no, "no cumple": .no, "nao conforme": .no,
        "in teilen": .partial, "en partie": .partial, "en parte": .partial, "in parte": .partial,
    ]

    /// The answer word or phrase free text starts with, and how it was found.
    ///
    /// The word must be followed by a break: "Yes, …", "No. …", "Y - …", "N/A – …",
    /// "Not applicable: …", "Non-compliant – …".
    static func leadingWord(_ text: String) -> (AnswerClass, String)? {
        let lower = folded(text)
        let starts: [(String, AnswerClass)] = [
            ("not applicable", .notApplicable), ("n/a", .notApplicable), ("na", .notApplicable),
            ("partially", .partial), ("partial", .partial), ("partly", .partial),
            ("yes", .yes), ("y", .yes), ("no", .no), ("n", .no),
        ]
        // A whole answer word or phrase before a break: "Non-compliant – logs are kept…".
        for separator in [" – ", " — ", " - ", ",", ".", ":", ";", " ("] {
            guard let range = lower.range(of: separator) else { continue }
            let head = String(lower[..<range.lowerBound])
            if head.split(separator: " ").count <= 3, let value = word(head) {
                let original = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(head.count))
                return (value, "the text starts with \"\(original)\"")
            }
        }
        for (word, value) in starts where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count)
            guard let next = rest.first else { return (value, "the text is \"\(word)\"") }
            if next.isLetter || next.isNumber { continue }
            // "No." and "No, we…" and "No we do not" answer; "No customer data leaves…" is a
            // sentence that starts with "No".
            if next == " ", ["no", "n", "y"].contains(word) {
                let following = rest.dropFirst().prefix { $0.isLetter || $0 == "'" }
                guard word == "no", answerOpeners.contains(String(following)) else { continue }
            }
            let original = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(word.count))
            return (value, "the text starts with \"\(original)\"")
        }
        return nil
    }

    /// Words after a bare "No" that show it answers ("No we do not", "No there is none").
    static let answerOpeners: Set<String> = [
        "we", "our", "there", "it", "this", "they", "i", "not", "none", "never", "currently", "the", "as",
    ]

    /// Placeholders of an empty answer cell.
    static let placeholders: Set<String> = [
        "-", "--", "—", "–", ".", "?", "select", "select one", "select...", "select…", "please select",
        "please select...", "choose", "choose one", "choose an item", "choose an item.", "[select]", "<select>",
        "(select)", "tbc?", "answer", "response", "enter answer", "n/k",
    ]

    /// Phrases that turn a "Yes" into a partial answer.
    static let exceptions = [
        "except", "excluding", "with the exception", "but not", "not all", "not yet", "partially", "partly",
        "in progress", "being rolled out", "rolling out", "in some", "some of", "most of", "planned for",
    ]

    /// Phrases that point elsewhere instead of answering.
    static let pointers = [
        "see attached", "see the attached", "see our", "see the", "see section", "see response", "see answer",
        "see above", "see below", "please see", "refer to", "please refer", "as attached", "attached",
        "available on request", "available upon request", "upon request", "on request", "provided on request",
        "under nda", "contact us", "contact our", "ask your", "ask sales", "trust center", "trust centre",
    ]

    /// Phrases that hedge instead of answering.
    static let hedges = [
        "depends", "it depends", "varies", "case by case", "case-by-case", "tbd", "tbc", "to be determined",
        "to be confirmed", "unknown", "not sure", "unsure", "yes and no", "not known",
    ]

    /// Statements that something is partly done.
    static let partialStatements = [
        "partially", "partly", "in progress", "being rolled out", "for some", "only some", "not all",
        "not fully", "in part",
    ]

    /// Openings of a sentence that denies.
    static let denials = [
        "we do not", "we don't", "we dont", "we have not", "we haven't", "we are not", "we're not", "we cannot",
        "we can't", "we never", "we no longer", "we currently do not", "we don't currently", "currently we do not",
        "currently, we do not", "currently not", "not currently", "not at this time", "not at present", "not yet",
        "there is no", "there are no", "there isn't", "there aren't", "none", "never", "no,", "our company does not",
        "the company does not", "this is not", "it is not", "not in place", "not implemented", "not supported",
        "we do not have", "not performed", "not done",
    ]

    /// Words that deny or qualify a statement, so that it is no plain yes.
    static let negations: Set<String> = [
        "not", "no", "never", "none", "nor", "without", "unless", "except", "dont", "don", "doesn", "isn", "aren",
        "haven", "hasn", "cannot", "planned", "plan", "intend", "future", "will", "may", "might",
        "some", "partially", "partly",
    ]

    /// The first of these phrases found as whole words in the text.
    static func firstPhrase(of phrases: [String], in text: String) -> String? {
        let padded = " " + text.map { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" ? $0 : " " } + " "
        let squeezed = padded.split(separator: " ").joined(separator: " ")
        let haystack = " " + squeezed + " "
        return phrases.first { phrase in
            let needle = phrase.map { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" ? $0 : " " }
            let words = String(needle).split(separator: " ").joined(separator: " ")
            return !words.isEmpty && haystack.contains(" " + words + " ")
        }
    }

    /// The phrase the text opens with (its first sentence may start with it), if any.
    static func opening(of phrases: [String], in text: String) -> String? {
        phrases.first { phrase in
            text.hasPrefix(phrase)
                && (text.count == phrase.count
                    || !(text[text.index(text.startIndex, offsetBy: phrase.count)].isLetter))
        }
    }

    /// Lowercased, accents and widths folded, curly quotes straightened, spaces squeezed.
    static func folded(_ text: String) -> String {
        let lower = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
        return lower.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Trimmed, nil when empty.
    static func clean(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension AnswerClass {
    init(_ verdict: Verdict) {
        switch verdict {
        case .yes: self = .yes
        case .no: self = .no
        case .partial: self = .partial
        case .notApplicable: self = .notApplicable
        }
    }
}
