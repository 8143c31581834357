public import Questionnaire
public import Spreadsheet

/// Which of an answer's two texts a fill places.
public enum FillPart: String, Sendable, Hashable, CaseIterable {
    /// The value, in the answer target.
    case answer
    /// The comment, in the comment cell.
    case comment
}

/// A text a fill placed, or found already in place.
public struct FilledCell: Sendable, Hashable {
    /// The item it belongs to.
    public var item: String
    /// Which text.
    public var part: FillPart
    /// Where: a cell reference or the VSAQ keys written.
    public var target: String
}

/// Why a fill did not write a text.
public enum FillRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The item has no place for its answer in the file.
    case noTarget
    /// The target is of another kind than the file (a VSAQ key in a workbook, a cell in a VSAQ template).
    case wrongKindOfTarget
    /// Another item's text was already planned for the same cell or key.
    case alreadyWritten(byItem: String)
    /// The cell holds a formula, or an array formula's result.
    case formula
    /// The cell is hidden under a merged range (only its top-left cell shows).
    case mergedOver
    /// The CSV file cannot take the text there.
    case csv(CSVCellRefusal)
    /// The answer cannot be put in VSAQ's form.
    case vsaq(String)
    /// The value is none of the choices the item is marked under.
    case notAChoice(String)
    /// A choice is marked already: a second mark would give two answers.
    case alreadyMarked
    /// The comment cell holds other text, the file's own: it is kept.
    case holdsText

    /// The reason in a phrase.
    public var description: String {
        switch self {
        case .noTarget: "it has no answer cell"
        case .wrongKindOfTarget: "its answer target does not belong to this kind of file"
        case .alreadyWritten(let owner): "the same cell was already written for item \(owner)"
        case .formula: "the cell holds a formula"
        case .mergedOver: "the cell is hidden under a merged range"
        case .csv(let refusal): refusal.description
        case .vsaq(let reason): reason
        case .notAChoice(let value): "\"\(value)\" is none of the choices it is marked under"
        case .alreadyMarked: "a choice is marked already"
        case .holdsText: "the cell holds other text, which is kept"
        }
    }
}

/// A text a fill did not write, and why.
public struct RefusedFill: Sendable, Hashable, CustomStringConvertible {
    /// The item it belongs to.
    public var item: String
    /// Which text.
    public var part: FillPart
    /// Where it would have gone, when the item has a place for it.
    public var target: String?
    /// Why it was not written.
    public var reason: FillRefusal

    /// `item A.1: answer cell Questions!$C$5: the cell holds a formula; not written`.
    public var description: String {
        "item \(item): \(part.rawValue)\(target.map { " \($0)" } ?? ""): \(reason); not written"
    }
}

/// What writing answers into a copy of a questionnaire did: every text placed, left as it was,
/// or refused with the reason, in answer order.
public struct FillReport: Sendable, Hashable {
    /// What kind of file was filled.
    public var format: QuestionnaireFormat
    /// Texts written.
    public var written: [FilledCell] = []
    /// Texts that were already exactly in place, so were left as they were.
    public var unchanged: [FilledCell] = []
    /// Texts not written, with the reason.
    public var refused: [RefusedFill] = []

    /// An empty report for a file of a format.
    public init(format: QuestionnaireFormat) {
        self.format = format
    }

    /// How many answers were written.
    public var answersWritten: Int { written.count { $0.part == .answer } }
    /// How many comments were written.
    public var commentsWritten: Int { written.count { $0.part == .comment } }
    /// How many texts were refused for a reason.
    public func refusedCount(_ matches: (FillRefusal) -> Bool) -> Int { refused.count { matches($0.reason) } }
}
