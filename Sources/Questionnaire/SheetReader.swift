import Spreadsheet

/// Reads one sheet's items once its layout is known.
extension LayoutDetector {
    /// The sheet's layout and items.
    mutating func read() -> (SheetLayout, [QuestionnaireItem]) {
        let name = grid.sheet.name
        let headerRow = options.headerRow ?? profile?.headerRow ?? profileHeaderRow() ?? findHeaderRow()
        let dataRows = grid.rowNumbers.filter { $0 > (headerRow ?? 0) }
        let plan = planColumns(headerRow: headerRow, dataRows: dataRows)
        guard let questionColumn = plan.question else {
            return (
                SheetLayout(
                    sheet: name,
                    status: .ignored,
                    reason: headerRow == nil
                        ? "no header row and no column of questions found"
                        : "row \(headerRow ?? 0) looks like a header, but no column holds questions",
                    columns: []
                ),
                []
            )
        }
        var builder = ItemBuilder(detector: self, plan: plan, questionColumn: questionColumn, headerRow: headerRow)
        if let headerRow {
            builder.decideHeaderSections(headerRow)
            builder.takeHeaderSection(headerRow)
            builder.readRowsAboveHeader(headerRow, dataRows: dataRows)
        }
        if let first = headerRow.map({ $0 + 1 }) ?? grid.rowNumbers.first, first <= grid.lastRow {
            for row in first...grid.lastRow { builder.classify(row) }
        }
        var items = builder.items
        items = Self.nestSubQuestions(items)

        let hasAnswers = plan.answer != nil
        let questionHeaderNamed =
            (plan.assignments[questionColumn]?.because.hasPrefix("header") == true
                && (plan.assignments[questionColumn]?.header).flatMap(HeaderVocabulary.role(of:)).map {
                    $0.strength >= 3
                } == true)
            || plan.assignments[questionColumn]?.because == "given by hand"
            || plan.assignments[questionColumn]?.because == "layout profile"
        let status: SheetStatus
        let reason: String
        if items.isEmpty {
            status = .ignored
            reason = "column \(CellAddress.columnName(questionColumn)) was taken for questions, but no row holds one"
        } else if !questionHeaderNamed,
            items.filter({ HeaderVocabulary.readsAsQuestion($0.question) }).count * 5 < items.count
        {
            status = .ignored
            reason =
                "column \(CellAddress.columnName(questionColumn)) holds text, but few of its rows read as questions"
        } else if !hasAnswers && !questionHeaderNamed {
            status = .ignored
            reason =
                "text in column \(CellAddress.columnName(questionColumn)) reads like questions, but there is no answer column"
        } else {
            status = .questionnaire
            var text = "\(items.count) item\(items.count == 1 ? "" : "s")"
            text += headerRow.map { " under the header in row \($0)" } ?? " (no header row)"
            if !hasAnswers { text += "; no answer column, read as a question bank" }
            reason = text
        }
        let layout = SheetLayout(
            sheet: name,
            status: status,
            reason: reason,
            headerRow: status == .questionnaire ? headerRow : nil,
            columns: status == .questionnaire ? plan.assignments.keys.sorted().compactMap { plan.assignments[$0] } : [],
            itemCount: status == .questionnaire ? items.count : 0,
            skippedRows: builder.skippedRuns()
        )
        return (layout, status == .questionnaire ? items : [])
    }

    /// The first row holding every header text the profile names its columns by.
    func profileHeaderRow() -> Int? {
        guard let profile else { return nil }
        let texts = profile.columns.values.filter { !($0.count <= 3 && $0.allSatisfy { $0.isUppercase && $0.isASCII }) }
            .map(HeaderVocabulary.normalise)
        guard !texts.isEmpty else { return nil }
        return grid.rowNumbers.prefix(60).first { row in
            let cells = Set(grid.cells(of: row).map { HeaderVocabulary.normalise($0.text) })
            return texts.allSatisfy(cells.contains)
        }
    }

    /// A question that ends with a colon and is followed by items whose ids extend its own
    /// (`3.1` then `3.1.a`, `3.1.b`) introduces them: it becomes their section, not an item.
    static func nestSubQuestions(_ items: [QuestionnaireItem]) -> [QuestionnaireItem] {
        var result: [QuestionnaireItem] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            let children = items[(index + 1)...].prefix { child in
                !item.idGenerated && child.id.count > item.id.count && child.id.hasPrefix(item.id)
                    && ".-_ ".contains(child.id[child.id.index(child.id.startIndex, offsetBy: item.id.count)])
            }
            if !children.isEmpty, item.question.hasSuffix(":"), item.existingAnswer == nil {
                let parent = item.question
                result += children.map { child in
                    var child = child
                    child.section.append(parent)
                    return child
                }
                index += 1 + children.count
            } else {
                result.append(item)
                index += 1
            }
        }
        return result
    }
}

/// Walks a sheet's rows, keeping the section context, and makes items.
struct ItemBuilder {
    var detector: LayoutDetector
    let plan: ColumnPlan
    let questionColumn: Int
    let headerRow: Int?
    var items: [QuestionnaireItem] = []
    private var skipped: [(row: Int, reason: SkipReason)] = []
    private var headerSection: String?
    private var headerSectionsVary = false
    /// The rows below the header that repeat it, found once.
    private var repeatedHeaders: Set<Int> = []
    /// Section headings, outermost first, with the depth a numbered heading gives.
    private var sectionStack: [(text: String, level: Int?)] = []
    private var itemsSinceSection = 0
    private var lastItemRow: Int?
    private var idRepeats: [String: Int] = [:]

    init(detector: LayoutDetector, plan: ColumnPlan, questionColumn: Int, headerRow: Int?) {
        self.detector = detector
        self.plan = plan
        self.questionColumn = questionColumn
        self.headerRow = headerRow
    }

    var grid: SheetGrid { detector.grid }

    /// Header rows say which section follows only when the header is repeated with other text
    /// in the question (or id) column each time (HECVAT's "Qualifiers", SAMM's practices); a
    /// single header's text there is just the column's name.
    mutating func decideHeaderSections(_ headerRow: Int) {
        repeatedHeaders = Set(grid.rowNumbers.filter { $0 > headerRow && isRepeatedHeader($0) })
        let headers = [headerRow] + repeatedHeaders.sorted()
        headerSectionsVary = Set(headers.compactMap(headerSectionText)).count >= 2
    }

    private func headerSectionText(_ row: Int) -> String? {
        for column in [questionColumn, plan.id ?? questionColumn, 1] {
            if let text = grid.filled(row, column), HeaderVocabulary.role(of: text) == nil { return text }
        }
        return nil
    }

    /// A header row's cell that names no role, in the question or id column, names the section
    /// below it (`Qualifiers`, `Strategy & Metrics`).
    mutating func takeHeaderSection(_ row: Int) {
        guard headerSectionsVary else { return }
        for column in [questionColumn, plan.id ?? questionColumn, 1] {
            guard let text = grid.filled(row, column), HeaderVocabulary.role(of: text) == nil else { continue }
            headerSection = text
            return
        }
    }

    /// Rows above the header that are items all the same: an id of the same shape as the ids
    /// below and a question (HECVAT's vendor details, a form's "Vendor name" fields).
    mutating func readRowsAboveHeader(_ headerRow: Int, dataRows: [Int]) {
        let shapes = Set(
            dataRows.compactMap { grid.text($0, plan.id) }.filter(LayoutDetector.looksLikeID).map(
                LayoutDetector.idShape
            )
        )
        var section: String?
        for row in grid.rowNumbers where row < headerRow {
            if let id = grid.text(row, plan.id), shapes.contains(LayoutDetector.idShape(id)),
                let question = grid.text(row, questionColumn), plan.answer != nil
            {
                items.append(makeItem(row: row, id: id, question: question, section: section.map { [$0] } ?? []))
                continue
            }
            let cells = grid.cells(of: row)
            if cells.count == 1, let text = cells.first?.text, text.count <= 60,
                !HeaderVocabulary.readsAsQuestion(text),
                !text.split(separator: " ").contains(where: { shapes.contains(LayoutDetector.idShape(String($0))) })
            {
                // The sheet's first two rows are its title and subtitle, not sections.
                if !isTitle(row) { section = text }
                // A heading right above the header, not the sheet's title, is the section of the
                // first items below it.
                if row == headerRow - 1, !isTitle(row) {
                    pushSection(text)
                    skipped.append((row, .section))
                } else {
                    skipped.append((row, .title))
                }
            } else {
                skipped.append((row, cells.contains { $0.text.count > 80 } ? .instructions : .title))
            }
        }
    }

    /// The sheet's first row, and the row right under it: a title and its subtitle.
    private func isTitle(_ row: Int) -> Bool {
        guard let first = grid.rowNumbers.first else { return false }
        return row == first || (row == first + 1 && grid.rowNumbers.dropFirst().first == row)
    }

    mutating func classify(_ row: Int) {
        let cells = grid.cells(of: row)
        if cells.isEmpty {
            skipped.append((row, .blank))
            return
        }
        if repeatedHeaders.contains(row) {
            takeHeaderSection(row)
            skipped.append((row, .repeatedHeader))
            return
        }
        let question = grid.text(row, questionColumn)
        let rawID = grid.text(row, plan.id)
        let answer = grid.text(row, plan.answer)
        let hasList = detector.grid.listValidation(row, plan.answer) != nil

        // A row merged across both the question and the answer cannot be answered: a heading.
        if let answerColumn = plan.answer,
            grid.mergedRanges(startingOn: row).contains(where: {
                $0.start.column <= questionColumn && $0.end.column >= answerColumn
            })
        {
            if let text = cells.first?.text, text.count > 120 {
                skipped.append((row, .instructions))
            } else {
                section(row, text: cells.first?.text)
            }
            return
        }
        guard let question else {
            if grid.isMergedContinuation(row, questionColumn) {
                skipped.append((row, .continuation))
            } else if cells.count == 1 || cells.allSatisfy({ grid.mergedRange(containing: row, $0.column) != nil }) {
                let text = cells.first?.text ?? ""
                if Self.isMarker(text) {
                    skipped.append((row, .marker))
                } else if text.count > 120 || Self.isInstruction(text) {
                    skipped.append((row, .instructions))
                } else {
                    section(row, text: text)
                }
            } else {
                skipped.append((row, .marker))
            }
            return
        }
        // A number or a formula's result in the question column (a count, a score) is no question.
        if question.filter(\.isLetter).count < 3 {
            skipped.append((row, .marker))
            return
        }
        let readsAsQuestion = HeaderVocabulary.readsAsQuestion(question)
        // A label in the id column ("NOTE", "Remarks") before text that asks nothing: a note.
        if let rawID, plan.id != nil, !LayoutDetector.looksLikeID(rawID), !readsAsQuestion, !hasList {
            skipped.append((row, .instructions))
            return
        }
        let filledID = rawID ?? (grid.isMergedContinuation(row, plan.id) ? grid.filled(row, plan.id) : nil)
        if Self.isMarker(question) || (cells.count == 1 && Self.isInstruction(question)) {
            skipped.append((row, Self.isMarker(question) ? .marker : .instructions))
            return
        }
        // The rest of a question cut off mid-sentence on the row above.
        if filledID == nil, !hasList, answer == nil, let last = items.last, lastItemRow == row - 1,
            last.question.last.map({ !".?!:)".contains($0) }) == true, question.first?.isLowercase == true
        {
            items[items.count - 1].question += " " + question
            lastItemRow = row
            skipped.append((row, .continuation))
            return
        }
        if filledID == nil, !hasList, answer == nil, let last = items.last, let lastRow = lastItemRow,
            !readsAsQuestion, row == lastRow + 1
        {
            // Text under a question with no answer cell of its own: the question's wrapped end,
            // or guidance for it.
            let ended = last.question.last.map { ".?!:)".contains($0) } ?? true
            if !ended, row == lastRow + 1, question.first?.isLowercase == true || plan.id != nil {
                items[items.count - 1].question += " " + question
            } else {
                let guidance = items[items.count - 1].guidance.map { $0 + "\n" } ?? ""
                items[items.count - 1].guidance = guidance + question
            }
            lastItemRow = row
            skipped.append((row, .continuation))
            return
        }
        // Long text without an id where the items have ids, and asking nothing: a note.
        if plan.id != nil, filledID == nil, !hasList, answer == nil, !readsAsQuestion, question.count > 80 {
            skipped.append((row, .instructions))
            return
        }
        if filledID == nil, !hasList, answer == nil, !readsAsQuestion, question.count <= 80,
            cells.count == 1
                || (plan.id != nil && cells.allSatisfy { $0.column == questionColumn || $0.column == plan.section })
        {
            section(row, text: question)
            return
        }
        var id = filledID
        if let base = filledID, let marker = grid.text(row, plan.subID) {
            let letters = marker.filter { $0.isLetter || $0.isNumber }
            id = base.last.map { $0.isLetter || $0.isNumber } == true ? "\(base).\(letters)" : base + letters
        } else if let base = filledID, rawID == nil {
            // A sub-question sharing a merged id cell with the rows above.
            let count = (idRepeats[base] ?? 1) + 1
            idRepeats[base] = count
            let letter = question.prefix { $0.isLetter }
            let marked = letter.count == 1 && question.dropFirst().first.map { ").".contains($0) } == true
            id = marked ? "\(base).\(letter.lowercased())" : "\(base)-\(count)"
        }
        var section: [String] = []
        itemsSinceSection += 1
        for part in sectionStack.map(\.text) + [headerSection, grid.filled(row, plan.section)] {
            if let part, !part.isEmpty, section.last != part { section.append(part) }
        }
        items.append(makeItem(row: row, id: id, question: question, section: section))
        lastItemRow = row
    }

    private mutating func section(_ row: Int, text: String?) {
        if let text { pushSection(text) }
        headerSection = nil
        skipped.append((row, .section))
    }

    /// Places a heading in the section stack: a numbered one (`1.2 Policies`) at the depth its
    /// number gives; an unnumbered one under the heading just before it when no item came
    /// between, else in place of all headings.
    private mutating func pushSection(_ text: String) {
        let number = text.prefix { $0.isNumber || $0 == "." }
        let numbered = number.first?.isNumber == true && text.dropFirst(number.count).first == " "
        if numbered {
            let level = number.split(separator: ".").count
            sectionStack = sectionStack.filter { $0.level.map { $0 < level } ?? false } + [(text, level)]
        } else if itemsSinceSection == 0, !sectionStack.isEmpty {
            sectionStack.append((text, nil))
        } else {
            sectionStack = [(text, nil)]
        }
        itemsSinceSection = 0
    }

    private func isRepeatedHeader(_ row: Int) -> Bool {
        guard let headerRow, row != headerRow else { return false }
        // Only a row whose answer or question cell holds a header word can repeat the header.
        let names = [plan.answer, questionColumn].compactMap { grid.text(row, $0) }
        guard names.contains(where: { HeaderVocabulary.role(of: $0) != nil }) else { return false }
        let (score, roles) = detector.headerScore(row)
        guard score >= 2 else { return false }
        if let answer = plan.answer, roles[answer]?.0 == .answer { return true }
        return roles[questionColumn]?.0 == .question
    }

    /// A sentence addressed to the reader (`Please return the completed questionnaire to …`).
    static func isInstruction(_ text: String) -> Bool {
        let lower = text.lowercased()
        let addressed = [
            "please return", "please send", "please submit", "please complete", "please note", "please read",
            "please ensure", "please answer", "please use", "note:", "note ", "thank you", "instructions",
        ]
        if addressed.contains(where: { lower.hasPrefix($0) }) { return true }
        return HeaderVocabulary.words(in: text) > 6 && text.hasSuffix(".") && !HeaderVocabulary.readsAsQuestion(text)
    }

    static func isMarker(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["end of", "total", "subtotal", "score", "continued", "page "].contains { lower.hasPrefix($0) }
    }

    mutating func makeItem(row: Int, id: String?, question: String, section: [String]) -> QuestionnaireItem {
        let sheetName = grid.sheet.name
        let reference = { (column: Int?) in column.map { SheetCell(sheet: sheetName, row: row, column: $0) } }
        // A comment or evidence cell merged into the answer cell's range is the answer cell: none.
        let answerRange = plan.answer.flatMap { grid.mergedRange(containing: row, $0) }
        let separate = { (column: Int?) -> Int? in
            guard let column, let answerRange else { return column }
            return answerRange.contains(CellAddress(row: row, column: column)) ? nil : column
        }
        var allowed: [String] = []
        var source: AllowedAnswersSource?
        if let answerColumn = plan.answer, let rule = detector.grid.listValidation(row, answerColumn),
            let values = rule.listValues, !values.isEmpty
        {
            allowed = values
            source = .validation
        } else if !plan.headerAnswers.isEmpty {
            allowed = plan.headerAnswers
            source = detector.profile == nil ? .header : .profile
        }
        return QuestionnaireItem(
            id: id ?? "\(sheetName)-\(row)",
            idGenerated: id == nil,
            section: section,
            question: question,
            guidance: grid.text(row, plan.guidance),
            sheet: sheetName,
            row: row,
            answerTarget: reference(plan.answer).map(AnswerTarget.cell),
            commentCell: reference(separate(plan.comment)),
            evidenceCell: reference(separate(plan.evidence)),
            answerType: allowed.isEmpty ? .text : .choice,
            allowedAnswers: allowed,
            allowedAnswersSource: source,
            existingAnswer: grid.text(row, plan.answer),
            existingComment: grid.text(row, separate(plan.comment))
        )
    }

    /// Skipped rows as runs of one reason.
    func skippedRuns() -> [SkippedRows] {
        var runs: [SkippedRows] = []
        for (row, reason) in skipped.sorted(by: { $0.row < $1.row }) {
            if let last = runs.last, last.reason == reason, last.last + 1 == row {
                runs[runs.count - 1].last = row
            } else {
                runs.append(SkippedRows(first: row, last: row, reason: reason))
            }
        }
        return runs
    }
}
