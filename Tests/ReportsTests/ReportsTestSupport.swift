import Answering
import ControlModel
import Foundation
import Questionnaire
import Spreadsheet

/// Files the Reports tests read: the repository's samples and fixtures, and files they write.
enum ReportsFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A path under the repository's root.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// Writes bytes to a new file in a fresh temporary folder and returns its path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-reports-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The text of every cell of a sheet of a workbook given as bytes, by A1 reference.
    static func cells(of bytes: [UInt8], sheet: String, named name: String = "copy.xlsx") throws -> [String: String] {
        let workbook = try Workbook(path: try write(bytes, named: name))
        var cells: [String: String] = [:]
        try workbook.readRows(of: try workbook.sheet(named: sheet)) { row in
            for cell in row.cells where !cell.value.isEmpty { cells[cell.address.a1] = cell.value.text }
        }
        return cells
    }
}

extension Answer {
    /// An answer to an item that rests on an approved library answer and needs no review.
    static func approved(_ item: QuestionnaireItem, value: String?, comment: String? = nil) -> Answer {
        var answer = Answer(item: item)
        answer.value = value
        answer.comment = comment
        answer.basis = .library
        answer.confidence = 0.95
        answer.libraryEntry = "ANS-1"
        return answer
    }

    /// An answer that needs review for a reason.
    static func flagged(_ item: QuestionnaireItem, value: String?, reasons: [ReviewReason]) -> Answer {
        var answer = approved(item, value: value)
        answer.confidence = 0.4
        answer.reviewReasons = reasons
        return answer
    }
}
