// MARK: - Tree

/// A value in a VSAQ template, with the line and column (1-based) where it starts.
struct VSAQValue: Sendable, Equatable {
    /// What the value is.
    enum Kind: Sendable, Equatable {
        /// An object's members in file order; a repeated key keeps every member.
        case object([VSAQMember])
        case array([VSAQValue])
        /// A string, with escapes decoded and concatenated parts joined.
        case string(String)
        /// A number, as written.
        case number(String)
        case bool(Bool)
        case null
    }

    /// What the value is.
    var kind: Kind
    /// The line it starts on.
    var line: Int
    /// The column it starts at, counted in Unicode scalars.
    var column: Int

    /// The value of an object's member (the last one, if the key is repeated, as JavaScript does).
    subscript(key: String) -> VSAQValue? {
        guard case .object(let members) = kind else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The members, if it is an object.
    var members: [VSAQMember]? {
        if case .object(let members) = kind { members } else { nil }
    }

    /// The elements, if it is an array.
    var elements: [VSAQValue]? {
        if case .array(let elements) = kind { elements } else { nil }
    }

    /// The text, if it is a string.
    var string: String? {
        if case .string(let string) = kind { string } else { nil }
    }

    /// What kind of value it is, in words, for messages.
    var kindName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// One member of a VSAQ object.
struct VSAQMember: Sendable, Equatable {
    /// The key.
    var key: String
    /// The value.
    var value: VSAQValue
}

/// What is wrong with a template's text, and where (1-based line and column).
struct VSAQSyntaxError: Error, Sendable, Equatable {
    /// The line.
    var line: Int
    /// The column, counted in Unicode scalars.
    var column: Int
    /// What was wrong.
    var message: String
}

// MARK: - Parser

/// A tolerant parser for VSAQ templates: JSON plus JavaScript's comments, string concatenation,
/// trailing commas, single-quoted strings and unquoted keys.
///
/// It never recurses deeper than ``vsaqMaximumDepth`` and always moves forward, so hostile input
/// ends in a ``VSAQSyntaxError``, never a crash or a hang.
struct VSAQParser {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }  // a UTF-8 byte order mark
    }

    /// Parses a whole template.
    /// - Parameter bytes: The template's UTF-8 bytes.
    /// - Returns: The top-level value.
    /// - Throws: ``VSAQSyntaxError`` at the first place the text cannot be read.
    static func parse(_ bytes: [UInt8]) throws(VSAQSyntaxError) -> VSAQValue {
        var parser = VSAQParser(bytes)
        try parser.skipTrivia()
        guard !parser.atEnd else {
            throw parser.error("the file holds no template (it is empty, or only comments)")
        }
        let value = try parser.parseValue(depth: 0)
        try parser.skipTrivia()
        guard parser.atEnd else {
            throw parser.error("\(parser.describeCurrent()) after the end of the template; a template is one object")
        }
        return value
    }

    /// Whether the bytes open an object whose keys, read in order, reach `questionnaire` or
    /// `extensions` with an array value; running out of bytes first means no.
    static func startsWithTemplateKey(_ bytes: [UInt8]) -> Bool {
        var parser = VSAQParser(bytes)
        do {
            try parser.skipTrivia()
            guard parser.peek == UInt8(ascii: "{") else { return false }
            parser.advance()
            while true {
                try parser.skipTrivia()
                let key = try parser.parseKey()
                try parser.skipTrivia()
                guard parser.peek == UInt8(ascii: ":") else { return false }
                parser.advance()
                try parser.skipTrivia()
                if key == "questionnaire" || key == "extensions" {
                    return parser.peek == UInt8(ascii: "[")
                }
                _ = try parser.parseValue(depth: 1)
                try parser.skipTrivia()
                guard parser.peek == UInt8(ascii: ",") else { return false }
                parser.advance()
            }
        } catch {
            return false
        }
    }

    // MARK: Cursor

    private var atEnd: Bool { offset >= bytes.count }

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func peek(at distance: Int) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    /// Moves past one byte, keeping the line and column.
    private mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == 0x0A || (byte == 0x0D && peek != 0x0A) {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1  // continuation bytes do not start a new scalar
        }
    }

    private func error(_ message: String) -> VSAQSyntaxError {
        VSAQSyntaxError(line: line, column: column, message: message)
    }

    /// The byte at the cursor, for messages: `` `x` `` or `U+0001`.
    private func describeCurrent() -> String {
        guard let byte = peek else { return "the end of the file" }
        if byte >= 0x21 && byte < 0x7F {
            return "unexpected `\(Character(Unicode.Scalar(byte)))`"
        }
        if byte < 0x80 {
            return "unexpected character U+" + hex(UInt32(byte))
        }
        let scalarBytes = bytes[offset..<min(offset + 4, bytes.count)]
        if let scalar = String(decoding: scalarBytes, as: UTF8.self).unicodeScalars.first, scalar != "\u{FFFD}" {
            return "unexpected character U+" + hex(scalar.value)
        }
        return "unexpected byte 0x" + hex(UInt32(byte), digits: 2) + " (the file is not UTF-8 text)"
    }

    private func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Skips whitespace and comments.
    private mutating func skipTrivia() throws(VSAQSyntaxError) {
        while let byte = peek {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                advance()
            case UInt8(ascii: "/") where peek(at: 1) == UInt8(ascii: "/"):
                while let next = peek, next != 0x0A, next != 0x0D { advance() }
            case UInt8(ascii: "/") where peek(at: 1) == UInt8(ascii: "*"):
                let start = error("unterminated /* comment: no */ before the end of the file")
                advance()
                advance()
                while !(peek == UInt8(ascii: "*") && peek(at: 1) == UInt8(ascii: "/")) {
                    guard !atEnd else { throw start }
                    advance()
                }
                advance()
                advance()
            default:
                return
            }
        }
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(VSAQSyntaxError) -> VSAQValue {
        let (startLine, startColumn) = (line, column)
        guard let byte = peek else {
            throw error("the file ends where a value should be; it may be cut short")
        }
        let kind: VSAQValue.Kind
        switch byte {
        case UInt8(ascii: "{"):
            kind = .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["):
            kind = .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            kind = .string(try parseConcatenation())
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            kind = .number(try parseNumber())
        default:
            guard isIdentifierStart(byte) else { throw error(describeCurrent()) }
            let word = parseIdentifier()
            switch word {
            case "true": kind = .bool(true)
            case "false": kind = .bool(false)
            case "null": kind = .null
            default:
                throw VSAQSyntaxError(
                    line: startLine,
                    column: startColumn,
                    message: "unexpected word `\(word)`; text must be in quotes"
                )
            }
        }
        return VSAQValue(kind: kind, line: startLine, column: startColumn)
    }

    /// Parses `{ key: value, ... }`, with the cursor on `{`.
    private mutating func parseObject(depth: Int) throws(VSAQSyntaxError) -> [VSAQMember] {
        guard depth <= vsaqMaximumDepth else {
            throw error("objects and arrays are nested more than \(vsaqMaximumDepth) deep")
        }
        let opened = "the object opened at line \(line), column \(column)"
        advance()
        var members: [VSAQMember] = []
        while true {
            try skipTrivia()
            guard let byte = peek else { throw error("the file ends inside \(opened); it may be cut short") }
            if byte == UInt8(ascii: "}") {
                advance()
                return members
            }
            let key = try parseKey()
            try skipTrivia()
            guard peek == UInt8(ascii: ":") else {
                throw error("expected `:` after the key \"\(key)\" but found \(describeCurrentAfter())")
            }
            advance()
            try skipTrivia()
            members.append(VSAQMember(key: key, value: try parseValue(depth: depth)))
            try skipTrivia()
            switch peek {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "}"):
                advance()
                return members
            case nil:
                throw error("the file ends inside \(opened); it may be cut short")
            default:
                throw error(
                    "expected `,` or `}` after the value of \"\(key)\" in \(opened), found \(describeCurrentAfter())"
                )
            }
        }
    }

    /// Parses `[ value, ... ]`, with the cursor on `[`.
    private mutating func parseArray(depth: Int) throws(VSAQSyntaxError) -> [VSAQValue] {
        guard depth <= vsaqMaximumDepth else {
            throw error("objects and arrays are nested more than \(vsaqMaximumDepth) deep")
        }
        let opened = "the array opened at line \(line), column \(column)"
        advance()
        var elements: [VSAQValue] = []
        while true {
            try skipTrivia()
            guard let byte = peek else { throw error("the file ends inside \(opened); it may be cut short") }
            if byte == UInt8(ascii: "]") {
                advance()
                return elements
            }
            elements.append(try parseValue(depth: depth))
            try skipTrivia()
            switch peek {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                return elements
            case nil:
                throw error("the file ends inside \(opened); it may be cut short")
            default:
                throw error("expected `,` or `]` after an element of \(opened), found \(describeCurrentAfter())")
            }
        }
    }

    /// ``describeCurrent()`` without its "unexpected" prefix.
    private func describeCurrentAfter() -> String {
        let text = describeCurrent()
        return text.hasPrefix("unexpected ") ? String(text.dropFirst("unexpected ".count)) : text
    }

    /// Parses an object key: a string, a bare word or a number.
    private mutating func parseKey() throws(VSAQSyntaxError) -> String {
        switch peek {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try parseString()
        case let byte? where isIdentifierStart(byte):
            return parseIdentifier()
        case let byte? where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"):
            return try parseNumber()
        case nil:
            throw error("the file ends where a key should be; it may be cut short")
        default:
            throw error("expected a key in quotes but found \(describeCurrentAfter())")
        }
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "$")
    }

    private mutating func parseIdentifier() -> String {
        let start = offset
        while let byte = peek,
            isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        {
            advance()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Parses a number as written: an optional sign, digits with an optional fraction, an optional exponent.
    private mutating func parseNumber() throws(VSAQSyntaxError) -> String {
        let start = offset
        let startError = error("a number needs digits")
        if peek == UInt8(ascii: "-") || peek == UInt8(ascii: "+") { advance() }
        var digits = skipDigits()
        if peek == UInt8(ascii: ".") {
            advance()
            digits += skipDigits()
        }
        guard digits > 0 else { throw startError }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "-") || peek == UInt8(ascii: "+") { advance() }
            guard skipDigits() > 0 else { throw error("a number's exponent needs digits") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func skipDigits() -> Int {
        var count = 0
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            advance()
            count += 1
        }
        return count
    }

    /// Parses a string and any strings joined to it with `+`, as in `"abc" +\n "def"`.
    private mutating func parseConcatenation() throws(VSAQSyntaxError) -> String {
        var text = try parseString()
        while true {
            try skipTrivia()
            guard peek == UInt8(ascii: "+") else { return text }
            advance()
            try skipTrivia()
            guard peek == UInt8(ascii: "\"") || peek == UInt8(ascii: "'") else {
                throw error("expected a string after `+` but found \(describeCurrentAfter())")
            }
            text += try parseString()
        }
    }

    /// Parses one quoted string, with the cursor on its opening quote.
    private mutating func parseString() throws(VSAQSyntaxError) -> String {
        let quote = bytes[offset]
        let quoteText = quote == UInt8(ascii: "'") ? "'" : "\""
        let unterminated = error(
            "unterminated string: the \(quoteText) opened here has no closing \(quoteText) on this line"
        )
        advance()
        var text: [UInt8] = []
        while true {
            guard let byte = peek, byte != 0x0A, byte != 0x0D else { throw unterminated }
            if byte == quote {
                advance()
                return String(decoding: text, as: UTF8.self)
            }
            if byte != UInt8(ascii: "\\") {
                text.append(byte)
                advance()
                continue
            }
            let escapeError = error("invalid escape")
            advance()
            guard let escaped = peek else { throw unterminated }
            advance()
            switch escaped {
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "v"): text.append(0x0B)
            case UInt8(ascii: "0") where !(peek.map { $0 >= 0x30 && $0 <= 0x39 } ?? false): text.append(0x00)
            case UInt8(ascii: "u"): append(try parseUnicodeEscape(escapeError), to: &text)
            case UInt8(ascii: "x"):
                guard let value = parseHex(digits: 2) else {
                    throw VSAQSyntaxError(
                        line: escapeError.line,
                        column: escapeError.column,
                        message: "invalid \\x escape: expected 2 hex digits"
                    )
                }
                append(Unicode.Scalar(UInt8(value)), to: &text)
            case 0x0A:
                break  // a backslash before a line break continues the string on the next line
            case 0x0D:
                if peek == 0x0A { advance() }
            default:
                text.append(escaped)  // \" \' \\ \/ and, as in JavaScript, any other character as itself
            }
        }
    }

    /// Parses the rest of `\uXXXX` (joining a surrogate pair) or `\u{X...}`.
    private mutating func parseUnicodeEscape(_ at: VSAQSyntaxError) throws(VSAQSyntaxError) -> Unicode.Scalar {
        let invalid = VSAQSyntaxError(
            line: at.line,
            column: at.column,
            message: "invalid \\u escape: expected 4 hex digits, or 1 to 6 in braces"
        )
        if peek == UInt8(ascii: "{") {
            advance()
            var value: UInt32 = 0
            var count = 0
            while let byte = peek, let digit = hexValue(byte), count < 6 {
                value = value * 16 + digit
                count += 1
                advance()
            }
            guard count > 0, peek == UInt8(ascii: "}") else { throw invalid }
            advance()
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        guard let unit = parseHex(digits: 4) else { throw invalid }
        if (0xD800...0xDBFF).contains(unit), peek == UInt8(ascii: "\\"), peek(at: 1) == UInt8(ascii: "u") {
            let saved = (offset, line, column)
            advance()
            advance()
            if let low = parseHex(digits: 4), (0xDC00...0xDFFF).contains(low) {
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            (offset, line, column) = saved  // not a pair: the next escape is read on its own
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"  // a lone surrogate cannot be held in a Swift string
    }

    /// Parses exactly `digits` hex digits, or moves nowhere and returns nil.
    private mutating func parseHex(digits: Int) -> UInt32? {
        var value: UInt32 = 0
        for distance in 0..<digits {
            guard let byte = peek(at: distance), let digit = hexValue(byte) else { return nil }
            value = value * 16 + digit
        }
        for _ in 0..<digits { advance() }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func append(_ scalar: Unicode.Scalar, to text: inout [UInt8]) {
        text.append(contentsOf: Array(String(scalar).utf8))
    }
}
