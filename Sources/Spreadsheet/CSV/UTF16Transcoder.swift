/// Turns UTF-16 bytes, fed in chunks of any size, into UTF-8.
///
/// A chunk may end between the two bytes of a code unit or between the two units of a surrogate
/// pair; the transcoder keeps what it cannot finish and completes it with the next chunk.
struct UTF16Transcoder {
    /// Whether the file is big-endian (`FE FF` byte-order mark).
    let isBigEndian: Bool
    /// The first byte of a code unit that the previous chunk cut off.
    private var pendingByte: UInt8?
    /// A high surrogate that the previous chunk ended with.
    private var pendingHighSurrogate: UInt16?

    /// Makes a transcoder for one byte order.
    init(isBigEndian: Bool) {
        self.isBigEndian = isBigEndian
    }

    /// The most UTF-8 bytes ``transcode(_:into:isFinal:)`` writes for `count` input bytes.
    static func maxOutput(forInput count: Int) -> Int { count / 2 * 3 + 8 }

    /// Transcodes one chunk to UTF-8 at `output`, which must have room for
    /// ``maxOutput(forInput:)`` bytes.
    ///
    /// Stops before U+0000 or an unpaired surrogate; with `isFinal`, also reports a cut-off unit
    /// or a high surrogate at the very end.
    mutating func transcode(
        _ input: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutablePointer<UInt8>,
        isFinal: Bool
    ) -> (written: Int, stop: CSVDecodingStop?) {
        var written = 0
        var index = 0
        let count = input.count
        while true {
            let unit: UInt16
            if let first = pendingByte {
                guard index < count else { break }
                unit = combine(first, input[index])
                pendingByte = nil
                index += 1
            } else if index + 1 < count {
                unit = combine(input[index], input[index + 1])
                index += 2
            } else {
                if index < count { pendingByte = input[index] }
                break
            }
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                guard unit & 0xFC00 == 0xDC00 else { return (written, .unpairedSurrogate(high)) }
                let scalar = 0x10000 + (UInt32(high & 0x3FF) << 10 | UInt32(unit & 0x3FF))
                output[written] = UInt8(0xF0 | scalar >> 18)
                output[written + 1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
                output[written + 2] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                output[written + 3] = UInt8(0x80 | scalar & 0x3F)
                written += 4
                continue
            }
            switch unit {
            case 0:
                return (written, .nul)
            case 0x01..<0x80:
                output[written] = UInt8(unit)
                written += 1
            case 0x80..<0x800:
                output[written] = UInt8(0xC0 | unit >> 6)
                output[written + 1] = UInt8(0x80 | unit & 0x3F)
                written += 2
            case 0xD800..<0xDC00:
                pendingHighSurrogate = unit
            case 0xDC00..<0xE000:
                return (written, .unpairedSurrogate(unit))
            default:
                output[written] = UInt8(0xE0 | unit >> 12)
                output[written + 1] = UInt8(0x80 | (unit >> 6) & 0x3F)
                output[written + 2] = UInt8(0x80 | unit & 0x3F)
                written += 3
            }
        }
        if isFinal {
            if let high = pendingHighSurrogate { return (written, .unpairedSurrogate(high)) }
            if pendingByte != nil { return (written, .truncatedUTF16) }
        }
        return (written, nil)
    }

    @inline(__always)
    private func combine(_ first: UInt8, _ second: UInt8) -> UInt16 {
        isBigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }
}
