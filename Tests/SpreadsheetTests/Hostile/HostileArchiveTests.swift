import Foundation
import Testing

@testable import Spreadsheet

/// Hostile ZIP containers: each is refused with its own message, without a crash, a hang, or
/// inflating more than the limits allow.
@Suite("Hostile archives")
struct HostileArchiveTests {
    let folder: ScratchFolder
    let sheetPart = "xl/worksheets/sheet1.xml"

    init() throws {
        folder = try ScratchFolder()
    }

    /// The index of a part in ``MinimalWorkbook/parts()``.
    private func index(of part: String, in zip: HandBuiltZip) throws -> Int {
        try #require(zip.entries.firstIndex { $0.name == part })
    }

    // MARK: - The baseline

    @Test("the minimal workbook reads, so the refusals below are about what each test breaks")
    func minimalWorkbookReads() throws {
        let expected = ReadOutcome(rows: ["A1=hello B1=42 C1=inline", "B3=TRUE"])
        let zipped = try folder.write(try MinimalWorkbook().archive())
        #expect(readEverything(zipped) == expected)
        let handBuilt = try folder.write(try MinimalWorkbook().handBuilt().bytes(), named: "hand.xlsx")
        #expect(readEverything(handBuilt) == expected)
        let stored = try folder.write(
            try MinimalWorkbook().handBuilt(stored: Set(MinimalWorkbook().parts().map(\.name))).bytes(),
            named: "stored.xlsx"
        )
        #expect(readEverything(stored) == expected)
        let workbook = try Workbook(path: zipped)
        #expect(workbook.format == .xlsx)
        #expect(workbook.sheets.map(\.name) == ["Sheet1"])
    }

    // MARK: - Zip bombs

    /// A workbook whose one sheet is a valid worksheet padded with `spaces` spaces, which deflate
    /// about 1,000 to 1; returns its path, the sheet's inflated and compressed sizes.
    private func spacesWorkbook(_ spaces: Int, named name: String) throws -> (
        path: String, inflated: Int64, compressed: Int64
    ) {
        let xml =
            Array(MinimalWorkbook.worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").utf8.dropLast(12))
            + [UInt8](repeating: 0x20, count: spaces) + Array("</worksheet>".utf8)
        var workbook = MinimalWorkbook()
        workbook.replacedParts[sheetPart] = xml
        let zip = try workbook.handBuilt()
        let sheet = zip.entries[try index(of: sheetPart, in: zip)]
        let path = try folder.write(zip.bytes(), named: name)
        return (path, Int64(xml.count), Int64(sheet.compressedSize))
    }

    @Test("an honest bomb, over the compression ratio, is refused before a byte is inflated")
    func honestRatioBomb() throws {
        // 3 MiB that deflate to about 3 KB: under the default 4 MiB threshold, over a 1 MiB one.
        let (path, inflated, compressed) = try spacesWorkbook(3 << 20, named: "small-bomb.xlsx")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 < 10_000)
        let outcome = readEverything(path, limits: ReadLimits(ratioThreshold: 1 << 20))
        #expect(outcome.rows.isEmpty, "no row may be delivered from a refused entry")
        #expect(
            outcome.error
                == "\(path): \(sheetPart): it inflates \(inflated / compressed) times (\(compressed) to \(inflated) "
                + "bytes), more than the limit of 250, as a zip bomb does"
                + bombAdvice(raising: "max-compression-ratio")
        )
        #expect(readEverything(path) == ReadOutcome(rows: ["A1=1"]), "the default limits admit 3 MiB")

        // 6 MiB: past the default threshold, so the default limits refuse it.
        let (bigPath, bigInflated, bigCompressed) = try spacesWorkbook(6 << 20, named: "bomb.xlsx")
        let big = readEverything(bigPath)
        #expect(big.rows.isEmpty)
        #expect(
            big.error
                == "\(bigPath): \(sheetPart): it inflates \(bigInflated / bigCompressed) times (\(bigCompressed) to "
                + "\(bigInflated) bytes), more than the limit of 250, as a zip bomb does"
                + bombAdvice(raising: "max-compression-ratio")
        )
    }

    @Test("a central directory that declares hundreds of megabytes for a tiny entry is refused at once")
    func declaredHugeSize() throws {
        let zip = try {
            var zip = try MinimalWorkbook().handBuilt()
            let sheet = try index(of: sheetPart, in: zip)
            zip.entries[sheet].uncompressedSize = 300 << 20
            return zip
        }()
        let path = try folder.write(zip.bytes())
        let compressed = Int64(zip.entries[try index(of: sheetPart, in: zip)].compressedSize)
        let declared: Int64 = 300 << 20
        let started = ContinuousClock.now
        let outcome = readEverything(path)
        #expect(outcome.rows.isEmpty)
        #expect(
            outcome.error
                == "\(path): \(sheetPart): it inflates \(declared / compressed) times (\(compressed) to \(declared) "
                + "bytes), more than the limit of 250, as a zip bomb does"
                + bombAdvice(raising: "max-compression-ratio")
        )
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test("an entry that declares more than the per-entry limit is refused")
    func declaredOverEntryLimit() throws {
        var zip = try MinimalWorkbook().handBuilt(stored: [sheetPart])
        let sheet = try index(of: sheetPart, in: zip)
        // Stored entries inflate 1 to 1, so only the size limit can stop this one.
        zip.entries[sheet].uncompressedSize = 3 << 30
        zip.entries[sheet].compressedSize = 3 << 30
        zip.entries[sheet].localHeaderOffset = 0
        let path = try folder.write(zip.bytes())
        // The data cannot lie in a small file: that is found when the archive is opened.
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart): its data runs past the end of the archive's data; the file is truncated"
                + corruptAdvice
        )
        // Declared small compressed, 3 GiB inflated, with a ratio limit too high to matter.
        var deflated = try MinimalWorkbook().handBuilt()
        deflated.entries[try index(of: sheetPart, in: deflated)].uncompressedSize = 3 << 30
        let bomb = try folder.write(deflated.bytes(), named: "bomb.xlsx")
        let limits = ReadLimits(maxCompressionRatio: .max / 2)
        let outcome = readEverything(bomb, limits: limits)
        #expect(outcome.rows.isEmpty)
        #expect(
            outcome.error
                == "\(bomb): \(sheetPart): it declares 3221225472 bytes inflated, more than the limit of 2147483648"
                + bombAdvice(raising: "max-entry-size")
        )
    }

    @Test("the total inflated size is capped across entries")
    func totalSizeLimit() throws {
        let workbook = MinimalWorkbook()
        let path = try folder.write(try workbook.archive())
        let total = workbook.parts().reduce(0) { $0 + $1.bytes.count }
        let limits = ReadLimits(maxTotalSize: Int64(total - 1))
        let outcome = readEverything(path, limits: limits)
        #expect(outcome.rows.isEmpty)
        // The sheet is the last part read (after the shared strings it needs).
        #expect(
            outcome.error
                == "\(path): \(sheetPart): the entries read so far inflate to \(total) bytes, more than the limit "
                + "of \(total - 1)" + bombAdvice(raising: "max-total-size")
        )
        #expect(readEverything(path, limits: ReadLimits(maxTotalSize: Int64(total))).error == nil)
    }

    @Test("an entry that inflates to more than its header declares is stopped at the declared size")
    func lyingUncompressedSize() throws {
        var workbook = MinimalWorkbook()
        let rows = (1...2000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        workbook.sheets[0].xml = MinimalWorkbook.worksheet(rows)
        var zip = try workbook.handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        #expect(zip.entries[sheet].uncompressedSize > 60_000)
        zip.entries[sheet].uncompressedSize = 1000
        let path = try folder.write(zip.bytes())
        let outcome = readEverything(path)
        #expect(outcome.rows.isEmpty, "the first inflated chunk already passes the declared size")
        #expect(
            outcome.error == "\(path): \(sheetPart): it inflates to more than the 1000 bytes its header declares"
                + bombAdvice
        )
    }

    @Test("an entry that inflates to less than its header declares is refused")
    func shortUncompressedSize() throws {
        var zip = try MinimalWorkbook().handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        let actual = zip.entries[sheet].uncompressedSize
        zip.entries[sheet].uncompressedSize = actual + 10
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart): it inflates to \(actual) bytes but its header declares \(actual + 10)"
                + corruptAdvice
        )
    }

    @Test("two central entries that share one local header (an overlapping bomb) are refused at open")
    func sharedLocalHeader() throws {
        var zip = try MinimalWorkbook().handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        var twin = zip.entries[sheet]
        twin.name = "xl/worksheets/sheet2.xml"
        twin.writesLocalHeader = false
        twin.localHeaderOffset = UInt32(zip.localHeaderOffsets()[sheet])
        zip.entries.append(twin)
        let path = try folder.write(zip.bytes())
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): \(sheetPart): its data overlaps the entry xl/worksheets/sheet2.xml, as in a zip bomb"
                + corruptAdvice
        )
    }

    @Test("an entry whose data covers the next entry's local header (Fifield's overlap) is refused at open")
    func dataCoversNextHeader() throws {
        var zip = try MinimalWorkbook().handBuilt(stored: [sheetPart, "xl/sharedStrings.xml"])
        let sheet = try index(of: sheetPart, in: zip)
        let strings = try index(of: "xl/sharedStrings.xml", in: zip)
        #expect(strings == sheet + 1)
        let offsets = zip.localHeaderOffsets()
        // The sheet claims its data runs on over the shared strings' local header and data.
        let stringsEnd = offsets[strings] + zip.entries[strings].localRecord().count
        zip.entries[sheet].compressedSize = UInt32(stringsEnd - offsets[sheet] - 30 - sheetPart.utf8.count)
        zip.entries[sheet].uncompressedSize = zip.entries[sheet].compressedSize
        let path = try folder.write(zip.bytes())
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): \(sheetPart): its data overlaps the entry xl/sharedStrings.xml, as in a zip bomb"
                + corruptAdvice
        )
    }

    @Test("two entries with the same name, or names differing only in case, are refused")
    func duplicateNames() throws {
        var zip = try MinimalWorkbook().handBuilt()
        var copy = try HandBuiltZip.Entry.honest("XL/Worksheets/Sheet1.xml", Array("<x/>".utf8))
        copy.flags = 0x0800
        zip.entries.append(copy)
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error
                == "\(path): XL/Worksheets/Sheet1.xml: the archive holds two entries named XL/Worksheets/Sheet1.xml; "
                + "a workbook never does" + corruptAdvice
        )
    }

    // MARK: - Truncation and damage

    @Test("a workbook cut in half has no end record")
    func cutInHalf() throws {
        let bytes = try MinimalWorkbook().archive()
        let path = try folder.write(Array(bytes.prefix(bytes.count / 2)))
        #expect(
            readEverything(path).error
                == "\(path): no ZIP end-of-central-directory record; the file is truncated or not a ZIP archive"
                + corruptAdvice
        )
    }

    @Test("a workbook missing its last bytes has no end record", arguments: [1, 10, 21, 22, 100])
    func lastBytesCut(missing: Int) throws {
        let bytes = try MinimalWorkbook().archive()
        let path = try folder.write(Array(bytes.dropLast(missing)))
        #expect(
            readEverything(path).error
                == "\(path): no ZIP end-of-central-directory record; the file is truncated or not a ZIP archive"
                + corruptAdvice
        )
    }

    @Test("a workbook missing a piece of its middle has its directory outside the file")
    func middleCut() throws {
        let bytes = try MinimalWorkbook().archive()
        let path = try folder.write(Array(bytes[..<100] + bytes[300...]))
        #expect(
            readEverything(path).error
                == "\(path): the central directory lies outside the file; the file is truncated" + corruptAdvice
        )
    }

    @Test("a file of a few bytes that starts like a ZIP is too short")
    func tooShort() throws {
        let bytes = try MinimalWorkbook().archive()
        let path = try folder.write(Array(bytes.prefix(10)))
        #expect(
            readEverything(path).error
                == "\(path): too short to be a ZIP archive (10 bytes); the file is truncated" + corruptAdvice
        )
    }

    @Test("a deflate stream cut short is refused")
    func truncatedDeflateStream() throws {
        var zip = try MinimalWorkbook().handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        zip.entries[sheet].payload.removeLast(20)
        zip.entries[sheet].compressedSize -= 20
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart): its deflate stream ends early; the file is truncated or damaged"
                + corruptAdvice
        )
    }

    @Test("garbage where the deflate stream should be is refused with zlib's reason")
    func garbageDeflateStream() throws {
        var zip = try MinimalWorkbook().handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        // 0xFF starts a block of the reserved type 3.
        zip.entries[sheet].payload = [UInt8](repeating: 0xFF, count: zip.entries[sheet].payload.count)
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart): inflating: invalid block type" + corruptAdvice
        )
    }

    @Test("a deflate stream followed by more data than it uses is refused")
    func trailingBytesAfterDeflateStream() throws {
        var zip = try MinimalWorkbook().handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        zip.entries[sheet].payload += [1, 2, 3, 4]
        zip.entries[sheet].compressedSize += 4
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart): its deflate stream ends before its data does" + corruptAdvice
        )
    }

    @Test("a flipped byte in a stored entry fails its CRC-32")
    func flippedStoredByte() throws {
        var zip = try MinimalWorkbook().handBuilt(stored: [sheetPart])
        let sheet = try index(of: sheetPart, in: zip)
        let original = zip.entries[sheet].payload
        // Turn the 42 in B1 into 43: still valid XML, so only the CRC-32 can tell.
        let position = try #require(
            original.indices.first { original[$0] == UInt8(ascii: "4") && original[$0 + 1] == UInt8(ascii: "2") }
        )
        zip.entries[sheet].payload[position + 1] = UInt8(ascii: "3")
        let path = try folder.write(zip.bytes())
        let stored = hex(Checksum.of(original))
        let computed = hex(Checksum.of(zip.entries[sheet].payload))
        let outcome = readEverything(path)
        #expect(
            outcome.error
                == "\(path): \(sheetPart): CRC-32 mismatch (stored \(stored), computed \(computed))" + corruptAdvice
        )
    }

    @Test("a patched CRC-32 field in the central directory is caught")
    func patchedCRCField() throws {
        let workbook = MinimalWorkbook()
        var bytes = try workbook.archive()
        let content = try #require(workbook.parts().first { $0.name == "xl/workbook.xml" }).bytes
        let real = Checksum.of(content)
        // Find the workbook's central entry and change its CRC-32 (at offset 16).
        let directoryOffset = Int(bytes.uint32(at: bytes.count - 6))
        var offset = directoryOffset
        while String(decoding: bytes[(offset + 46)..<(offset + 46 + Int(bytes.uint16(at: offset + 28)))], as: UTF8.self)
            != "xl/workbook.xml"
        {
            offset += 46 + Int(bytes.uint16(at: offset + 28))
        }
        bytes.patchLE(real ^ 0x0000_0001, at: offset + 16)
        let path = try folder.write(bytes)
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): xl/workbook.xml: CRC-32 mismatch (stored \(hex(real ^ 1)), computed \(hex(real)))"
                + corruptAdvice
        )
    }

    @Test("a central entry whose local header is missing is refused")
    func missingLocalHeader() throws {
        var zip = try MinimalWorkbook().handBuilt()
        let sheet = try index(of: sheetPart, in: zip)
        zip.entries[sheet].localHeaderOffset = UInt32(zip.localHeaderOffsets()[sheet] + 1)
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error == "\(path): \(sheetPart): its local header is missing or damaged"
                + corruptAdvice
        )
        zip.entries[sheet].localHeaderOffset = 0xFFFF_0000
        let far = try folder.write(zip.bytes(), named: "far.xlsx")
        #expect(
            readEverything(far).error
                == "\(far): \(sheetPart): its local header lies outside the archive's data" + corruptAdvice
        )
    }

    @Test("an end record that claims more entries than the directory holds is refused")
    func endRecordOvercounts() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.declaredEntryCount = 5000
        let path = try folder.write(zip.bytes())
        let real = zip.entries.count
        #expect(
            readEverything(path).error
                == "\(path): central directory entry \(real + 1) of 5000 is damaged" + corruptAdvice
        )
    }

    @Test("all ones in the end record without a ZIP64 locator is refused")
    func zip64WithoutLocator() throws {
        var bytes = try MinimalWorkbook().archive()
        bytes.patchLE(UInt16(0xFFFF), at: bytes.count - 12)
        let path = try folder.write(bytes)
        #expect(readEverything(path).error == "\(path): ZIP64 locator missing" + corruptAdvice)
    }

    @Test("a ZIP64 locator that points outside the file is refused")
    func zip64LocatorOutside() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.zip64 = true
        var bytes = zip.bytes()
        // The locator's record offset sits 22 + 20 - 8 bytes from the end.
        let locatorOffset = bytes.count - 22 - 20
        for index in 0..<8 { bytes[locatorOffset + 8 + index] = index == 7 ? 0x00 : 0xFF }
        let path = try folder.write(bytes)
        #expect(readEverything(path).error == "\(path): the ZIP64 end record lies outside the file" + corruptAdvice)
    }

    @Test("a ZIP64 end record that declares an absurd entry count hits the entry limit")
    func zip64AbsurdCount() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.zip64 = true
        var bytes = zip.bytes()
        let record64 = bytes.count - 22 - 20 - 56
        for index in 0..<8 { bytes[record64 + 32 + index] = index == 7 ? 0x40 : 0x00 }
        let path = try folder.write(bytes)
        #expect(
            readEverything(path).error
                == "\(path): the archive lists 4611686018427387904 entries, more than the limit of 65536"
                + bombAdvice(raising: "max-entries")
        )
    }

    @Test("more entries than the limit are refused before any is read")
    func entryCountLimit() throws {
        var workbook = MinimalWorkbook()
        for number in 1...5 { workbook.extraParts.append(("docProps/extra\(number).xml", Array("<x/>".utf8))) }
        let path = try folder.write(try workbook.archive())
        let count = workbook.parts().count
        #expect(count == 11)
        let outcome = readEverything(path, limits: ReadLimits(maxEntries: 10))
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error == "\(path): the archive lists 11 entries, more than the limit of 10"
                + bombAdvice(raising: "max-entries")
        )
        #expect(readEverything(path, limits: ReadLimits(maxEntries: 11)).error == nil)
    }

    // MARK: - Encryption and methods

    @Test("entries with the encryption flag set are refused as password-protected")
    func encryptedEntries() throws {
        var zip = try MinimalWorkbook().handBuilt()
        for index in zip.entries.indices { zip.entries[index].flags |= 0x0001 }
        let path = try folder.write(zip.bytes())
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): the workbook is password-protected; open it in your spreadsheet program and save it "
                + "without a password (File > Info > Protect Workbook > Encrypt with Password, clear it)"
        )
    }

    @Test("only the sheet encrypted: the workbook opens and the sheet is refused")
    func encryptedSheetOnly() throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.entries[try index(of: sheetPart, in: zip)].flags |= 0x0001
        let path = try folder.write(zip.bytes())
        let outcome = readEverything(path)
        #expect(!outcome.failedAtOpen)
        #expect(outcome.rows.isEmpty)
        #expect(outcome.error == SpreadsheetError.passwordProtected(path: path).description)
    }

    @Test("a compression method other than stored or deflate is refused", arguments: [1, 9, 12, 14, 99])
    func unsupportedMethod(method: UInt16) throws {
        var zip = try MinimalWorkbook().handBuilt()
        zip.entries[try index(of: sheetPart, in: zip)].method = method
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart): it uses ZIP compression method \(method), which workbooks do not use "
                + "(only stored and deflate)" + corruptAdvice
        )
    }

    @Test("a stored entry whose two sizes disagree is refused")
    func storedSizesDisagree() throws {
        var zip = try MinimalWorkbook().handBuilt(stored: [sheetPart])
        zip.entries[try index(of: sheetPart, in: zip)].uncompressedSize -= 1
        let path = try folder.write(zip.bytes())
        #expect(
            readEverything(path).error == "\(path): \(sheetPart): a stored entry whose sizes disagree" + corruptAdvice
        )
    }
}
