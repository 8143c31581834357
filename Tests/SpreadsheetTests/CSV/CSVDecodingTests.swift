import Testing

@testable import Spreadsheet

/// The encoding pieces on their own: UTF-8 validation, UTF-16 transcoding, Windows-1252.
@Suite("CSV decoding")
struct CSVDecodingTests {
    struct ValidationCase: CustomTestStringConvertible, Sendable {
        var id: String
        var bytes: [UInt8]
        var isFinal: Bool
        var result: UTF8Validation
        var testDescription: String { id }
    }

    static let validationCases: [ValidationCase] = [
        ValidationCase(
            id: "ASCII past the fast path",
            bytes: Array("0123456789abcdefghij".utf8),
            isFinal: true,
            result: .valid(upTo: 20)
        ),
        ValidationCase(id: "two, three, four bytes", bytes: Array("é€😀".utf8), isFinal: true, result: .valid(upTo: 9)),
        ValidationCase(
            id: "NUL after 17 bytes",
            bytes: Array("0123456789abcdefg".utf8) + [0],
            isFinal: true,
            result: .nul(at: 17)
        ),
        ValidationCase(id: "lone continuation byte", bytes: [0x41, 0x80], isFinal: false, result: .invalid(at: 1)),
        ValidationCase(id: "overlong two bytes", bytes: [0xC0, 0xAF], isFinal: true, result: .invalid(at: 0)),
        ValidationCase(id: "overlong three bytes", bytes: [0xE0, 0x9F, 0xBF], isFinal: true, result: .invalid(at: 0)),
        ValidationCase(id: "surrogate", bytes: [0xED, 0xA0, 0x80], isFinal: true, result: .invalid(at: 0)),
        ValidationCase(id: "above U+10FFFF", bytes: [0xF4, 0x90, 0x80, 0x80], isFinal: true, result: .invalid(at: 0)),
        ValidationCase(
            id: "cut off, more to come",
            bytes: [0x41, 0xF0, 0x9F, 0x98],
            isFinal: false,
            result: .valid(upTo: 1)
        ),
        ValidationCase(
            id: "cut off at the end",
            bytes: [0x41, 0xF0, 0x9F, 0x98],
            isFinal: true,
            result: .invalid(at: 1)
        ),
        ValidationCase(
            id: "cut off and already wrong",
            bytes: [0x41, 0xE2, 0x41],
            isFinal: false,
            result: .invalid(at: 1)
        ),
    ]

    @Test("UTF-8 validation", arguments: validationCases)
    func validation(_ validationCase: ValidationCase) {
        var sawMultibyte = false
        let result = validationCase.bytes.withUnsafeBufferPointer {
            validateUTF8($0, from: 0, isFinal: validationCase.isFinal, sawMultibyte: &sawMultibyte)
        }
        #expect(result == validationCase.result)
    }

    @Test("UTF-16 fed one byte at a time gives the same UTF-8", arguments: [false, true])
    func utf16ByteByByte(bigEndian: Bool) {
        let text = "a€😀\r\nß𝄞"
        let bytes = Array(utf16Bytes(text, bigEndian: bigEndian).dropFirst(2))
        var transcoder = UTF16Transcoder(isBigEndian: bigEndian)
        var output: [UInt8] = []
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: UTF16Transcoder.maxOutput(forInput: 1))
        defer { buffer.deallocate() }
        for (index, byte) in bytes.enumerated() {
            let (written, stop) = [byte].withUnsafeBufferPointer { input in
                transcoder.transcode(input, into: buffer, isFinal: index == bytes.count - 1)
            }
            #expect(stop == nil)
            output += UnsafeBufferPointer(start: buffer, count: written)
        }
        #expect(String(decoding: output, as: UTF8.self) == text)
    }

    @Test("Windows-1252 maps 0x80–0x9F to typographic characters and 0xA0–0xFF to Latin-1")
    func windows1252Table() {
        let bytes: [UInt8] = [0x80, 0x85, 0x8A, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9F, 0xA0, 0xE9, 0xFF]
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count * 3)
        defer { output.deallocate() }
        let (written, stop) = bytes.withUnsafeBufferPointer { Windows1252.transcode($0, into: output) }
        #expect(stop == nil)
        #expect(
            String(decoding: UnsafeBufferPointer(start: output, count: written), as: UTF8.self) == "€…Š‘’“”–—™Ÿ\u{A0}éÿ"
        )
    }

    @Test("sniffing ignores a cut-off last record unless the sample is the whole file")
    func sniffCutOffRecord() {
        let sample = Array("a;b\ne,f".utf8)
        #expect(sniffCSVDelimiter(in: sample, isWholeFile: false) == UInt8(ascii: ";"))
        #expect(sniffCSVDelimiter(in: sample, isWholeFile: true) == UInt8(ascii: ","))
        #expect(sniffCSVDelimiter(in: Array("a,b,c\n".utf8), isWholeFile: true) == UInt8(ascii: ","))
        #expect(sniffCSVDelimiter(in: [], isWholeFile: true) == UInt8(ascii: ","))
    }
}
