/// Builds an XML part as UTF-8 bytes, appending literals, numbers and escaped text without
/// making a `String` per element.
///
/// Escaping follows what Excel reads back unchanged: `&`, `<`, `>` and `"` become entities; a
/// carriage return becomes `&#13;` (a literal one would be read as a line feed); characters that
/// XML 1.0 cannot hold (C0 controls other than tab and line feed, U+FFFE, U+FFFF) become
/// ECMA-376's `_xHHHH_` in cell text and are dropped elsewhere; and in cell text an underscore
/// that would otherwise start such an escape (`_x000D_` typed as text) is itself escaped as
/// `_x005F_`, so the text reads back as typed.
struct XMLByteWriter {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Makes a writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int = 4_096) {
        bytes.reserveCapacity(capacity)
    }

    /// How many bytes a part's writer gathers before handing them to the deflater.
    static let flushSize = 256 * 1_024

    /// Hands the bytes gathered so far to `deflater` and empties the buffer, keeping its room.
    mutating func flush(to deflater: EntryDeflater) {
        deflater.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the bytes gathered so far to `deflater` once there are at least `flushSize` of them.
    mutating func flushIfFull(to deflater: EntryDeflater) {
        if bytes.count >= Self.flushSize { flush(to: deflater) }
    }

    /// Appends the XML declaration that every part starts with.
    mutating func declaration() {
        literal("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
    }

    /// Appends markup as it is.
    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as they are.
    mutating func raw(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends bytes as they are.
    mutating func raw(_ other: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: other)
    }

    /// Appends a non-negative integer's decimal digits.
    mutating func integer(_ value: Int) {
        appendDigits(UInt64(max(value, 0)), minimumWidth: 1, to: &bytes)
    }

    /// Appends a finite number in its shortest round-trip form (`3`, `0.25`, `1e-05`).
    mutating func number(_ value: Double) {
        appendNumber(value, to: &bytes)
    }

    /// Appends a cell reference such as `AB12` from the column's letters and the row number.
    mutating func cellReference(_ columnLetters: [UInt8], _ row: Int) {
        bytes.append(contentsOf: columnLetters)
        integer(row)
    }

    /// Where escaped text goes, which decides what happens to characters XML cannot hold.
    enum Context {
        /// A cell's text (`<t>`, an `ST_Xstring`): `_xHHHH_` escapes for what XML cannot hold.
        case cellText
        /// Other element content, such as a formula: what XML cannot hold is dropped.
        case content
        /// An attribute value: what XML cannot hold is dropped; tab, line feed and carriage return
        /// become character references, since attribute normalisation would turn them into spaces.
        case attribute
    }

    /// Appends text escaped for element content or an attribute value.
    mutating func text(_ value: String, _ context: Context) {
        var value = value
        value.withUTF8 { escape($0, context) }
    }

    /// Appends UTF-8 text escaped for element content or an attribute value.
    mutating func text(_ value: UnsafeBufferPointer<UInt8>, _ context: Context) {
        escape(value, context)
    }

    private mutating func escape(_ source: UnsafeBufferPointer<UInt8>, _ context: Context) {
        let count = source.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = source[index]
            // Most bytes need nothing; copy them in runs.
            guard
                byte < 0x20 || byte == 0x22 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x5F
                    || byte == 0xEF
            else {
                index += 1
                continue
            }
            let replacementLength: Int
            switch byte {
            case 0x22:
                flush(source, from: runStart, to: index)
                literal("&quot;")
                replacementLength = 1
            case 0x26:
                flush(source, from: runStart, to: index)
                literal("&amp;")
                replacementLength = 1
            case 0x3C:
                flush(source, from: runStart, to: index)
                literal("&lt;")
                replacementLength = 1
            case 0x3E:
                flush(source, from: runStart, to: index)
                literal("&gt;")
                replacementLength = 1
            case 0x5F:
                guard context == .cellText, Self.startsEscape(source, at: index) else {
                    index += 1
                    continue
                }
                flush(source, from: runStart, to: index)
                literal("_x005F_")
                replacementLength = 1
            case 0xEF:
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                guard index + 2 < count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE else {
                    index += 1
                    continue
                }
                flush(source, from: runStart, to: index)
                if context == .cellText { literal(source[index + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_") }
                replacementLength = 3
            case 0x09, 0x0A:
                guard context == .attribute else {
                    index += 1
                    continue
                }
                flush(source, from: runStart, to: index)
                literal(byte == 0x09 ? "&#9;" : "&#10;")
                replacementLength = 1
            case 0x0D:
                flush(source, from: runStart, to: index)
                literal("&#13;")
                replacementLength = 1
            default:
                flush(source, from: runStart, to: index)
                if context == .cellText {
                    literal("_x00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0x0F))
                    bytes.append(UInt8(ascii: "_"))
                }
                replacementLength = 1
            }
            index += replacementLength
            runStart = index
        }
        flush(source, from: runStart, to: count)
    }

    private mutating func flush(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
    }

    /// Whether `_xHHHH_` starts at `index`, which a reader would decode.
    private static func startsEscape(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < source.count, source[index + 1] == UInt8(ascii: "x"), source[index + 6] == UInt8(ascii: "_")
        else { return false }
        return source[(index + 2)..<(index + 6)].allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
