#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Collects the text of a workbook being written: each distinct text once, numbered in the order
/// it is first used, and writes `xl/sharedStrings.xml`.
///
/// Texts are compared as UTF-8 bytes, not as Swift `String`s: `String` equality treats `é` and
/// `e` + combining accent as the same, and merging them would change what the caller wrote.
/// The hash is seeded at random so that crafted text cannot make lookups slow; the seed never
/// shows in the output, which follows first use only.
struct SharedStringsBuilder {
    /// Every distinct text's UTF-8 bytes, one after the other.
    private var arena: [UInt8] = []
    /// Where text `i` starts in ``arena``; one more entry than texts, ending at `arena.count`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing; 0 is a free slot.
    ///
    /// A slot holds a text's index plus one in its low 32 bits and the top 32 bits of the text's
    /// hash in its high ones, so that a probe passes over other texts without reading them.
    private var slots: [UInt64] = Array(repeating: 0, count: 1_024)
    private let seed = UInt64.random(in: .min ... .max)
    /// How many cells refer to a shared string (`count` in the part).
    private(set) var referenceCount = 0

    /// The number of distinct texts (`uniqueCount` in the part).
    var count: Int { hashes.count }

    /// The index of a text, adding it if it is new, and counts one more reference to it.
    mutating func index(of text: String) -> Int {
        var text = text
        return text.withUTF8 { index(of: $0) }
    }

    /// The index of a text given as UTF-8, adding it if it is new, and counts one more reference.
    mutating func index(of text: UnsafeBufferPointer<UInt8>) -> Int {
        index(of: text, hash: Self.hash(text, seed: seed))
    }

    private mutating func index(of text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        referenceCount += 1
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let found = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(found, text) { return found }
            }
            slot = (slot + 1) & mask
        }
        let index = hashes.count
        arena.append(contentsOf: text)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = tag | UInt64(index + 1)
        if hashes.count * 2 > slots.count { grow() }
        return index
    }

    /// Writes the part into `deflater`: `<si>` elements in index order, with `xml:space="preserve"`
    /// on text that starts or ends with white space.
    func writePart(into deflater: EntryDeflater) {
        var xml = XMLByteWriter(capacity: XMLByteWriter.flushSize + 64 * 1_024)
        xml.declaration()
        xml.literal("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        xml.integer(referenceCount)
        xml.literal("\" uniqueCount=\"")
        xml.integer(count)
        xml.literal("\">")
        arena.withUnsafeBufferPointer { all in
            for index in 0..<count {
                let text = UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])
                if let first = text.first, let last = text.last, isXMLSpace(first) || isXMLSpace(last) {
                    xml.literal("<si><t xml:space=\"preserve\">")
                } else {
                    xml.literal("<si><t>")
                }
                xml.text(text, .cellText)
                xml.literal("</t></si>")
                xml.flushIfFull(to: deflater)
            }
        }
        xml.literal("</sst>")
        xml.flush(to: deflater)
    }

    private func equals(_ index: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == text.count else { return false }
        guard let textBase = text.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return false }
            return memcmp(base + start, textBase, text.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
        }
        slots = larger
    }

    /// A fast 64-bit hash of bytes, eight at a time, with a multiply-xorshift mix.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        var hash = seed ^ (UInt64(text.count) &* 0x9E37_79B9_7F4A_7C15)
        let raw = UnsafeRawBufferPointer(text)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < raw.count {
            tail = tail << 8 | UInt64(raw[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}

/// Whether a byte is white space that XML would let a reader trim (space, tab, LF, CR).
private func isXMLSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
