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
    /// `Partially`, `1) Yes`; nil for anything else (free text, graded options).
    init?(reading value: String) {
        var text = value.lowercased().trimmingSpaces()
        // "1) Yes", "a. No": a list marker before the word.
        if let close = text.firstIndex(where: { $0 == ")" || $0 == "." }),
            text.distance(from: text.startIndex, to: close) <= 2,
            text[..<close].allSatisfy({ $0.isLetter || $0.isNumber })
        {
            text = String(text[text.index(after: close)...]).trimmingSpaces()
        }
        let word = text.filter { $0.isLetter || $0.isNumber || $0 == "/" }
        switch word {
        case "yes", "y", "true", "1", "compliant", "implemented", "inplace": self = .yes
        case "no", "n", "false", "0", "noncompliant", "notimplemented": self = .no
        case "n/a", "na", "notapplicable", "n/app", "notrelevant": self = .notApplicable
        case "partial", "partially", "partlycompliant", "partiallycompliant", "inprogress", "somewhat", "partly":
            self = .partial
        default: return nil
        }
    }

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
