import Foundation

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
/// Profiles describe layout only; they never carry question text. Sheet names may use `*` as a
/// wildcard; a column is named by its header text or by its letter.
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

    /// How to recognise a workbook a profile fits: a sheet matching each name pattern, and on
    /// the first of them a row (among the first 40) holding every header text given.
    public struct Match: Sendable, Hashable, Codable {
        /// Sheet name patterns that must each match a sheet.
        public var sheets: [String]
        /// Header texts that must all stand in one row of the first matching sheet.
        public var headers: [String]

        /// Creates a match rule.
        public init(sheets: [String], headers: [String] = []) {
            self.sheets = sheets
            self.headers = headers
        }

        enum CodingKeys: String, CodingKey { case sheets, headers }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sheets = try container.decode([String].self, forKey: .sheets)
            headers = try container.decodeIfPresent([String].self, forKey: .headers) ?? []
        }
    }

    /// One questionnaire sheet of a template.
    public struct SheetProfile: Sendable, Hashable, Codable {
        /// The sheet's name, or a pattern with `*`.
        public var name: String
        /// The header row, when the template fixes it; otherwise the first row holding the
        /// header texts of ``columns``.
        public var headerRow: Int?
        /// Columns by role (`question`, `answer`, `comment`, `id`, `evidence`, `guidance`,
        /// `owner`, `section`): a header text or a column letter.
        public var columns: [String: String]
        /// Allowed answers for items whose answer cell has no drop-down.
        public var allowedAnswers: [String]?

        /// Creates a sheet profile.
        public init(name: String, headerRow: Int? = nil, columns: [String: String], allowedAnswers: [String]? = nil) {
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

        /// Whether a sheet name fits the pattern (`*` matches any run of characters; case is ignored).
        public func fits(_ sheetName: String) -> Bool { globMatches(name, sheetName) }
    }
}

/// Whether `text` fits `pattern`, where `*` stands for any run of characters; case is ignored.
func globMatches(_ pattern: String, _ text: String) -> Bool {
    let parts = pattern.lowercased().split(separator: "*", omittingEmptySubsequences: false).map(String.init)
    var rest = Substring(text.lowercased())
    guard let first = parts.first, rest.hasPrefix(first) else { return false }
    rest = rest.dropFirst(first.count)
    if parts.count == 1 { return rest.isEmpty }
    for part in parts.dropFirst().dropLast() {
        guard let range = rest.range(of: part) else { return false }
        rest = rest[range.upperBound...]
    }
    let last = parts[parts.count - 1]
    return rest.hasSuffix(last)
}
