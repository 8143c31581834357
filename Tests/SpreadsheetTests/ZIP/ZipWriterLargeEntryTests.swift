import Foundation
import Testing

@testable import Spreadsheet

/// Entries are deflated in 8 MiB pieces on other cores; the pieces must join into one stream
/// that reads back byte for byte, and the bytes must depend neither on the machine nor on how
/// the entry's bytes were handed over.
@Suite struct ZipWriterLargeEntryTests {
    /// Compressible but varied XML-like text, cut to `count` bytes.
    func xml(_ count: Int) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(count + 64)
        var row = 0
        while data.count < count {
            data.append(
                contentsOf: Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row * 7919 % 104_729)</v></c></row>".utf8)
            )
            row += 1
        }
        return Array(data.prefix(count))
    }

    @Test func aStreamedEntryEqualsTheWholeOneAndReadsBack() throws {
        // Exactly two pieces: the stream ends with an empty last piece.
        let data = xml(2 * EntryDeflater.pieceSize)
        let whole = try deflateRaw(data, level: 1)
        let deflater = EntryDeflater(level: 1)
        var start = 0
        var step = 1
        while start < data.count {
            let end = min(start + step, data.count)
            data[start..<end].withUnsafeBytes { deflater.write($0) }
            start = end
            step = step * 3 % 1_000_003 + 1
        }
        var writer = ZipWriter()
        try writer.add("streamed.xml", finishing: deflater)
        let archive = try read(writer)
        let entry = try #require(archive.entry(named: "streamed.xml"))
        #expect(try archive.rawData(entry) == whole)
        #expect(try archive.data(entry) == data)
    }

    func read(_ writer: ZipWriter) throws -> ZipArchive {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("entries.zip").path
        try Data(writer.finish()).write(to: URL(fileURLWithPath: path))
        return try ZipArchive(path: path)
    }

    @Test func aLargeEntryDeflatedInPiecesReadsBack() throws {
        let data = xml(40 << 20)
        let first = try deflateRaw(data, level: 1)
        let second = try deflateRaw(data, level: 1)
        #expect(first == second)
        var writer = ZipWriter()
        try writer.add("big.xml", data, method: .deflated(level: 1))
        let archive = try read(writer)
        let entry = try #require(archive.entry(named: "big.xml"))
        #expect(try archive.data(entry) == data)
    }
}
