/// Windows-1252 ("ANSI", Western European), the encoding Excel on Windows uses for plain CSV.
///
/// Bytes 0x00–0x7F and 0xA0–0xFF are the Unicode code points of the same number; 0x80–0x9F hold
/// typographic characters such as curly quotes and the euro sign.
enum Windows1252 {
    /// The code points of bytes 0x80–0x9F.
    ///
    /// The five bytes the encoding leaves undefined map to the C1 control of the same number, as the
    /// WHATWG Encoding Standard does.
    static let highControls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Whether the encoding leaves the byte undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    static func isUndefined(_ byte: UInt8) -> Bool {
        byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D
    }

    /// Transcodes `input` to UTF-8 at `output`, which must have room for three bytes per input
    /// byte; stops before a NUL byte.
    static func transcode(
        _ input: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutablePointer<UInt8>
    ) -> (written: Int, stop: CSVDecodingStop?) {
        var written = 0
        for byte in input {
            switch byte {
            case 0:
                return (written, .nul)
            case 0x01..<0x80:
                output[written] = byte
                written += 1
            case 0x80..<0xA0:
                let scalar = highControls[Int(byte - 0x80)]
                if scalar < 0x800 {
                    output[written] = UInt8(0xC0 | scalar >> 6)
                    output[written + 1] = UInt8(0x80 | scalar & 0x3F)
                    written += 2
                } else {
                    output[written] = UInt8(0xE0 | scalar >> 12)
                    output[written + 1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
                    output[written + 2] = UInt8(0x80 | scalar & 0x3F)
                    written += 3
                }
            default:
                output[written] = 0xC0 | byte >> 6
                output[written + 1] = 0x80 | byte & 0x3F
                written += 2
            }
        }
        return (written, nil)
    }

    /// What reading the rest of a file as Windows-1252 would run into.
    enum Verdict: Equatable {
        /// Nothing: every byte is defined and nothing reads as UTF-8.
        case plausible
        /// A well-formed multi-byte UTF-8 sequence, so the file mixes encodings.
        case holdsUTF8
        /// A byte the encoding leaves undefined.
        case holdsUndefinedByte
    }

    /// Scans `file` from `offset` to its end for reasons not to read it as Windows-1252.
    static func check(_ file: CSVFile, from offset: Int64, chunkSize: Int) throws(SpreadsheetError) -> Verdict {
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
        var position = offset
        while true {
            let count = try buffer.withUnsafeMutableBufferPointer { (raw) throws(SpreadsheetError) in
                try file.read(at: position, into: raw)
            }
            let isLast = count < buffer.count
            // A sequence may straddle the chunk's end: stop three bytes short and read it again.
            let limit = isLast ? count : count - 3
            let verdict = buffer.withUnsafeBufferPointer { bytes -> Verdict? in
                guard let base = bytes.baseAddress else { return nil }
                for index in 0..<limit where base[index] >= 0x80 {
                    if isUndefined(base[index]) { return .holdsUndefinedByte }
                    if case .valid = checkUTF8Sequence(base + index, available: count - index) {
                        return .holdsUTF8
                    }
                }
                return nil
            }
            if let verdict { return verdict }
            if isLast { return .plausible }
            position += Int64(limit)
        }
    }
}
