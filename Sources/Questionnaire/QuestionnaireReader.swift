import Foundation
import Spreadsheet

/// Reads a questionnaire file (XLSX, XLSM, CSV) into a ``Questionnaire``: every questionnaire
/// sheet is found and read; instructions, lists, reports and hidden sheets are passed over,
/// each with the reason.
public func readQuestionnaire(path: String, options: DetectionOptions = DetectionOptions()) throws -> Questionnaire {
    if isVSAQCandidate(path) { return try readVSAQTemplate(path: path) }
    let workbook = try Workbook(path: path)
    if options.sheet == nil, !options.hasColumnOverrides, options.profileName == nil,
        CISOAssistantWorkbook.matches(workbook)
    {
        return try CISOAssistantWorkbook.read(workbook, path: path)
    }
    var sheets = workbook.sheets
    if let wanted = options.sheet {
        sheets = [try workbook.sheet(named: wanted)]
    }
    let profiles = options.profiles + (options.useBuiltInProfiles ? LayoutProfile.builtIn : [])
    var profile: LayoutProfile?
    if let name = options.profileName {
        guard let named = profiles.first(where: { $0.name == name }) else {
            throw QuestionnaireError.unknownProfile(name: name, known: profiles.map(\.name))
        }
        profile = named
    } else if !options.hasColumnOverrides {
        for candidate in profiles where try candidate.matches(workbook) {
            profile = candidate
            break
        }
    }
    var layouts: [SheetLayout] = []
    var items: [QuestionnaireItem] = []
    for sheet in sheets {
        let sheetProfile = profile?.sheets.first { $0.fits(sheet.name) }
        if let profile, sheetProfile == nil, options.sheet == nil {
            layouts.append(
                SheetLayout(
                    sheet: sheet.name,
                    status: .ignored,
                    reason: "not a questionnaire sheet of the \(profile.name) layout"
                )
            )
            continue
        }
        if options.sheet == nil, sheetProfile == nil {
            if sheet.visibility != .visible {
                layouts.append(
                    SheetLayout(sheet: sheet.name, status: .ignored, reason: "\(sheet.visibility.rawValue) sheet")
                )
                continue
            }
            let lower = sheet.name.lowercased()
            if let word = LayoutDetector.nonQuestionSheetWords.first(where: { lower.contains($0) }) {
                layouts.append(
                    SheetLayout(
                        sheet: sheet.name,
                        status: .ignored,
                        reason: "the name says \"\(word)\": not a questionnaire (name it with --sheet to read it)"
                    )
                )
                continue
            }
        }
        let table = try workbook.table(sheet)
        var detector = LayoutDetector(grid: SheetGrid(table: table), options: options, profile: sheetProfile)
        let (layout, sheetItems) = detector.read()
        layouts.append(layout)
        items += sheetItems
    }
    return Questionnaire(
        file: path,
        format: QuestionnaireFormat(workbook.format),
        profile: profile?.name,
        sheets: layouts,
        items: items
    )
}

extension LayoutProfile {
    /// Whether a workbook has the sheets and the header texts the profile describes.
    func matches(_ workbook: Workbook) throws -> Bool {
        var firstSheet: SheetInfo?
        for pattern in match.sheets {
            guard let sheet = workbook.sheets.first(where: { globMatches(pattern, $0.name) }) else { return false }
            firstSheet = firstSheet ?? sheet
        }
        guard !match.headers.isEmpty else { return firstSheet != nil }
        guard let sheet = firstSheet else { return false }
        let wanted = Set(match.headers.map(HeaderVocabulary.normalise))
        var found = false
        _ = try workbook.readRows(of: sheet) { row in
            guard !found, row.index <= 40 else { return }
            let texts = Set(row.cells.map { HeaderVocabulary.normalise($0.value.text) })
            if wanted.isSubset(of: texts) { found = true }
        }
        return found
    }

    /// The profiles Quire knows without being told: layouts of public templates, no content.
    public static let builtIn: [LayoutProfile] = [
        LayoutProfile(
            name: "caiq-v4",
            description: "CSA Consensus Assessments Initiative Questionnaire v4 (layout only)",
            match: Match(sheets: ["CAIQ*"], headers: ["Question ID", "Question", "CSP CAIQ Answer"]),
            sheets: [
                SheetProfile(
                    name: "CAIQ*",
                    columns: [
                        "id": "Question ID", "question": "Question", "answer": "CSP CAIQ Answer",
                        "owner": "SSRM Control Ownership",
                        "comment": "CSP Implementation Description (Optional/Recommended)",
                    ],
                    allowedAnswers: ["Yes", "No", "NA"]
                )
            ]
        ),
        LayoutProfile(
            name: "hecvat-3",
            description: "EDUCAUSE HECVAT 3 (Full or Lite), layout only",
            match: Match(sheets: ["HECVAT - *"], headers: ["Vendor Answers", "Additional Information", "Guidance"]),
            sheets: [
                SheetProfile(
                    name: "HECVAT - *",
                    columns: [
                        "id": "A", "question": "B", "answer": "Vendor Answers", "comment": "Additional Information",
                        "guidance": "Guidance",
                    ]
                )
            ]
        ),
    ]
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

/// Whether a file should be read as a VSAQ template: a `.json` or `.js` name, or text that
/// starts like one (workbooks and CSV files never do).
private func isVSAQCandidate(_ path: String) -> Bool {
    let lower = path.lowercased()
    if lower.hasSuffix(".json") || lower.hasSuffix(".js") { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 65_536) else { return false }
    return looksLikeVSAQTemplate([UInt8](data))
}
