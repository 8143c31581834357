import Foundation
import Testing

@testable import Spreadsheet

/// Files that are not what their name says: OLE compound files (encrypted OOXML and legacy
/// .xls), text named .xlsx, and broken CSV, all through the public entry point.
@Suite("Hostile file formats")
struct HostileFormatTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    /// An OLE compound file: the 512-byte header, then a directory sector naming `streams` in
    /// UTF-16LE as compound-file directory entries do.
    static func compoundFile(streams: [String]) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 16)  // class id
        bytes += [0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00]  // version 3, little-endian, 512-byte sectors
        bytes += [UInt8](repeating: 0, count: 512 - bytes.count)
        for name in ["Root Entry"] + streams {
            var entry = [UInt8](repeating: 0, count: 128)
            let units = Array(name.utf16.prefix(31))
            for (index, unit) in units.enumerated() {
                entry[2 * index] = UInt8(unit & 0xFF)
                entry[2 * index + 1] = UInt8(unit >> 8)
            }
            entry[64] = UInt8(2 * (units.count + 1))
            bytes += entry
        }
        bytes += [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
        return bytes
    }

    @Test("an OLE compound file with an EncryptionInfo stream is a password-protected workbook")
    func encryptedOOXML() throws {
        let path = try folder.write(
            Self.compoundFile(streams: ["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"]),
            named: "secret.xlsx"
        )
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): the workbook is password-protected; open it in your spreadsheet program and save it "
                + "without a password (File > Info > Protect Workbook > Encrypt with Password, clear it)"
        )
    }

    @Test("an OLE compound file without EncryptionInfo is a legacy .xls workbook, whatever its name")
    func legacyXLS() throws {
        let bytes = Self.compoundFile(streams: ["Workbook", "\u{5}SummaryInformation"])
        for name in ["old.xls", "renamed.xlsx", "data.csv"] {
            let path = try folder.write(bytes, named: name)
            #expect(
                readEverything(path).error
                    == "\(path): this is a legacy Excel 97-2003 (.xls) workbook; open it and save it as .xlsx"
            )
        }
    }

    @Test("the OLE signature alone, with nothing after it, is a legacy workbook and not a crash")
    func bareCompoundSignature() throws {
        let path = try folder.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], named: "tiny.xls")
        #expect(
            readEverything(path).error
                == "\(path): this is a legacy Excel 97-2003 (.xls) workbook; open it and save it as .xlsx"
        )
    }

    @Test("a plain text file named .xlsx or .xlsm is refused, not read as CSV", arguments: ["notes.xlsx", "m.XLSM"])
    func textNamedXLSX(name: String) throws {
        let path = try folder.write(Array("name,answer\nq1,yes\n".utf8), named: name)
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): not an XLSX workbook (no ZIP signature); the file is damaged or renamed, "
                + "save it again as .xlsx or export CSV"
        )
    }

    @Test("an empty file named .xlsx is refused the same way")
    func emptyXLSX() throws {
        let path = try folder.write([], named: "empty.xlsx")
        #expect(
            readEverything(path).error
                == "\(path): not an XLSX workbook (no ZIP signature); the file is damaged or renamed, "
                + "save it again as .xlsx or export CSV"
        )
    }

    @Test("a missing file and a folder are refused with their own messages")
    func notAFile() throws {
        let missing = folder.path + "/missing.xlsx"
        #expect(readEverything(missing).error == "\(missing): no such file; check the path")
        #expect(readEverything(folder.path).error == "\(folder.path): cannot read: not a regular file")
    }

    @Test("invalid UTF-8 in a CSV file surfaces through Workbook(path:)")
    func csvInvalidUTF8() throws {
        let bytes: [UInt8] = Array("a,b\ncaf".utf8) + [0xE9] + Array("\nZoë,x\n".utf8)
        let path = try folder.write(bytes, named: "answers.csv")
        let workbook = try Workbook(path: path)
        #expect(workbook.format == .csv)
        #expect(workbook.sheets.map(\.name) == ["answers"])
        let outcome = readEverything(path)
        #expect(!outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): line 2, column 4: byte 0xE9 is not valid UTF-8 (the column counts characters), "
                + "yet other text in the file is UTF-8, so the file mixes encodings; "
                + "re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        )
    }

    @Test("an unterminated quote in a CSV file surfaces through Workbook(path:)")
    func csvUnterminatedQuote() throws {
        let path = try folder.write(Array("a,b\r\n\"x\ny\",z\r\nc,\"open\nmore\n".utf8), named: "answers.csv")
        let outcome = readEverything(path)
        #expect(
            outcome.error
                == "\(path): line 4, column 3: unterminated quoted field: the quote opened here is never closed; "
                + "close it, or write each quote inside the field as two (\"\")"
        )
    }
}

@Suite("Read limits from settings")
struct ReadLimitsSettingsTests {
    @Test("settings are laid over the limits, sizes with binary suffixes, names in any case")
    func settings() throws {
        let limits = try ReadLimits().adjusted(
            by: "max-entry-size=4G, MAX-ENTRIES=100,max-cell-size=64k,ratio-threshold=7"
        )
        #expect(limits.maxEntrySize == 4 << 30)
        #expect(limits.maxEntries == 100)
        #expect(limits.maxCellSize == 64 << 10)
        #expect(limits.ratioThreshold == 7)
        #expect(limits.maxCompressionRatio == ReadLimits().maxCompressionRatio)
        #expect(try ReadLimits().adjusted(by: "") == ReadLimits())
        for setting in ReadLimits.Setting.allCases {
            var changed = ReadLimits()
            changed[setting] = 12345
            #expect(try ReadLimits().adjusted(by: "\(setting.rawValue)=12345") == changed)
            #expect(changed[setting] == 12345)
        }
    }

    @Test("a setting that does not parse is refused with its text")
    func refusals() {
        for text in [
            "max-entries", "max-entries=", "max-entries=-1", "max-entries=0", "max-entries=1M",
            "max-entry-size=1T", "max-entry-size=2048G", "max-entry-size=١٢", "nothing=1",
        ] {
            #expect(throws: ReadLimitsError.self, "\(text)") { try ReadLimits().adjusted(by: text) }
        }
        #expect(
            ReadLimitsError(setting: "x=1", reason: "not a setting").description
                == "QUIRE_READ_LIMITS: \"x=1\": not a setting; unset it or correct it"
        )
    }
}
