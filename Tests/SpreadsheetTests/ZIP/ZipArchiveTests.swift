import Foundation
import Testing

@testable import Spreadsheet

/// ZIP features that real workbook writers use and ZipWriter does not: ZIP64 records, data
/// descriptors, odd entry names, stored entries, archive comments.
@Suite("ZipArchive")
struct ZipArchiveTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    static let text = Array("The quick brown fox jumps over the lazy dog. ".utf8)
    static let repeated = Array((0..<50).flatMap { _ in text })

    /// Opens an archive and returns each entry's name and inflated text, in directory order.
    private func contents(_ path: String) throws -> [String: String] {
        let archive = try ZipArchive(path: path)
        var result: [String: String] = [:]
        for entry in archive.entries where !entry.isDirectory {
            result[entry.name] = String(decoding: try archive.data(entry), as: UTF8.self)
        }
        return result
    }

    @Test("ZipWriter's output reads back, stored and deflated")
    func writerRoundTrip() throws {
        var writer = ZipWriter()
        try writer.add("a.txt", Self.text, method: .stored)
        try writer.add("dir/b.txt", Self.repeated)
        try writer.add("empty.txt", [])
        try writer.add("empty-stored.txt", [], method: .stored)
        let path = try folder.write(writer.finish(), named: "round.zip")
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name) == ["a.txt", "dir/b.txt", "empty.txt", "empty-stored.txt"])
        #expect(archive.entries.map(\.method) == [0, 8, 8, 0])
        #expect(
            try contents(path) == [
                "a.txt": String(decoding: Self.text, as: UTF8.self),
                "dir/b.txt": String(decoding: Self.repeated, as: UTF8.self),
                "empty.txt": "",
                "empty-stored.txt": "",
            ]
        )
    }

    @Test("an entry bigger than one read chunk streams in several pieces with its CRC-32 checked")
    func multiChunkEntries() throws {
        // Not compressible much: a linear congruential sequence.
        var state: UInt32 = 12345
        let data = (0..<(3 * ZipArchive.chunkSize + 17)).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let zip = HandBuiltZip([try .honest("stored.bin", data, deflated: false), try .honest("deflated.bin", data)])
        let path = try folder.write(zip.bytes(), named: "chunks.zip")
        let archive = try ZipArchive(path: path)
        for entry in archive.entries {
            var chunks = 0
            var collected: [UInt8] = []
            try archive.stream(entry) { chunk in
                chunks += 1
                collected.append(contentsOf: chunk)
            }
            #expect(chunks >= 4, "\(entry.name)")
            #expect(collected == data, "\(entry.name)")
        }
    }

    // MARK: - ZIP64

    /// A ZIP64 extended-information extra field holding the given 64-bit values.
    static func zip64Extra(_ values: [UInt64]) -> [UInt8] {
        var extra: [UInt8] = []
        extra.appendLE(UInt16(0x0001))
        extra.appendLE(UInt16(8 * values.count))
        for value in values { extra.appendLE64(value) }
        return extra
    }

    /// Rewrites every entry as ZIP64: all ones in the 32-bit size and offset fields, the real
    /// values in extra fields (central: sizes and offset; local: sizes), and ZIP64 end records.
    static func convertToZip64(_ zip: inout HandBuiltZip) {
        for index in zip.entries.indices {
            let sizes = [UInt64(zip.entries[index].uncompressedSize), UInt64(zip.entries[index].compressedSize)]
            zip.entries[index].localExtra = zip64Extra(sizes)
        }
        // The local extra fields move the headers, so the offsets are taken once they are in.
        let offsets = zip.localHeaderOffsets()
        for index in zip.entries.indices {
            let sizes = [UInt64(zip.entries[index].uncompressedSize), UInt64(zip.entries[index].compressedSize)]
            zip.entries[index].centralExtra = zip64Extra(sizes + [UInt64(offsets[index])])
            zip.entries[index].compressedSize = 0xFFFF_FFFF
            zip.entries[index].uncompressedSize = 0xFFFF_FFFF
            zip.entries[index].localHeaderOffset = 0xFFFF_FFFF
        }
        zip.zip64 = true
    }

    @Test("a ZIP64 archive (end record, locator, extra fields) reads")
    func zip64() throws {
        var zip = HandBuiltZip([
            try .honest("one.txt", Self.text, deflated: false), try .honest("two.txt", Self.repeated),
        ])
        Self.convertToZip64(&zip)
        let path = try folder.write(zip.bytes(), named: "zip64.zip")
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.uncompressedSize) == [Int64(Self.text.count), Int64(Self.repeated.count)])
        #expect(
            try contents(path) == [
                "one.txt": String(decoding: Self.text, as: UTF8.self),
                "two.txt": String(decoding: Self.repeated, as: UTF8.self),
            ]
        )
    }

    @Test("a whole workbook written as ZIP64 reads like the plain one")
    func zip64Workbook() throws {
        var zip = try MinimalWorkbook().handBuilt()
        Self.convertToZip64(&zip)
        let path = try folder.write(zip.bytes())
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    @Test("only the fields set to all ones are read from the ZIP64 extra field, in order")
    func zip64PartialExtra() throws {
        var entry = try HandBuiltZip.Entry.honest("partial.txt", Self.repeated)
        // Only the uncompressed size is in the extra field; the compressed size is a normal field.
        entry.centralExtra = Self.zip64Extra([UInt64(Self.repeated.count)])
        entry.uncompressedSize = 0xFFFF_FFFF
        var zip = HandBuiltZip([entry])
        zip.zip64 = true
        let path = try folder.write(zip.bytes(), named: "partial.zip")
        #expect(try contents(path) == ["partial.txt": String(decoding: Self.repeated, as: UTF8.self)])
    }

    @Test("a ZIP64 entry whose extra field lacks a value it needs is refused")
    func zip64MissingValue() throws {
        var entry = try HandBuiltZip.Entry.honest("broken.txt", Self.text)
        entry.uncompressedSize = 0xFFFF_FFFF
        entry.compressedSize = 0xFFFF_FFFF
        entry.centralExtra = Self.zip64Extra([UInt64(Self.text.count)])  // the compressed size is missing
        let path = try folder.write(HandBuiltZip([entry]).bytes(), named: "broken.zip")
        #expect(throws: SpreadsheetError.self) { try ZipArchive(path: path) }
        do {
            _ = try ZipArchive(path: path)
        } catch {
            #expect(
                "\(error)"
                    == "\(path): broken.txt: its ZIP64 sizes are missing or negative; the file is damaged or not a "
                    + "real XLSX workbook: open it in your spreadsheet program and save it again as .xlsx"
            )
        }
    }

    @Test("unknown extra fields before the ZIP64 one are skipped")
    func otherExtraFields() throws {
        var entry = try HandBuiltZip.Entry.honest("timed.txt", Self.text)
        var timestamp: [UInt8] = []
        timestamp.appendLE(UInt16(0x5455))
        timestamp.appendLE(UInt16(5))
        timestamp += [1, 0, 0, 0, 0]
        entry.centralExtra = timestamp + Self.zip64Extra([UInt64(Self.text.count)])
        entry.localExtra = timestamp
        entry.uncompressedSize = 0xFFFF_FFFF
        let path = try folder.write(HandBuiltZip([entry]).bytes(), named: "extra.zip")
        #expect(try contents(path) == ["timed.txt": String(decoding: Self.text, as: UTF8.self)])
    }

    // MARK: - Data descriptors

    /// A data descriptor: optional signature, CRC-32, compressed and uncompressed sizes.
    static func descriptor(for entry: HandBuiltZip.Entry, signature: Bool, zip64: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        if signature { bytes.appendLE(UInt32(0x0807_4B50)) }
        bytes.appendLE(entry.crc32)
        if zip64 {
            bytes.appendLE64(UInt64(entry.compressedSize))
            bytes.appendLE64(UInt64(entry.uncompressedSize))
        } else {
            bytes.appendLE(entry.compressedSize)
            bytes.appendLE(entry.uncompressedSize)
        }
        return bytes
    }

    @Test(
        "entries with data descriptors (flag bit 3, zeros in the local header) read from the central directory",
        arguments: [(true, false), (false, false), (true, true)]
    )
    func dataDescriptors(signature: Bool, zip64: Bool) throws {
        var zip = try MinimalWorkbook().handBuilt(stored: ["xl/workbook.xml"])
        for index in zip.entries.indices {
            zip.entries[index].flags |= 0x0008
            zip.entries[index].localCRC32 = 0
            zip.entries[index].localCompressedSize = 0
            zip.entries[index].localUncompressedSize = 0
            zip.entries[index].trailer = Self.descriptor(for: zip.entries[index], signature: signature, zip64: zip64)
        }
        let path = try folder.write(zip.bytes())
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    // MARK: - Names

    @Test("names with backslashes and a leading slash are normalized")
    func oddNames() throws {
        var zip = try MinimalWorkbook().handBuilt()
        for index in zip.entries.indices {
            switch zip.entries[index].name {
            case "xl/worksheets/sheet1.xml": zip.entries[index].name = "xl\\worksheets\\sheet1.xml"
            case "xl/workbook.xml": zip.entries[index].name = "/xl/workbook.xml"
            case "_rels/.rels": zip.entries[index].name = "//_rels\\.rels"
            default: break
            }
        }
        let path = try folder.write(zip.bytes())
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.map(\.name).contains("xl/worksheets/sheet1.xml"))
        #expect(archive.entries.map(\.name).contains("xl/workbook.xml"))
        #expect(archive.entries.map(\.name).contains("_rels/.rels"))
        #expect(archive.entry(named: "/XL/Workbook.xml")?.name == "xl/workbook.xml")
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    @Test("folder entries are listed but not read as parts")
    func folderEntries() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.entries.insert(try .honest("xl/", [], deflated: false), at: 0)
        zip.entries.insert(try .honest("xl/worksheets/", [], deflated: false), at: 1)
        let path = try folder.write(zip.bytes())
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.filter(\.isDirectory).map(\.name) == ["xl/", "xl/worksheets/"])
        #expect(readEverything(path).error == nil)
    }

    @Test("a name that differs between the local header and the directory is read by the directory's")
    func localNameDiffers() throws {
        var zip = try MinimalWorkbook().handBuilt()
        for index in zip.entries.indices { zip.entries[index].localName = "x" }
        let path = try folder.write(zip.bytes())
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    // MARK: - Stored entries and comments

    @Test("a workbook with every entry stored reads")
    func allStored() throws {
        let names = Set(MinimalWorkbook().parts().map(\.name))
        let path = try folder.write(try MinimalWorkbook().archive(stored: names))
        let archive = try ZipArchive(path: path)
        #expect(archive.entries.allSatisfy { $0.method == 0 })
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    @Test("a comment after the end record is skipped", arguments: [1, 1000, 65_535])
    func comment(length: Int) throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.comment = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let path = try folder.write(zip.bytes())
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    @Test("a comment that holds an end-record signature does not hide the real end record")
    func commentWithFakeEndRecord() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.comment = Array("signed: ".utf8) + [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        let path = try folder.write(zip.bytes())
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    @Test("bytes between the last entry and the directory are tolerated")
    func gapBeforeDirectory() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.gap = [UInt8](repeating: 0, count: 100)
        let path = try folder.write(zip.bytes())
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"]))
    }

    @Test("an archive with no entries opens and has none")
    func emptyArchive() throws {
        let path = try folder.write(ZipWriter().finish(), named: "empty.zip")
        #expect(try ZipArchive(path: path).entries.isEmpty)
        let asWorkbook = try folder.write(ZipWriter().finish(), named: "empty.xlsx")
        #expect(
            readEverything(asWorkbook).error
                == "\(asWorkbook): [Content_Types].xml: the ZIP archive has no content-type list, so it is not an "
                + "Office document" + savedAgainAdvice
        )
    }
}
