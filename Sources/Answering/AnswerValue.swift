import ControlModel

/// The kinds of answer Quire decides on, before they are fitted to an item's allowed values.
enum Verdict: String, Sendable, Hashable, Encodable {
    case yes, no, notApplicable, partial

    /// The plain word, for free-text items and the library's own answers.
    var word: String {
        switch self {
        case .yes: "Yes"
        case .no: "No"
        case .notApplicable: "N/A"
        case .partial: "Partially"
        }
    }

    /// Reads an answer value as a verdict: `Yes`, `Y`, `True`, `1`, `Not Applicable`,
    /// `Partially`, `1) Yes`, and the same words in German, French, Spanish, Dutch, Italian and
    /// Portuguese (`Ja`, `Non`, `Sí`, `N.v.t.`, `Sans objet`, `Teilweise`); nil for anything else
    /// (free text, graded options).
    init?(reading value: String) {
        var text = value.lowercased().trimmingSpaces()
        func word(_ text: String) -> String { text.filter { $0.isLetter || $0.isNumber || $0 == "/" } }
        // The whole value first: "N.v.t." and "N.A." are words, not a list marker "N." before one.
        if let verdict = Self.verdict(ofWord: word(text)) {
            self = verdict
            return
        }
        // "1) Yes", "a. No": a list marker before the word.
        if let close = text.firstIndex(where: { $0 == ")" || $0 == "." }),
            text.distance(from: text.startIndex, to: close) <= 2,
            text[..<close].allSatisfy({ $0.isLetter || $0.isNumber })
        {
            text = String(text[text.index(after: close)...]).trimmingSpaces()
        }
        guard let verdict = Self.verdict(ofWord: word(text)) else { return nil }
        self = verdict
    }

    /// The verdict a value's letters, digits and slashes spell, lower-cased (`notapplicable`).
    private static func verdict(ofWord word: String) -> Verdict? {
        switch word {
        case "yes", "y", "true", "1", "compliant", "implemented", "inplace", "fullyimplemented", "fullycompliant": .yes
        case "no", "n", "false", "0", "noncompliant", "notimplemented", "notcompliant", "notinplace": .no
        case "n/a", "na", "notapplicable", "n/app", "notrelevant": .notApplicable
        case "partial", "partially", "partlycompliant", "partiallycompliant", "inprogress", "somewhat", "partly",
            "partiallyimplemented", "partlyimplemented":
            .partial
        default: otherLanguages[word]
        }
    }

    /// Answer words of questionnaires in German, French, Spanish, Dutch, Italian, Portuguese and Arabic,
    /// lower-cased, letters, digits and slashes only (`nichtzutreffend`, `n/a` as `nvt`).
    static let otherLanguages: [String: Verdict] = {
        var words: [String: Verdict] = [:]
        let lists: [(Verdict, [String])] = [
            (
                .yes,
                [
                    "ja", "erfüllt", "umgesetzt", "vorhanden", "oui", "conforme", "sí", "si", "sì", "cumple", "sim",
                    "نعم",
                ]
            ),
            (
                .no,
                [
                    "nein", "nichterfüllt", "nichtumgesetzt", "nichtvorhanden", "non", "nonconforme", "nocumple",
                    "nee", "não", "nao", "لا",
                ]
            ),
            (
                .notApplicable,
                [
                    "nichtzutreffend", "entfällt", "nichtanwendbar", "nonapplicable", "sansobjet", "nonconcerné",
                    "noaplica", "noaplicable", "noprocede", "nvt", "nietvantoepassing", "nonapplicabile",
                    "nonpertinente",
                    "nãoaplicável", "naoaplicavel", "nãoseaplica", "naoseaplica", "nãoaplicavel", "لاينطبق", "غيرمنطبق",
                    "غيرقابلللتطبيق",
                ]
            ),
            (
                .partial,
                [
                    "teilweise", "teilweiseerfüllt", "teilweiseumgesetzt", "partiellement", "enpartie",
                    "partiellementconforme", "parcialmente", "parcial", "cumpleparcialmente", "gedeeltelijk", "deels",
                    "parzialmente", "inparte", "parcialmenteconforme", "جزئيا", "جزئياً", "جزئي",
                ]
            ),
        ]
        for (verdict, list) in lists {
            for word in list { words[word] = verdict }
        }
        return words
    }()

    /// The allowed value that says this verdict, if one does.
    func fitted(to allowed: [String]) -> String? {
        if allowed.isEmpty { return word }
        return allowed.first { Verdict(reading: $0) == self }
    }
}

/// The allowed answer a person's text names: the same text in another case, else the allowed
/// answer that says the same verdict ("Y" or "yes" for "Yes", "NA" for "Not Applicable"); nil when
/// none does.
public func allowedAnswer(naming text: String, in allowed: [String]) -> String? {
    let folded = text.lowercased().trimmingSpaces()
    if let same = allowed.first(where: { $0.lowercased().trimmingSpaces() == folded }) {
        return same
    }
    return Verdict(reading: text)?.fitted(to: allowed)
}
