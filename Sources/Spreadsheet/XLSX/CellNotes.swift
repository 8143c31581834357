internal import CLibXML2

/// Reads a sheet's comments part (`xl/comments1.xml`): each note's cell and its text.
///
/// Excel starts a note's text with its author's name ("Jane Doe:" and a line break), which is
/// who wrote it, not what it says: that prefix is left out. Phonetic runs are left out too.
final class CommentsPartReader: XMLEventHandler {
    /// The longest note kept, in bytes; a longer one is cut there.
    static let longestNote = 4_000
    private(set) var notes: [CellAddress: String] = [:]
    private var authors: [String] = []
    private var text: [UInt8] = []
    private var inAuthor = false
    private var inText = false
    private var inPhonetic = false
    private var cell: CellAddress?
    private var author: Int?

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "author") {
            inAuthor = true
            text = []
        } else if xmlNameEquals(name, "comment") {
            cell = attributes.string("ref").flatMap { CellAddress(a1: $0) }
            author = attributes.int("authorId")
            text = []
        } else if xmlNameEquals(name, "t") {
            inText = true
        } else if xmlNameEquals(name, "rPh") {
            inPhonetic = true
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inAuthor || (cell != nil && inText && !inPhonetic), text.count < Self.longestNote else { return }
        text += bytes.prefix(Self.longestNote - text.count)
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if xmlNameEquals(name, "author") {
            authors.append(String(decoding: text, as: UTF8.self))
            inAuthor = false
        } else if xmlNameEquals(name, "t") {
            inText = false
        } else if xmlNameEquals(name, "rPh") {
            inPhonetic = false
        } else if xmlNameEquals(name, "comment") {
            defer { cell = nil }
            guard let cell else { return }
            var note = String(decoding: text, as: UTF8.self)
            if let author, authors.indices.contains(author), !authors[author].isEmpty,
                note.hasPrefix(authors[author] + ":")
            {
                note.removeFirst(authors[author].count + 1)
            }
            let trimmed = note.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
            if !trimmed.isEmpty { notes[cell] = String(trimmed) }
        }
    }
}

extension XLSXPackage {
    /// The notes on a sheet's cells, found through its relationships; none when it has no
    /// comments part, or a damaged one (notes are hints, never needed to read the sheet).
    func cellNotes(of sheet: SheetInfo) -> [CellAddress: String] {
        var notes: [CellAddress: String] = [:]
        for entry in parts(ofType: "comments", of: sheet) {
            let reader = CommentsPartReader()
            guard (try? parseXML(archive.data(entry), handler: reader, path: archive.path, part: entry.name)) != nil
            else { continue }
            notes.merge(reader.notes) { first, _ in first }
        }
        return notes
    }
}
