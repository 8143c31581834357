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
        guard word.utf8.count > 3 else { return word }
        return word.utf8.allSatisfy({ $0 < 0x80 }) ? asciiStem(word) : unicodeStem(word)
    }

    /// The rules as bytes, for ``asciiStem(_:)``.
    private static let asciiRules: [(suffix: [UInt8], replacement: [UInt8])] = rules.map {
        (Array($0.suffix.utf8), Array($0.replacement.utf8))
    }
    /// Endings that are never stripped ("access", "status", "analysis"), and the suffixes and
    /// ending the rules below look for, as bytes made once, not on every call.
    private static let keptEndings = ["ss", "us", "is"].map { Array($0.utf8) }
    private static let ed = Array("ed".utf8)
    private static let ing = Array("ing".utf8)
    private static let ize = Array("ize".utf8)

    /// ``stem(_:)`` of an ASCII word, on its bytes: the same rules as ``unicodeStem(_:)`` without
    /// the cost of comparing `Character`s, which was a tenth of the time of answering.
    static func asciiStem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        func isVowel(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i")
                || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u") || byte == UInt8(ascii: "y")
        }
        func hasSuffix(_ bytes: [UInt8], _ suffix: [UInt8]) -> Bool {
            bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
        }
        guard bytes.count > 3, bytes.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 }) else { return word }
        if keptEndings.contains(where: { hasSuffix(bytes, $0) }) { return word }
        for (suffix, replacement) in asciiRules where hasSuffix(bytes, suffix) {
            let base = bytes[..<(bytes.count - suffix.count)]
            guard base.count >= 3, base.contains(where: isVowel) else { continue }
            var stemmed = Array(base) + replacement
            if replacement.isEmpty, let last = stemmed.last, stemmed.count > 3, stemmed[stemmed.count - 2] == last,
                !(last == UInt8(ascii: "l") || last == UInt8(ascii: "s") || last == UInt8(ascii: "z"))
                    || suffix == ed || suffix == ing
            {
                stemmed.removeLast()
            }
            if hasSuffix(stemmed, ize), stemmed.count > 5 { stemmed.removeLast(3) }
            if stemmed.last == UInt8(ascii: "e"), stemmed.count > 4 { stemmed.removeLast() }
            return String(decoding: stemmed, as: UTF8.self)
        }
        if bytes.last == UInt8(ascii: "e"), bytes.count > 4 { return String(decoding: bytes.dropLast(), as: UTF8.self) }
        return word
    }

    /// ``stem(_:)`` of any word, compared `Character` by `Character`.
    static func unicodeStem(_ word: String) -> String {
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
