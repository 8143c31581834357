import Foundation

// Reads Google VSAQ questionnaire templates (github.com/google/vsaq, `questionnaires/*.json`).
//
// The templates are JavaScript object literals rather than strict JSON: they open with `//`
// licence comments and split long strings as `"..." +` across lines. So they are read by a small
// tolerant parser (``VSAQParser``) into a tree that keeps line numbers, and that tree is walked
// into a ``Questionnaire``.
//
// How each VSAQ item type becomes (or does not become) a ``QuestionnaireItem``:
//
// | VSAQ type         | item?  | answer type      | allowed answers                   | answer cell                  |
// |-------------------|--------|------------------|-----------------------------------|------------------------------|
// | `radiogroup`      | yes    | choice           | the choice labels, in order       | the choice ids, `,`-joined   |
// | `checkgroup`      | yes    | multiple-choice  | the choice (or `check`) labels    | the choice ids, `,`-joined   |
// | `yesno`           | yes    | choice           | its `yes` and `no` labels         | its id (`yes` / `no`)        |
// | `check`, `radio`  | yes    | choice           | `Yes`, `No`                       | its id (`checked` / empty)   |
// | `line`, `box`     | yes    | text             |                                   | its id                       |
// | `upload`          | yes    | text (+ a note)  |                                   | its id                       |
// | `block`           | no     | its text becomes a section of the items inside                                  |
// | `tip`             | no     | its text becomes guidance of the question its `cond` refers to                  |
// | `info`            | no     | its text is the question of a following group that has no text of its own      |
// | `spacer`, other   | no     | other types are counted in the sheet's reason                                   |
//
// VSAQ stores a radio or check group's answer under each choice's id (`{"choice_id": "checked"}`),
// not under the group's id, which is optional; so a group's answer cell lists the choice ids in
// the order of its allowed answers.

/// The most bytes a VSAQ template is read from: 64 MiB, hundreds of times the largest real one.
let vsaqMaximumSize = 64 << 20

/// How many objects and arrays may be nested in a VSAQ template.
let vsaqMaximumDepth = 128

/// Reads a VSAQ template (or template extension) into a Questionnaire: every item that takes an answer becomes an item.
///
/// The template may hold `//` and `/* */` comments, `"..." + "..."` concatenation, trailing
/// commas, single-quoted strings and unquoted keys. Text is stripped of HTML markup, its entities
/// decoded and its whitespace collapsed. Blocks give the items their sections; an extension's
/// items get a first section saying where they go (`insert after network`) and its namespace
/// in their ids (`mycompany:company_specific`), as VSAQ applies it. A group without an id gets
/// one made from its choice ids (``QuestionnaireItem/idGenerated`` is then true).
///
/// Tips (VSAQ's advice bubbles) are not items, although those with a `why` prompt take a
/// clarification in VSAQ; their text becomes the guidance of the question their condition
/// refers to.
/// - Parameter path: The template file.
/// - Returns: One sheet layout named after the file, and the items in template order.
/// - Throws: ``QuestionnaireError``: `unreadable`, `tooLarge`, `syntax` (with line and column),
///   `notAVSAQTemplate` or `invalidTemplate`.
public func readVSAQTemplate(path: String) throws -> Questionnaire {
    let bytes = try readVSAQBytes(path: path)
    let root: VSAQValue
    do throws(VSAQSyntaxError) {
        root = try VSAQParser.parse(bytes)
    } catch {
        throw QuestionnaireError.syntax(path: path, line: error.line, column: error.column, message: error.message)
    }
    return try VSAQTemplateWalker.questionnaire(from: root, path: path)
}

/// Whether bytes look like a VSAQ template (JSON-ish, with "questionnaire" or "extensions" at the top level), cheaply.
///
/// Only the first 64 KiB are looked at: they must open an object (after any comments) whose keys,
/// read in order, reach `questionnaire` or `extensions` with an array value.
/// - Parameter bytes: The file's bytes, or its first few kilobytes.
/// - Returns: True if a VSAQ template or template extension starts there.
public func looksLikeVSAQTemplate(_ bytes: [UInt8]) -> Bool {
    VSAQParser.startsWithTemplateKey(Array(bytes.prefix(64 << 10)))
}

/// Reads at most ``vsaqMaximumSize`` bytes of a file.
private func readVSAQBytes(path: String) throws -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw QuestionnaireError.unreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
        throw QuestionnaireError.unreadable(path: path, reason: "it is a directory")
    }
    let data: Data?
    do {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        data = try handle.read(upToCount: vsaqMaximumSize + 1)
    } catch {
        throw QuestionnaireError.unreadable(path: path, reason: error.localizedDescription)
    }
    let bytes = [UInt8](data ?? Data())
    guard bytes.count <= vsaqMaximumSize else {
        throw QuestionnaireError.tooLarge(path: path, limit: vsaqMaximumSize)
    }
    return bytes
}

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

// MARK: - Walking the template

/// Walks a parsed VSAQ template into a ``Questionnaire``.
struct VSAQTemplateWalker {
    /// The item types that take an answer.
    static let answerableTypes: Set<String> = [
        "radiogroup", "checkgroup", "yesno", "check", "radio", "line", "box", "upload",
    ]

    /// The guidance given with an `upload` item.
    static let uploadNote = "VSAQ asks for a file upload here (PDF, ODT, DOC or DOCX)."

    private let path: String
    private let namespace: String?
    /// Every id in the template (items and choices), with the namespace applied.
    private let templateIDs: Set<String>
    private var usedIDs: Set<String> = []
    private var items: [QuestionnaireItem] = []
    private var blockCount = 0
    private var skippedTypes: [String: Int] = [:]
    private var lineSuffixes: [String: Int] = [:]

    private init(path: String, namespace: String?, templateIDs: Set<String>) {
        self.path = path
        self.namespace = namespace
        self.templateIDs = templateIDs
    }

    /// Reads the questionnaire from a parsed template or template extension.
    static func questionnaire(from root: VSAQValue, path: String) throws -> Questionnaire {
        var walker: VSAQTemplateWalker
        let kind: String
        if let top = root.elements {
            // VSAQ's own `setTemplate` takes a bare array of items; accept that too.
            walker = VSAQTemplateWalker(path: path, namespace: nil, templateIDs: collectIDs(top, namespace: nil))
            try walker.walk(top, section: [], blockTitle: nil)
            kind = "VSAQ template"
        } else if root.members == nil {
            throw QuestionnaireError.notAVSAQTemplate(
                path: path,
                reason: "the file holds \(root.kindName), not an object"
            )
        } else if let questionnaire = root["questionnaire"] {
            guard let top = questionnaire.elements else {
                throw QuestionnaireError.notAVSAQTemplate(
                    path: path,
                    reason: "\"questionnaire\" on line \(questionnaire.line) is \(questionnaire.kindName), not an array"
                )
            }
            walker = VSAQTemplateWalker(path: path, namespace: nil, templateIDs: collectIDs(top, namespace: nil))
            try walker.walk(top, section: [], blockTitle: nil)
            kind = "VSAQ template"
        } else if let extensions = root["extensions"] {
            guard let entries = extensions.elements else {
                throw QuestionnaireError.notAVSAQTemplate(
                    path: path,
                    reason: "\"extensions\" on line \(extensions.line) is \(extensions.kindName), not an array"
                )
            }
            let namespace = root["namespace"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            walker = VSAQTemplateWalker(
                path: path,
                namespace: namespace,
                templateIDs: collectIDs(entries, namespace: namespace)
            )
            for (position, entry) in entries.enumerated() {
                let anchor = try insertionPoint(of: entry, position: position, path: path)
                try walker.walk([entry], section: [anchor], blockTitle: nil)
            }
            kind = namespace.map { "VSAQ template extension (namespace \($0))" } ?? "VSAQ template extension"
        } else {
            let keys = (root.members ?? []).prefix(5).map { "\"\($0.key)\"" }.joined(separator: ", ")
            throw QuestionnaireError.notAVSAQTemplate(
                path: path,
                reason: "its top-level object has no \"questionnaire\" or \"extensions\" key"
                    + (keys.isEmpty ? "" : " (it has \(keys))")
            )
        }
        return walker.result(kind: kind)
    }

    /// `insert after <id>` or `insert before <id>` for one extension entry.
    private static func insertionPoint(of entry: VSAQValue, position: Int, path: String) throws -> String {
        let after = entry["insertAfter"]?.string
        let before = entry["insertBefore"]?.string
        switch (after, before) {
        case (let id?, nil): return "insert after \(id)"
        case (nil, let id?): return "insert before \(id)"
        default:
            throw QuestionnaireError.invalidTemplate(
                path: path,
                line: entry.line,
                reason: "extension \(position + 1) must have either \"insertAfter\" or \"insertBefore\" "
                    + "(a string id), not both or neither"
            )
        }
    }

    /// Every item and choice id under `values`, with the namespace applied.
    private static func collectIDs(_ values: [VSAQValue], namespace: String?) -> Set<String> {
        var ids: Set<String> = []
        var pending = values
        while let value = pending.popLast() {
            if let id = value["id"]?.string { ids.insert(qualified(id, namespace)) }
            for choice in value["choices"]?.elements ?? [] {
                if let key = choice.members?.first?.key { ids.insert(qualified(key, namespace)) }
            }
            pending.append(contentsOf: value["items"]?.elements ?? [])
        }
        return ids
    }

    private static func qualified(_ id: String, _ namespace: String?) -> String {
        namespace.map { "\($0):\(id)" } ?? id
    }

    private func result(kind: String) -> Questionnaire {
        var reason = "\(kind): \(count(items.count, "item")) in \(count(blockCount, "block"))"
        if !skippedTypes.isEmpty {
            let skipped = skippedTypes.sorted { $0.key < $1.key }.map {
                "\(count($0.value, "item")) of type `\($0.key)`"
            }
            reason += "; passed over \(skipped.joined(separator: ", ")), which VSAQ does not know"
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let layout = SheetLayout(
            sheet: name,
            status: items.isEmpty ? .ignored : .questionnaire,
            reason: items.isEmpty ? reason + "; no questions found" : reason,
            itemCount: items.count
        )
        return Questionnaire(file: path, format: "vsaq", sheets: [layout], items: items)
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Walks one array of sibling items.
    private mutating func walk(_ siblings: [VSAQValue], section: [String], blockTitle: String?) throws {
        // The text an item without text of its own borrows: that of the nearest sibling before it
        // that is an `info` or a question with text, passing over tips, spacers and questions
        // without text, but not over a block.
        var borrowable: String?
        // For each answer key (as written), the index in `items` of the latest question with it.
        var questionsByKey: [String: Int] = [:]
        for sibling in siblings {
            guard sibling.members != nil else {
                throw QuestionnaireError.invalidTemplate(
                    path: path,
                    line: sibling.line,
                    reason: "an item must be an object with a \"type\", not \(sibling.kindName)"
                )
            }
            let type = sibling["type"]?.string ?? ""
            let text = VSAQText.plain(sibling["text"]?.string ?? "")
            switch type {
            case "block":
                blockCount += 1
                try walk(
                    sibling["items"]?.elements ?? [],
                    section: text.isEmpty ? section : section + [text],
                    blockTitle: text.isEmpty ? blockTitle : text
                )
                borrowable = nil
            case _ where Self.answerableTypes.contains(type):
                let question = text.isEmpty ? borrowable ?? blockTitle ?? sibling["id"]?.string ?? "" : text
                let (item, keys) = makeItem(sibling, type: type, section: section, question: question)
                for key in keys { questionsByKey[key] = items.count }
                usedIDs.insert(item.id)
                items.append(item)
                if !text.isEmpty { borrowable = text }
            case "tip":
                attachTip(sibling, questionsByKey: questionsByKey)
            case "info":
                if !text.isEmpty { borrowable = text }
            case "spacer":
                break
            default:
                skippedTypes[type.isEmpty ? "(none)" : type, default: 0] += 1
                borrowable = nil
            }
        }
    }

    /// The choices of a group: its `choices` (`{"id": "label"}`), then any `check` or `radio` items inside.
    private func choices(of group: VSAQValue) -> [(id: String?, label: String)] {
        var choices: [(id: String?, label: String)] = []
        for choice in group["choices"]?.elements ?? [] {
            if let member = choice.members?.first {
                choices.append((member.key, VSAQText.plain(member.value.string ?? "")))
            } else if let label = choice.string {
                choices.append((nil, VSAQText.plain(label)))
            }
        }
        for child in group["items"]?.elements ?? [] {
            let type = child["type"]?.string
            if type == "check" || type == "radio" {
                choices.append((child["id"]?.string, VSAQText.plain(child["text"]?.string ?? "")))
            }
        }
        return choices
    }

    /// Makes the item for one answerable VSAQ item, and returns the answer keys tips may name.
    private mutating func makeItem(
        _ value: VSAQValue,
        type: String,
        section: [String],
        question: String
    ) -> (QuestionnaireItem, Set<String>) {
        let ownID = value["id"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let isGroup = type == "radiogroup" || type == "checkgroup"
        let groupChoices = isGroup ? choices(of: value) : []
        let choiceIDs = groupChoices.compactMap(\.id)
        let id =
            ownID.map { Self.qualified($0, namespace) }
            ?? generatedID(choiceIDs: choiceIDs, type: type, line: value.line)
        var item = QuestionnaireItem(
            id: id,
            idGenerated: ownID == nil,
            section: section,
            question: question,
            answerCell: ownID.map { Self.qualified($0, namespace) },
            allowedAnswersSource: .template
        )
        switch type {
        case "radiogroup", "checkgroup":
            item.answerType = type == "radiogroup" ? .choice : .multipleChoice
            item.allowedAnswers = groupChoices.map(\.label)
            if case .bool(true) = value["defaultChoice"]?.kind {
                item.allowedAnswers.append("None of the above.")  // VSAQ's text; it has no stable answer key
            }
            let cell = choiceIDs.map { Self.qualified($0, namespace) }.joined(separator: ",")
            item.answerCell = cell.isEmpty ? nil : cell
        case "yesno":
            item.answerType = .choice
            let yes = VSAQText.plain(value["yes"]?.string ?? "")
            let no = VSAQText.plain(value["no"]?.string ?? "")
            item.allowedAnswers = [yes.isEmpty ? "Yes" : yes, no.isEmpty ? "No" : no]
        case "check", "radio":
            item.answerType = .choice
            item.allowedAnswers = ["Yes", "No"]
        case "upload":
            item.guidance = Self.uploadNote
        default:
            break  // line, box: free text
        }
        if item.allowedAnswers.isEmpty { item.allowedAnswersSource = nil }
        // Tips' conditions name answer keys as written; in an extension they may also carry the namespace.
        let keys = choiceIDs + (ownID.map { [$0] } ?? [])
        return (item, Set(keys + (namespace == nil ? [] : keys.map { Self.qualified($0, namespace) })))
    }

    /// An id for a group that has none: the choice ids' common stem (`secprog_ra` from
    /// `secprog_ra_often`, `secprog_ra_rare`) if no other id uses it, else the first choice's id,
    /// else the type and line (`checkgroup-line17`).
    private mutating func generatedID(choiceIDs: [String], type: String, line: Int) -> String {
        var candidates: [String] = []
        if let first = choiceIDs.first {
            var stem = choiceIDs.dropFirst().reduce(Substring(first)) { stem, id in
                stem.prefix(zip(stem, id).prefix { $0 == $1 }.count)
            }
            if let cut = stem.lastIndex(where: { "_-:.".contains($0) }) {
                stem = stem[..<cut]
                let qualified = Self.qualified(String(stem), namespace)
                if !stem.isEmpty, !templateIDs.contains(qualified) { candidates.append(qualified) }
            }
            candidates.append(Self.qualified(first, namespace))
        }
        candidates.append("\(type)-line\(line)")
        for candidate in candidates where !usedIDs.contains(candidate) {
            return candidate
        }
        // Several items on one line: number them; the count is kept so this stays linear.
        let base = "\(type)-line\(line)"
        var suffix = lineSuffixes[base, default: 2]
        while usedIDs.contains("\(base)-\(suffix)") { suffix += 1 }
        lineSuffixes[base] = suffix + 1
        return "\(base)-\(suffix)"
    }

    /// Adds a tip's text to the guidance of the nearest question before it whose answer its `cond` tests.
    private mutating func attachTip(_ tip: VSAQValue, questionsByKey: [String: Int]) {
        let condition = tip["cond"]?.string ?? ""
        let names = condition.split { !($0.isLetter || $0.isNumber || "_:.-".contains($0)) }
        guard let target = names.compactMap({ questionsByKey[String($0)] }).max() else { return }
        let text = VSAQText.plain(tip["text"]?.string ?? "")
        guard !text.isEmpty else { return }
        if items[target].guidance == nil {
            items[target].guidance = text
        } else {
            items[target].guidance?.append("\n" + text)  // in place, so many tips on one question stay linear
        }
    }
}
