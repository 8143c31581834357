import Foundation
import Questionnaire

/// How to read a questionnaire when detection guesses wrong: the sheet, the header row and
/// columns, or a layout profile (a built-in one by name, or a YAML file).
public struct ReadingOptions: Sendable, Hashable {
    /// Read only this sheet.
    public var sheet: String?
    /// The header row (1-based).
    public var headerRow: Int?
    /// The question column (`C`).
    public var questionColumn: String?
    /// The answer column (`F`).
    public var answerColumn: String?
    /// The comment or explanation column.
    public var commentColumn: String?
    /// The id column.
    public var idColumn: String?
    /// A layout profile: a built-in profile's name, or a YAML file.
    public var profile: String?
    /// The product the questionnaire asks about, for the items that name none of their own
    /// (``QuestionnaireItem/product``).
    public var product: String?

    /// Options; the defaults detect everything.
    public init(
        sheet: String? = nil,
        headerRow: Int? = nil,
        questionColumn: String? = nil,
        answerColumn: String? = nil,
        commentColumn: String? = nil,
        idColumn: String? = nil,
        profile: String? = nil,
        product: String? = nil
    ) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.questionColumn = questionColumn
        self.answerColumn = answerColumn
        self.commentColumn = commentColumn
        self.idColumn = idColumn
        self.profile = profile
        self.product = product
    }

    /// The detector's options, with the profile file read.
    /// - Throws: ``QuestionnaireError`` when the profile file cannot be read or is not a profile.
    func detectionOptions() throws -> DetectionOptions {
        var options = DetectionOptions(
            sheet: sheet,
            headerRow: headerRow,
            questionColumn: questionColumn,
            answerColumn: answerColumn,
            commentColumn: commentColumn,
            idColumn: idColumn
        )
        if let profile { try options.useProfile(profile) }
        return options
    }

    /// Reads a questionnaire with these options; items that name no product are asked about
    /// ``product``, when one is given.
    func read(_ path: String) throws -> Questionnaire {
        var questionnaire = try readQuestionnaire(path: path, options: try detectionOptions())
        if let product = product?.trimmingCharacters(in: .whitespaces), !product.isEmpty {
            for index in questionnaire.items.indices where questionnaire.items[index].product == nil {
                questionnaire.items[index].product = product
            }
        }
        return questionnaire
    }
}
