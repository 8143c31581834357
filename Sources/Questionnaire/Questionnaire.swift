/// A questionnaire as Quire understands it, whatever shape it arrived in: its items, each with
/// the cells its answer goes back to, and the layout decisions that found them.
public struct Questionnaire: Sendable, Hashable, Encodable {
    /// The file as named.
    public var file: String
    /// What kind of file it was.
    public var format: QuestionnaireFormat
    /// The layout profile that matched or was given, if any.
    public var profile: String?
    /// One layout per sheet (or one for a CSV or VSAQ template), in workbook order.
    public var sheets: [SheetLayout]
    /// The items in order.
    public var items: [QuestionnaireItem]

    /// Creates a questionnaire.
    public init(
        file: String,
        format: QuestionnaireFormat,
        profile: String? = nil,
        sheets: [SheetLayout],
        items: [QuestionnaireItem]
    ) {
        self.file = file
        self.format = format
        self.profile = profile
        self.sheets = sheets
        self.items = items
    }

    enum CodingKeys: String, CodingKey { case file, format, profile, sheets, items }

    /// Writes every key, absent values as null, so the JSON has one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(format, forKey: .format)
        try container.encode(profile, forKey: .profile)
        try container.encode(sheets, forKey: .sheets)
        try container.encode(items, forKey: .items)
    }
}

/// One question to answer.
public struct QuestionnaireItem: Sendable, Hashable, Encodable {
    /// The questionnaire's own id (`A.1`, `IAM-02.1`, `Q12`), or one made from sheet and row.
    public var id: String
    /// Whether ``id`` was made up by Quire because the questionnaire gives none.
    public var idGenerated: Bool
    /// The sections it sits in, outermost first.
    public var section: [String]
    /// The question, continuation rows and wrapped lines joined.
    public var question: String
    /// The product the question is answered for, when a questionnaire asks per product (answer
    /// columns `Response – Harbor Web`, `Response – Harbor Mobile`, or `quire answer --product`);
    /// nil when it asks about the organisation.
    public var product: String?
    /// Guidance or help text given with the question, when the questionnaire has some.
    public var guidance: String?
    /// The sheet it is on (nil for a VSAQ template).
    public var sheet: String?
    /// The 1-based row (nil for a VSAQ template).
    public var row: Int?
    /// Where the answer goes: a cell, or the VSAQ answer keys; nil when the questionnaire has no
    /// place for it.
    public var answerTarget: AnswerTarget?
    /// Where an explanation or comment goes, if the questionnaire has such a column.
    public var commentCell: SheetCell?
    /// Where evidence or a reference goes, if the questionnaire has such a column.
    public var evidenceCell: SheetCell?
    /// What sort of answer is expected.
    public var answerType: AnswerType
    /// The values the answer may take, when they are fixed.
    public var allowedAnswers: [String]
    /// Where the allowed values were found.
    public var allowedAnswersSource: AllowedAnswersSource?
    /// The answer already in the file, if any.
    public var existingAnswer: String?
    /// The comment already in the file, if any.
    public var existingComment: String?
    /// How sure the reader is that this row is a question and its target the answer's place, 0–1.
    public var confidence: Double
    /// Why the confidence is below 1, one phrase each; empty at 1.
    public var confidenceReasons: [String]

    /// The confidence from which an answer may be written into the item's target.
    public static let writableFrom = 0.7

    /// Whether an answer may be written into the target.
    ///
    /// Only when the item is a question beyond doubt and its sheet is the vendor's to fill; below
    /// this, answers are proposed for review, never written.
    public var writable: Bool { answerTarget != nil && confidence >= Self.writableFrom }

    /// Lowers the confidence to at most `value`, giving the reason.
    public mutating func doubt(_ value: Double, because reason: String) {
        confidence = min(confidence, value)
        if !confidenceReasons.contains(reason) { confidenceReasons.append(reason) }
    }

    /// Creates an item.
    public init(
        id: String,
        idGenerated: Bool = false,
        section: [String] = [],
        question: String,
        product: String? = nil,
        guidance: String? = nil,
        sheet: String? = nil,
        row: Int? = nil,
        answerTarget: AnswerTarget? = nil,
        commentCell: SheetCell? = nil,
        evidenceCell: SheetCell? = nil,
        answerType: AnswerType = .text,
        allowedAnswers: [String] = [],
        allowedAnswersSource: AllowedAnswersSource? = nil,
        existingAnswer: String? = nil,
        existingComment: String? = nil,
        confidence: Double = 1,
        confidenceReasons: [String] = []
    ) {
        self.id = id
        self.idGenerated = idGenerated
        self.section = section
        self.question = question
        self.product = product
        self.guidance = guidance
        self.sheet = sheet
        self.row = row
        self.answerTarget = answerTarget
        self.commentCell = commentCell
        self.evidenceCell = evidenceCell
        self.answerType = answerType
        self.allowedAnswers = allowedAnswers
        self.allowedAnswersSource = allowedAnswersSource
        self.existingAnswer = existingAnswer
        self.existingComment = existingComment
        self.confidence = confidence
        self.confidenceReasons = confidenceReasons
    }

    enum CodingKeys: String, CodingKey {
        case id, section, question, product, guidance, sheet, row
        case idGenerated = "id_generated"
        case answerCell = "answer_cell"
        case commentCell = "comment_cell"
        case evidenceCell = "evidence_cell"
        case answerType = "answer_type"
        case allowedAnswers = "allowed_answers"
        case allowedAnswersSource = "allowed_answers_source"
        case existingAnswer = "existing_answer"
        case existingComment = "existing_comment"
        case markCells = "mark_cells"
        case confidence
        case confidenceReasons = "confidence_reasons"
        case writable
    }

    /// Writes every key, absent values as null, so the JSON has one shape; targets as references
    /// (``AnswerTarget/description``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(idGenerated, forKey: .idGenerated)
        try container.encode(section, forKey: .section)
        try container.encode(question, forKey: .question)
        try container.encode(product, forKey: .product)
        try container.encode(guidance, forKey: .guidance)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(row, forKey: .row)
        try container.encode(answerTarget?.cell?.reference, forKey: .answerCell)
        try container.encode(answerTarget?.markReferences, forKey: .markCells)
        try container.encode(commentCell?.reference, forKey: .commentCell)
        try container.encode(evidenceCell?.reference, forKey: .evidenceCell)
        try container.encode(answerType, forKey: .answerType)
        try container.encode(allowedAnswers, forKey: .allowedAnswers)
        try container.encode(allowedAnswersSource, forKey: .allowedAnswersSource)
        try container.encode(existingAnswer, forKey: .existingAnswer)
        try container.encode(existingComment, forKey: .existingComment)
        try container.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        try container.encode(confidenceReasons, forKey: .confidenceReasons)
        try container.encode(writable, forKey: .writable)
    }
}

/// What sort of answer an item expects.
public enum AnswerType: String, Sendable, Hashable, Codable, CaseIterable {
    /// One of ``QuestionnaireItem/allowedAnswers``.
    case choice
    /// Any number of ``QuestionnaireItem/allowedAnswers`` (VSAQ check groups).
    case multipleChoice = "multiple-choice"
    /// Free text.
    case text
}

/// Where an item's allowed answers were found.
public enum AllowedAnswersSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The answer cell's data validation list (literal, a range, or a defined name).
    case validation
    /// The answer column's header (`Answer (Yes/No/N/A)`).
    case header
    /// A layout profile.
    case profile
    /// The choices of a VSAQ question.
    case template
    /// The headers of the columns an answer is marked in (one column per choice).
    case marks
    /// The row's own cell in an options column (`Yes;No;N/A` under "Response Options").
    case options
}

/// What Quire decided about one sheet.
public struct SheetLayout: Sendable, Hashable, Encodable {
    /// The sheet's name (the file name for CSV, the template name for VSAQ).
    public var sheet: String
    /// Whether its questions were read, and if not, why not.
    public var status: SheetStatus
    /// Why it was read or passed over, in a sentence.
    public var reason: String
    /// The header row, when one was found.
    public var headerRow: Int?
    /// What each column holds.
    public var columns: [ColumnAssignment]
    /// How many items were read from it.
    public var itemCount: Int
    /// Rows that are not items, and why, as runs of rows.
    public var skippedRows: [SkippedRows]
    /// How sure the reader is of the layout (header, question and answer columns), 0–1.
    public var confidence: Double
    /// Why the confidence is below 1, one phrase each.
    public var confidenceReasons: [String]
    /// Why the receiving organisation fills this sheet (scoring, assessor or reviewer sheets,
    /// answers computed by formula), when it does: answers are never written into it.
    public var filledByReceiver: String?

    /// Whether answers may be written into the sheet.
    public var writable: Bool {
        status == .questionnaire && filledByReceiver == nil && confidence >= QuestionnaireItem.writableFrom
    }

    /// Creates a sheet layout.
    public init(
        sheet: String,
        status: SheetStatus,
        reason: String,
        headerRow: Int? = nil,
        columns: [ColumnAssignment] = [],
        itemCount: Int = 0,
        skippedRows: [SkippedRows] = [],
        confidence: Double = 1,
        confidenceReasons: [String] = [],
        filledByReceiver: String? = nil
    ) {
        self.sheet = sheet
        self.status = status
        self.reason = reason
        self.headerRow = headerRow
        self.columns = columns
        self.itemCount = itemCount
        self.skippedRows = skippedRows
        // A sheet passed over is read with no confidence, and its reason says why.
        self.confidence = status == .questionnaire ? confidence : 0
        self.confidenceReasons =
            status == .questionnaire || !confidenceReasons.isEmpty ? confidenceReasons : [reason]
        self.filledByReceiver = filledByReceiver
    }

    enum CodingKeys: String, CodingKey {
        case sheet, status, reason, columns
        case headerRow = "header_row"
        case itemCount = "item_count"
        case skippedRows = "skipped_rows"
        case confidence
        case confidenceReasons = "confidence_reasons"
        case filledByReceiver = "filled_by_receiver"
        case writable
    }

    /// Writes every key, absent values as null, so the JSON has one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(status, forKey: .status)
        try container.encode(reason, forKey: .reason)
        try container.encode(headerRow, forKey: .headerRow)
        try container.encode(columns, forKey: .columns)
        try container.encode(itemCount, forKey: .itemCount)
        try container.encode(skippedRows, forKey: .skippedRows)
        try container.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        try container.encode(confidenceReasons, forKey: .confidenceReasons)
        try container.encode(filledByReceiver, forKey: .filledByReceiver)
        try container.encode(writable, forKey: .writable)
    }
}

/// Whether a sheet's questions were read.
public enum SheetStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Read as a questionnaire.
    case questionnaire
    /// Passed over (hidden, instructions, lists, no questions found).
    case ignored
}

/// What a column holds.
public enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable {
    case id, section, question, answer, comment, evidence, guidance, owner, other
    /// The answers each row allows, written in the row (`Yes;No;N/A`): a platform export's
    /// "Response Options".
    case options
}

/// One column's role, and why.
public struct ColumnAssignment: Sendable, Hashable, Codable {
    /// The column letter (`C`).
    public var column: String
    /// Its header text, if any.
    public var header: String?
    /// What it holds.
    public var role: ColumnRole
    /// Why it was given that role (`header "Vendor answer"`, `drop-down on 42 rows`).
    public var because: String

    /// Creates an assignment.
    public init(column: String, header: String?, role: ColumnRole, because: String) {
        self.column = column
        self.header = header
        self.role = role
        self.because = because
    }

    enum CodingKeys: String, CodingKey { case column, header, role, because }

    /// Writes every key, an absent header as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(header, forKey: .header)
        try container.encode(role, forKey: .role)
        try container.encode(because, forKey: .because)
    }
}

/// Why a run of rows was not read as items.
public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Above the header: a title, logo or form fields.
    case title
    /// Instructions or notes.
    case instructions
    /// A section heading; its text becomes the section of the items below.
    case section
    /// No content.
    case blank
    /// The header row repeated further down.
    case repeatedHeader = "repeated-header"
    /// A row that ends a table (totals, "end of section", a note) before it resumes.
    case marker
    /// Text that continues the item above, or guidance for it.
    case continuation
    /// A legend or key explaining symbols or answer codes, not questions.
    case legend
    /// Fields the receiving organisation fills (a reviewer's or assessor's block).
    case forReceiver = "for-receiver"
    /// A row whose question is copied by formula from another sheet that is read too.
    case copied
    /// A row the workbook hides: withdrawn or parked by whoever sent it, never answered.
    case hidden
    /// A row whose question is struck through: withdrawn, though still shown.
    case struckThrough = "struck-through"
    /// A question whose answer cell a protected sheet keeps locked while it leaves the answer
    /// column open on other rows: not for this vendor to answer.
    case locked
}

/// A run of rows passed over for one reason.
public struct SkippedRows: Sendable, Hashable, Codable {
    /// The first row.
    public var first: Int
    /// The last row.
    public var last: Int
    /// Why.
    public var reason: SkipReason

    /// Creates a run.
    public init(first: Int, last: Int, reason: SkipReason) {
        self.first = first
        self.last = last
        self.reason = reason
    }

    /// Rows passed over, each with its reason, as runs of one reason over consecutive rows.
    static func runs(_ rows: [(row: Int, reason: SkipReason)]) -> [SkippedRows] {
        var runs: [SkippedRows] = []
        for (row, reason) in rows.sorted(by: { $0.row < $1.row }) {
            if let last = runs.last, last.reason == reason, last.last + 1 == row {
                runs[runs.count - 1].last = row
            } else {
                runs.append(SkippedRows(first: row, last: row, reason: reason))
            }
        }
        return runs
    }
}
