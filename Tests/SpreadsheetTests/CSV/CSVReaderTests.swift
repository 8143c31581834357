import Testing

@testable import Spreadsheet

@Suite("CSVReader")
final class CSVReaderTests {
    let directory: CSVScratchDirectory

    init() throws {
        directory = try CSVScratchDirectory()
    }

    // MARK: - RFC 4180

    @Test("quoted fields keep delimiters, doubled quotes and line breaks")
    func quotedFields() throws {
        let path = try directory.write(
            "id,text,note\r\n"
                + "1,\"a, b\",\"say \"\"hi\"\"\"\r\n"
                + "2,\"line one\r\nline two\",\"lf\nonly\"\r\n"
                + "3,\"\",\"\"\"\"\r\n"
        )
        #expect(
            try csvRows(path) == [
                "A1=id | B1=text | C1=note",
                "A2=1 | B2=a, b | C2=say \"hi\"",
                "A3=2 | B3=line one\r\nline two | C3=lf\nonly",
                "A4=3 | C4=\"",
            ]
        )
    }

    @Test("records end with CRLF, LF or CR, mixed, and the last needs no line break")
    func lineEndings() throws {
        let path = try directory.write("a,1\r\nb,2\nc,3\rd,4\r\n\re,5")
        #expect(
            try csvRows(path) == ["A1=a | B1=1", "A2=b | B2=2", "A3=c | B3=3", "A4=d | B4=4", "A6=e | B6=5"]
        )
    }

    @Test("ragged rows, empty fields and blank records: sparse rows, record numbers as row indexes")
    func raggedRows() throws {
        let path = try directory.write("a,b,c\n1\n\n,,x,y\n,,\nlast,\n")
        let result = try readCSVEverywhere(path).get()
        #expect(result.rows == ["A1=a | B1=b | C1=c", "A2=1", "C4=x | D4=y", "A6=last"])
        #expect(
            result.metadata
                == SheetMetadata(
                    usedRange: CellRange(a1: "A1:D6"),
                    rowCount: 4,
                    cellCount: 7
                )
        )
    }

    @Test("an empty file has no rows and no used range")
    func emptyFile() throws {
        let path = try directory.write("")
        #expect(try readCSVEverywhere(path).get() == CSVReadResult(rows: [], metadata: SheetMetadata()))
    }

    @Test("a file of blank lines and empty fields delivers nothing")
    func onlyBlankRecords() throws {
        let path = try directory.write("\r\n,,\n\n ")
        #expect(try csvRows(path) == ["A4= "])
    }

    @Test("lenient: a stray quote inside an unquoted field is an ordinary character")
    func strayQuote() throws {
        let path = try directory.write("ab\"c,5\" tall,\"ok\"\n")
        #expect(try csvRows(path) == ["A1=ab\"c | B1=5\" tall | C1=ok"])
    }

    @Test("lenient: text after a closing quote is appended to the quoted text")
    func textAfterClosingQuote() throws {
        let path = try directory.write("\"ab\"c,\"x\" ,\"q\"\"\"r\"s\n\"\"tail,end\n")
        #expect(try csvRows(path) == ["A1=abc | B1=x  | C1=q\"r\"s", "A2=tail | B2=end"])
    }

    @Test("spaces are kept: a quote after a space does not open a quoted field")
    func spacesAreKept() throws {
        let path = try directory.write(" a , \"b, c\"\n")
        #expect(try csvRows(path) == ["A1= a  | B1= \"b | C1= c\""])
    }

    // MARK: - Delimiters

    struct SniffCase: CustomTestStringConvertible, Sendable {
        var id: String
        var text: String
        var rows: [String]
        var testDescription: String { id }
    }

    static let sniffCases: [SniffCase] = [
        SniffCase(
            id: "semicolon with decimal commas",
            text: "Frage;Antwort;Wert\nVerschlüsselt?;Ja;1,5\nMFA?;Nein;2,25\n",
            rows: [
                "A1=Frage | B1=Antwort | C1=Wert", "A2=Verschlüsselt? | B2=Ja | C2=1,5", "A3=MFA? | B3=Nein | C3=2,25",
            ]
        ),
        SniffCase(
            id: "tab with commas in the text",
            text: "Q1\tDo you encrypt, and how?\tYes\nQ2\tDo you rotate keys, and when?\tNo\n",
            rows: ["A1=Q1 | B1=Do you encrypt, and how? | C1=Yes", "A2=Q2 | B2=Do you rotate keys, and when? | C2=No"]
        ),
        SniffCase(
            id: "pipe",
            text: "id|question\n1|\"Is data | logs retained?\"\n2|Backups?\n",
            rows: ["A1=id | B1=question", "A2=1 | B2=Is data | logs retained?", "A3=2 | B3=Backups?"]
        ),
        SniffCase(
            id: "comma wins a tie",
            text: "a,b;c\n1,2;3\n",
            rows: ["A1=a | B1=b;c", "A2=1 | B2=2;3"]
        ),
        SniffCase(
            id: "quoted delimiters do not count",
            text: "\"a;b;c\",x\n\"d;e\",y\n",
            rows: ["A1=a;b;c | B1=x", "A2=d;e | B2=y"]
        ),
        SniffCase(
            id: "single column",
            text: "Question\nDo you have a policy?\n",
            rows: ["A1=Question", "A2=Do you have a policy?"]
        ),
    ]

    @Test("the delimiter is sniffed from the first records", arguments: sniffCases)
    func sniffing(_ sniffCase: SniffCase) throws {
        let path = try directory.write(sniffCase.text)
        #expect(try csvRows(path) == sniffCase.rows)
    }

    // MARK: - Encodings

    @Test("a UTF-8 byte-order mark is dropped")
    func utf8ByteOrderMark() throws {
        let path = try directory.write([0xEF, 0xBB, 0xBF] + Array("id;name\n1;Zoë\n".utf8))
        #expect(try csvRows(path) == ["A1=id | B1=name", "A2=1 | B2=Zoë"])
    }

    @Test("UTF-16 with a byte-order mark is transcoded", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let text = "Größe\tWert\r\n\"Zeile 1\r\nZeile 2\"\t😀 ok\r\n日本語\t€\r\n"
        let path = try directory.write(utf16Bytes(text, bigEndian: bigEndian))
        #expect(
            try csvRows(path) == [
                "A1=Größe | B1=Wert",
                "A2=Zeile 1\r\nZeile 2 | B2=😀 ok",
                "A3=日本語 | B3=€",
            ]
        )
    }

    @Test("an unpaired UTF-16 surrogate is refused with its line and column")
    func unpairedSurrogate() throws {
        var bytes = utf16Bytes("a,b\n\"x\ny\",cd", bigEndian: false)
        bytes.insert(contentsOf: [0x3D, 0xD8], at: bytes.count - 2)  // a high surrogate before "d"
        let path = try directory.write(bytes)
        #expect(
            csvError(path)
                == "\(path): line 3, column 5: UTF-16 surrogate 0xD83D has no partner (the column counts characters); "
                + "the text is damaged: re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("a UTF-16 file cut in the middle of a character is refused")
    func truncatedUTF16() throws {
        let path = try directory.write(utf16Bytes("a,b\nc", bigEndian: true) + [0x00])
        #expect(
            csvError(path)
                == "\(path): line 2, column 2: the file ends in the middle of a UTF-16 character "
                + "(it has an odd number of bytes); it may be cut short: re-save the file as UTF-8 "
                + "(in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("a file that is not UTF-8 and holds no UTF-8 is read as Windows-1252")
    func windows1252() throws {
        // “quoted” is 0x93 … 0x94 and € is 0x80 in Windows-1252; é is 0xE9. The first such byte
        // comes after some plain ASCII records, so the reader switches encodings mid-file.
        let bytes: [UInt8] =
            Array("id,text\n1,plain\n2,".utf8) + [0x93] + Array("quoted".utf8) + [0x94]
            + Array(",".utf8) + [0x80] + Array(" 5\n3,caf".utf8) + [0xE9] + Array("\n".utf8)
        let path = try directory.write(bytes)
        #expect(
            try csvRows(path) == [
                "A1=id | B1=text",
                "A2=1 | B2=plain",
                "A3=2 | B3=“quoted” | C3=€ 5",
                "A4=3 | B4=café",
            ]
        )
    }

    @Test("invalid UTF-8 in a file that also holds UTF-8 is refused with its line and column")
    func invalidUTF8MixedWithUTF8() throws {
        let bytes: [UInt8] =
            Array("q,a\r\ncafé,ok\r\n\"multi\nline\",x\r\nné".utf8) + [0xE9] + Array("e,y\r\n".utf8)
        let path = try directory.write(bytes)
        #expect(
            csvError(path)
                == "\(path): line 5, column 3: byte 0xE9 is not valid UTF-8 (the column counts characters), "
                + "yet other text in the file is UTF-8, so the file mixes encodings; "
                + "re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("UTF-8 after the first invalid byte also rules out Windows-1252")
    func utf8AfterInvalidByte() throws {
        let bytes: [UInt8] = Array("a,b\ncaf".utf8) + [0xE9] + Array("\nZoë,x\n".utf8)
        let path = try directory.write(bytes)
        #expect(
            csvError(path)
                == "\(path): line 2, column 4: byte 0xE9 is not valid UTF-8 (the column counts characters), "
                + "yet other text in the file is UTF-8, so the file mixes encodings; "
                + "re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("a UTF-8 byte-order mark rules out Windows-1252")
    func byteOrderMarkRulesOutWindows1252() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8) + [0x93] + Array("x\n".utf8)
        let path = try directory.write(bytes)
        #expect(
            csvError(path)
                == "\(path): line 2, column 1: byte 0x93 is not valid UTF-8 (the column counts characters), "
                + "yet other text in the file is UTF-8, so the file mixes encodings; "
                + "re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("a byte undefined in Windows-1252 rules it out")
    func undefinedWindows1252Byte() throws {
        let bytes: [UInt8] = Array("a,b\n\"x\",caf".utf8) + [0xE9, 0x2C, 0x81] + Array("\n".utf8)
        let path = try directory.write(bytes)
        #expect(
            csvError(path)
                == "\(path): line 2, column 8: byte 0xE9 is not valid UTF-8 (the column counts characters), "
                + "and the file is not Windows-1252 text either (it has bytes that encoding leaves undefined); "
                + "re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("a NUL byte means a binary file")
    func nulByte() throws {
        let path = try directory.write([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])
        #expect(
            csvError(path)
                == "\(path): line 1, column 6: NUL byte: this looks like a binary file, not CSV text "
                + "(or UTF-16 text without a byte-order mark); save it from your spreadsheet program as "
                + "CSV UTF-8, or if it is an .xlsx workbook, give it the .xlsx extension"
        )
    }

    // MARK: - Errors and limits

    @Test("an unterminated quote is reported where it opens")
    func unterminatedQuote() throws {
        let path = try directory.write("a,b\r\n\"x\ny\",z\r\nc,\"open\nmore\n")
        #expect(
            csvError(path)
                == "\(path): line 4, column 3: unterminated quoted field: the quote opened here is never closed; "
                + "close it, or write each quote inside the field as two (\"\")"
        )
    }

    @Test("a field larger than the limit is refused")
    func fieldSizeLimit() throws {
        let path = try directory.write("a,b\n\"1\n2\",ok,0123456789\nc,01234567890\n")
        let limits = ReadLimits(maxCSVFieldSize: 10)
        #expect(
            csvError(path, limits: limits)
                == "\(path): line 4, column 3: the field starting here is larger than 10 bytes"
                + "; a quote that is never closed makes the rest of the file one field; "
                + "refusing the file as hostile or too large: if it is genuine, split it or raise the limit "
                + "(QUIRE_READ_LIMITS=max-csv-field-size=…)"
        )
    }

    @Test("a quote that is never closed hits the field limit before the end of a large file")
    func unclosedQuoteHitsFieldLimit() throws {
        let path = try directory.write("a,\"b\n" + String(repeating: "0123456789\n", count: 20))
        let limits = ReadLimits(maxCSVFieldSize: 100)
        #expect(
            csvError(path, limits: limits)
                == "\(path): line 1, column 3: the field starting here is larger than 100 bytes"
                + "; a quote that is never closed makes the rest of the file one field; "
                + "refusing the file as hostile or too large: if it is genuine, split it or raise the limit "
                + "(QUIRE_READ_LIMITS=max-csv-field-size=…)"
        )
    }

    @Test("a record larger than the limit is refused")
    func recordSizeLimit() throws {
        let path = try directory.write("a,b\n1,2,3,4,5,6,7,8,9,10,11,12\nc\n")
        let limits = ReadLimits(maxCSVRecordSize: 20)
        #expect(
            csvError(path, limits: limits)
                == "\(path): line 2: the record starting here is larger than 20 bytes; "
                + "refusing the file as hostile or too large: if it is genuine, split it or raise the limit "
                + "(QUIRE_READ_LIMITS=max-csv-record-size=…)"
        )
    }

    @Test("a missing file says so")
    func missingFile() throws {
        let path = directory.path + "/absent.csv"
        #expect(throws: SpreadsheetError.fileNotFound(path: path)) {
            _ = try CSVReader.readRows(path: path, limits: .default) { _ in }
        }
        #expect(SpreadsheetError.fileNotFound(path: path).description == "\(path): no such file; check the path")
    }

    @Test("an error thrown by the caller's body stops the read and passes through")
    func bodyErrorPassesThrough() throws {
        struct Stop: Error, Equatable {}
        let path = try directory.write("a\nb\nc\n")
        var seen: [Int] = []
        #expect(throws: Stop()) {
            _ = try CSVReader.readRows(path: path, limits: .default) { row in
                seen.append(row.index)
                if row.index == 2 { throw Stop() }
            }
        }
        #expect(seen == [1, 2])
    }

    // MARK: - The 1 MiB chunk boundary

    @Test("a quoted field straddles the chunk boundary")
    func fieldAcrossChunkBoundary() throws {
        let filler = csvFiller(length: CSVReader.chunkSize - 10)
        let record =
            "x,\"quoted, with \"\"quotes\"\"\nand a line break " + String(repeating: "z", count: 3000) + "\",y\n"
        let path = try directory.write(filler.bytes + Array(record.utf8) + Array("tail\n".utf8))
        let rows = try readCSV(path).rows
        let row = filler.records + 1
        let zs = String(repeating: "z", count: 3000)
        let expected: [String] = [
            "A\(row)=x | B\(row)=quoted, with \"quotes\"\nand a line break \(zs) | C\(row)=y", "A\(row + 1)=tail",
        ]
        #expect(Array(rows.suffix(2)) == expected)
    }

    @Test("a CRLF split across the chunk boundary is one line break")
    func crlfAcrossChunkBoundary() throws {
        let filler = csvFiller(length: CSVReader.chunkSize - 4)
        let path = try directory.write(filler.bytes + Array("abc\r\ndef\r\n".utf8))
        let rows = try readCSV(path).rows
        #expect(rows.suffix(2) == ["A\(filler.records + 1)=abc", "A\(filler.records + 2)=def"])
    }

    @Test("a UTF-8 character split across the chunk boundary", arguments: [1, 2, 3])
    func utf8AcrossChunkBoundary(bytesBefore: Int) throws {
        let filler = csvFiller(length: CSVReader.chunkSize - bytesBefore)
        let path = try directory.write(filler.bytes + Array("😀,é€\n".utf8))
        let rows = try readCSV(path).rows
        #expect(rows.last == "A\(filler.records + 1)=😀 | B\(filler.records + 1)=é€")
    }

    @Test(
        "a UTF-16 surrogate pair split across the chunk boundary",
        arguments: [CSVReader.chunkSize, CSVReader.chunkSize + 1]
    )
    func utf16SurrogateAcrossChunkBoundary(chunkSize: Int) throws {
        // The byte-order mark takes 2 bytes, so the first boundary is at byte 2 + chunkSize: between
        // the surrogates when chunkSize is even, inside the low surrogate when it is odd.
        let fillerUnits = CSVReader.chunkSize / 2 - 1
        let filler =
            String(repeating: String(repeating: "r", count: 63) + "\n", count: fillerUnits / 64)
            + String(repeating: "s", count: fillerUnits % 64 - 1) + "\n"
        let records = fillerUnits / 64 + 1
        let path = try directory.write(utf16Bytes(filler + "😀,ok\r\n", bigEndian: false))
        let rows = try readCSV(path, chunkSize: chunkSize).rows
        #expect(rows.last == "A\(records + 1)=😀 | B\(records + 1)=ok")
    }

    @Test(
        "random text, well formed or not, reads the same at every chunk size",
        arguments: ["UTF-8", "UTF-16LE", "Windows-1252"]
    )
    func randomTextAtEveryChunkSize(encoding: String) throws {
        var generator = SplitMix64(seed: 0x4348_554E_4B53 &+ UInt64(encoding.utf8.count))
        let common = ["a", "b", "1", " ", ",", ";", "\n", "\r\n"]
        let rare = ["\"", "\"\"", "\r", "é", "😀"]
        // Bytes that break the encoding, rarely: invalid UTF-8, NUL, a lone surrogate, bytes that
        // rule out Windows-1252.
        let broken: [String: [[UInt8]]] = [
            "UTF-8": [[0xE9], [0xF0, 0x9F], [0x00]],
            "UTF-16LE": [[0x3D, 0xD8], [0x00, 0xDC], [0x00, 0x00]],
            "Windows-1252": [[0x81], Array("é".utf8)],
        ]
        for caseNumber in 0..<50 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 60) {
                let roll = generator.next() % 100
                var piece: [UInt8]
                if roll < 80 {
                    piece = Array(common[Int(generator.next() % UInt64(common.count))].utf8)
                } else if roll < 98 {
                    piece = Array(rare[Int(generator.next() % UInt64(rare.count))].utf8)
                } else {
                    let choices = broken[encoding] ?? []
                    bytes += choices[Int(generator.next() % UInt64(choices.count))]
                    continue
                }
                switch encoding {
                case "UTF-16LE":
                    piece = Array(utf16Bytes(String(decoding: piece, as: UTF8.self), bigEndian: false).dropFirst(2))
                case "Windows-1252" where piece == Array("é".utf8):
                    piece = [0xE9]
                case "Windows-1252" where piece == Array("😀".utf8):
                    piece = [0x93, 0x80, 0x94]
                default:
                    break
                }
                bytes += piece
            }
            if encoding == "UTF-16LE" { bytes = [0xFF, 0xFE] + bytes }
            let path = try directory.write(bytes, named: "random-\(caseNumber).csv")
            _ = readCSVEverywhere(path)
        }
    }

    // MARK: - Round trip

    @Test("CSVWriter output reads back as written", arguments: [",", ";", "\t"])
    func roundTrip(delimiter: String) throws {
        var generator = SplitMix64(seed: 0x5155_4952_4500 + UInt64(delimiter.utf8.first ?? 0))
        let pieces = [
            "a", "Z", "0", " ", ",", ";", "\t", "|", "\"", "\r", "\n", "\r\n", "é", "€", "😀", "日本", "=1+1", "x y",
        ]
        let writer = CSVWriter(delimiter: delimiter.utf8.first ?? UInt8(ascii: ","))
        var output: [UInt8] = []
        var expected: [String] = []
        for rowNumber in 1...300 {
            var cells: [String] = []
            var fields: [String] = []
            for column in 1...6 {
                let length = Int(generator.next() % 6)
                let field = (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                fields.append(field)
                if !field.isEmpty { cells.append("\(CellAddress(row: rowNumber, column: column))=\(field)") }
            }
            writer.appendRecord(fields, to: &output)
            if !cells.isEmpty { expected.append(cells.joined(separator: " | ")) }
        }
        let path = try directory.write(output)
        #expect(try csvRows(path) == expected)
    }
}

/// A small deterministic random number generator (SplitMix64), so generated tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
