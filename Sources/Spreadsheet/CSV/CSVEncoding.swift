/// The text encoding of a CSV file.
///
/// UTF-8 and UTF-16 are recognised by their byte-order mark; UTF-8 without one is assumed. A file
/// that turns out not to be UTF-8 is read as Windows-1252 only when nothing in it reads as UTF-8
/// (see ``CSVText``).
enum CSVEncoding: Equatable, Sendable {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    case windows1252

    /// The encoding a file's first bytes announce, and the length of its byte-order mark.
    static func detect(prefix: [UInt8]) -> (encoding: CSVEncoding, byteOrderMarkLength: Int) {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if prefix.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if prefix.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return (.utf8, 0)
    }

    /// The ASCII characters of `bytes` (after the byte-order mark), every other character as 0x80.
    ///
    /// Enough for sniffing the delimiter, which only looks at ASCII punctuation and line ends.
    func asciiProjection(of bytes: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .utf8, .windows1252:
            return Array(bytes)
        case .utf16LittleEndian, .utf16BigEndian:
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count / 2)
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let (low, high) =
                    self == .utf16LittleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
                result.append(high == 0 && low < 0x80 ? low : 0x80)
                index += 2
            }
            return result
        }
    }
}

/// Why decoding stopped short of the bytes read: the reader turns it into an error once the
/// record parser has reached that point, so the error can name the line and column.
enum CSVDecodingStop: Equatable, Sendable {
    /// A byte that does not start or continue a valid UTF-8 sequence.
    case invalidUTF8(byte: UInt8)
    /// A NUL byte (or U+0000 character), which text files do not hold.
    case nul
    /// A UTF-16 surrogate without its partner.
    case unpairedSurrogate(UInt16)
    /// A UTF-16 file with an odd number of bytes.
    case truncatedUTF16
}
