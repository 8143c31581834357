@testable import Spreadsheet

/// A ZIP archive assembled record by record, so that tests can write what ``ZipWriter`` never
/// would: lying sizes, shared local headers, encryption flags, data descriptors, ZIP64 records.
///
/// Each entry's local header and central-directory entry are written from the same ``Entry``
/// unless a test overrides a field for one of them.
struct HandBuiltZip {
    /// One entry as it will be written; every field can lie.
    struct Entry {
        var name: String
        /// The bytes that follow the local header: the stored or deflated payload.
        var payload: [UInt8]
        var method: UInt16
        var flags: UInt16 = 0x0800
        var crc32: UInt32
        var compressedSize: UInt32
        var uncompressedSize: UInt32
        /// The local header's own copies, when they should differ from the central directory's.
        var localCRC32: UInt32?
        var localCompressedSize: UInt32?
        var localUncompressedSize: UInt32?
        var localFlags: UInt16?
        /// The name in the local header, when it should differ.
        var localName: String?
        var localExtra: [UInt8] = []
        var centralExtra: [UInt8] = []
        /// Bytes written right after the payload (a data descriptor).
        var trailer: [UInt8] = []
        /// The central directory's local-header offset, when it should point somewhere else.
        var localHeaderOffset: UInt32?
        /// The central directory's name bytes, when they should not be the UTF-8 of ``name``.
        var rawCentralName: [UInt8]?
        /// Whether the entry has a local header and data of its own; one that does not must set
        /// ``localHeaderOffset`` to share another's.
        var writesLocalHeader = true

        /// An honest entry: `data` stored or deflated, with its real CRC-32 and sizes.
        static func honest(_ name: String, _ data: [UInt8], deflated: Bool = true) throws -> Entry {
            let payload = deflated ? try deflateRaw(data, level: 6) : data
            return Entry(
                name: name,
                payload: payload,
                method: deflated ? 8 : 0,
                crc32: Checksum.of(data),
                compressedSize: UInt32(payload.count),
                uncompressedSize: UInt32(data.count)
            )
        }
    }

    var entries: [Entry] = []
    /// Bytes placed between the last entry's data and the central directory.
    var gap: [UInt8] = []
    /// The end record's comment.
    var comment: [UInt8] = []
    /// Write a ZIP64 end record and locator, and put all ones in the classic end record.
    var zip64 = false
    /// The entry count the end record declares, when it should not be the real one.
    var declaredEntryCount: UInt16?

    init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Where each entry's local header starts in ``bytes()``.
    func localHeaderOffsets() -> [Int] {
        var offsets: [Int] = []
        var position = 0
        for entry in entries {
            offsets.append(position)
            guard entry.writesLocalHeader else { continue }
            position += 30 + Array((entry.localName ?? entry.name).utf8).count + entry.localExtra.count
            position += entry.payload.count + entry.trailer.count
        }
        return offsets
    }

    /// The archive's bytes.
    func bytes() -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        let offsets = localHeaderOffsets()
        for (entry, offset) in zip(entries, offsets) {
            if entry.writesLocalHeader {
                archive += entry.localRecord()
            }
            let centralName = entry.rawCentralName ?? Array(entry.name.utf8)
            directory.appendLE(UInt32(0x0201_4B50))
            directory.appendLE(UInt16(entry.zip64Needed ? 45 : 20))
            directory.appendLE(UInt16(entry.zip64Needed ? 45 : 20))
            directory.appendLE(entry.flags)
            directory.appendLE(entry.method)
            directory.appendLE(UInt16(0))
            directory.appendLE(UInt16(0x21))
            directory.appendLE(entry.crc32)
            directory.appendLE(entry.compressedSize)
            directory.appendLE(entry.uncompressedSize)
            directory.appendLE(UInt16(centralName.count))
            directory.appendLE(UInt16(entry.centralExtra.count))
            directory.appendLE(UInt16(0))  // comment
            directory.appendLE(UInt16(0))  // disk
            directory.appendLE(UInt16(0))  // internal attributes
            directory.appendLE(UInt32(0))  // external attributes
            directory.appendLE(entry.localHeaderOffset ?? UInt32(offset))
            directory += centralName + entry.centralExtra
        }
        archive += gap
        let directoryOffset = archive.count
        archive += directory
        if zip64 {
            let record64Offset = archive.count
            archive.appendLE(UInt32(0x0606_4B50))
            archive.appendLE64(44)  // size of the rest of the record
            archive.appendLE(UInt16(45))
            archive.appendLE(UInt16(45))
            archive.appendLE(UInt32(0))  // this disk
            archive.appendLE(UInt32(0))  // directory's disk
            archive.appendLE64(UInt64(entries.count))
            archive.appendLE64(UInt64(entries.count))
            archive.appendLE64(UInt64(directory.count))
            archive.appendLE64(UInt64(directoryOffset))
            archive.appendLE(UInt32(0x0706_4B50))
            archive.appendLE(UInt32(0))
            archive.appendLE64(UInt64(record64Offset))
            archive.appendLE(UInt32(1))  // total disks
        }
        archive.appendLE(UInt32(0x0605_4B50))
        archive.appendLE(UInt16(0))
        archive.appendLE(UInt16(0))
        let count = declaredEntryCount ?? UInt16(entries.count)
        archive.appendLE(zip64 ? 0xFFFF : count)
        archive.appendLE(zip64 ? 0xFFFF : count)
        archive.appendLE(zip64 ? 0xFFFF_FFFF : UInt32(directory.count))
        archive.appendLE(zip64 ? 0xFFFF_FFFF : UInt32(directoryOffset))
        archive.appendLE(UInt16(comment.count))
        archive += comment
        return archive
    }
}

extension HandBuiltZip.Entry {
    /// The local header followed by the payload and the trailer.
    func localRecord() -> [UInt8] {
        let localName = Array((self.localName ?? name).utf8)
        var record: [UInt8] = []
        record.appendLE(UInt32(0x0403_4B50))
        record.appendLE(UInt16(zip64Needed ? 45 : 20))
        record.appendLE(localFlags ?? flags)
        record.appendLE(method)
        record.appendLE(UInt16(0))  // time
        record.appendLE(UInt16(0x21))  // date: 1980-01-01
        record.appendLE(localCRC32 ?? crc32)
        record.appendLE(localCompressedSize ?? compressedSize)
        record.appendLE(localUncompressedSize ?? uncompressedSize)
        record.appendLE(UInt16(localName.count))
        record.appendLE(UInt16(localExtra.count))
        return record + localName + localExtra + payload + trailer
    }

    var zip64Needed: Bool {
        compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localHeaderOffset == 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    mutating func appendLE64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Overwrites a little-endian 16-bit field.
    mutating func patchLE(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value)
        self[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    /// Overwrites a little-endian 32-bit field.
    mutating func patchLE(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { self[offset + index] = UInt8(truncatingIfNeeded: value >> UInt32(8 * index)) }
    }
}

/// Compresses bytes as a raw deflate stream (no zlib header), as ZIP stores them, by way of the
/// writer's own `EntryDeflater`, so a test's whole entry and a streamed one give the same bytes.
func deflateRaw(_ data: [UInt8], level: Int32) throws -> [UInt8] {
    let deflater = EntryDeflater(level: level)
    deflater.write(data)
    return try deflater.finish().payload
}
