/// Finds the tags of an XML document by scanning its bytes, for patching it in place: comments,
/// processing instructions and CDATA are stepped over; attribute values are read raw.
struct XMLScanner {
    /// One start, end or empty-element tag, as positions in the scanned bytes (no copies, so no
    /// reference counting per tag).
    struct Tag {
        /// Where `<` is.
        var start: Int
        /// Just past `>`.
        var end: Int
        /// The qualified name's bytes (`x:row`).
        var name: Range<Int>
        /// Where the local name starts (after any `prefix:`).
        var localStart: Int
        /// Whether it is `</…>`.
        var isEnd: Bool
        /// Whether it is `<…/>`.
        var selfClosing: Bool
        /// The bytes between the name and `>` (or `/>`).
        var attributes: Range<Int>
    }

    /// `x:` for `<x:row …>`, empty without a prefix.
    func prefix(of tag: Tag) -> String {
        String(decoding: bytes[tag.name.lowerBound..<tag.localStart], as: UTF8.self)
    }

    /// Whether a tag's local name is `expected`, compared byte by byte without making a string.
    func named(_ tag: Tag, _ expected: StaticString) -> Bool {
        let count = tag.name.upperBound - tag.localStart
        guard count == expected.utf8CodeUnitCount else { return false }
        return expected.withUTF8Buffer { buffer in
            var index = tag.localStart
            for byte in buffer {
                if bytes[index] != byte { return false }
                index += 1
            }
            return true
        }
    }

    /// An attribute's value as written (entities are not decoded; cell references have none).
    func attribute(_ tag: Tag, _ key: StaticString) -> String? {
        attributeValue(tag, key).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Where an attribute's value lies in the bytes (between its quotes).
    func attributeValue(_ tag: Tag, _ key: StaticString) -> Range<Int>? {
        var index = tag.attributes.lowerBound
        let limit = tag.attributes.upperBound
        while index < limit {
            while index < limit,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                    || bytes[index] == 0x09
            {
                index += 1
            }
            let nameStart = index
            while index < limit, bytes[index] != UInt8(ascii: "="), bytes[index] != 0x20 { index += 1 }
            let nameEnd = index
            while index < limit, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
                index += 1
            }
            guard index < limit else { return nil }
            let quote = bytes[index]
            index += 1
            let valueStart = index
            while index < limit, bytes[index] != quote { index += 1 }
            let matches = key.withUTF8Buffer { buffer in
                nameEnd - nameStart == buffer.count && zip(bytes[nameStart..<nameEnd], buffer).allSatisfy { $0 == $1 }
            }
            if matches { return valueStart..<min(index, limit) }
            index += 1
        }
        return nil
    }

    /// The column a cell tag's `r` attribute names (`C12` → 3), read from the bytes in place.
    func cellColumn(_ tag: Tag) -> Int? {
        guard let reference = attribute(tag, "r") else { return nil }
        var column = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "$"): continue
            default: return column > 0 ? column : nil
            }
        }
        return column > 0 ? column : nil
    }

    let bytes: [UInt8]
    /// Where scanning continues.
    var position = 0
    /// How far the caller has copied the input to its output.
    var copiedUpTo = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next tag, or nil at the end.
    mutating func nextTag() -> Tag? {
        while position < bytes.count {
            guard let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) else {
                position = bytes.count
                return nil
            }
            position = open
            // Comments, CDATA, declarations and processing instructions are stepped over; the
            // checks look at bytes in place (building the patterns per tag cost more than the scan).
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "!") || bytes[open + 1] == UInt8(ascii: "?") {
                if bytes[open + 1] == UInt8(ascii: "!"), open + 3 < bytes.count, bytes[open + 2] == UInt8(ascii: "-"),
                    bytes[open + 3] == UInt8(ascii: "-")
                {
                    position = find(Self.commentEnd, from: open + 4).map { $0 + 3 } ?? bytes.count
                } else if bytes[open + 1] == UInt8(ascii: "!"), bytes[open...].starts(with: Self.cdataStart) {
                    position = find(Self.cdataEnd, from: open + 9).map { $0 + 3 } ?? bytes.count
                } else {
                    position = bytes[open...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                }
                continue
            }
            // The tag ends at the first `>` outside a quoted attribute value.
            var index = open + 1
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                index += 1
            }
            guard index < bytes.count else {
                position = bytes.count
                return nil
            }
            let end = index + 1
            var nameStart = open + 1
            let isEnd = bytes[nameStart] == UInt8(ascii: "/")
            if isEnd { nameStart += 1 }
            var nameEnd = nameStart
            while nameEnd < index, !Self.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: "/"),
                bytes[nameEnd] != UInt8(ascii: ">")
            {
                nameEnd += 1
            }
            var localStart = nameStart
            for index in nameStart..<nameEnd where bytes[index] == UInt8(ascii: ":") { localStart = index + 1 }
            let selfClosing = !isEnd && index > open && bytes[index - 1] == UInt8(ascii: "/")
            position = end
            return Tag(
                start: open,
                end: end,
                name: nameStart..<nameEnd,
                localStart: localStart,
                isEnd: isEnd,
                selfClosing: selfClosing,
                attributes: nameEnd..<(selfClosing ? index - 1 : index)
            )
        }
        return nil
    }

    /// The first start tag with this local name.
    mutating func findStartTag(_ localName: StaticString) -> Tag? {
        while let tag = nextTag() {
            if !tag.isEnd && named(tag, localName) { return tag }
        }
        return nil
    }

    /// Just past the `</c>` that closes a cell whose start tag ends at `from`, and the cell's
    /// formula (`<f>`) start tag, if it has one.
    mutating func skipCell(from: Int) throws -> (end: Int, formula: Tag?) {
        position = from
        var formula: Tag?
        var depth = 1
        while let tag = nextTag() {
            if named(tag, "c") {
                if tag.isEnd {
                    depth -= 1
                    if depth == 0 { return (tag.end, formula) }
                } else if !tag.selfClosing {
                    depth += 1
                }
            } else if formula == nil, !tag.isEnd, named(tag, "f") {
                formula = tag
            }
        }
        throw PatchFailure(reason: "a <c> element is not closed", incomplete: true)
    }

    /// Whether a cell's formula computes nothing from the workbook (``isConstantFormula(_:)``).
    ///
    /// LibreOffice stores a checkbox's value as `TRUE()`; a form may start an answer cell as
    /// `="Not answered"`. Nothing is computed, so the cell may be written. `formula` is the cell's
    /// `<f>` start tag, `cellEnd` where the cell ends; a shared or array formula never counts.
    func holdsConstantFormula(_ formula: Tag, cellEnd: Int) -> Bool {
        guard !formula.selfClosing, attribute(formula, "t").map({ $0 == "normal" }) ?? true,
            attribute(formula, "ref") == nil
        else { return false }
        var end = formula.end
        while end < cellEnd, bytes[end] != UInt8(ascii: "<") { end += 1 }
        let text = String(decoding: bytes[formula.end..<end], as: UTF8.self)
            .replacing("&quot;", with: "\"").replacing("&apos;", with: "'").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
        // A character reference (`&#34;`) is left as it is: `#` makes the formula no constant.
        return isConstantFormula(text)
    }

    private static let commentEnd = Array("-->".utf8)
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start < bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Why a part could not be patched; the caller adds the file and the part.
struct PatchFailure: Error {
    var reason: String
    /// Whether the bytes seen so far end inside the element: more of a streamed part may mend it.
    var incomplete = false
}
