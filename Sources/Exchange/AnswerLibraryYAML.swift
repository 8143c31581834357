public import ControlModel
import Foundation

/// Adds and updates answer entries in the text of a YAML library file, leaving every other line
/// as it was: comments, order, quoting and the other sections are kept.
///
/// New entries go at the end of the top-level `answers:` list, in the indentation the file
/// already uses (a file without an `answers:` list gets one at its end; an empty text becomes a
/// new library). An updated entry's lines (from its `- id:` line to the next entry) are replaced
/// by the entry written anew. Text is written as double-quoted YAML scalars, dates as
/// `YYYY-MM-DD`, ids as a flow list.
public enum AnswerLibraryYAML: Sendable {
    /// The text with `added` appended and `updated` rewritten in place.
    ///
    /// The file's own bytes are kept around the edit: a byte-order mark, and each line's own
    /// ending (a file saved on Windows ends its lines in CR LF; new lines take the ending the
    /// file uses most).
    /// - Throws: ``EditError`` when an updated entry's id is not in the file's `answers:` list, or
    ///   that list is written in brackets.
    public static func edit(_ text: String, adding added: [AnswerLibraryEntry], updating updated: [AnswerLibraryEntry])
        throws(EditError) -> String
    {
        let mark = "\u{FEFF}"
        let bom = text.hasPrefix(mark)
        var lines = Lines(bom ? String(text.dropFirst()) : text)
        if text.isEmpty { lines.append("format: quire-library/1") }
        let start: Int
        if let found = lines.firstIndex(where: { $0.hasPrefix("answers:") }) {
            start = found
            // `answers: []` (or `~`, `null`) in a new file: the list is opened for entries a line
            // each, keeping a comment on that line. A list written in brackets is not rewritten.
            let rest = lines[found].dropFirst("answers:".count)
            let comment = rest.range(of: "#").map { rest[$0.lowerBound...] }
            let value = (comment.map { rest[..<$0.startIndex] } ?? rest).trimmingCharacters(in: .whitespaces)
            if !value.isEmpty {
                guard ["[]", "~", "null"].contains(value) else { throw .flowList(line: found + 1) }
                if !added.isEmpty {
                    lines.replace(found..<(found + 1), with: ["answers:" + (comment.map { " " + $0 } ?? "")])
                }
            }
        } else {
            lines.append("answers:")
            start = lines.count - 1
        }
        // The block runs to the next top-level line that is neither blank nor a comment.
        var end = lines.count
        for index in (start + 1)..<lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "#", first != "-" { end = index; break }
        }
        let indent =
            ((start + 1)..<end).lazy.map { lines[$0] }.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
            .map { String($0.prefix { $0 == " " }) } ?? "  "
        for entry in updated {
            guard
                let first = ((start + 1)..<end).first(where: { index in
                    let line = lines[index]
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    return line.hasPrefix(indent + "- ")
                        && (trimmed == "- id: \(entry.id)" || trimmed == "- id: \"\(entry.id)\"")
                })
            else {
                throw .entryNotFound(id: entry.id)
            }
            var last = first + 1
            while last < end, !lines[last].hasPrefix(indent + "- ") { last += 1 }
            // Blank and comment lines before the next entry stay where they are.
            while last > first + 1,
                lines[last - 1].trimmingCharacters(in: .whitespaces).isEmpty
                    || lines[last - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
            {
                last -= 1
            }
            let rendered = render(entry, indent: indent)
            lines.replace(first..<last, with: rendered)
            end += rendered.count - (last - first)
        }
        // After the last entry: blank lines, and comments at the margin (they speak of what
        // follows), stay after the new entries; an indented comment belongs to the entries.
        var insertion = end
        while insertion > start + 1 {
            let line = lines[insertion - 1]
            let marginComment = !indent.isEmpty && line.hasPrefix("#")
            guard line.trimmingCharacters(in: .whitespaces).isEmpty || marginComment else { break }
            insertion -= 1
        }
        lines.insert(added.flatMap { render($0, indent: indent) }, at: insertion)
        return (bom ? mark : "") + lines.text
    }

    /// A file's lines, each with its own ending; lines added take the ending the file uses most.
    private struct Lines {
        private var texts: [String] = []
        private var endings: [String] = []
        private let usual: String

        init(_ text: String) {
            var crlf = 0
            var lf = 0
            var current = ""
            for character in text {
                switch character {
                case "\r\n":
                    crlf += 1
                    texts.append(current)
                    endings.append("\r\n")
                    current = ""
                case "\n":
                    lf += 1
                    texts.append(current)
                    endings.append("\n")
                    current = ""
                default:
                    current.append(character)
                }
            }
            // The last line, when the file does not end with a line break, gets one.
            usual = crlf > lf ? "\r\n" : "\n"
            if !current.isEmpty {
                texts.append(current)
                endings.append(usual)
            }
        }

        var count: Int { texts.count }
        var isEmpty: Bool { texts.isEmpty }
        subscript(index: Int) -> String { texts[index] }
        func firstIndex(where test: (String) -> Bool) -> Int? { texts.firstIndex(where: test) }

        mutating func append(_ line: String) {
            texts.append(line)
            endings.append(usual)
        }

        mutating func insert(_ lines: [String], at index: Int) {
            texts.insert(contentsOf: lines, at: index)
            endings.insert(contentsOf: Array(repeating: usual, count: lines.count), at: index)
        }

        mutating func replace(_ range: Range<Int>, with lines: [String]) {
            texts.replaceSubrange(range, with: lines)
            endings.replaceSubrange(range, with: Array(repeating: usual, count: lines.count))
        }

        var text: String { zip(texts, endings).map { $0 + $1 }.joined() }
    }

    /// Why an edit cannot be made.
    public enum EditError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The entry to update is not in the file.
        case entryNotFound(id: String)
        /// The `answers:` list is written in brackets (flow style), on this line.
        case flowList(line: Int)

        /// The message.
        public var description: String {
            switch self {
            case .entryNotFound(let id):
                "answer \(id) is not in the file's answers: list, so it cannot be updated there"
            case .flowList:
                "the answers: list is written in brackets; write its entries one \"- id:\" a line "
                    + "(as quire library files are) to learn into it"
            }
        }
    }

    /// An entry as YAML lines at an indentation.
    static func render(_ entry: AnswerLibraryEntry, indent: String) -> [String] {
        let inner = indent + "  "
        var lines = ["\(indent)- id: \(quoted(entry.id))"]
        lines.append("\(inner)question: \(quoted(entry.question))")
        lines.append("\(inner)answer: \(quoted(entry.answer))")
        if let comment = entry.comment, !comment.isEmpty { lines.append("\(inner)comment: \(quoted(comment))") }
        if !entry.controls.isEmpty {
            lines.append("\(inner)controls: [\(entry.controls.map(quoted).joined(separator: ", "))]")
        }
        if !entry.evidence.isEmpty {
            lines.append("\(inner)evidence: [\(entry.evidence.map(quoted).joined(separator: ", "))]")
        }
        if let source = entry.source { lines.append("\(inner)source: \(quoted(source))") }
        if let approvedBy = entry.approvedBy { lines.append("\(inner)approved_by: \(quoted(approvedBy))") }
        if let approvedOn = entry.approvedOn { lines.append("\(inner)approved_on: \(approvedOn)") }
        if !entry.tags.isEmpty { lines.append("\(inner)tags: [\(entry.tags.map(quoted).joined(separator: ", "))]") }
        if !entry.products.isEmpty {
            lines.append("\(inner)products: [\(entry.products.map(quoted).joined(separator: ", "))]")
        }
        return lines
    }

    /// Text as a YAML scalar: plain when it is an id-like word, else double-quoted with escapes.
    static func quoted(_ text: String) -> String {
        let plain =
            !text.isEmpty && text.first?.isLetter == true
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_.".unicodeScalars.contains($0)
            }
            && !["yes", "no", "true", "false", "null", "on", "off", "y", "n"].contains(text.lowercased())
        return plain ? text : doubleQuoted(text)
    }
}
