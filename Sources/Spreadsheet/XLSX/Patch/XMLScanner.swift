/// Finds the tags of an XML document by scanning its bytes, for patching it in place: comments,
/// processing instructions and CDATA are stepped over; attribute values are read raw.
struct XMLScanner {
    /// One start, end or empty-element tag.
    struct Tag {
        /// Where `<` is.
        var start: Int
        /// Just past `>`.
        var end: Int
        /// `x:` for `<x:row …>`, empty without a prefix.
        var prefix: String
        /// The name without its prefix.
        var localName: String
        /// Whether it is `</…>`.
        var isEnd: Bool
        /// Whether it is `<…/>`.
        var selfClosing: Bool
        /// The raw bytes between the name and `>` (or `/>`).
        var attributes: ArraySlice<UInt8>

        /// An attribute's value as written (entities are not decoded; cell references have none).
        func attribute(_ name: String) -> String? {
            let bytes = Array(attributes)
            let key = Array(name.utf8)
            var index = 0
            while index < bytes.count {
                // Skip to the next name.
                while index < bytes.count,
                    bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                        || bytes[index] == 0x09
                {
                    index += 1
                }
                let nameStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != 0x20 { index += 1 }
                let found = Array(bytes[nameStart..<index])
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
                    index += 1
                }
                guard index < bytes.count else { return nil }
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                if found == key { return String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self) }
                index += 1
            }
            return nil
        }
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
            if bytes[open...].starts(with: Array("<!--".utf8)) {
                position = find(Array("-->".utf8), from: open + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            if bytes[open...].starts(with: Array("<![CDATA[".utf8)) {
                position = find(Array("]]>".utf8), from: open + 9).map { $0 + 3 } ?? bytes.count
                continue
            }
            if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "?") || bytes[open + 1] == UInt8(ascii: "!") {
                position = bytes[open...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
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
            let qualified = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            let colon = qualified.lastIndex(of: ":")
            let prefix = colon.map { String(qualified[...$0]) } ?? ""
            let localName = colon.map { String(qualified[qualified.index(after: $0)...]) } ?? qualified
            let selfClosing = !isEnd && index > open && bytes[index - 1] == UInt8(ascii: "/")
            position = end
            return Tag(
                start: open,
                end: end,
                prefix: prefix,
                localName: localName,
                isEnd: isEnd,
                selfClosing: selfClosing,
                attributes: bytes[nameEnd..<(selfClosing ? index - 1 : index)]
            )
        }
        return nil
    }

    /// The first start tag with this local name.
    mutating func findStartTag(localName: String) -> Tag? {
        while let tag = nextTag() {
            if !tag.isEnd && tag.localName == localName { return tag }
        }
        return nil
    }

    /// Just past the end tag that closes an element whose start tag ends at `from`.
    mutating func skipElement(localName: String, from: Int) throws -> Int {
        position = from
        var depth = 1
        while let tag = nextTag() {
            guard tag.localName == localName else { continue }
            if tag.isEnd {
                depth -= 1
                if depth == 0 { return tag.end }
            } else if !tag.selfClosing {
                depth += 1
            }
        }
        throw PatchFailure(reason: "a <\(localName)> element is not closed")
    }

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
}
