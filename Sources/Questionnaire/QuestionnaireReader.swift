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
    var grids: [String: SheetGrid] = [:]
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
            if let why = receiverSheetReason(sheet.name) {
                layouts.append(
                    SheetLayout(
                        sheet: sheet.name,
                        status: .ignored,
                        reason:
                            "filled by the receiving organisation: \(why) (name it with --sheet to read it; answers "
                            + "are never written there)",
                        confidence: 0,
                        filledByReceiver: why
                    )
                )
                continue
            }
            if let word = LayoutDetector.nonQuestionSheetWord(sheet.name) {
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
        var (layout, sheetItems, grid) = try readSheet(sheet, of: workbook, options: options, profile: sheetProfile)
        // A sheet read because it was named, though the receiving organisation fills it: read,
        // never written.
        if layout.filledByReceiver == nil, let why = receiverSheetReason(sheet.name) {
            layout.filledByReceiver = why
            layout.confidence = 0
            layout.confidenceReasons.append("filled by the receiving organisation: \(why)")
            for index in sheetItems.indices {
                sheetItems[index].doubt(0, because: "sheet: filled by the receiving organisation: \(why)")
            }
        }
        grids[sheet.name] = grid
        layouts.append(layout)
        items += sheetItems
    }
    // When no sheet read holds questions, two kinds of sheet passed over are read too: a hidden one
    // (not very hidden, a program's own), a questionnaire left behind a cover; and a shown one whose
    // name only seldom means no questions ("Supplier Scorecard", "Assessment Summary"), if a header
    // names its question and answer columns.
    if options.sheet == nil, profile == nil, !layouts.contains(where: { $0.status == .questionnaire }) {
        for sheet in sheets where sheet.visibility != .veryHidden {
            let word = LayoutDetector.nonQuestionSheetWord(sheet.name)
            let passedOverByName = sheet.visibility == .visible && word.map(LayoutDetector.seldomQuestions) == true
            guard sheet.visibility == .hidden ? word == nil : passedOverByName,
                receiverSheetReason(sheet.name) == nil,
                let position = layouts.firstIndex(where: { $0.sheet == sheet.name && $0.status == .ignored })
            else { continue }
            var (layout, sheetItems, grid) = try readSheet(sheet, of: workbook, options: options, profile: nil)
            guard layout.status == .questionnaire, !passedOverByName || layout.namesQuestionAndAnswer else { continue }
            let why =
                passedOverByName
                ? "the name says \"\(word ?? "")\", read because no other sheet holds questions"
                : "a hidden sheet, read because no sheet shown holds questions"
            layout.confidence = min(layout.confidence, 0.75)
            layout.confidenceReasons.append(why)
            for item in sheetItems.indices { sheetItems[item].doubt(0.75, because: "sheet: \(why)") }
            grids[sheet.name] = grid
            layouts[position] = layout
            items += sheetItems
        }
    }
    dropCopiedRows(&layouts, &items, grids: grids)
    return Questionnaire(
        file: path,
        format: QuestionnaireFormat(workbook.format),
        profile: profile?.name,
        sheets: layouts,
        items: items
    )
}

/// One sheet read by the layout detector, with the grid it read.
private func readSheet(
    _ sheet: SheetInfo,
    of workbook: Workbook,
    options: DetectionOptions,
    profile: LayoutProfile.SheetProfile?
) throws -> (SheetLayout, [QuestionnaireItem], SheetGrid) {
    let grid = SheetGrid(
        table: try workbook.table(sheet),
        notes: workbook.cellNotes(of: sheet),
        fromCSV: workbook.format == .csv
    )
    var detector = LayoutDetector(grid: grid, options: options, profile: profile)
    let (layout, items) = detector.read()
    return (layout, items, grid)
}

/// Why a sheet's name says the receiving organisation fills it (`Scoring`, `Assessor review`,
/// `Evaluation`), if it does; a vendor's self-assessment is the vendor's.
func receiverSheetReason(_ name: String) -> String? {
    let lower = name.lowercased()
    guard !lower.contains("self"), !lower.contains("vendor"), !lower.contains("supplier") else { return nil }
    let words = Set(lower.split(whereSeparator: { !$0.isLetter }).map(String.init))
    guard
        let word = HeaderVocabulary.receiverSheetWords.first(where: { word in
            word.contains(" ") ? lower.contains(word) : words.contains(word) || words.contains(word + "s")
        })
    else { return nil }
    return "the name says \"\(word)\""
}

/// Rows whose question is a formula copying another questionnaire sheet's cell (`='General'!B5`,
/// `VLOOKUP(…, Questions!A:C, …)` into a sheet that is read too) are not new items; a sheet made
/// mostly of them is a summary, and is passed over.
func dropCopiedRows(_ layouts: inout [SheetLayout], _ items: inout [QuestionnaireItem], grids: [String: SheetGrid]) {
    let read = Set(layouts.filter { $0.status == .questionnaire }.map { $0.sheet.lowercased() })
    guard read.count >= 2 else { return }
    for index in layouts.indices where layouts[index].status == .questionnaire {
        let sheet = layouts[index].sheet
        guard let grid = grids[sheet],
            let column = layouts[index].columns.first(where: { $0.role == .question }).flatMap({
                LayoutDetector.column($0.column)
            })
        else { continue }
        var copied: [Int: String] = [:]
        for item in items where item.sheet == sheet {
            guard let row = item.row, let formula = grid.formula(row, column) else { continue }
            if let source = referencedSheets(formula).first(where: { read.contains($0.lowercased()) && $0 != sheet }) {
                copied[row] = source
            }
        }
        guard !copied.isEmpty else { continue }
        let total = items.count { $0.sheet == sheet }
        let sources = Set(copied.values).sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        if copied.count * 2 >= total {
            layouts[index].status = .ignored
            layouts[index].reason =
                "a summary: \(copied.count) of its \(total) questions are copied by formula from "
                + "sheet \(sources)"
            layouts[index].itemCount = 0
            layouts[index].headerRow = nil
            layouts[index].columns = []
            layouts[index].confidence = 0
            layouts[index].confidenceReasons = [layouts[index].reason]
            items.removeAll { $0.sheet == sheet }
        } else {
            items.removeAll { $0.sheet == sheet && $0.row.map { copied[$0] != nil } == true }
            layouts[index].itemCount = total - copied.count
            layouts[index].skippedRows += copied.keys.sorted().map { SkippedRows(first: $0, last: $0, reason: .copied) }
            layouts[index].skippedRows.sort { $0.first < $1.first }
        }
    }
}

/// The sheets a formula refers to: `'Sheet name'!A1`, `Sheet1!A1`.
func referencedSheets(_ formula: String) -> [String] {
    var names: [String] = []
    for match in formula.matches(of: /'((?:[^']|'')+)'!|([A-Za-z_][A-Za-z0-9_.]*)!/) {
        if let quoted = match.output.1 {
            names.append(String(quoted).replacing("''", with: "'"))
        } else if let plain = match.output.2 {
            names.append(String(plain))
        }
    }
    return names
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

extension SheetLayout {
    /// Whether a header row gives the sheet both a question and an answer column.
    fileprivate var namesQuestionAndAnswer: Bool {
        headerRow != nil && columns.contains { $0.role == .question } && columns.contains { $0.role == .answer }
    }
}
