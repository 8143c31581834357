/// An item's reference typed at the start of its question cell, on a sheet without an id column.
///
/// `1.2 Are …`, `[CY-01] Do …`, `Q7: Is …`, `TR-03 – Do …`, `12) Are …`, or `PR.4` on the cell's
/// first line: the id a reviewer quotes back to the customer.
///
/// A sheet's questions give their ids only when most of them open with a reference (two in three,
/// three at least): a single question that starts with "SOC2 reports …" or "2 or more
/// administrators …" keeps its wording and its made-up id.
enum QuestionReference {
    /// The reference a question opens with and the question after it; nil when it opens with none.
    static func split(_ question: String) -> (id: String, question: String)? {
        let text = Substring(question.drop { $0 == " " || $0 == "\t" })
        // The reference alone on the cell's first line ("PR.4", "PR.4 ", "[CY-01]").
        if let lineBreak = text.firstIndex(where: \.isNewline) {
            let line = String(text[..<lineBreak]).trimmingCharacters()
            if let id = reference(line[...]), id.end == line.endIndex {
                let rest = String(text[lineBreak...]).trimmingCharacters()
                return opensAQuestion(rest) ? (id.text, rest) : nil
            }
        }
        guard let id = reference(text) else { return nil }
        var rest = text[id.end...]
        // The separator: spaces, at most one of : - – — . ), then at least one space.
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }
        rest = rest.dropFirst(spaces.count)
        var separated = !spaces.isEmpty
        if let mark = rest.first, ":-–—.)".contains(mark) {
            rest = rest.dropFirst()
            let after = rest.prefix { $0 == " " || $0 == "\t" || $0.isNewline }
            guard !after.isEmpty else { return nil }
            rest = rest.dropFirst(after.count)
            separated = true
        } else if let first = rest.first, first.isNewline {
            separated = true
        }
        guard separated else { return nil }
        let question = String(rest).trimmingCharacters()
        return opensAQuestion(question) ? (id.text, question) : nil
    }

    /// Gives the items of a sheet without an id column the references their questions open with.
    ///
    /// Only when two in three of them (and three at least) open with one. The questions keep
    /// their text as the customer wrote it, reference included.
    static func takeIDs(_ items: inout [QuestionnaireItem]) {
        let generated = items.indices.filter { items[$0].idGenerated && items[$0].product == nil }
        guard generated.count >= 3 else { return }
        let splits = generated.map { split(items[$0].question) }
        let found = splits.compactMap { $0 }.count
        guard found >= 3, found * 3 >= generated.count * 2 else { return }
        for (index, parts) in zip(generated, splits) {
            guard let parts else { continue }
            items[index].id = parts.id
            items[index].idGenerated = false
        }
    }

    /// Whether a text reads as the start of a question or requirement: it opens with a letter and
    /// runs to three words or more.
    private static func opensAQuestion<Text: StringProtocol>(_ text: Text) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.split(whereSeparator: { $0 == " " || $0.isNewline }).count >= 3
    }

    /// The reference at the start of a text, without its brackets or a closing bracket or dot,
    /// and where it ends.
    private static func reference(_ text: Substring) -> (text: String, end: Substring.Index)? {
        guard let first = text.first else { return nil }
        if first == "[" {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let inside = String(text[text.index(after: text.startIndex)..<close]).trimmingCharacters()
            guard (1...15).contains(inside.count), inside.first?.isLetter == true || inside.first?.isNumber == true,
                inside.contains(where: { $0.isNumber }),
                inside.allSatisfy({ $0.isLetter || $0.isNumber || "-._/ ".contains($0) })
            else { return nil }
            return (inside, text.index(after: close))
        }
        var index = text.startIndex
        func run(_ test: (Character) -> Bool, limit: Int) -> Int {
            var count = 0
            while index < text.endIndex, count < limit, test(text[index]) {
                index = text.index(after: index)
                count += 1
            }
            return count
        }
        func isASCIIDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
        func isASCIILetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
        if isASCIILetter(first) {
            // A code: letters, an optional - or ., digits, more .N or -N parts ("Q7", "TR-03", "PR.4").
            guard run(isASCIILetter, limit: 6) <= 6, index < text.endIndex else { return nil }
            if text[index] == "-" || text[index] == "." {
                index = text.index(after: index)
            }
            guard run(isASCIIDigit, limit: 4) > 0 else { return nil }
        } else if isASCIIDigit(first) {
            // A number: dotted ("1.2", "1.1.") or closed by ")" ("12)").
            guard run(isASCIIDigit, limit: 3) > 0, index < text.endIndex else { return nil }
            if text[index] == ")" {
                return (String(text[..<index]), text.index(after: index))
            }
            guard text[index] == "." else { return nil }
        } else {
            return nil
        }
        // Further parts: ".2", "-03", up to four.
        var parts = 0
        while parts < 4, index < text.endIndex, text[index] == "." || text[index] == "-" {
            let mark = index
            index = text.index(after: index)
            if run(isASCIIDigit, limit: 4) == 0 {
                index = mark
                break
            }
            parts += 1
        }
        // A bare number needs a part ("1.2"), a dotted one may end with a dot ("1.1.").
        if isASCIIDigit(first), parts == 0 { return nil }
        let end = index
        var after = index
        if after < text.endIndex, text[after] == ".", isASCIIDigit(first) { after = text.index(after: after) }
        // The reference ends where a space, a line break or a separator follows.
        if after < text.endIndex {
            let next = text[after]
            guard next == " " || next == "\t" || next.isNewline || ":–—)".contains(next) else { return nil }
        }
        return (String(text[..<end]), after)
    }
}
