import Foundation

/// Any encodable value as Quire writes JSON: sorted keys, short containers on one line,
/// two-space indentation, a final line break; the same value always gives the same bytes.
public func canonicalJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Value types with string keys and finite numbers always encode.
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return JSONLayout.format([UInt8](data))
}

/// Lays out compact JSON for people to read.
///
/// A container that fits in the line width stays on one line; a longer one puts each member on
/// its own line, indented two spaces a level.
/// The same input always gives the same text, whatever Foundation's own pretty-printer does.
struct JSONLayout {
    private let bytes: [UInt8]
    private let width: Int
    private var output: [UInt8] = []

    /// Lays out `compact`, which must be valid JSON without insignificant white space.
    static func format(_ compact: [UInt8], width: Int = 100) -> String {
        var layout = JSONLayout(bytes: compact, width: width)
        var position = 0
        layout.value(at: &position, indent: 0)
        layout.output.append(0x0A)
        return String(decoding: layout.output, as: UTF8.self)
    }

    private init(bytes: [UInt8], width: Int) {
        self.bytes = bytes
        self.width = width
    }

    /// The index just past the value that starts at `start`.
    private func end(ofValueAt start: Int) -> Int {
        var position = start
        var depth = 0
        var inString = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if inString {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return position }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // A bare value (number, true, false, null) ends at its container's close.
                if depth == 0 { return position - 1 }
                depth -= 1
                if depth == 0 { return position }
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                if depth == 0 { return position - 1 }
            default: break
            }
        }
        return position
    }

    /// Copies a value on one line, with a space after each `:` and `,` outside strings.
    private mutating func inline(_ range: Range<Int>) {
        var inString = false
        var escaped = false
        for byte in bytes[range] {
            output.append(byte)
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",") {
                output.append(0x20)
            }
        }
    }

    private mutating func value(at position: inout Int, indent: Int) {
        let start = position
        let stop = end(ofValueAt: start)
        let opener = bytes[start]
        let lineStart = output.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let isContainer = opener == UInt8(ascii: "{") || opener == UInt8(ascii: "[")
        // A container fits if, laid out inline (roughly 1.1 times its compact size), it ends
        // before the width.
        if !isContainer || (output.count - lineStart) + (stop - start) * 11 / 10 <= width || stop - start == 2 {
            inline(start..<stop)
            position = stop
            return
        }
        let closer = opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        output.append(opener)
        position += 1
        while bytes[position] != closer {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent + 2))
            if opener == UInt8(ascii: "{") {
                let keyEnd = end(ofValueAt: position)
                output.append(contentsOf: bytes[position..<keyEnd])
                output.append(contentsOf: [UInt8(ascii: ":"), 0x20])
                position = keyEnd + 1
            }
            value(at: &position, indent: indent + 2)
            if bytes[position] == UInt8(ascii: ",") {
                output.append(UInt8(ascii: ","))
                position += 1
            }
        }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent))
        output.append(closer)
        position += 1
    }
}
