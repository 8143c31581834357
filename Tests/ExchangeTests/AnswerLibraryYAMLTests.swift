import ControlModel
import Foundation
import Testing

@testable import Exchange

/// Learned answers go into a user's YAML file without reformatting it.
@Suite struct AnswerLibraryYAMLTests {
    static let text = """
        # Our answers. Keep this comment.
        format: quire-library/1
        answers:
          - id: ANS-0001
            question: >-
              Is MFA enforced?
            answer: "Yes"   # checked 2026-01
          # a comment between entries
          - id: ANS-0002
            question: Are backups encrypted?
            answer: "No"

        evidence:
          - id: EV-7
            title: Backup report
            controls: [BCK-01]
            collected_on: 2026-01-01

        """

    static let entry = AnswerLibraryEntry(
        id: "ANS-0003",
        question: "Do you run a \"bug bounty\" programme?\nPublicly?",
        answer: "No",
        controls: ["VUL-02"],
        source: "acme.xlsx item Q9",
        approvedBy: "Dana",
        approvedOn: Day(parsing: "2026-12-06"),
        tags: ["learned"]
    )

    @Test func anEntryIsAppendedAtTheEndOfTheAnswersList() throws {
        let edited = try AnswerLibraryYAML.edit(Self.text, adding: [Self.entry], updating: [])
        let lines = edited.components(separatedBy: "\n")
        #expect(edited.hasPrefix(Self.text.components(separatedBy: "\n").prefix(12).joined(separator: "\n")))
        let at = try #require(lines.firstIndex(of: "  - id: ANS-0003"))
        #expect(lines[at - 1] == "    answer: \"No\"", "right after the last entry, before the blank line")
        #expect(lines[at + 1] == "    question: \"Do you run a \\\"bug bounty\\\" programme?\\nPublicly?\"")
        #expect(lines.contains("    approved_on: 2026-12-06") && lines.contains("    controls: [VUL-02]"))
        #expect(
            edited.hasSuffix(
                "evidence:\n  - id: EV-7\n    title: Backup report\n    controls: [BCK-01]\n    collected_on: 2026-01-01\n"
            )
        )
    }

    @Test("an entry for products lists them; one for the whole organisation has no products line")
    func productsAreWritten() throws {
        var entry = Self.entry
        entry.products = ["Harbor Mobile", "Web: portal"]
        let edited = try AnswerLibraryYAML.edit(Self.text, adding: [entry, Self.entry], updating: [])
        #expect(
            edited.components(separatedBy: "\n").filter { $0.contains("products:") } == [
                "    products: [\"Harbor Mobile\", \"Web: portal\"]"
            ]
        )
    }

    @Test func anUpdatedEntryIsRewrittenInPlaceAndCommentsStay() throws {
        var updated = Self.entry
        updated.id = "ANS-0001"
        updated.answer = "Partially"
        let edited = try AnswerLibraryYAML.edit(Self.text, adding: [], updating: [updated])
        #expect(edited.contains("# Our answers. Keep this comment."))
        #expect(edited.contains("  # a comment between entries\n  - id: ANS-0002"))
        #expect(edited.contains("  - id: ANS-0001\n    question: \"Do you run"))
        #expect(!edited.contains("Is MFA enforced?") && edited.contains("    answer: Partially\n"))
        #expect(throws: AnswerLibraryYAML.EditError.entryNotFound(id: "ANS-0404")) {
            var missing = updated
            missing.id = "ANS-0404"
            _ = try AnswerLibraryYAML.edit(Self.text, adding: [], updating: [missing])
        }
    }

    @Test func aFileSavedOnWindowsKeepsItsMarkAndLineEnds() throws {
        // Byte-order mark and CR LF, as Notepad and many Windows editors save: before, every line
        // read as one, and a second "answers:" key was appended.
        let windows = "\u{FEFF}" + Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let edited = try AnswerLibraryYAML.edit(windows, adding: [Self.entry], updating: [])
        #expect(edited.hasPrefix("\u{FEFF}# Our answers. Keep this comment.\r\nformat: quire-library/1\r\n"))
        #expect(edited.components(separatedBy: "answers:").count == 2, "one answers: list")
        #expect(edited.contains("    answer: \"No\"\r\n  - id: ANS-0003\r\n    question: "))
        #expect(
            !edited.unicodeScalars.indices.contains { index in
                edited.unicodeScalars[index] == "\n" && index > edited.unicodeScalars.startIndex
                    && edited.unicodeScalars[edited.unicodeScalars.index(before: index)] != "\r"
            },
            "every line ends in CR LF"
        )
        // A file mixing the two keeps each old line's own ending; new lines take the usual one.
        var lines = Self.text.components(separatedBy: "\n")
        lines[0] += "\r"
        let mixed = lines.joined(separator: "\n")
        let editedMixed = try AnswerLibraryYAML.edit(mixed, adding: [Self.entry], updating: [])
        #expect(editedMixed.hasPrefix("# Our answers. Keep this comment.\r\nformat: quire-library/1\nanswers:\n"))
        #expect(editedMixed.contains("\n  - id: ANS-0003\n"))
    }

    @Test func anEmptyListInBracketsIsOpenedAndAFullOneRefused() throws {
        let empty = "format: quire-library/1\nanswers: []  # none yet\n"
        let edited = try AnswerLibraryYAML.edit(empty, adding: [Self.entry], updating: [])
        #expect(edited.hasPrefix("format: quire-library/1\nanswers: # none yet\n  - id: ANS-0003\n"))
        #expect(try AnswerLibraryYAML.edit(empty, adding: [], updating: []) == empty, "nothing to add: as it was")
        #expect(throws: AnswerLibraryYAML.EditError.flowList(line: 2)) {
            _ = try AnswerLibraryYAML.edit(
                "format: quire-library/1\nanswers: [{id: A-1, question: q, answer: a}]\n",
                adding: [Self.entry],
                updating: []
            )
        }
    }

    @Test func aCommentAtTheMarginAfterTheListStaysWithWhatFollows() throws {
        let text = """
            answers:
              - id: ANS-0001
                question: Is MFA enforced?
                answer: "Yes"
              # about ANS-0001

            # Evidence follows.
            evidence: []

            """
        let edited = try AnswerLibraryYAML.edit(text, adding: [Self.entry], updating: [])
        #expect(edited.contains("  # about ANS-0001\n  - id: ANS-0003\n"))
        #expect(edited.contains("approved_on: 2026-12-06\n    tags: [learned]\n\n# Evidence follows.\nevidence: []\n"))
    }

    @Test func aNewFileIsALibrary() throws {
        let edited = try AnswerLibraryYAML.edit("", adding: [Self.entry], updating: [])
        #expect(edited.hasPrefix("format: quire-library/1\nanswers:\n  - id: ANS-0003\n"))
    }
}
