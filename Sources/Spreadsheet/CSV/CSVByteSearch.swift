/// Finds the first of three byte values in a run of bytes, eight bytes at a time.
///
/// Each 8-byte word is compared with all three values at once (SWAR: a byte equals a value when
/// the XOR of the two is zero, and the zero bytes of a word can be flagged with a few arithmetic
/// operations); the bytes after the last whole word are compared one by one.
struct CSVByteSearch {
    private let first: UInt8
    private let second: UInt8
    private let third: UInt8
    private let firstPattern: UInt64
    private let secondPattern: UInt64
    private let thirdPattern: UInt64

    /// Makes a search for any of three byte values.
    init(_ first: UInt8, _ second: UInt8, _ third: UInt8) {
        self.first = first
        self.second = second
        self.third = third
        firstPattern = Self.ones &* UInt64(first)
        secondPattern = Self.ones &* UInt64(second)
        thirdPattern = Self.ones &* UInt64(third)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of every zero byte of `word`, and possibly of bytes above the lowest zero byte
    /// (a borrow can carry into them); the lowest flagged byte is always a zero byte.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }

    /// The first byte in `start..<end` equal to one of the three values, or `end`.
    @inline(__always)
    func firstMatch(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var cursor = start
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
            let matches =
                Self.zeroBytes(word ^ firstPattern) | Self.zeroBytes(word ^ secondPattern)
                | Self.zeroBytes(word ^ thirdPattern)
            if matches != 0 { return cursor + matches.trailingZeroBitCount >> 3 }
            cursor += 8
        }
        while cursor < end {
            let byte = cursor.pointee
            if byte == first || byte == second || byte == third { return cursor }
            cursor += 1
        }
        return end
    }
}
