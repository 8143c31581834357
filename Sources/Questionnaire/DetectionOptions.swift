/// What a user tells the detector when it guesses wrong, and the layout profiles it may use.
public struct DetectionOptions: Sendable, Hashable {
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
    /// Profiles to try, in order, before detection (the built-in ones are added after these).
    public var profiles: [LayoutProfile]
    /// Use this profile by name, whether or not it matches.
    public var profileName: String?
    /// Whether the built-in profiles are tried.
    public var useBuiltInProfiles: Bool

    /// Creates options; the defaults detect everything.
    public init(
        sheet: String? = nil,
        headerRow: Int? = nil,
        questionColumn: String? = nil,
        answerColumn: String? = nil,
        commentColumn: String? = nil,
        idColumn: String? = nil,
        profiles: [LayoutProfile] = [],
        profileName: String? = nil,
        useBuiltInProfiles: Bool = true
    ) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.questionColumn = questionColumn
        self.answerColumn = answerColumn
        self.commentColumn = commentColumn
        self.idColumn = idColumn
        self.profiles = profiles
        self.profileName = profileName
        self.useBuiltInProfiles = useBuiltInProfiles
    }

    /// Whether any column or row was given by hand.
    var hasColumnOverrides: Bool {
        headerRow != nil || questionColumn != nil || answerColumn != nil || commentColumn != nil || idColumn != nil
    }
}

/// The layout of a known template: which sheets hold questions and which columns hold what.
///
/// Profiles describe layout only; they never carry question text.
public struct LayoutProfile: Sendable, Hashable, Codable {
    /// The profile's name (`hecvat-3`).
    public var name: String
    /// What template it describes.
    public var description: String?
    /// How to recognise a workbook it fits.
    public var match: Match
    /// One entry per questionnaire sheet.
    public var sheets: [SheetProfile]

    /// Creates a profile.
    public init(name: String, description: String? = nil, match: Match, sheets: [SheetProfile]) {
        self.name = name
        self.description = description
        self.match = match
        self.sheets = sheets
    }

    /// How to recognise a workbook a profile fits: every sheet named is there, and every
    /// header text is found in the given cell (compared without case and spacing).
    public struct Match: Sendable, Hashable, Codable {
        /// Sheets that must exist.
        public var sheets: [String]
        /// Cells (`'HECVAT - Full'!C24` or `C24` on the first profiled sheet) and the text they hold.
        public var cells: [String: String]

        /// Creates a match rule.
        public init(sheets: [String] = [], cells: [String: String] = [:]) {
            self.sheets = sheets
            self.cells = cells
        }

        enum CodingKeys: String, CodingKey { case sheets, cells }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sheets = try container.decodeIfPresent([String].self, forKey: .sheets) ?? []
            cells = try container.decodeIfPresent([String: String].self, forKey: .cells) ?? [:]
        }
    }

    /// One questionnaire sheet of a template.
    public struct SheetProfile: Sendable, Hashable, Codable {
        /// The sheet's name.
        public var name: String
        /// The header row; the header is repeated further down in some templates.
        public var headerRow: Int
        /// Column letters by role (`question: B`, `answer: C`).
        public var columns: [String: String]
        /// Allowed answers for items whose answer cell has no drop-down.
        public var allowedAnswers: [String]?

        /// Creates a sheet profile.
        public init(name: String, headerRow: Int, columns: [String: String], allowedAnswers: [String]? = nil) {
            self.name = name
            self.headerRow = headerRow
            self.columns = columns
            self.allowedAnswers = allowedAnswers
        }

        enum CodingKeys: String, CodingKey {
            case name, columns
            case headerRow = "header_row"
            case allowedAnswers = "allowed_answers"
        }
    }
}
