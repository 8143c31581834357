/// The parts of a ZIP container (an XLSX workbook) as its central directory lists them: name,
/// CRC-32 and size of the uncompressed content, in archive order; folders are left out.
///
/// Nothing is inflated, so this is cheap for any size of workbook; two parts with the same CRC-32
/// and size hold the same bytes (short of a deliberate CRC collision), however each was compressed.
/// The archive is checked as for reading (entry count, overlapping or out-of-range entries,
/// duplicate names), but the CRC-32s are taken as the directory states them.
/// - Parameters:
///   - path: The ZIP file.
///   - limits: The limits that guard against hostile archives; only ``ReadLimits/maxEntries`` applies.
/// - Returns: One tuple per entry, in the order of the central directory.
/// - Throws: ``SpreadsheetError`` (`fileNotFound`, `io`, `corruptArchive`, `limitExceeded`).
public func zipPartDigests(
    path: String,
    limits: ReadLimits = .default
) throws -> [(name: String, crc32: UInt32, size: Int64)] {
    let archive = try ZipArchive(path: path, limits: limits)
    return archive.entries.filter { !$0.isDirectory }.map { ($0.name, $0.crc32, $0.uncompressedSize) }
}
