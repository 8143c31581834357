import Foundation
import Testing

@testable import Spreadsheet

/// Entries over 16 MiB are deflated in 8 MiB pieces on all cores; the pieces must join into one
/// stream that reads back byte for byte, and the bytes must not depend on the machine.
@Suite struct ZipWriterLargeEntryTests {
    @Test func aLargeEntryDeflatedInPiecesReadsBack() throws {
        // 40 MiB of compressible but varied XML-like text.
        var data: [UInt8] = []
        data.reserveCapacity(40 << 20)
        var row = 0
        while data.count < 40 << 20 {
            data.append(
                contentsOf: Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row * 7919 % 104_729)</v></c></row>".utf8)
            )
            row += 1
        }
        let first = try deflateRaw(data, level: 1)
        let second = try deflateRaw(data, level: 1)
        #expect(first == second)
        var writer = ZipWriter()
        try writer.add("big.xml", data, method: .deflated(level: 1))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.zip").path
        try Data(writer.finish()).write(to: URL(fileURLWithPath: path))
        let archive = try ZipArchive(path: path)
        let entry = try #require(archive.entry(named: "big.xml"))
        #expect(try archive.data(entry) == data)
    }
}
