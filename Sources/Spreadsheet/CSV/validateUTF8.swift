/// How far a run of bytes is valid UTF-8.
enum UTF8Validation: Equatable {
    /// Every byte before `upTo` is valid; the bytes after it (at most 3) start a sequence that
    /// needs more input to judge.
    case valid(upTo: Int)
    /// The byte at `at` is the first that is not valid UTF-8.
    case invalid(at: Int)
    /// The byte at `at` is NUL, which text never holds.
    case nul(at: Int)
}

/// Validates `buffer[from...]` as UTF-8, stopping at the first invalid or NUL byte.
///
/// Runs of ASCII are checked 16 bytes at a time; only bytes from 0x80 up take the slow path.
/// - Parameters:
///   - buffer: The bytes.
///   - start: Where validation starts, at a character boundary.
///   - isFinal: Whether no bytes follow the buffer, so a sequence cut off at its end is invalid.
///   - sawMultibyte: Set to `true` when a valid sequence of two or more bytes is found.
/// - Returns: How far the bytes are valid, and why they stop there.
func validateUTF8(
    _ buffer: UnsafeBufferPointer<UInt8>,
    from start: Int,
    isFinal: Bool,
    sawMultibyte: inout Bool
) -> UTF8Validation {
    guard let base = buffer.baseAddress else { return .valid(upTo: start) }
    let count = buffer.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    var index = start
    while true {
        // A byte is plain ASCII and not NUL exactly when neither it nor it minus one has the high
        // bit set; a borrow out of a zero byte only ever sets bits above it, so there are no misses.
        while index + 16 <= count {
            let raw = UnsafeRawPointer(base + index)
            let first = raw.loadUnaligned(as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if ((first &- ones) | first | (second &- ones) | second) & highBits != 0 { break }
            index += 16
        }
        guard index < count else { return .valid(upTo: count) }
        let lead = base[index]
        if lead < 0x80 {
            if lead == 0 { return .nul(at: index) }
            index += 1
            continue
        }
        switch checkUTF8Sequence(base + index, available: count - index) {
        case .valid(let length):
            sawMultibyte = true
            index += length
        case .invalid:
            return .invalid(at: index)
        case .incomplete:
            return isFinal ? .invalid(at: index) : .valid(upTo: index)
        }
    }
}

/// What the bytes at a lead byte of 0x80 or more hold.
enum UTF8Sequence: Equatable {
    /// A well-formed sequence of `length` bytes (2 to 4).
    case valid(length: Int)
    /// Not the start of a well-formed sequence.
    case invalid
    /// A well-formed start that the available bytes cut off.
    case incomplete
}

/// Checks the multi-byte sequence that starts at `pointer`, reading at most `available` bytes.
///
/// The allowed range of the second byte follows Unicode's table of well-formed sequences (no
/// overlong forms, no surrogates, nothing above U+10FFFF).
@inline(__always)
func checkUTF8Sequence(_ pointer: UnsafePointer<UInt8>, available: Int) -> UTF8Sequence {
    let length: Int
    var secondLow: UInt8 = 0x80
    var secondHigh: UInt8 = 0xBF
    switch pointer[0] {
    case 0xC2...0xDF: length = 2
    case 0xE0:
        length = 3
        secondLow = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
        length = 3
        secondHigh = 0x9F
    case 0xF0:
        length = 4
        secondLow = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
        length = 4
        secondHigh = 0x8F
    default: return .invalid
    }
    let present = min(length, available)
    for offset in 1..<present {
        let byte = pointer[offset]
        let valid = offset == 1 ? (byte >= secondLow && byte <= secondHigh) : (byte & 0xC0 == 0x80)
        if !valid { return .invalid }
    }
    return present < length ? .incomplete : .valid(length: length)
}
