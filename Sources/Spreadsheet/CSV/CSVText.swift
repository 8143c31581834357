/// A window onto a CSV file's text as validated UTF-8: the unparsed tail of the last chunk plus
/// the next chunk, whatever the file's encoding.
///
/// The reader parses `bytes[start..<ready]`, moves `start` past the complete records, and calls
/// ``refill()`` for more. Only the record being parsed is kept from one chunk to the next, so memory
/// stays at one chunk plus one record.
///
/// UTF-8 input is read straight into the window and validated there; UTF-16 and Windows-1252
/// input is read into a side buffer and transcoded into it. A file without a byte-order mark is
/// taken for UTF-8 until a byte proves otherwise; see ``fallBackToWindows1252()``.
struct CSVText {
    /// The storage; bytes past `end` are spare capacity.
    private(set) var bytes: [UInt8] = []
    /// Where the first record not yet parsed begins.
    var start = 0
    /// The end of the text that is decoded and valid.
    private(set) var ready = 0
    /// The end of the bytes read; for UTF-8, those after `ready` await validation.
    private(set) var end = 0
    /// Why decoding stopped at `ready`, if it did: the reader reports it once the parser gets there.
    private(set) var stop: CSVDecodingStop?
    /// Whether the whole file has been read and decoded.
    private(set) var isAtEnd = false
    /// How the file's bytes are decoded.
    private(set) var encoding: CSVEncoding
    /// Whether the text so far holds a well-formed multi-byte UTF-8 sequence.
    private(set) var sawMultibyteUTF8 = false

    private let file: CSVFile
    private let chunkSize: Int
    private var fileOffset: Int64
    private var transcoder: UTF16Transcoder
    private var raw: [UInt8] = []

    /// Prepares to read `file` from `offset` (just past its byte-order mark).
    init(file: CSVFile, encoding: CSVEncoding, offset: Int64, chunkSize: Int) {
        self.file = file
        self.encoding = encoding
        self.fileOffset = offset
        self.chunkSize = chunkSize
        self.transcoder = UTF16Transcoder(isBigEndian: encoding == .utf16BigEndian)
        // A UTF-8 byte-order mark is itself a multi-byte sequence: such a file is never Windows-1252.
        self.sawMultibyteUTF8 = encoding == .utf8 && offset > 0
    }

    /// Whether everything is decoded and the parser may treat the end of the text as the end of
    /// the file.
    var isComplete: Bool { isAtEnd && stop == nil && ready == end }

    /// Drops the text before `start`, then reads and decodes the next chunk.
    ///
    /// Call it only while ``stop`` is `nil` and the file is not at its end.
    mutating func refill() throws(SpreadsheetError) {
        if start > 0 {
            let kept = end - start
            bytes.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress, kept > 0 else { return }
                (base).update(from: base + start, count: kept)
            }
            ready -= start
            end -= start
            start = 0
        }
        // A record longer than a chunk is parsed again from its start after each read, so reads
        // grow with it to keep that linear.
        // A small file gets a small buffer: read one byte more than it holds, to see its end.
        var size = max(chunkSize, end)
        if let fileSize = file.size { size = min(size, Int(clamping: max(fileSize - fileOffset, 0)) + 1) }
        switch encoding {
        case .utf8:
            reserve(size)
            let (file, offset, from) = (file, fileOffset, end)
            let count = try bytes.withUnsafeMutableBufferPointer { (buffer) throws(SpreadsheetError) in
                try file.read(at: offset, into: UnsafeMutableBufferPointer(rebasing: buffer[from..<from + size]))
            }
            fileOffset += Int64(count)
            end += count
            isAtEnd = count < size
            validate()
        case .utf16LittleEndian, .utf16BigEndian, .windows1252:
            if raw.count < size { raw = [UInt8](repeating: 0, count: size) }
            let (file, offset) = (file, fileOffset)
            let count = try raw.withUnsafeMutableBufferPointer { (buffer) throws(SpreadsheetError) in
                try file.read(at: offset, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<size]))
            }
            fileOffset += Int64(count)
            isAtEnd = count < size
            raw.withUnsafeBufferPointer { input in decode(UnsafeBufferPointer(rebasing: input[0..<count])) }
        }
    }

    /// Switches a file that turned out not to be UTF-8 to Windows-1252, if that reading holds.
    ///
    /// Allowed only when decoding stopped at an invalid byte before any multi-byte UTF-8 sequence,
    /// so the text before it is ASCII and reads the same either way, and when the rest of the file
    /// holds no UTF-8 sequence and no byte Windows-1252 leaves undefined.
    /// - Returns: Whether the switch happened; if not, why not.
    mutating func fallBackToWindows1252() throws(SpreadsheetError) -> Windows1252.Verdict {
        guard encoding == .utf8, case .invalidUTF8 = stop else { return .holdsUTF8 }
        if sawMultibyteUTF8 { return .holdsUTF8 }
        let verdict = try Windows1252.check(file, from: fileOffset - Int64(end - ready), chunkSize: chunkSize)
        guard verdict == .plausible else { return verdict }
        encoding = .windows1252
        stop = nil
        let tail = Array(bytes[ready..<end])
        end = ready
        tail.withUnsafeBufferPointer { decode($0) }
        return .plausible
    }

    /// Validates the UTF-8 bytes read but not yet checked.
    private mutating func validate() {
        let result = bytes.withUnsafeBufferPointer { buffer in
            validateUTF8(
                UnsafeBufferPointer(rebasing: buffer[0..<end]),
                from: ready,
                isFinal: isAtEnd,
                sawMultibyte: &sawMultibyteUTF8
            )
        }
        switch result {
        case .valid(let upTo):
            ready = upTo
        case .invalid(let position):
            ready = position
            stop = .invalidUTF8(byte: bytes[position])
        case .nul(let position):
            ready = position
            stop = .nul
        }
    }

    /// Transcodes raw UTF-16 or Windows-1252 bytes onto the end of the text.
    private mutating func decode(_ input: UnsafeBufferPointer<UInt8>) {
        let room =
            encoding == .windows1252 ? input.count * 3 : UTF16Transcoder.maxOutput(forInput: input.count)
        reserve(room)
        let (written, stop) = bytes.withUnsafeMutableBufferPointer { buffer in
            // The buffer has room by `reserve`; the base address exists because it is not empty.
            let output = buffer.baseAddress.unsafelyUnwrapped + end
            if encoding == .windows1252 { return Windows1252.transcode(input, into: output) }
            return transcoder.transcode(input, into: output, isFinal: isAtEnd)
        }
        end += written
        ready = end
        self.stop = stop
    }

    /// Makes room for `count` more bytes after `end`.
    private mutating func reserve(_ count: Int) {
        let needed = end + count
        if bytes.count < needed { bytes += [UInt8](repeating: 0, count: max(needed, bytes.count * 2) - bytes.count) }
    }
}
