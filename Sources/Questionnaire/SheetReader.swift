import Spreadsheet

/// Reads one sheet's items once its layout is known.
extension LayoutDetector {
    /// The sheet's layout and items: as a table of questions (with any second table beside it
    /// under the same headings), or, when that finds none, as a form with an answer box under
    /// each question.
    mutating func read() -> (SheetLayout, [QuestionnaireItem]) {
        let table = readTable()
        if table.0.status == .ignored, table.0.filledByReceiver == nil, let form = readAnswerBoxesBelow() {
            return form
        }
        if let blocks = readSideBySideBlocks(after: table) { return blocks }
        return table
    }

    /// The sheet's layout and items as a table: a header (or none), a column for each role.
    mutating func readTable() -> (SheetLayout, [QuestionnaireItem]) {
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
        if headerRow == nil { builder.passOverDetailsForms() }
        var items = builder.items
        items = Self.nestSubQuestions(items)
        ItemBuilder.clearUntickedBoxes(&items)

        let hasAnswers = plan.answer != nil
        let questionBecause = plan.assignments[questionColumn]?.because ?? ""
        let byHand = questionBecause == "given by hand" || questionBecause == "layout profile"
        let questionHeaderNamed =
            (questionBecause.hasPrefix("header")
                && (plan.assignments[questionColumn]?.header).flatMap(HeaderVocabulary.role(of:)).map {
                    $0.strength >= 3
                } == true)
            || byHand
        let receiver = receiverReason(plan: plan, headerRow: headerRow, items: items)
        // Statements to rate rather than questions ("An inventory of assets is maintained", a
        // drop-down of maturity levels beside each): read when a drop-down offers the answer on
        // four rows in five, though not written without the question column named.
        let fewQuestions = items.filter({ HeaderVocabulary.readsAsQuestion($0.question) }).count * 5 < items.count
        let offeredChoices =
            plan.answer.map { answer in
                items.filter { item in item.row.map { grid.listValidationExists($0, answer) } ?? false }.count * 5
                    >= items.count * 4
            } ?? false
        let forced = options.sheet != nil
        var status: SheetStatus
        var reason: String
        if items.isEmpty {
            status = .ignored
            reason = "column \(CellAddress.columnName(questionColumn)) was taken for questions, but no row holds one"
        } else if let log = changeLogReason(headerRow: headerRow), !forced, !byHand {
            status = .ignored
            reason = log
        } else if !questionHeaderNamed, plan.marks.isEmpty, fewQuestions, !offeredChoices {
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
            if !plan.marks.isEmpty { text += "; answers are marked in one column per choice" }
            reason = text
        }
        if let receiver, status == .questionnaire, !forced {
            status = .ignored
            reason =
                "filled by the receiving organisation: \(receiver) (name it with --sheet to read it; answers are "
                + "never written there)"
        }
        // Without an id column, the references the questions open with ("1.2 Are …") are their ids.
        if plan.id == nil, status == .questionnaire { QuestionReference.takeIDs(&items) }
        // Choices the question lists at its end, "(Yes/No/N/A)", where its answer cell offers none.
        for index in items.indices where items[index].allowedAnswers.isEmpty {
            guard case .cell? = items[index].answerTarget else { continue }
            let choices = HeaderVocabulary.choices(endingQuestion: items[index].question)
            guard !choices.isEmpty else { continue }
            items[index].allowedAnswers = choices
            items[index].allowedAnswersSource = .options
            items[index].answerType = .choice
        }
        // How sure the layout is: named by its header, or found from what the columns hold.
        var confidence = 1.0
        var confidenceReasons: [String] = []
        func doubt(_ value: Double, _ why: String) {
            confidence = min(confidence, value)
            confidenceReasons.append(why)
        }
        if !byHand {
            if headerRow == nil {
                doubt(0.6, "no header row: the columns were found from what they hold")
            } else if !questionHeaderNamed, fewQuestions, plan.marks.isEmpty {
                doubt(
                    0.6,
                    "few rows read as questions and the header does not name the question column (\(questionBecause)): "
                        + "name it with --question-column for answers to be written"
                )
            } else if !questionHeaderNamed {
                doubt(0.75, "the header does not name the question column (\(questionBecause))")
            }
            if let answer = plan.answer, let found = plan.answerFoundFrom, found.column == answer {
                doubt(found.confidence, "the header does not name the answer column; it was found from \(found.what)")
            }
        }
        if let receiver { doubt(0, "filled by the receiving organisation: \(receiver)") }
        if status == .questionnaire, confidence < 1 {
            for index in items.indices {
                for why in confidenceReasons { items[index].doubt(confidence, because: "sheet: \(why)") }
            }
        }
        if status == .questionnaire, grid.hasInputCells || grid.hasConcealedCells { keepToCellsTheVendorFills(&items) }
        let layout = SheetLayout(
            sheet: name,
            status: status,
            reason: reason,
            headerRow: status == .questionnaire ? headerRow : nil,
            columns: status == .questionnaire ? plan.assignments.keys.sorted().compactMap { plan.assignments[$0] } : [],
            itemCount: status == .questionnaire ? items.count : 0,
            skippedRows: builder.skippedRuns(),
            confidence: status == .questionnaire ? confidence : 0,
            confidenceReasons: status == .questionnaire ? confidenceReasons : [reason],
            filledByReceiver: receiver
        )
        return (layout, status == .questionnaire ? items : [])
    }

    /// Why the receiving organisation fills this sheet, if it does: the answer column's header is
    /// a scoring or reviewer's column (`Score`, `Assessor comments`), the instructions above the
    /// header hand it to the institution or reviewer, or most answer cells are formulas.
    func receiverReason(plan: ColumnPlan, headerRow: Int?, items: [QuestionnaireItem]) -> String? {
        if let headerRow, let answer = plan.answer, plan.marks.isEmpty, let header = grid.text(headerRow, answer),
            HeaderVocabulary.namesReceiverColumn(header)
        {
            return "the answer column's header \"\(header)\" is the receiving organisation's"
        }
        if let headerRow {
            for row in grid.rowNumbers where row < headerRow {
                let texts = grid.cells(of: row).map(\.text)
                if texts.contains(where: HeaderVocabulary.vendorPhrase) { break }
                if let phrase = texts.lazy.compactMap(HeaderVocabulary.receiverPhrase).first {
                    return "the instructions above the header say \"\(phrase)\""
                }
            }
        }
        if let answer = plan.answer, plan.marks.isEmpty, !items.isEmpty {
            let formulas = items.compactMap(\.row).filter { grid.formula($0, answer) != nil }.count
            if formulas * 2 > items.count { return "\(formulas) of its \(items.count) answer cells are formulas" }
        }
        return nil
    }

    /// Why the sheet is a change log rather than questions, if it is: its header names a
    /// version or revision, a date, and the change (or its author).
    func changeLogReason(headerRow: Int?) -> String? {
        guard let headerRow else { return nil }
        let headers = Set(grid.cells(of: headerRow).map { HeaderVocabulary.normalise($0.text) })
        let version = headers.contains { ["version", "revision", "rev", "release", "ver"].contains($0) }
        let date = headers.contains { $0 == "date" || $0.hasSuffix(" date") || $0.hasPrefix("date ") }
        let change = headers.contains {
            [
                "change", "changes", "change description", "description of change", "summary of changes", "author",
                "changed by", "modification", "what changed", "comment", "description",
            ].contains($0)
        }
        return version && date && change
            ? "a change log (its header names a version, a date and the change), not questions" : nil
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

    /// Makes a question that introduces its lettered parts their section.
    ///
    /// A question that ends with a colon and is followed by items whose ids extend its own
    /// (`3.1` then `3.1.a`, `3.1.b`) introduces them: it becomes their section, not an item,
    /// unless it asks a question of its own with a drop-down to answer it ("Is data encrypted at
    /// rest? If yes:"). So does any question over such parts whose own cell offers no choices
    /// where theirs all do: it is answered in its parts.
    static func nestSubQuestions(_ items: [QuestionnaireItem]) -> [QuestionnaireItem] {
        var result: [QuestionnaireItem] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            // "2.3." is the parent of "2.3.a" as "2.3" is.
            let base = item.id.hasSuffix(".") ? String(item.id.dropLast()) : item.id
            let children = items[(index + 1)...].prefix { child in
                !item.idGenerated && child.question != item.question && child.id.count > base.count
                    && child.id.hasPrefix(base)
                    && ".-_ ".contains(child.id[child.id.index(child.id.startIndex, offsetBy: base.count)])
            }
            let asksItself = item.question.contains("?") && item.allowedAnswersSource == .validation
            // Nor may it be answered where its own cell has no drop-down and its parts' cells do
            // ("Which of these accounts need a second factor? Answer on each lettered line.").
            let answeredInParts =
                item.allowedAnswers.isEmpty && children.allSatisfy { $0.allowedAnswersSource == .validation }
            if !children.isEmpty, item.existingAnswer == nil,
                (item.question.hasSuffix(":") && !asksItself) || answeredInParts
            {
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

    /// Keeps the written text to the cells the vendor is meant to fill.
    ///
    /// On a protected sheet, the sender unlocks the cells the vendor fills: an item whose answer
    /// cell stays locked (a question this vendor is not to answer, or a column misread) is
    /// answered for review only, and a locked comment or evidence cell is not written into.
    /// Neither is one whose number format hides what is typed into it (`;;;`): a comment there
    /// would not be seen, and it would overwrite whatever the cell hides.
    func keepToCellsTheVendorFills(_ items: inout [QuestionnaireItem]) {
        func locked(_ cell: SheetCell?) -> Bool {
            cell.map { grid.isLocked($0.address.row, $0.address.column) == true } ?? false
        }
        func closed(_ cell: SheetCell?) -> Bool {
            locked(cell) || cell.map { grid.isConcealed($0.address.row, $0.address.column) } ?? false
        }
        for index in items.indices {
            var answerLocked = locked(items[index].answerTarget?.cell)
            if case .marks(let cells, _)? = items[index].answerTarget {
                answerLocked = cells.contains { locked($0.cell) }
            }
            if answerLocked {
                items[index].doubt(0.6, because: "the sheet is protected and keeps the answer cell locked")
            }
            if closed(items[index].commentCell) { items[index].commentCell = nil }
            if closed(items[index].evidenceCell) { items[index].evidenceCell = nil }
        }
    }
}

/// Walks a sheet's rows, keeping the section context, and makes items.
struct ItemBuilder {
    var detector: LayoutDetector
    var plan: ColumnPlan
    let questionColumn: Int
    let headerRow: Int?
    var items: [QuestionnaireItem] = []
    private var skipped: [(row: Int, reason: SkipReason)] = []
    private var headerSection: String?
    private var headerSectionsVary = false
    /// Whether the header's text over the questions is the section's name.
    private var questionHeaderNamesSection = false
    /// The rows below the header that repeat it, found once.
    private var repeatedHeaders: Set<Int> = []
    /// The header row of another table under the questions, if any (``decideHeaderSections(_:)``).
    private var otherTable: Int?
    /// Section headings, outermost first, with the depth a numbered heading gives.
    private var sectionStack: [(text: String, level: Int?)] = []
    private var itemsSinceSection = 0
    private var lastItemRow: Int?
    private var idRepeats: [String: Int] = [:]
    /// Whether a protected sheet leaves the answer column unlocked on two rows or more.
    private var answerColumnIsOpen = false
    /// Inside a legend or key (from its heading to the next blank row).
    private var inLegend = false
    /// Inside a block the receiving organisation fills (from its phrase to the next header,
    /// vendor phrase, or question with an item's id).
    private var inReceiverBlock = false
    /// The shape most ids on the sheet have (`AA-99.9`), to tell a section code (`V1`) from an id.
    private var commonIDShape: String?

    init(detector: LayoutDetector, plan: ColumnPlan, questionColumn: Int, headerRow: Int?) {
        self.detector = detector
        self.plan = plan
        self.questionColumn = questionColumn
        self.headerRow = headerRow
        let grid = detector.grid
        let rows = grid.rowNumbers.filter { $0 > (headerRow ?? 0) }
        if let answer = plan.answer, grid.hasInputCells {
            answerColumnIsOpen = rows.count { grid.isUnlocked($0, answer) } >= 2
        }
        // Whether each row's question cell reads as a question (rows without one left out), read
        // once for the two rules below.
        var asks: [Int: Bool] = [:]
        if plan.section != nil || plan.id != nil {
            for row in rows {
                if let text = grid.text(row, questionColumn) { asks[row] = HeaderVocabulary.readsAsQuestion(text) }
            }
        }
        // A "Topic" column naming each question's own subject ("Data at rest", "Staff accounts"),
        // a different one on nearly every row, is the question's guidance, not a section of one.
        if let sectionColumn = plan.section, plan.guidance == nil {
            let questionRows = rows.filter { asks[$0] == true }
            let titles = questionRows.compactMap { row in
                grid.isMergedContinuation(row, sectionColumn) ? nil : grid.text(row, sectionColumn)
            }
            if questionRows.count >= 3, titles.count * 3 >= questionRows.count * 2,
                Set(titles).count * 5 >= titles.count * 4
            {
                self.plan.guidance = sectionColumn
                self.plan.section = nil
            }
        }
        if let idColumn = plan.id {
            var shapes: [String: Int] = [:]
            // Numbers only on the headings ("1 | Animal records"), none on the questions under them.
            var numberedTitles = 0
            var numberedQuestions = 0
            var bareQuestions = 0
            for row in rows {
                let id = grid.text(row, idColumn)
                if let id, LayoutDetector.looksLikeID(id) { shapes[LayoutDetector.idShape(id), default: 0] += 1 }
                guard let question = asks[row] else { continue }
                if let id, id.count <= 12 {
                    if question { numberedQuestions += 1 } else { numberedTitles += 1 }
                } else if question {
                    bareQuestions += 1
                }
            }
            commonIDShape = shapes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            idsNumberSections = numberedQuestions == 0 && numberedTitles >= 2 && bareQuestions >= 2 * numberedTitles
        }
    }

    /// The title of a numbered heading, `2 - Docks and bikes`, `3. Service`, `4) Hosting`; nil for
    /// any other text.
    static func numberedTitle(_ text: String) -> String? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count) else { return nil }
        var rest = text.dropFirst(digits.count)
        if let mark = rest.first, mark == "." || mark == ")" { rest = rest.dropFirst() }
        let spaced = rest.prefix { $0 == " " }
        rest = rest.dropFirst(spaced.count)
        if let dash = rest.first, "-–—:".contains(dash) {
            rest = rest.dropFirst()
            guard rest.first == " " else { return nil }
        } else if spaced.isEmpty {
            return nil
        }
        let title = String(rest).trimmingCharacters()
        return title.first?.isLetter == true ? title : nil
    }

    /// Whether the id column numbers only the section headings, never a question: the sheet's
    /// questions have no ids, and a numbered short title is a section.
    private var idsNumberSections = false

    var grid: SheetGrid { detector.grid }

    /// Header rows say which section follows only when the header is repeated with other text
    /// in the question (or id) column each time (HECVAT's "Qualifiers", SAMM's practices); a
    /// single header's text there is just the column's name.
    mutating func decideHeaderSections(_ headerRow: Int) {
        repeatedHeaders = Set(
            grid.rowNumbers.filter { $0 > headerRow && $0 != plan.subHeaderRow && isRepeatedHeader($0) }
        )
        // Another table's header under the questions ("No. | Control ID | Description of deviation |
        // Compensating control | Risk owner"): three roles or more, none of them an answer, and
        // nothing over the answer column. Its rows are that table's, not questions.
        if let answer = plan.answer, plan.marks.isEmpty {
            otherTable = grid.rowNumbers.first { row in
                // Three roles need three cells: most rows leave before their cells are scored.
                guard row > headerRow, grid.text(row, answer) == nil, grid.cells(of: row).count >= 3 else {
                    return false
                }
                let (score, roles) = detector.headerScore(row)
                return score >= 3 && !roles.values.contains { $0.0 == .answer }
                    && !grid.cells(of: row).contains { HeaderVocabulary.readsAsQuestion($0.text) }
            }
            if let otherTable { repeatedHeaders = repeatedHeaders.filter { $0 < otherTable } }
        }
        let headers = [headerRow] + repeatedHeaders.sorted()
        headerSectionsVary = Set(headers.compactMap(headerSectionText)).count >= 2
        // A header that repeats with other text over the questions names the section below it
        // ("Required questions", then "Optional questions"; a CSV export's "Access control",
        // then "Encryption"), even when the text also names the column.
        if headers.count >= 2 {
            let named = headers.compactMap { grid.filled($0, questionColumn) }.map(HeaderVocabulary.normalise)
                .filter { !Self.bareColumnNames.contains($0) }
            if Set(named).count >= 2 {
                headerSectionsVary = true
                questionHeaderNamesSection = true
            }
        }
    }

    /// What a header calls the question column, naming no section ("Question", "Requirement").
    static let bareColumnNames: Set<String> = [
        "question", "questions", "requirement", "requirements", "control", "controls", "control question",
        "control questions", "question text", "query", "criterion", "criteria", "item", "description",
    ]

    /// A further header that names the comment and evidence columns otherwise (a second table:
    /// "Evidence" where the first had "Comment") rules the rows below it: a column it renames
    /// keeps its role only if its new name gives it that role.
    mutating func takeHeaderColumns(_ row: Int) {
        guard let headerRow, plan.products.isEmpty, plan.marks.isEmpty else { return }
        let renamed = grid.cells(of: row).filter { column, text in
            grid.text(headerRow, column).map { HeaderVocabulary.normalise($0) != HeaderVocabulary.normalise(text) }
                ?? true
        }
        guard !renamed.isEmpty else { return }
        var named: [ColumnRole: Int] = [:]
        for (column, text) in renamed {
            guard let role = HeaderVocabulary.role(of: text)?.role, role == .comment || role == .evidence,
                named[role] == nil, column != questionColumn, column != plan.answer
            else { continue }
            named[role] = column
        }
        let renamedColumns = Set(renamed.map(\.column))
        // The column the new header names for the role, else the old one unless it was renamed.
        func ruled(_ current: Int?, _ role: ColumnRole) -> Int? {
            named[role] ?? current.flatMap { renamedColumns.contains($0) ? nil : $0 }
        }
        plan.comment = ruled(plan.comment, .comment)
        plan.evidence = ruled(plan.evidence, .evidence)
    }

    /// Adds a line of guidance to the last item read.
    private mutating func appendGuidance(_ text: String) {
        let guidance = items[items.count - 1].guidance.map { $0 + "\n" } ?? ""
        items[items.count - 1].guidance = guidance + text
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
        if questionHeaderNamesSection, let text = grid.filled(row, questionColumn) {
            headerSection = Self.bareColumnNames.contains(HeaderVocabulary.normalise(text)) ? nil : text
            return
        }
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
            // A heading over some of the header's columns, not from its first ("Site" over
            // "Frankfurt | Dublin"): it groups columns, it names no section.
            if row == headerRow - 1, cells.count == 1, let first = grid.cells(of: headerRow).first?.column,
                let column = cells.first?.column, column > first
            {
                skipped.append((row, .title))
                continue
            }
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
            inLegend = false
            skipped.append((row, .blank))
            return
        }
        // A row the customer hid (a withdrawn question) is never answered.
        if grid.hiddenRows.contains(row) {
            skipped.append((row, .hidden))
            return
        }
        // A question struck through is withdrawn: still shown, never answered.
        if let question = plan.question, grid.struckCells.contains(CellAddress(row: row, column: question)) {
            skipped.append((row, .struckThrough))
            return
        }
        if let otherTable, row >= otherTable {
            skipped.append((row, .marker))
            return
        }
        if repeatedHeaders.contains(row) {
            inLegend = false
            inReceiverBlock = false
            takeHeaderSection(row)
            takeHeaderColumns(row)
            skipped.append((row, .repeatedHeader))
            return
        }
        if row == plan.subHeaderRow {
            skipped.append((row, .repeatedHeader))  // the header's second row: the grouped columns' names
            return
        }
        if row == plan.markRow {
            skipped.append((row, .repeatedHeader))  // the header's second row: the choices' names
            return
        }
        let texts = cells.map(\.text)
        if inLegend {
            skipped.append((row, .legend))
            return
        }
        if HeaderVocabulary.isLegendHeading(texts) {
            inLegend = true
            skipped.append((row, .legend))
            return
        }
        let question = grid.text(row, questionColumn)
        let rawID = grid.text(row, plan.id)
        // A question with an item's id: the vendor's, whatever words it holds. Asked only of the
        // rows that need it (a block's phrase, inside a block), not of every row read.
        func isItem() -> Bool {
            rawID.map { commonIDShape == LayoutDetector.idShape($0) } == true
                && question.map(HeaderVocabulary.readsAsQuestion) == true
        }
        // A block's opening words stand alone on a row (a heading, perhaps merged), not in a table
        // row, and not in an item ("Is single sign-on supported for customer users?").
        if texts.count <= 3, texts.contains(where: { HeaderVocabulary.receiverPhrase(in: $0) != nil }), !isItem() {
            inReceiverBlock = true
            skipped.append((row, .forReceiver))
            return
        }
        if texts.count <= 3, texts.contains(where: HeaderVocabulary.vendorPhrase), !isItem() {
            inReceiverBlock = false
            skipped.append((row, .instructions))
            return
        }
        if inReceiverBlock {
            // The vendor's questions resume at the next question with an item's id.
            guard isItem() else {
                skipped.append((row, .forReceiver))
                return
            }
            inReceiverBlock = false
        }
        if texts.count == 1, let only = texts.first, HeaderVocabulary.isFooter(only) {
            skipped.append((row, .marker))
            return
        }
        var answer = grid.text(row, plan.answer)
        for mark in plan.marks where answer == nil { answer = grid.text(row, mark.column) }
        let hasList = plan.marks.isEmpty && detector.grid.listValidation(row, plan.answer) != nil

        // A sentence right under a question, merged from the question column across the answer
        // and without an id ("Attach the certificate or the latest report …" in grey italics): the
        // question's guidance, not the heading of the questions below.
        if let answerColumn = plan.answer, let idColumn = plan.id, idColumn < questionColumn, rawID == nil,
            let lastRow = lastItemRow, row == lastRow + 1, !items.isEmpty, let text = question, !text.contains("?"),
            HeaderVocabulary.words(in: text) > 6, Self.readsAsSentence(text),
            grid.mergedRanges(startingOn: row).contains(where: {
                $0.start.column == questionColumn && $0.end.column >= answerColumn
            })
        {
            appendGuidance(text)
            lastItemRow = row
            skipped.append((row, .continuation))
            return
        }
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
        // A short code (`V1`, `1.`, `A`) of another shape than the items' ids, before a short
        // title and no answer: a section heading.
        if let rawID, !readsAsQuestion, answer == nil, HeaderVocabulary.words(in: question) <= 8,
            idsNumberSections
                || !Self.readsAsSentence(question)
                    && ((Self.isSectionCode(rawID) && commonIDShape != LayoutDetector.idShape(rawID) && !hasList)
                        || introducesIDs(rawID, after: row))
        {
            section(row, text: question)
            return
        }
        if HeaderVocabulary.isFooter(question) {
            skipped.append((row, .marker))
            return
        }
        // A worked example of how to answer ("e.g." in the id column, "Example only: Do you …?"),
        // often already marked: it shows the form, it is not asked.
        if Self.isWorkedExample(id: rawID, question: question) {
            skipped.append((row, .instructions))
            return
        }
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
        let isField = HeaderVocabulary.isFieldLabel(question)
        // The rest of a question cut off mid-sentence on the row above (its id cell empty, or merged
        // down from that question's), not a lettered part ("b) …").
        if filledID == nil || (rawID == nil && filledID == items.last?.id), !hasList, answer == nil, !isField,
            let last = items.last, lastItemRow == row - 1,
            last.question.last.map({ !".?!:)".contains($0) }) == true,
            question.first?.isLowercase == true || Self.endsMidPhrase(last.question),
            question.wholeMatch(of: /[a-z][).]\s.*/.dotMatchesNewlines()) == nil
        {
            items[items.count - 1].question += " " + question
            lastItemRow = row
            skipped.append((row, .continuation))
            return
        }
        // A short title alone on its row, without an id where the items have ids, right under an
        // item ("Data protection"): the next section, though the answer column's drop-down runs
        // through it, not guidance for the item above.
        // So is a numbered one ("2 - Docks and bikes") where the sheet has no id column.
        let title = plan.id != nil ? question : Self.numberedTitle(question)
        if let title, filledID == nil, answer == nil, !isField, !readsAsQuestion, cells.count == 1,
            HeaderVocabulary.words(in: title) <= 6, title.first?.isUppercase == true,
            !Self.readsAsSentence(title), !title.contains(":")
        {
            section(row, text: question)
            return
        }
        if filledID == nil, !hasList, answer == nil, !isField, let last = items.last, let lastRow = lastItemRow,
            !readsAsQuestion, row == lastRow + 1
        {
            // Text under a question with no answer cell of its own: the question's wrapped end,
            // or guidance for it.
            let ended = last.question.last.map { ".?!:)".contains($0) } ?? true
            if !ended, row == lastRow + 1, question.first?.isLowercase == true || plan.id != nil {
                items[items.count - 1].question += " " + question
            } else {
                appendGuidance(question)
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
        // Alone on its row but for what formulas compute ("Average maturity level" over a score
        // column's AVERAGE, once a program has cached its result): a heading or a total, no item.
        if filledID == nil, !hasList, answer == nil, !readsAsQuestion, !isField, question.count <= 80,
            cells.filter({ grid.formula(row, $0.column) == nil }).count == 1
                || (plan.id != nil && cells.allSatisfy { $0.column == questionColumn || $0.column == plan.section })
        {
            section(row, text: question)
            return
        }
        // A question whose answer cell the protected sheet keeps locked, where it leaves the answer
        // column open on other rows: one this vendor is not to answer (greyed for its tier).
        if answerColumnIsOpen, let answerColumn = plan.answer, grid.isLocked(row, answerColumn) == true {
            skipped.append((row, .locked))
            return
        }
        var id = filledID
        if let rawID, let label = Self.partLabel(rawID), let base = idAbove(row) {
            // A lettered part ("(a)", "b)") under a numbered question: "4.1" then "(a)" is 4.1.a.
            id = base.last.map { $0.isLetter || $0.isNumber } == true ? "\(base).\(label)" : base + label
        } else if let base = filledID, let marker = grid.text(row, plan.subID) {
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
        var item = makeItem(row: row, id: id, question: question, section: section)
        if !plan.products.isEmpty { item.product = plan.firstProduct }
        items.append(item)
        for product in plan.products { items.append(productItem(item, product, row: row)) }
        lastItemRow = row
    }

    /// The letters of a part's label in the id column: `(a)`, `(iv)`, `(B)`, `a)`, `b.`, `ii)`;
    /// nil for anything else (a bare capital with a dot, `A.`, is a section's code).
    static func partLabel(_ text: String) -> String? {
        // By hand, not a regular expression: this runs for every item row.
        let scalars = Array(text.trimmingCharacters().unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 6, let last = scalars.last else { return nil }
        let opened = scalars[0] == "("
        guard opened ? last == ")" : last == ")" || last == "." else { return nil }
        let inner = scalars[(opened ? 1 : 0)..<(scalars.count - 1)]
        let single =
            inner.count == 1 && inner.allSatisfy { ("a"..."z").contains($0) || (opened && ("A"..."Z").contains($0)) }
        let roman = (1...4).contains(inner.count) && inner.allSatisfy { "ivx".unicodeScalars.contains($0) }
        return single || roman ? String(String.UnicodeScalarView(inner)) : nil
    }

    /// The id a lettered part belongs to.
    ///
    /// The nearest id above that is not a part's label, when it looks like an id (not a
    /// section's title in the id column). Looks at most 30 rows up.
    private func idAbove(_ row: Int) -> String? {
        let rows = grid.rowNumbers
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle] < row { low = middle + 1 } else { high = middle }
        }
        for above in rows[max(0, low - 30)..<low].reversed() {
            guard let text = grid.text(above, plan.id) else { continue }
            if Self.partLabel(text) != nil { continue }
            return LayoutDetector.looksLikeID(text) && !text.contains(where: \.isWhitespace) ? text : nil
        }
        return nil
    }

    /// Whether the next rows' ids extend `id` (`3` then `3.1`, `3.2`; `AC` then `AC-1`): the row
    /// with `id` heads them.
    private func introducesIDs(_ id: String, after row: Int) -> Bool {
        let base = id.hasSuffix(".0") ? String(id.dropLast(2)) : id.hasSuffix(".") ? String(id.dropLast()) : id
        guard !base.isEmpty else { return false }
        let next = grid.rowNumbers.drop { $0 <= row }.prefix(3).compactMap { grid.text($0, plan.id) }
        guard let first = next.first, first != id, first.count > base.count, first.hasPrefix(base) else {
            return false
        }
        let separator = first[first.index(first.startIndex, offsetBy: base.count)]
        return ".-_ ".contains(separator)
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
        // The header's own words again over the answer and one more column (`#`, `Response`,
        // `Notes`), whatever the question column's cell says.
        if let answer = plan.answer, let text = grid.text(row, answer),
            grid.text(headerRow, answer).map({ HeaderVocabulary.normalise($0) == HeaderVocabulary.normalise(text) })
                == true
        {
            let same = grid.cells(of: headerRow).filter { column, text in
                column != questionColumn
                    && grid.text(row, column).map { HeaderVocabulary.normalise($0) == HeaderVocabulary.normalise(text) }
                        == true
            }
            if same.count >= 2 { return true }
        }
        // Only a row whose answer or question cell holds a header word can repeat the header.
        let names = [plan.answer, questionColumn].compactMap { grid.text(row, $0) }
        guard names.contains(where: { HeaderVocabulary.role(of: $0) != nil }) else { return false }
        // A question or a requirement in the question column is asked, whatever its answer says
        // ("Partially compliant" beside "The supplier shall keep …").
        if let question = grid.text(row, questionColumn) {
            let words = HeaderVocabulary.words(in: question)
            if words > 10 || (words > 3 && HeaderVocabulary.readsAsQuestion(question)) { return false }
        }
        let (score, roles) = detector.headerScore(row)
        guard score >= 2 else { return false }
        if let answer = plan.answer, roles[answer]?.0 == .answer { return true }
        return roles[questionColumn]?.0 == .question
    }

    /// Whether a row is a worked example of how to answer.
    ///
    /// Its id cell says so (`e.g.`, `Example`, `Sample`) or its text opens with such a label
    /// (`Example only:`, `Example - …`, `Sample question:`). "For example, …" inside a question is
    /// not such a label.
    static func isWorkedExample(id: String?, question: String) -> Bool {
        if let id {
            let letters = id.lowercased().filter(\.isLetter)
            if exampleLabels.contains(letters), id.filter(\.isNumber).isEmpty { return true }
        }
        let opening = question.drop { $0 == " " }.lowercased()
        let first = opening.prefix { $0.isLetter || $0 == "." || $0 == ":" }
        let label = first.filter(\.isLetter)
        guard exampleLabels.contains(label), label != "ex" else { return false }
        // The label stands apart from the question: a colon, a dash or "only" after it, or "e.g.".
        let after = opening.dropFirst(first.count).drop { $0 == " " }
        return label == "eg" || first.hasSuffix(":") || after.hasPrefix(":") || after.hasPrefix("- ")
            || after.hasPrefix("\u{2013} ") || after.hasPrefix("only") || after.hasPrefix("row")
            || (label == "sample" && after.hasPrefix("question"))
    }

    /// Labels of a worked example, letters only ("ex" in an id cell only: "Ex-employees …").
    private static let exampleLabels: Set<String> = ["eg", "example", "sample", "ex", "exampleonly", "illustration"]

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

    /// Whether a text stops on a word no sentence ends with ("… stored in the"), so the next row's
    /// text, whatever its case ("UK and …"), is its rest.
    static func endsMidPhrase(_ text: String) -> Bool {
        guard let word = text.split(whereSeparator: { !$0.isLetter }).last?.lowercased() else { return false }
        return danglingWords.contains(word)
    }

    /// Words no sentence ends with.
    static let danglingWords: Set<String> = [
        "the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "by", "from", "into", "and", "or", "than",
        "that", "which", "whose", "your", "our", "their", "its", "any", "each", "every", "as", "such",
    ]

    /// Whether a text that asks nothing reads as a sentence (a requirement the vendor confirms)
    /// rather than a heading: it ends with a full stop, or holds a verb a requirement uses.
    static func readsAsSentence(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters()
        if trimmed.hasSuffix(".") || trimmed.hasSuffix(";") { return true }
        let words = Set(trimmed.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        let verbs: Set<String> = [
            "is", "are", "was", "were", "be", "been", "has", "have", "had", "must", "shall", "should", "will", "can",
            "may", "does", "do", "uses", "use", "maintains", "maintain", "ensures", "ensure", "provides", "provide",
            "performs", "perform", "requires", "require", "includes", "include", "supports", "support", "encrypts",
            "encrypt", "reviews", "review", "restricts", "restrict", "protects", "protect", "monitors", "monitor",
            "defines", "define", "documents", "tests", "test", "logs", "retains", "retain", "applies", "apply",
            "enforces", "enforce", "conducts", "conduct", "manages", "manage", "keeps", "keep", "receives", "receive",
        ]
        return !words.isDisjoint(with: verbs)
    }

    /// Clears the FALSE of unticked checkboxes in a blank form.
    ///
    /// Checkboxes as a spreadsheet exports them are a TRUE/FALSE drop-down, and in a blank form
    /// every box reads FALSE, which is no answer. When every such item of the sheet (two or more)
    /// holds FALSE, none has an answer yet; when any box is ticked, the FALSE ones are answers too.
    static func clearUntickedBoxes(_ items: inout [QuestionnaireItem]) {
        let boxes = items.indices.filter { index in
            Set(items[index].allowedAnswers.map { $0.uppercased() }) == ["TRUE", "FALSE"]
                && items[index].allowedAnswers.count == 2
        }
        guard boxes.count >= 2,
            boxes.allSatisfy({ items[$0].existingAnswer?.uppercased() == "FALSE" })
        else { return }
        for index in boxes { items[index].existingAnswer = nil }
    }

    /// Whether an id-column value is a section's code: `V1`, `1`, `1.`, `A`, `A.`, `II`.
    static func isSectionCode(_ text: String) -> Bool {
        var code = text.trimmingCharacters()
        for word in ["section ", "part ", "domain ", "chapter ", "§"] where code.lowercased().hasPrefix(word) {
            code = String(code.dropFirst(word.count)).trimmingCharacters()
        }
        while let last = code.last, ".):".contains(last) { code.removeLast() }
        guard !code.isEmpty, code.utf8.count <= 4 else { return false }
        return code.wholeMatch(of: /[0-9]{1,2}(\.0)?|[A-Za-z]|[A-Za-z][0-9]{1,2}|[IVXivx]{1,4}/) != nil
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
        if let values = detector.grid.dropDownChoices(row, plan.answer) {
            allowed = values
            source = .validation
        } else if let options = grid.text(row, plan.options).map(HeaderVocabulary.choices(inCell:)), !options.isEmpty {
            // The row's own list ("Yes;No;N/A" under "Response Options"), before the header's.
            allowed = options
            source = .options
        } else if !plan.headerAnswers.isEmpty {
            allowed = plan.headerAnswers
            source = detector.profile == nil ? .header : .profile
        }
        var target = reference(plan.answer).map(AnswerTarget.cell)
        // "-- Please select --" left in the cell is the drop-down's prompt, not an answer.
        var existing = grid.text(row, plan.answer).flatMap { HeaderVocabulary.isPlaceholder($0) ? nil : $0 }
        var severalMarked = false
        if !plan.marks.isEmpty {
            let cells = plan.marks.map { column, choice in
                MarkCell(
                    choice: choice,
                    cell: SheetCell(sheet: sheetName, row: row, column: column),
                    marked: grid.text(row, column).map(HeaderVocabulary.isMarked) ?? false
                )
            }
            target = .marks(cells, mark: plan.mark)
            let marked = cells.filter(\.marked)
            existing = marked.count == 1 ? marked.first?.choice : nil
            severalMarked = marked.count > 1
            allowed = plan.marks.map(\.choice)
            source = .marks
        }
        var item = QuestionnaireItem(
            id: id ?? "\(sheetName)-\(row)",
            idGenerated: id == nil,
            section: section,
            question: question,
            // Guidance from its column, else from a note on the question's cell.
            guidance: grid.text(row, plan.guidance) ?? grid.note(row, questionColumn),
            sheet: sheetName,
            row: row,
            answerTarget: target,
            commentCell: reference(separate(plan.comment)),
            evidenceCell: reference(separate(plan.evidence)),
            answerType: allowed.isEmpty ? .text : .choice,
            allowedAnswers: allowed,
            allowedAnswersSource: source,
            existingAnswer: existing,
            existingComment: grid.text(row, separate(plan.comment))
        )
        assess(&item, row: row, severalMarked: severalMarked)
        return item
    }

    /// The item for a further product on the same row.
    ///
    /// The same question, its own answer and comment cells, its own drop-down, and an id naming
    /// the product (`AS-3 [Harbor Mobile]`, since review decisions are matched by id). The
    /// evidence cell stays the first product's.
    mutating func productItem(_ base: QuestionnaireItem, _ product: ProductColumns, row: Int) -> QuestionnaireItem {
        let sheetName = grid.sheet.name
        var item = base
        item.id = "\(base.id) [\(product.name)]"
        item.product = product.name
        item.answerTarget = .cell(SheetCell(sheet: sheetName, row: row, column: product.answer))
        item.commentCell = product.comment.map { SheetCell(sheet: sheetName, row: row, column: $0) }
        item.evidenceCell = nil
        item.existingAnswer = grid.text(row, product.answer).flatMap { HeaderVocabulary.isPlaceholder($0) ? nil : $0 }
        item.existingComment = grid.text(row, product.comment)
        if let values = detector.grid.dropDownChoices(row, product.answer) {
            item.allowedAnswers = values
            item.allowedAnswersSource = .validation
        } else if base.allowedAnswersSource == .validation {
            item.allowedAnswers = []
            item.allowedAnswersSource = nil
        }
        item.answerType = item.allowedAnswers.isEmpty ? .text : .choice
        return item
    }

    /// How sure this row is a question and its target the answer's place.
    ///
    /// A question (`?`, or an interrogative or an instruction to the vendor) is sure; a statement
    /// of five words or more, or a field to fill in, nearly so; a short text that asks nothing is
    /// not, unless its answer cell offers choices. An answer cell holding a formula, several
    /// marks, or a value that is none of the allowed answers is not sure either.
    private func assess(_ item: inout QuestionnaireItem, row: Int, severalMarked: Bool) {
        let question = item.question
        let words = HeaderVocabulary.words(in: question)
        if !HeaderVocabulary.readsAsQuestion(question) {
            if item.isField {
                item.doubt(0.8, because: "a field to fill in, not a question")
            } else if words >= 5, Self.readsAsSentence(question) {
                item.doubt(0.9, because: "a statement, not a question")
            } else if words <= 4, item.allowedAnswersSource == .validation || item.allowedAnswersSource == .marks {
                item.doubt(0.85, because: "a short text, but its answer cell offers choices")
            } else if words >= 5 {
                item.doubt(0.6, because: "a heading-like text: neither a question nor a sentence")
            } else {
                item.doubt(0.5, because: "a short text (\(words) word\(words == 1 ? "" : "s")) that asks nothing")
            }
        }
        if plan.marks.isEmpty, let answer = plan.answer, let formula = grid.formula(row, answer) {
            item.doubt(0, because: "the answer cell holds a formula (=\(formula.prefix(40)))")
        }
        if plan.marks.isEmpty, let answer = plan.answer, grid.isConcealed(row, answer) {
            item.doubt(
                0,
                because:
                    "the answer cell's number format shows nothing typed into it (;;;): an answer written there would not be seen"
            )
        }
        if severalMarked { item.doubt(0.3, because: "several choices are marked") }
        if let existing = item.existingAnswer, !item.allowedAnswers.isEmpty, item.allowedAnswersSource != .marks,
            !item.allowedAnswers.contains(where: { $0.lowercased() == existing.lowercased() }),
            !Self.isSeveralOf(existing, item), !Self.isTruthValue(existing, fitting: item.allowedAnswers)
        {
            item.doubt(0.6, because: "the answer cell holds \"\(existing.prefix(40))\", none of the allowed answers")
        }
    }

    /// Whether an answer is TRUE or FALSE (what a spreadsheet makes of a typed "true", or a
    /// checkbox's value) where the allowed answers hold a yes and a no: last year's answer in
    /// another form, not a sign that the column holds something else.
    static func isTruthValue(_ existing: String, fitting allowed: [String]) -> Bool {
        let value = existing.lowercased()
        guard value == "true" || value == "false" else { return false }
        let words = Set(allowed.map { $0.lowercased() })
        return !words.isDisjoint(with: ["yes", "y", "ja", "oui", "si", "sí", "sim"])
            && !words.isDisjoint(with: ["no", "n", "nein", "non", "nee", "não"])
    }

    /// Whether an answer to a question asking for several choices ("Select all that apply")
    /// holds only allowed answers, separated by `;`, `,` or line breaks.
    static func isSeveralOf(_ existing: String, _ item: QuestionnaireItem) -> Bool {
        let question = item.question.lowercased()
        guard
            ["all that apply", "select all", "tick all", "check all", "choose all", "mark all", "one or more"]
                .contains(where: question.contains)
        else { return false }
        let allowed = Set(item.allowedAnswers.map { $0.lowercased() })
        let parts = existing.split { $0 == ";" || $0 == "," || $0.isNewline }
            .map { String($0).trimmingCharacters().lowercased() }.filter { !$0.isEmpty }
        return parts.count >= 2 && parts.allSatisfy(allowed.contains)
    }

    /// On a sheet without a header, the fields before the first question and after the last
    /// (`Legal entity name`, `Date completed`: a details form, a sign-off) are no items: they
    /// are what a header row would have left above the table: two fields or more before, any
    /// after.
    mutating func passOverDetailsForms() {
        let fields = items.map { $0.isField && $0.allowedAnswersSource == nil }
        let leading = fields.prefix { $0 }.count
        let trailing = fields.reversed().prefix { $0 }.count
        guard leading < items.count else { return }
        var dropped: [Int] = []
        if leading >= 2 { dropped += Array(0..<leading) }
        if trailing >= 1 { dropped += Array((items.count - trailing)..<items.count) }
        for index in dropped.reversed() {
            if let row = items[index].row { skipped.append((row, .title)) }
            items.remove(at: index)
        }
    }

    /// Skipped rows as runs of one reason.
    func skippedRuns() -> [SkippedRows] { SkippedRows.runs(skipped) }
}
