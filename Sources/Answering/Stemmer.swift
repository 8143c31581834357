/// A light English stemmer: strips the inflections and derivations that questionnaire wording
/// varies over (`encrypted`, `encrypting`, `encryption` → `encrypt`), and nothing cleverer.
///
/// It is deliberately conservative: a stem only has to be the same for the forms a reader
/// would call the same word, and different for words that mean different things.
enum Stemmer {
    /// Suffixes tried longest first, each with what replaces it.
    private static let rules: [(suffix: String, replacement: String)] = [
        ("izations", "ize"), ("isations", "ize"), ("ization", "ize"), ("isation", "ize"), ("ational", "ate"),
        ("fulness", "ful"), ("iveness", "ive"), ("ousness", "ous"), ("ements", ""), ("ement", ""),
        ("ments", ""), ("ment", ""), ("ations", "ate"), ("ation", "ate"), ("itions", "ite"), ("ition", "ite"),
        ("ions", ""), ("ion", ""), ("ities", ""), ("ity", ""), ("ingly", ""), ("edly", ""), ("ings", ""),
        ("ing", ""), ("ised", "ize"), ("ized", "ize"), ("ises", "ize"), ("izes", "ize"), ("ise", "ize"),
        ("ies", "y"), ("ied", "y"), ("ed", ""), ("ers", "er"), ("ly", ""), ("es", ""), ("s", ""),
    ]

    /// The stem of a lower-case word.
    static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter) else { return word }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        for (suffix, replacement) in rules where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            guard base.count >= 3, base.contains(where: { "aeiouy".contains($0) }) else { continue }
            var stemmed = base + replacement
            // "encrypted" → "encrypt", "controlled" → "control", "mapped" → "map".
            if replacement.isEmpty, let last = stemmed.last, stemmed.count > 3,
                stemmed.dropLast().last == last, !"lsz".contains(last) || suffix == "ed" || suffix == "ing"
            {
                stemmed.removeLast()
            }
            // "ize" forms and the bare stem are one word: "authorize" and "authorization".
            if stemmed.hasSuffix("ize"), stemmed.count > 5 { stemmed.removeLast(3) }
            if stemmed.hasSuffix("e"), stemmed.count > 4 { stemmed.removeLast() }
            return stemmed
        }
        if word.hasSuffix("e"), word.count > 4 { return String(word.dropLast()) }
        return word
    }
}
