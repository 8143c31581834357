/// The words that tell the rows and sheets that are not the vendor's to answer: mapping columns,
/// answer marks, legends, footers, fields the receiving organisation fills, and free-text fields.
///
/// Each list is the whole rule: README, "What is never written", names the same words.
extension HeaderVocabulary {
    /// Words in a column header that name another framework: the column maps the item to it, so
    /// its ids are neither the item's id nor a section.
    static let frameworkWords = [
        "iso", "27001", "27002", "27017", "27018", "27701", "nist", "800-53", "800-171", "csf", "soc 2", "soc2",
        "soc ii", "tsc", "pci", "hipaa", "hitrust", "gdpr", "ccpa", "cis ", "cis controls", "ccm", "csa", "caiq",
        "cobit", "fedramp", "sig ", "nis2", "dora", "cmmc", "mapping", "maps to", "crosswalk", "cross-reference",
        "cross reference", "framework",
    ]

    /// Whether a header names another framework (`ISO 27001`, `NIST 800-53 Ref`, `Mapping`).
    static func namesFramework(_ header: String) -> Bool {
        guard header.utf8.count <= 60 else { return false }
        let bytes = foldedBytes(header) + [0x20]
        return frameworkWords.contains { bytes.containsRun(of: $0.utf8) }
    }

    /// The text's UTF-8 with ASCII letters lower-cased and every run of white space one space: a
    /// cheap form to search for ASCII phrases, for the tests that run on every cell.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let folded = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if folded == 0x20 || folded == 0x09 || folded == 0x0A || folded == 0x0D {
                if bytes.last != 0x20, !bytes.isEmpty { bytes.append(0x20) }
            } else {
                bytes.append(folded)
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return bytes
    }

    /// Whether a mark cell holds a mark, alone or before a short note (`x (see comment)`, `X - partial`).
    static func isMarked(_ text: String) -> Bool {
        if isMark(text) { return true }
        let trimmed = text.trimmingCharacters()
        guard trimmed.count <= 40, let first = trimmed.split(whereSeparator: { $0 == " " || $0 == "(" }).first else {
            return false
        }
        return isMark(String(first)) && first.count < trimmed.count
    }

    /// Column headers that stand for one answer among several, when a vendor marks the column.
    static let choiceWords: Set<String> = [
        "yes", "no", "n/a", "na", "n.a.", "not applicable", "partial", "partially", "partly", "compliant",
        "partially compliant", "partly compliant", "not compliant", "non-compliant", "non compliant", "fully compliant",
        "implemented", "partially implemented", "not implemented", "fully implemented", "planned", "in progress",
        "true", "false", "y", "n", "unknown", "don't know", "do not know", "not sure", "in place", "not in place",
        "met", "not met", "partially met", "pass", "fail", "agree", "disagree", "alternative", "compensating control",
        "unsure", "does not apply", "not relevant", "none", "some", "most", "all", "never", "sometimes", "always",
        "often", "rarely", "full", "fully", "partly met", "tbd", "not yet", "exception", "not started", "complete",
        "completed", "incomplete", "ok", "nok", "n/r", "not required", "required", "optional", "mostly",
        "✓", "✔", "✗", "✘", "?", "-", "—",
    ]

    /// Whether a header is one choice of an answer marked across columns: a choice word, perhaps
    /// with its code or symbol in parentheses (`Yes (Y)`, `Not applicable (N/A)`).
    static func isChoice(_ header: String) -> Bool {
        // Every header cell of the first hundred rows comes here; choices are short.
        guard header.utf8.count <= 40 else { return false }
        var text = normalise(header)
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            text = String(text[..<open]).trimmingCharacters()
        }
        while let last = text.last, ".:-".contains(last) { text.removeLast() }
        return choiceWords.contains(text)
    }

    /// Whether a cell's text is a mark: `x`, `X`, `✓`, `✔`, `•`, `1` and the like.
    static func isMark(_ text: String) -> Bool {
        [
            "x", "X", "✓", "✔", "✔️", "☑", "☒", "✗", "✘", "✅", "•", "●", "■", "▪", "1", "*", "+", "v", "V", "√", "y",
            "Y", "yes", "Yes", "YES", "x.", "X.",
        ]
        .contains(text.trimmingCharacters())
    }

    /// A row's first words that open a legend or key rather than questions.
    static let legendTitles: Set<String> = [
        "legend", "key", "answer key", "symbols", "symbol key", "abbreviations", "rating key", "scoring key",
        "response key", "response legend", "status legend", "key to symbols",
    ]

    /// Whether a row's cells are a legend's heading: `Legend`, `Key:`, or `Symbol | Meaning`.
    static func isLegendHeading(_ texts: [String]) -> Bool {
        guard texts.count <= 4, texts.allSatisfy({ $0.utf8.count <= 40 }) else { return false }
        let normalised = texts.map(normalise)
        if normalised.count <= 2, let first = normalised.first, legendTitles.contains(first) { return true }
        let left: Set<String> = ["symbol", "code", "abbreviation", "mark", "value", "rating", "status", "response"]
        let right: Set<String> = ["meaning", "definition", "description", "explanation", "means", "stands for"]
        return normalised.count <= 4 && normalised.contains(where: left.contains)
            && normalised.contains(where: right.contains)
    }

    /// Whether a line is a footer: a copyright, a confidentiality notice, a page number.
    static func isFooter(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        let lower = text.lowercased().trimmingCharacters()
        return lower.hasPrefix("©") || lower.hasPrefix("(c) ") || lower.hasPrefix("copyright")
            || lower.contains("all rights reserved") || lower.hasPrefix("confidential")
            || lower.hasPrefix("proprietary")
            || (lower.hasPrefix("page ") && lower.count <= 20
                && lower.wholeMatch(of: /page [0-9]+( of [0-9]+)?/) != nil)
    }

    /// Whether a drop-down value only prompts for a choice (`-- Please select --`, `Select one`,
    /// `(choose)`): it is neither an allowed answer nor, left in a cell, an answer.
    static func isPlaceholder(_ value: String) -> Bool {
        let letters = value.lowercased().filter { $0.isLetter }
        guard letters.count <= 24 else { return false }
        return placeholders.contains(letters)
    }

    /// ``isPlaceholder(_:)``'s prompts, letters only.
    private static let placeholders: Set<String> = [
        "select", "pleaseselect", "selectone", "pleaseselectone", "selectanoption", "pleaseselectanoption",
        "selectananswer", "pleaseselectananswer", "selectaresponse", "pleaseselectaresponse", "selectfromlist",
        "selectfromthelist", "choose", "pleasechoose", "chooseone", "pleasechooseone", "chooseanoption",
        "pleasechooseanoption", "chooseananswer", "pickone", "makeaselection", "pleasemakeaselection",
        "selectvalue", "chooseanitem", "selectanitem", "notanswered", "notyetanswered", "unanswered",
    ]

    /// Who besides the vendor may be said to fill a part of a questionnaire.
    static let receivers = [
        "institution", "university", "college", "reviewer", "assessor", "evaluator", "analyst", "auditor", "customer",
        "client", "procurement", "purchaser", "buyer", "requester", "requestor", "security team", "risk team",
        "campus", "organisation receiving", "organization receiving", "receiving organisation",
        "receiving organization",
    ]

    /// The phrase that hands a part of a sheet to the receiving organisation
    /// (`To be completed by the institution`, `For reviewer use only`, `Internal use`), if any.
    static func receiverPhrase(in text: String) -> String? {
        // This runs for every cell of every row read, so most text leaves at a byte search.
        guard text.utf8.count <= 200 else { return nil }
        let bytes = foldedBytes(text)
        guard ["complet", "fill", " use", "only", "reserved"].contains(where: { bytes.containsRun(of: $0.utf8) }) else {
            return nil
        }
        let lower = Array(normalise(text).utf8)
        for receiver in receivers where bytes.containsRun(of: receiver.utf8) {
            for pattern in [
                "completed by the \(receiver)", "completed by \(receiver)", "filled in by the \(receiver)",
                "filled out by the \(receiver)", "filled by the \(receiver)", "for \(receiver) use",
                "for the \(receiver)'s use", "\(receiver) use only", "for use by the \(receiver)",
                "reserved for the \(receiver)", "\(receiver) only",
            ] where lower.containsRun(of: pattern.utf8, wholeWords: true) {
                return pattern
            }
        }
        for phrase in [
            "for internal use", "internal use only", "for official use", "office use only", "for office use",
        ]
        where lower.containsRun(of: phrase.utf8, wholeWords: true) {
            return phrase
        }
        return nil
    }

    /// Whether text hands the rows after it back to the vendor (`To be completed by the vendor`).
    static func vendorPhrase(in text: String) -> Bool {
        guard text.utf8.count <= 200, foldedBytes(text).containsRun(of: "completed by".utf8) else {
            return false
        }
        let lower = normalise(text)
        return [
            "vendor", "supplier", "respondent", "service provider", "provider", "bidder", "contractor", "applicant",
        ]
        .contains { lower.contains("completed by the \($0)") || lower.contains("completed by \($0)") }
    }

    /// Words in a sheet's name that say the receiving organisation fills it.
    static let receiverSheetWords = [
        "scoring", "score", "assessor", "evaluator", "evaluation", "reviewer", "analyst", "auditor", "institution",
        "internal use", "risk rating", "grading",
    ]

    /// Words in a column header that say the receiving organisation fills the column.
    static let receiverColumnWords = [
        "score", "scoring", "weight", "assessor", "reviewer", "evaluator", "analyst", "auditor", "institution",
        "risk rating", "grade", "points", "evaluation",
    ]

    /// Whether a header names a column the receiving organisation fills (`Score`, `Assessor comments`).
    static func namesReceiverColumn(_ header: String) -> Bool {
        let text = normalise(header)
        guard text.count <= 60 else { return false }
        let words = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return receiverColumnWords.contains { word in word.contains(" ") ? text.contains(word) : words.contains(word) }
    }

    /// Nouns that make a short label a field to fill in with text (`Company name`, `Website URL`):
    /// a topic alone (`Company information`) is a heading, not a field.
    static let fieldNouns: Set<String> = [
        "name", "names", "address", "addresses", "url", "urls", "website", "email", "e-mail", "phone", "telephone",
        "mobile", "fax", "date", "dates", "location", "locations", "country", "countries", "city", "title", "role",
        "position", "contact", "signature", "version", "headquarters", "hq", "number", "employees", "duns", "vat",
        "tax", "identifier", "industry", "sector", "revenue", "year", "founded", "languages", "currency", "timezone",
        "region", "regions", "person", "department",
    ]

    /// Openers of a question that asks for a description, a list or a fact, not yes or no.
    static let textOpeners: Set<String> = [
        "describe", "explain", "provide", "list", "outline", "detail", "summarize", "summarise", "how", "what",
        "which", "who", "whom", "whose", "when", "where", "why", "name", "enter", "specify", "identify", "give",
        "share", "attach", "upload", "elaborate", "discuss", "document",
    ]

    /// Whether a question asks for text that "Yes" or "No" cannot be: a field to fill in (a name,
    /// a date, an address, a URL, an e-mail address), or a question that asks to describe, list,
    /// or say what, how, which, who, when or where.
    static func asksForText(_ question: String) -> Bool {
        var words = question.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        if words.first == "please" { words.removeFirst() }
        guard let first = words.first else { return false }
        // "When a team cannot meet a policy, is the exception recorded?" asks yes or no after its clause.
        let lower = question.lowercased()
        let yesNoClause = [
            ", is ", ", are ", ", do ", ", does ", ", did ", ", has ", ", have ", ", can ", ", will ", ", would ",
            ", should ", ", must ", ", was ", ", were ", ", may ",
        ].contains { lower.contains($0) }
        // "Use this area to share …", "Use the space below to describe …": an instruction to write.
        let instruction = first == "use" && words.count > 2 && ["this", "the"].contains(words[1])
        if textOpeners.contains(first) || instruction { return !yesNoClause }
        let trimmed = question.trimmingCharacters()
        // A label rather than a sentence: a few words, no question mark, naming a field.
        if !trimmed.hasSuffix("?"), words.count <= 6, !questionOpeners.contains(first) || first == "name" {
            return words.contains(where: fieldNouns.contains)
        }
        return false
    }

    /// Whether a question is a field label (`Company name`, `Date completed:`): a few words, no
    /// question mark, naming a field.
    static func isFieldLabel(_ question: String) -> Bool {
        let trimmed = question.trimmingCharacters()
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        guard let first = words.first, !trimmed.hasSuffix("?"), words.count <= 6 else { return false }
        return (!questionOpeners.contains(first) || first == "name") && words.contains(where: fieldNouns.contains)
    }
}

extension QuestionnaireItem {
    /// Whether a text reads as a question: a question mark, or an opening that asks or instructs
    /// the vendor ("Do …", "Describe …", "Please confirm …").
    public static func readsAsQuestion(_ text: String) -> Bool { HeaderVocabulary.readsAsQuestion(text) }

    /// Whether the item asks for text that "Yes" or "No" cannot be (a name, a date, an address,
    /// "describe…", "which…"): such an item never receives a bare Yes or No.
    public var asksForText: Bool {
        allowedAnswers.isEmpty && HeaderVocabulary.asksForText(question)
    }

    /// Whether the item is a field to fill in (`Company name`, `Website URL`) rather than a question.
    public var isField: Bool {
        allowedAnswers.isEmpty && HeaderVocabulary.isFieldLabel(question)
    }
}
