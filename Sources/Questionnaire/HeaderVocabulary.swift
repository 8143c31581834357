/// The words questionnaire headers use for each column role, and the text tests the detector
/// applies to cells.
enum HeaderVocabulary {
    /// The role a header cell names, with a strength (higher wins when a row could be read
    /// several ways); nil when the text names no role.
    static func role(of header: String) -> (role: ColumnRole, strength: Int)? {
        let found = namedRole(header)
        // A column mapping to another framework (`ISO 27001`, `NIST 800-53 Ref`) holds other
        // frameworks' ids: neither the item's id nor its section.
        if found == nil || found?.role == .id || found?.role == .section, namesFramework(header) {
            return (.other, 2)
        }
        return found
    }

    private static func namedRole(_ header: String) -> (role: ColumnRole, strength: Int)? {
        // Long text is never a header; most cells of a big sheet leave here.
        guard header.utf8.count <= 120, header.contains(where: \.isLetter) || header.contains("#") else { return nil }
        let text = normalise(header)
        guard !text.isEmpty, text.count <= 80, !(text.count > 25 && readsAsQuestion(header)) else { return nil }
        let words = text.split(separator: " ").map(String.init)
        guard words.count <= 10 else { return nil }
        func has(_ word: String) -> Bool { words.contains(word) }
        // A sentence (a legend line, an instruction) is no header.
        if words.count > 6, text.contains(";") || header.trimmingCharacters().hasSuffix(".") { return nil }
        // A plain byte search: String.contains(_:) builds a search table on every call, and this
        // runs for every cell of the first hundred rows of every sheet.
        let bytes = Array(text.utf8)
        func contains(_ phrase: String) -> Bool { bytes.containsRun(of: phrase.utf8) }

        // Abbreviated headers: "Qstn", "Resp.", "Cmnts", "Evid.".
        if words.count == 1, let role = abbreviations[text.trimmingSuffix(".")] { return (role, 3) }

        // Ids: "ID", "#", "No.", "Ref", "Question ID", "Control #".
        if text == "#" || text == "no" || text == "no." || text == "nr." || text == "ref" || text == "ref."
            || text == "id" || text == "item" || text == "item #"
            || text == "q#"
            || text == "q #" || text == "qno" || Languages.ids.contains(text)
        {
            return (.id, 3)
        }
        let evidencePhrases = [
            "evidence", "attachment", "supporting doc", "documentation provided", "artifact", "artefact", "proof",
            "link to", "document reference", "document ref", "policy reference",
        ]
        if words.count <= 4,
            words.contains(
                where: [
                    "id", "#", "no", "no.", "nr", "nr.", "number", "ref", "ref.", "reference", "identifier",
                ].contains
            ) || words.contains(where: Languages.idWords.contains),
            !contains("answer"), !contains("response"), !contains("phone"), !contains("contact"),
            !evidencePhrases.contains(where: contains), !Languages.answers.contains(where: contains),
            // "Reference / Question" names both: the question column, each cell opening with its
            // reference ("Question ID" names the id alone).
            !(["question", "questions", "requirement", "requirements"].contains(where: has)
                && (contains("/") || contains("&") || contains("+") || has("and")))
        {
            return (.id, 3)
        }

        // Comments before answers: "Answer comments", "Response details", "Additional information".
        let commentPhrases = [
            "comment", "explanation", "explain", "notes", "note", "remark", "justification", "additional information",
            "additional info", "additional details", "details", "clarification", "elaborat",
            "implementation description",
            "description of implementation", "narrative", "rationale", "supporting statement", "answer detail",
            "response detail", "reason for", "reasoning", "basis for",
        ]
        // What the asker explains or expects, not what the vendor writes: "Expected evidence",
        // "Toelichting bij de vraag" (the question's explanation).
        if [
            "expected evidence", "evidence expected", "suggested evidence", "example evidence", "examples of evidence",
            "bij de vraag", "zur frage", "of the question", "about the question", "why we ask",
        ].contains(where: contains) {
            return (.guidance, 2)
        }
        let isComment = commentPhrases.contains(where: contains) || Languages.comments.contains(where: contains)
        // Last time's comments or evidence ("Previous Comments" beside "Comments"): kept, never written.
        if isComment || evidencePhrases.contains(where: contains),
            ["previous", "prior", "earlier", "former"].contains(where: has) || contains("last year")
        {
            return (.other, 1)
        }
        if isComment || text == "reason" { return (.comment, 3) }

        if evidencePhrases.contains(where: contains) || Languages.evidence.contains(where: contains) {
            return (.evidence, 3)
        }
        if [
            "guidance", "help text", "hint", "what we are looking for", "what we look for", "looking for", "purpose",
            "intent", "instructions",
        ].contains(
            where: contains
        ) || Languages.guidance.contains(where: contains) {
            return (.guidance, 2)
        }
        if ["owner", "responsible", "assignee", "answered by", "ownership", "accountable", "contact"].contains(
            where: contains
        ) || Languages.owners.contains(where: contains) {
            return (.owner, 2)
        }
        let answerPhrases = [
            "answer", "response", "reply", "yes/no", "yes / no", "y/n", "compliant", "compliance", "implemented",
            "in place", "vendor input", "your input", "conformance",
        ]
        // "Applicable (Y/N)" beside the answer asks whether the question applies: the answer
        // column only when no other claims it.
        // Each row's allowed answers written out: "Response Options", "Possible answers".
        let optionPhrases = [
            "response options", "answer options", "response choices", "answer choices", "possible answers",
            "possible responses", "allowed answers", "allowed values", "allowed responses", "valid responses",
            "valid answers", "response values", "answer values", "picklist values",
        ]
        if words.count <= 4, optionPhrases.contains(where: contains) || ["options", "choices"].contains(words[0]) {
            return (.options, 2)
        }
        if answerPhrases.contains(where: contains) || Languages.answers.contains(where: contains) {
            // About the answer, not the answer: "Response Type", "Response Options", "Answer
            // format", "Response date" beside the platform export's "Response".
            if [
                "type", "types", "option", "options", "choice", "choices", "format", "values", "date", "due",
                "deadline",
                "length",
            ].contains(where: has) {
                return (.other, 1)
            }
            return (.answer, contains("applicab") ? 2 : 3)
        }
        // Words that name an answer column only when nothing says "answer": a requester's
        // "Status" (what changed since last version) or "Result" beside an "Answer" column.
        // The level a maturity self-assessment asks for ("Current level" with a drop-down of levels).
        if ["current level", "current maturity", "maturity level", "maturity rating", "self-assessed level"].contains(
            where: contains
        ) {
            return (.answer, 2)
        }
        if ["selection", "status", "result"].contains(where: contains)
            || Languages.weakAnswers.contains(where: contains)
        {
            return (.answer, 2)
        }
        // What the answering party states ("Supplier Statement", "Your position"), where a
        // statement alone is the question's ("Control statement").
        if ["statement", "position", "confirmation"].contains(where: has),
            [
                "supplier", "supplier's", "vendor", "vendor's", "provider", "provider's", "your", "bidder", "bidder's",
                "tenderer", "tenderer's", "respondent", "respondent's", "contractor", "contractor's",
            ].contains(where: has)
        {
            return (.answer, 3)
        }
        if contains("question") || Languages.questions.contains(where: contains) {
            // "question_type", "question choices": about the question, not the question.
            if ["type", "choice", "option", "format", "weight", "score"].contains(where: contains) {
                return (.other, 1)
            }
            return (.question, 4)
        }
        if ["requirement", "query", "criterion", "criteria", "assessment item", "statement"].contains(where: contains)
            || Languages.requirements.contains(where: contains)
        {
            return (.question, 3)
        }
        if ["control description", "description", "control text", "control"].contains(where: contains) {
            return (.question, 1)
        }
        if [
            "section", "category", "domain", "area", "topic", "chapter", "family", "group", "theme", "function",
            "stream", "practice",
        ]
        .contains(where: has) || Languages.sections.contains(where: has) {
            return (.section, 2)
        }
        return nil
    }

    static func words(in text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    /// Lower-cased, with runs of white space and line breaks made one space, and trailing
    /// colons and asterisks removed.
    static func normalise(_ text: String) -> String {
        var result = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = result.last, ":*?".contains(last) { result.removeLast() }
        return result.trimmingCharacters()
    }

    /// Whether a cell's text reads as a question: it ends with a question mark, or opens with
    /// an interrogative or an instruction to the vendor.
    static func readsAsQuestion(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters()
        // The Arabic question mark too ("؟").
        if trimmed.hasSuffix("?") || trimmed.hasSuffix("؟") || Array(trimmed.utf8).containsRun(of: "? ".utf8) {
            return true
        }
        // Past a reference the question opens with ("1.4 - Describe …").
        let opening = trimmed.first?.isLetter == true ? trimmed : QuestionReference.split(trimmed)?.question ?? trimmed
        let first = opening.prefix { $0.isLetter }.lowercased()
        return questionOpeners.contains(first)
    }

    /// The choices a question lists at its end, `… (Yes/No/N/A)`, when they include a yes or a
    /// no; empty otherwise.
    static func choices(endingQuestion question: String) -> [String] {
        let trimmed = question.trimmingCharacters()
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return [] }
        let values = allowedAnswers(inHeader: String(trimmed[open...]))
        guard values.count >= 2, values.contains(where: { bareChoices.contains($0.lowercased()) }) else { return [] }
        return values
    }

    static let questionOpeners: Set<String> = [
        "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "shall",
        "should", "may", "must", "how", "what", "when", "where", "which", "who", "whom", "whose", "why", "describe",
        "provide", "list", "explain", "indicate", "specify", "state", "detail", "confirm", "identify", "outline",
        "summarize", "summarise", "attach", "upload", "please", "select", "enter", "share", "give", "name", "define",
        "documented", "if",
    ]

    /// Headers abbreviated to one word, without their full stop.
    private static let abbreviations: [String: ColumnRole] = [
        "qstn": .question, "qstns": .question, "ques": .question, "quest": .question, "qn": .question,
        "resp": .answer, "rsp": .answer, "ans": .answer, "answ": .answer,
        "cmnt": .comment, "cmnts": .comment, "cmt": .comment, "cmts": .comment, "rmk": .comment, "rmks": .comment,
        "evid": .evidence, "evd": .evidence,
    ]

    /// Words a header made only of choices may hold ("Yes/No", "Y/N", "Yes/No/N/A": "N/A" splits in
    /// two; "Ja/Nein", "Oui/Non").
    private static let bareChoices: Set<String> = [
        "yes", "no", "y", "n", "a", "na", "partial", "partially", "ja", "nein", "oui", "non", "si", "sí", "sì", "nee",
        "sim", "não", "nao", "teilweise", "partiellement", "parcialmente", "gedeeltelijk", "parzialmente",
    ]

    /// The allowed answers a row's options cell lists (`Yes;No;N/A`, `Yes | No | Not Applicable`,
    /// one a line, or `Yes/No/N/A`); empty when it lists fewer than two or more than twelve, or
    /// any longer than 60 characters.
    static func choices(inCell text: String) -> [String] {
        let separators: [Character] = [";", "|", "\n"]
        var parts = text.split(whereSeparator: separators.contains).map { String($0).trimmingCharacters() }
            .filter { !$0.isEmpty }
        if parts.count < 2 { parts = allowedAnswers(inHeader: "(" + text + ")") }
        guard (2...12).contains(parts.count), parts.allSatisfy({ $0.count <= 60 }) else { return [] }
        return parts
    }

    /// Allowed answers written in a header: `Answer (Yes/No/N/A)`, `Response: Yes / No`, `Yes/No`.
    static func allowedAnswers(inHeader header: String) -> [String] {
        var candidate: Substring?
        if let open = header.lastIndex(of: "("), let close = header.lastIndex(of: ")"), open < close {
            candidate = header[header.index(after: open)..<close]
        } else if let colon = header.lastIndex(of: ":") {
            candidate = header[header.index(after: colon)...]
        } else {
            // A header that is nothing but the choices: "Yes/No", "Y / N", "Yes/No/N/A".
            let whole = header.trimmingCharacters().trimmingSuffix("?")
            let words = whole.lowercased().split(whereSeparator: { $0 == "/" || $0 == "|" || $0 == " " })
            if words.count >= 2, words.allSatisfy({ bareChoices.contains(String($0)) }) { candidate = Substring(whole) }
        }
        guard let candidate, candidate.contains("/") || candidate.contains(",") else { return [] }
        let parts = candidate.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == "|" })
            .map { String($0).trimmingCharacters() }
        guard parts.count >= 2, parts.count <= 8, parts.allSatisfy({ !$0.isEmpty && $0.count <= 20 }) else { return [] }
        // "N/A" split at its slash is put back together.
        var values: [String] = []
        for part in parts {
            if part.uppercased() == "A", let last = values.last, last.uppercased() == "N" {
                values[values.count - 1] = last + "/" + part
            } else {
                values.append(part)
            }
        }
        return values
    }
}

extension String {
    /// The text without a trailing `suffix` (once), and the white space before it.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)).trimmingCharacters() : self
    }

    /// The text without leading and trailing white space.
    func trimmingCharacters() -> String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes hold `needle` as a contiguous run; with `wholeWords`, only a run with no
    /// letter or digit right before or after it ("for customer use", not in "for customer users").
    func containsRun(of needle: String.UTF8View, wholeWords: Bool = false) -> Bool {
        func isBoundary(_ index: Int) -> Bool {
            guard index >= 0, index < self.count else { return true }
            let byte = self[index]
            // Bytes of non-ASCII characters count as letters.
            return byte < 0x80 && (byte | 0x20) &- UInt8(ascii: "a") >= 26 && byte &- UInt8(ascii: "0") >= 10
        }
        let count = needle.count
        guard count > 0, count <= self.count, let first = needle.first else { return count == 0 }
        var start = 0
        while start + count <= self.count {
            if self[start] == first {
                var matched = true
                var offset = 0
                for byte in needle {
                    if self[start + offset] != byte {
                        matched = false
                        break
                    }
                    offset += 1
                }
                if matched, !wholeWords || (isBoundary(start - 1) && isBoundary(start + count)) { return true }
            }
            start += 1
        }
        return false
    }
}
