/// Parses JSON (RFC 8259) into a ``DocumentNode`` tree that knows the line and column of every
/// value; duplicate keys, trailing commas, comments and nesting past the limit are errors.
struct JSONDocumentParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var nodeCount = 0

    init(_ bytes: [UInt8]) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        self.bytes = Array(bytes[start...])
    }

    /// Parses the whole document.
    static func parse(_ bytes: [UInt8]) throws(DocumentSyntaxError) -> DocumentNode {
        var parser = JSONDocumentParser(bytes)
        parser.skipSpace()
        let node = try parser.parseValue(depth: 0)
        parser.skipSpace()
        guard parser.position == parser.bytes.count else {
            throw parser.error("unexpected text after the end of the document")
        }
        return node
    }

    private var column: Int { position - lineStart + 1 }

    private func error(_ message: String) -> DocumentSyntaxError {
        DocumentSyntaxError(message: message, line: line, column: column)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(DocumentSyntaxError) -> DocumentNode {
        guard depth < DocumentLimits.maximumDepth else {
            throw error("nesting deeper than \(DocumentLimits.maximumDepth) levels")
        }
        nodeCount += 1
        guard nodeCount <= DocumentLimits.maximumNodes else {
            throw error("more than \(DocumentLimits.maximumNodes) values")
        }
        guard position < bytes.count else { throw error("the document ends where a value was expected") }
        let startLine = line
        let startColumn = column
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(key: String, node: DocumentNode)] = []
            var keys: Set<String> = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return DocumentNode(value: .mapping(members), line: startLine, column: startColumn)
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw error("expected a key in double quotes")
                }
                let keyColumn = column
                let key = try parseString()
                guard keys.insert(key).inserted else {
                    throw DocumentSyntaxError(message: "duplicate key \"\(key)\"", line: line, column: keyColumn)
                }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error("expected ':' after the key \"\(key)\"")
                }
                position += 1
                skipSpace()
                members.append((key, try parseValue(depth: depth + 1)))
                skipSpace()
                guard position < bytes.count else { throw error("the document ends inside an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
                position += 1
                return DocumentNode(value: .mapping(members), line: startLine, column: startColumn)
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [DocumentNode] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return DocumentNode(value: .sequence(items), line: startLine, column: startColumn)
            }
            while true {
                skipSpace()
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw error("the document ends inside a list") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
                position += 1
                return DocumentNode(value: .sequence(items), line: startLine, column: startColumn)
            }
        case UInt8(ascii: "\""):
            return DocumentNode(value: .scalar(try parseString()), line: startLine, column: startColumn)
        default:
            let start = position
            while position < bytes.count, Self.isBareByte(bytes[position]) { position += 1 }
            let word = String(decoding: bytes[start..<position], as: UTF8.self)
            switch word {
            case "true", "false":
                return DocumentNode(value: .scalar(word), line: startLine, column: startColumn)
            case "null":
                return DocumentNode(value: .null, line: startLine, column: startColumn)
            default:
                guard Self.isNumber(word) else {
                    position = start
                    throw error(word.isEmpty ? "unexpected character" : "unexpected word \"\(word.prefix(20))\"")
                }
                return DocumentNode(value: .scalar(word), line: startLine, column: startColumn)
            }
        }
    }

    private static func isBareByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    private static func isNumber(_ word: String) -> Bool {
        var scalars = Substring(word)
        if scalars.hasPrefix("-") { scalars = scalars.dropFirst() }
        let integerPart = scalars.prefix { $0.isASCII && $0.isNumber }
        guard !integerPart.isEmpty, integerPart == "0" || !integerPart.hasPrefix("0") else { return false }
        scalars = scalars.dropFirst(integerPart.count)
        if scalars.hasPrefix(".") {
            let fraction = scalars.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            scalars = scalars.dropFirst(1 + fraction.count)
        }
        if scalars.hasPrefix("e") || scalars.hasPrefix("E") {
            scalars = scalars.dropFirst()
            if scalars.hasPrefix("+") || scalars.hasPrefix("-") { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }

    private mutating func parseString() throws(DocumentSyntaxError) -> String {
        position += 1  // the opening quote
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: output, as: UTF8.self) else {
                    throw error("the text before this point is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { throw error("the document ends inside a string") }
                let escape = bytes[position + 1]
                position += 2
                switch escape {
                case UInt8(ascii: "\""): output.append(0x22)
                case UInt8(ascii: "\\"): output.append(0x5C)
                case UInt8(ascii: "/"): output.append(0x2F)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                            bytes[position + 1] == UInt8(ascii: "u")
                        else { throw error("a lone UTF-16 surrogate in a \\u escape") }
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("a bad UTF-16 surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("a \\u escape that is no character") }
                    output.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("unknown escape \\\(Character(Unicode.Scalar(escape)))")
                }
            case 0x00..<0x20:
                throw error("a control character inside a string (write line breaks as \\n)")
            default:
                output.append(byte)
                position += 1
            }
        }
        throw error("the document ends inside a string")
    }

    private mutating func parseHex4() throws(DocumentSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("a short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x37)
            case 0x61...0x66: digit = UInt32(byte - 0x57)
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
        }
        position += 4
        return value
    }
}
