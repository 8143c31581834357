import Foundation
import Testing

@testable import Spreadsheet

/// A fresh temporary directory for one test; removed when the suite instance that made it goes.
final class CSVScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "quire-csv-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to a file in the directory and returns its path.
    func write(_ bytes: [UInt8], named name: String = "input.csv") throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes `text` as UTF-8 (no byte-order mark) and returns the file's path.
    func write(_ text: String, named name: String = "input.csv") throws -> String {
        try write(Array(text.utf8), named: name)
    }
}

/// What reading a CSV file gave: one line per row, cells as `A1=text`, and the metadata.
struct CSVReadResult: Equatable, CustomStringConvertible {
    var rows: [String]
    var metadata: SheetMetadata

    var description: String { rows.joined(separator: "\n") + "\n\(metadata)" }
}

/// Reads a CSV file with one chunk size and renders the rows; every cell must be a non-empty string.
func readCSV(
    _ path: String,
    limits: ReadLimits = .default,
    chunkSize: Int = CSVReader.chunkSize,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> CSVReadResult {
    var rows: [String] = []
    let metadata = try CSVReader.readRows(path: path, limits: limits, chunkSize: chunkSize) { row in
        for cell in row.cells {
            guard case .string(let text) = cell.value, !text.isEmpty, cell.address.row == row.index else {
                Issue.record("unexpected cell \(cell) in row \(row.index)", sourceLocation: sourceLocation)
                continue
            }
        }
        rows.append(row.cells.map { "\($0.address)=\($0.value.text)" }.joined(separator: " | "))
    }
    return CSVReadResult(rows: rows, metadata: metadata)
}

/// The chunk sizes every small fixture is read with, so that chunk boundaries fall everywhere: inside
/// quoted fields, between CR and LF, inside UTF-8 and UTF-16 sequences.
let csvStressChunkSizes = [1, 2, 3, 5, 7, 64]

/// Reads a CSV file with the default chunk size and with every stress chunk size, expects the same
/// outcome each time, and returns it: the rows, or the error's description.
func readCSVEverywhere(
    _ path: String,
    limits: ReadLimits = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Result<CSVReadResult, SpreadsheetError> {
    func outcome(_ chunkSize: Int) -> Result<CSVReadResult, SpreadsheetError> {
        do {
            return .success(
                try readCSV(path, limits: limits, chunkSize: chunkSize, sourceLocation: sourceLocation)
            )
        } catch let error as SpreadsheetError {
            return .failure(error)
        } catch {
            Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
            return .failure(.io(path: path, reason: "\(error)"))
        }
    }
    let expected = outcome(CSVReader.chunkSize)
    for chunkSize in csvStressChunkSizes {
        let actual = outcome(chunkSize)
        #expect(actual == expected, "chunk size \(chunkSize) reads differently", sourceLocation: sourceLocation)
    }
    return expected
}

/// The rows of a file that must read without error at every chunk size.
func csvRows(
    _ path: String,
    limits: ReadLimits = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> [String] {
    try readCSVEverywhere(path, limits: limits, sourceLocation: sourceLocation).get().rows
}

/// The description of the error a file must fail with at every chunk size.
func csvError(
    _ path: String,
    limits: ReadLimits = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) -> String? {
    switch readCSVEverywhere(path, limits: limits, sourceLocation: sourceLocation) {
    case .success(let result):
        Issue.record("expected an error, read \(result)", sourceLocation: sourceLocation)
        return nil
    case .failure(let error):
        return error.description
    }
}

/// `text` as UTF-16 with a byte-order mark, in either byte order.
func utf16Bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
        bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
}

/// ASCII records of up to 64 bytes, each ending in LF, filling exactly `length` bytes (the last one
/// may be a blank line); returns the bytes and how many records they hold.
func csvFiller(length: Int) -> (bytes: [UInt8], records: Int) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(length)
    var records = 0
    while bytes.count < length {
        let lineLength = min(64, length - bytes.count)
        bytes += [UInt8](repeating: UInt8(ascii: "r"), count: lineLength - 1) + [UInt8(ascii: "\n")]
        records += 1
    }
    return (bytes, records)
}
