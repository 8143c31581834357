public import ControlModel
import Foundation

/// What a conversion read, wrote and could not carry: written beside the output as Markdown and
/// JSON (`Schemas/migration-report.schema.json`).
public struct MigrationReport: Sendable {
    /// The inputs and the format each was read as.
    public var inputs: [(file: String, format: ExchangeFormat)]
    /// The output and its format.
    public var output: (file: String, format: ExchangeFormat)
    /// How each input's format was recognised.
    public var detection: [String]
    /// What the inputs held.
    public var read: Library
    /// The notes.
    public var notes: [MigrationNote]

    /// A report.
    public init(content: ExchangeContent, output: String, format: ExchangeFormat, log: MigrationLog) {
        inputs = content.formats
        self.output = (output, format)
        detection = log.detection
        read = content.library
        notes = log.notes
    }

    /// Counts of what was read.
    public var counts: [(String, Int)] {
        [
            ("frameworks", read.frameworks.count),
            ("requirements", read.frameworks.reduce(0) { $0 + $1.assessable.count }),
            ("controls", read.controls.count),
            ("control mappings", read.controls.reduce(0) { $0 + $1.mappings.count }),
            ("implementation records", read.implementation.count),
            ("evidence items", read.evidence.count),
            ("library answers", read.answers.count),
            ("mapping sets", read.mappingSets.count),
            ("requirement mappings", read.mappingSets.reduce(0) { $0 + $1.mappings.count }),
        ]
    }

    /// Notes that mean something was lost.
    public var losses: [MigrationNote] {
        notes.filter { $0.kind == .dropped || $0.kind == .unresolved || $0.kind == .partial }
    }

    /// One line for standard error.
    public var summary: String {
        let kinds = MigrationNote.Kind.allCases.compactMap { kind -> String? in
            let number = notes.filter { $0.kind == kind }.count
            return number == 0 ? nil : "\(number) \(kind.rawValue)"
        }
        let read = counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        return "\(output.file): \(output.format.rawValue) written from \(read.isEmpty ? "nothing" : read); "
            + (kinds.isEmpty ? "nothing lost or changed" : kinds.joined(separator: ", "))
    }

    /// The JSON document.
    public func json() -> String {
        OutputNode.map([
            ("format", .string("quire-migration-report/1")),
            (
                "inputs",
                .list(inputs.map { .map([("file", .string($0.file)), ("format", .string($0.format.rawValue))]) })
            ),
            ("output", .map([("file", .string(output.file)), ("format", .string(output.format.rawValue))])),
            ("detection", .list(detection.map(OutputNode.string))),
            ("read", .map(counts.map { ($0.0.replacingOccurrences(of: " ", with: "_"), .integer($0.1)) })),
            (
                "summary",
                .map(
                    MigrationNote.Kind.allCases.map { kind in
                        (kind.rawValue, .integer(notes.filter { $0.kind == kind }.count))
                    }
                )
            ),
            ("lossless", .boolean(losses.isEmpty)),
            (
                "notes",
                .list(
                    notes.map { note in
                        .map([
                            ("kind", .string(note.kind.rawValue)),
                            ("subject", .string(note.subject)),
                            ("field", note.field.map(OutputNode.string) ?? .null),
                            ("detail", .string(note.detail)),
                            ("location", note.location.map(OutputNode.string) ?? .null),
                            ("ids", .list(note.ids.map(OutputNode.string))),
                        ])
                    }
                )
            ),
        ]).json()
    }

    /// The Markdown report: what was read, then the notes grouped by kind.
    public func markdown() -> String {
        var lines = ["# Migration report", ""]
        lines.append("- Output: `\(output.file)` (\(output.format.rawValue))")
        for input in inputs { lines.append("- Input: `\(input.file)` (\(input.format.rawValue))") }
        lines.append("")
        if !detection.isEmpty {
            lines.append("## How the inputs were recognised")
            lines.append("")
            lines += detection.map { "- \($0)" }
            lines.append("")
        }
        lines.append("## Read")
        lines.append("")
        lines.append("| what | count |")
        lines.append("|---|---:|")
        lines += counts.map { "| \($0.0) | \($0.1) |" }
        lines.append("")
        let titles: [(MigrationNote.Kind, String)] = [
            (.dropped, "Dropped (not carried)"), (.unresolved, "Unresolved references"),
            (.partial, "Held in part"), (.merged, "Merged"), (.transformed, "Transformed"),
        ]
        if notes.isEmpty {
            lines.append("Nothing was dropped, merged or transformed: the output holds everything read.")
        }
        for (kind, title) in titles {
            let group = notes.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            lines.append("## \(title): \(group.count)")
            lines.append("")
            lines.append("| subject | field | what happened | where |")
            lines.append("|---|---|---|---|")
            for note in group {
                let ids =
                    note.ids.isEmpty
                    ? "" : " (" + note.ids.prefix(8).joined(separator: ", ") + (note.ids.count > 8 ? ", …" : "") + ")"
                lines.append(
                    "| \(cell(note.subject + ids)) | \(cell(note.field ?? "")) | \(cell(note.detail)) "
                        + "| \(cell(note.location ?? "")) |"
                )
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
