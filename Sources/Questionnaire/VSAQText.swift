// MARK: - Text

/// Turns VSAQ's HTML snippets into plain text.
enum VSAQText {
    /// Tags that sit inside a run of text, so removing them must not split a word (`<b>Yes</b>:`).
    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "mark", "q", "s",
        "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var",
    ]

    /// Named entities decoded besides numeric ones; others are left as written.
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "bull": "\u{2022}", "middot": "\u{B7}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "times": "\u{D7}", "deg": "\u{B0}", "euro": "\u{20AC}", "shy": "\u{AD}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "larr": "\u{2190}", "rarr": "\u{2192}",
    ]

    /// Strips tags, decodes entities and collapses whitespace: `<b>A</b>&amp;<p>B</p>` becomes `A& B`.
    ///
    /// A `<` that does not start a tag (`a < b`) is kept. Block tags (`<p>`, `<li>`, `<br>`)
    /// become spaces; inline tags (`<b>`, `<a href>`, `<code>`) vanish.
    static func plain(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        // The next `>` at or after the cursor (scalars.count if none), found once and reused, so
        // text full of `<` without `>` takes linear time.
        var close = -1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if close < index { close = scalars[index...].firstIndex(of: ">") ?? scalars.count }
                if close < scalars.count, let inline = tagIsInline(scalars, start: index, close: close) {
                    if !inline { output.append(" ") }
                    index = close + 1
                    continue
                }
            } else if scalar == "&", let (end, decoded) = entity(in: scalars, at: index) {
                output.append(contentsOf: decoded.unicodeScalars)
                index = end
                continue
            }
            output.append(scalar)
            index += 1
        }
        return String(output).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the tag from `start` (`<`) to `close` (`>`) is inline, or nil if `<` starts no tag.
    private static func tagIsInline(_ scalars: [Unicode.Scalar], start: Int, close: Int) -> Bool? {
        let first = scalars[start + 1]
        guard isLetter(first) || "/!?".unicodeScalars.contains(first) else { return nil }
        var name = ""
        var cursor = start + 1
        if scalars[cursor] == "/" { cursor += 1 }
        while cursor < close, isLetter(scalars[cursor]) || ("0"..."9").contains(scalars[cursor]) {
            name.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        return inlineTags.contains(name.lowercased())
    }

    /// The end of the entity at `start` and its text, or nil if `&` starts no known entity.
    private static func entity(in scalars: [Unicode.Scalar], at start: Int) -> (Int, String)? {
        guard let semicolon = scalars[start...].prefix(34).firstIndex(of: ";"), semicolon > start + 1 else {
            return nil
        }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<semicolon]))
        if body.hasPrefix("#") {
            let isHex = body.hasPrefix("#x") || body.hasPrefix("#X")
            let digits = body.dropFirst(isHex ? 2 : 1)
            guard !digits.isEmpty, digits.count <= (isHex ? 6 : 7),
                let value = UInt32(digits, radix: isHex ? 16 : 10)
            else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (semicolon + 1, String(scalar ?? "\u{FFFD}"))
        }
        guard let decoded = entities[body] else { return nil }
        return (semicolon + 1, decoded)
    }

    /// Whether a scalar is `A`–`Z` or `a`–`z`.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
