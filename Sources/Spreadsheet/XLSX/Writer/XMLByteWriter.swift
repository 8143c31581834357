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
    /// The bytes written so far, behind a pointer: an append is a capacity check and a copy, with
    /// none of an array's uniqueness checks (a sheet of 200,000 rows makes millions of appends).
    private let storage: ByteStorage

    /// Makes a writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int = 4_096) {
        storage = ByteStorage(capacity: capacity)
    }

    /// How many bytes have been written (since the last flush).
    var count: Int { storage.count }

    /// A copy of the bytes written (since the last flush).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    /// Drops the bytes written after the first `count`.
    mutating func truncate(to count: Int) {
        storage.count = min(max(count, 0), storage.count)
    }

    /// How many bytes a part's writer gathers before handing them to the deflater.
    static let flushSize = 256 * 1_024

    /// Hands the bytes gathered so far to `deflater` and empties the buffer, keeping its room.
    mutating func flush(to deflater: EntryDeflater) {
        deflater.write(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
        storage.count = 0
    }

    /// Hands the bytes gathered so far to `deflater` once there are at least `flushSize` of them.
    mutating func flushIfFull(to deflater: EntryDeflater) {
        if storage.count >= Self.flushSize { flush(to: deflater) }
    }

    /// Appends the XML declaration that every part starts with.
    mutating func declaration() {
        literal("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
    }

    /// Appends markup as it is.
    mutating func literal(_ text: StaticString) {
        storage.append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends bytes as they are.
    mutating func raw(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { raw($0) }
    }

    /// Appends bytes as they are.
    mutating func raw(_ other: UnsafeBufferPointer<UInt8>) {
        if let base = other.baseAddress { storage.append(base, other.count) }
    }

    /// Appends a non-negative integer's decimal digits.
    mutating func integer(_ value: Int) {
        storage.appendDigits(UInt64(max(value, 0)))
    }

    /// Appends a finite number in its shortest round-trip form (`3`, `0.25`, `1e-05`), as
    /// `appendNumber` does.
    mutating func number(_ value: Double) {
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            let whole = Int64(value)
            if whole < 0 { storage.append(UInt8(ascii: "-")) }
            storage.appendDigits(whole.magnitude)
        } else {
            var text = value.description
            text.withUTF8 { raw($0) }
        }
    }

    /// Appends a cell reference such as `AB12` from the column's letters and the row number.
    mutating func cellReference(_ columnLetters: [UInt8], _ row: Int) {
        raw(columnLetters)
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
                    storage.append(Self.hexDigit(byte >> 4))
                    storage.append(Self.hexDigit(byte & 0x0F))
                    storage.append(UInt8(ascii: "_"))
                }
                replacementLength = 1
            }
            index += replacementLength
            runStart = index
        }
        flush(source, from: runStart, to: count)
    }

    private mutating func flush(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end, let base = source.baseAddress else { return }
        storage.append(base + start, end - start)
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

/// A growable run of bytes behind a raw pointer, for ``XMLByteWriter``.
final class ByteStorage {
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// The bytes in use; lowering it drops the bytes past it.
    var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends `length` bytes from `source`.
    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity { grow(to: count + length) }
        (base + count).update(from: source, count: length)
        count += length
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends a number's decimal digits.
    @inline(__always)
    func appendDigits(_ value: UInt64) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        if count + length > capacity { grow(to: count + length) }
        var remaining = value
        var index = count + length - 1
        repeat {
            base[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
            index -= 1
        } while remaining > 0
        count += length
    }

    private func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }
}
