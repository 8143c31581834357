import Foundation
import Testing

@testable import Questionnaire

/// Layout profiles read from YAML: every mistake names the file, the line and column, and what to change.
@Suite struct LayoutProfileLoadingTests {
    static let valid = """
        name: acme-review
        match:
          sheets: ["Review*"]
          headers: [Ref, Question, Response]
        sheets:
          - name: "Review*"
            header_row: 4
            columns: {id: Ref, question: Question, answer: Response}
            allowed_answers: ["Yes", "No"]
        """

    func failure(_ text: String) -> QuestionnaireError? {
        do {
            _ = try LayoutProfile.parse(text, path: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func aValidProfileReads() throws {
        let profile = try LayoutProfile.parse(Self.valid, path: "p.yaml")
        #expect(profile.name == "acme-review")
        #expect(profile.sheets.first?.headerRow == 4)
        #expect(profile.sheets.first?.columns["answer"] == "Response")
        #expect(profile.sheets.first?.allowedAnswers == ["Yes", "No"])
    }

    @Test func aMisspeltKeyIsNamedWithItsPlaceAndTheNearestKey() {
        let text = Self.valid.replacingOccurrences(of: "    columns:", with: "    colums:")
        guard case .invalidProfile(let path, let line, let column, let reason) = failure(text) else {
            Issue.record("a misspelt key is an error")
            return
        }
        #expect(path == "p.yaml" && line == 8 && column == 5)
        #expect(reason.contains("\"colums\"") && reason.contains("did you mean \"columns\"?"))
    }

    @Test func anUnknownColumnRoleIsAnError() {
        let text = Self.valid.replacingOccurrences(of: "answer: Response", with: "reply: Response")
        guard case .invalidProfile(_, let line, _, let reason) = failure(text) else {
            Issue.record("an unknown role is an error")
            return
        }
        #expect(line == 8)
        #expect(reason.contains("\"reply\"") && reason.contains("column role"))
    }

    @Test func aValueOfTheWrongTypeIsPlaced() {
        let text = Self.valid.replacingOccurrences(of: "header_row: 4", with: "header_row: four")
        guard case .invalidProfile(_, let line, let column, let reason) = failure(text) else {
            Issue.record("a wrong type is an error")
            return
        }
        #expect(line == 7 && column == 17)
        #expect(reason == "sheets[0].header_row must be a whole number")
    }

    @Test func aMissingFieldAndBrokenYAMLAreErrors() {
        let noName = Self.valid.replacingOccurrences(of: "name: acme-review\n", with: "")
        guard case .invalidProfile(_, _, _, let reason) = failure(noName) else {
            Issue.record("a missing name is an error")
            return
        }
        #expect(reason.contains("\"name\" is missing"))
        guard case .invalidProfile(_, let line, _, let broken) = failure("name: [unclosed\nmatch: {}\n") else {
            Issue.record("YAML that does not parse is an error")
            return
        }
        #expect(line != nil && broken.hasPrefix("not YAML"))
        #expect(failure("") == .invalidProfile(path: "p.yaml", line: nil, column: nil, reason: "the file is empty"))
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: QuestionnaireError.unreadable(path: "/no/such/profile.yaml", reason: "no such file")) {
            _ = try LayoutProfile.load(path: "/no/such/profile.yaml")
        }
    }
}
