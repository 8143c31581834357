import Spreadsheet

/// The columns a sheet's layout gives each role.
struct ColumnPlan {
    var id: Int?
    var section: Int?
    var question: Int?
    var answer: Int?
    var comment: Int?
    var evidence: Int?
    var guidance: Int?
    /// A column holding each row's allowed answers as text.
    var options: Int?
    /// A column of sub-question markers (`a`, `b`, `ii`) joined to the id.
    var subID: Int?
    /// Columns an answer is marked in, one per choice, with the choice each stands for.
    var marks: [(column: Int, choice: String)] = []
    /// The row holding the choices' names when it is the header's second row.
    var markRow: Int?
    /// The header's second row naming the columns a merged heading groups ("Supplier response"
    /// over "Answer | Evidence | Comments").
    var subHeaderRow: Int?
    /// The symbol the sheet marks answers with (`X` when none is marked yet).
    var mark = "X"
    var assignments: [Int: ColumnAssignment] = [:]
    /// Allowed answers the answer column's header names.
    var headerAnswers: [String] = []
    /// Further products answered on the same rows, each in columns of its own.
    var products: [ProductColumns] = []
    /// The product the plan's own answer column is for, when ``products`` are answered beside it.
    var firstProduct: String?
    /// What the answer column was found from when no header named it (`its drop-downs`), with
    /// that column.
    var answerFoundFrom: (column: Int, what: String, confidence: Double)?

    mutating func assign(_ column: Int, _ role: ColumnRole, header: String?, because: String) {
        switch role {
        case .id: id = column
        case .section: section = column
        case .question: question = column
        case .answer: answer = column
        case .comment: comment = column
        case .evidence: evidence = column
        case .guidance: guidance = column
        case .options: options = column
        case .owner, .other: break
        }
        assignments[column] = ColumnAssignment(
            column: CellAddress.columnName(column),
            header: header,
            role: role,
            because: because
        )
    }

    func role(of column: Int) -> ColumnRole? { assignments[column]?.role }
}

/// Finds the questions of one sheet: its header row, what each column holds, which rows are
/// items and which are titles, sections, continuations or blank.
struct LayoutDetector {
    var grid: SheetGrid
    let options: DetectionOptions
    let profile: LayoutProfile.SheetProfile?

    /// What in a sheet's name says it holds no questions, if anything: one of
    /// ``nonQuestionSheetStems`` anywhere in it (`DropDownLists`, `Instructions`), or one of
    /// ``nonQuestionSheetWords`` as whole words, camel case split and a plural "s" allowed (`Cover
    /// Sheet`, `ReadMe`, `Lists`), so that `Question List`, `Resilience & Recovery`, `Incident Reporting`,
    /// `Configuration Management` or `Privacy Checklists` are read.
    static func nonQuestionSheetWord(_ name: String) -> String? {
        let lower = name.lowercased()
        if let stem = nonQuestionSheetStems.first(where: lower.contains) { return stem }
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            let split = !character.isLetter || (character.isUppercase && previous?.isLowercase == true)
            if split, !current.isEmpty {
                words.append(current)
                current = ""
            }
            if character.isLetter { current.append(Character(character.lowercased())) }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return nonQuestionSheetWords.first { phrase in
            let parts = phrase.split(separator: " ").map(String.init)
            guard parts.count <= words.count else { return false }
            return (0...(words.count - parts.count)).contains { start in
                parts.indices.allSatisfy { index in
                    let word = words[start + index]
                    return word == parts[index] || (index == parts.count - 1 && word == parts[index] + "s")
                }
            }
        }
    }

    /// Parts of a sheet's name, found anywhere in it, that say it holds no questions: long enough
    /// not to sit inside a questionnaire's words.
    static let nonQuestionSheetStems = [
        "instruction", "introduction", "readme", "attribution", "changelog", "acknowledg", "glossary", "lookup",
        "dropdown", "scorecard", "roadmap", "crosswalk", "dashboard", "licence", "license", "coversheet", "coverpage",
    ]

    /// Whether a word of ``nonQuestionSheetWord(_:)``'s only seldom names a sheet of questions: a
    /// scorecard or a summary may be the questionnaire itself, an instructions sheet never is.
    static func seldomQuestions(_ word: String) -> Bool {
        ["scorecard", "score card", "summary", "report", "dashboard", "benchmark"].contains(word)
    }

    /// Words of a sheet's name, matched whole, that say it holds no questions.
    static let nonQuestionSheetWords = [
        "intro", "read me", "cover", "change log", "version history", "revision history", "definition", "lists",
        "list values", "drop down", "values", "report", "summary", "score card", "benchmark", "chart", "background",
        "analyst", "guidance", "help", "about", "contents", "legend", "settings", "config",
    ]

    // MARK: Header

    /// Scores a row as a header: how many column roles its cells name.
    func headerScore(_ row: Int) -> (score: Int, roles: [Int: (ColumnRole, Int)]) {
        var roles: [Int: (ColumnRole, Int)] = [:]
        var seen: Set<ColumnRole> = []
        for (column, text) in grid.cells(of: row) {
            guard let match = HeaderVocabulary.role(of: text) else { continue }
            roles[column] = match
            // A mapping column (`ISO 27001`) is told apart, but names no role of the questionnaire's.
            if match.0 != .other { seen.insert(match.0) }
        }
        // Two or more adjacent choices (`Yes | No | N/A`, `Always | Often | Never`) are where the
        // answer is marked: an answer column for the header's score.
        var run = 0
        var lastColumn = 0
        for (column, text) in grid.cells(of: row) {
            run = HeaderVocabulary.isChoice(text) ? (column == lastColumn + 1 ? run + 1 : 1) : 0
            lastColumn = column
            if run >= 2 { seen.insert(.answer) }
        }
        var score = seen.count
        if seen.contains(.question) && seen.contains(.answer) { score += 2 }
        if !seen.contains(.question) && !seen.contains(.answer) { score = min(score, 1) }
        return (score, roles)
    }

    /// The column a form shades for input (`Complete the cells shaded yellow`).
    ///
    /// Looked for when no header, drop-down or lock names the answer column: right of the
    /// question, with no heading, one solid
    /// colour on at least four in five question rows that the question cell does not share (not
    /// a banded row), no formula there (a shaded column may be computed), and typed in on at most
    /// half of them. `named` says whether a note outside the question rows speaks of shaded,
    /// highlighted or coloured cells.
    func shadedInputColumn(
        question: Int,
        headerRow: Int?,
        dataRows: [Int],
        _ plan: ColumnPlan
    ) -> (column: Int, count: Int, named: Bool)? {
        let questionRows = dataRows.filter { grid.text($0, question) != nil }
        guard questionRows.count >= 2 else { return nil }
        var best: (column: Int, count: Int)?
        // A column with a heading of its own (a mapping, "ISO 29100", colour-coded) is not one the
        // shading alone makes the answer.
        for column in (question + 1)...(question + 12)
        where headerRow.flatMap({ grid.text($0, column) }) == nil
            && (plan.assignments[column] == nil || plan.role(of: column) == .other)
        {
            var counts: [Int32: Int] = [:]
            var typed = 0
            var computed = false
            for row in questionRows {
                if grid.formula(row, column) != nil {
                    computed = true
                    break
                }
                guard let fill = grid.fill(row, column), fill != grid.fill(row, question) else { continue }
                counts[fill, default: 0] += 1
                if grid.text(row, column) != nil { typed += 1 }
            }
            guard !computed, let count = counts.values.max(), count * 5 >= questionRows.count * 4,
                typed * 2 <= count, count > (best?.count ?? 0)
            else { continue }
            best = (column, count)
        }
        guard let best else { return nil }
        let items = Set(questionRows)
        let named = grid.rowNumbers.contains { row in
            !items.contains(row) && grid.cells(of: row).contains { Self.speaksOfShading($0.text) }
        }
        return (best.column, best.count, named)
    }

    /// Whether a note speaks of cells marked by a colour for input ("cells shaded yellow",
    /// "highlighted fields", "the green boxes").
    static func speaksOfShading(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.count <= 600, ["cell", "field", "box"].contains(where: lower.contains) else { return false }
        return [
            "shaded", "shading", "highlighted", "coloured", "colored", "yellow", "green", "blue", "orange", "pink",
        ]
        .contains(where: lower.contains)
    }

    /// How many rows with content are searched for the header: the first hundred, and when no
    /// row of those names both a question and an answer column, up to four hundred, since a
    /// questionnaire may open with a long preamble (instructions, a details form, definitions, a
    /// revision history) and put its table under row 200.
    static let headerSearchRows = (first: 100, most: 400)

    /// The header row: the best-scoring row among the first rows with content that score at least
    /// two, or an earlier row that puts the answer (or question) in the same column, since a
    /// header repeated further down may name its columns better than the first one.
    func findHeaderRow() -> Int? {
        var scored: [(row: Int, score: Int, roles: [Int: (ColumnRole, Int)])] = []
        for (index, row) in grid.rowNumbers.prefix(Self.headerSearchRows.most).enumerated() {
            // A question-and-answer header (score 4 or more) among the first rows ends the search.
            if index == Self.headerSearchRows.first, scored.contains(where: { $0.score >= 4 }) { break }
            let (score, roles) = headerScore(row)
            if score >= 2 { scored.append((row, score, roles)) }
        }
        guard let best = scored.max(by: { $0.score != $1.score ? $0.score < $1.score : $0.row > $1.row }) else {
            return nil
        }
        let anchors = best.roles.filter { $0.value.0 == .answer || $0.value.0 == .question }
        // A row right above the best one (`Requisitos del banco` over `Pregunta`, `Respuesta del
        // proveedor` over `Cumple`) groups its columns: no items lie between them to be lost.
        let rows = grid.rowNumbers
        let above = rows.firstIndex(of: best.row).flatMap { $0 > 0 ? rows[$0 - 1] : nil }
        let earliest = scored.first { candidate in
            candidate.row <= best.row && candidate.row != above
                && anchors.contains { column, match in candidate.roles[column]?.0 == match.0 }
        }
        return earliest?.row ?? best.row
    }

    /// The header's second row, with the names it gives columns.
    ///
    /// Either it names the columns the header's merged headings group ("Supplier response" over
    /// "Answer | Evidence / Link | Comments"): each of its cells under a heading merged across two
    /// columns or more, none asking anything, two or more naming a role; the columns of a group
    /// that names the receiving organisation ("Buyer evaluation") keep the group's name. Or it
    /// holds the rest of the header's headings, typed over two rows ("Supplier" over "response"):
    /// each of its cells under a heading, in lower case, of three words at most.
    func headerSecondRow(below headerRow: Int) -> (row: Int, names: [Int: String])? {
        let sub = headerRow + 1
        let cells = grid.cells(of: sub)
        guard cells.count >= 2 else { return nil }
        let top = Dictionary(uniqueKeysWithValues: grid.cells(of: headerRow).map { ($0.column, $0.text) })
        let continued = cells.allSatisfy { column, text in
            top[column] != nil && text.first?.isLowercase == true && HeaderVocabulary.words(in: text) <= 3
                && !HeaderVocabulary.readsAsQuestion(text)
        }
        if continued {
            let names = Dictionary(
                uniqueKeysWithValues: cells.map { ($0.column, (top[$0.column] ?? "") + " " + $0.text) }
            )
            return names.values.filter({ HeaderVocabulary.role(of: $0) != nil }).count >= 2 ? (sub, names) : nil
        }
        let groups = grid.mergedRanges(startingOn: headerRow).filter { $0.end.column > $0.start.column }
        guard !groups.isEmpty else { return nil }
        var names: [Int: String] = [:]
        var named = 0
        for (column, text) in cells {
            guard let group = groups.first(where: { $0.start.column <= column && column <= $0.end.column }),
                !HeaderVocabulary.readsAsQuestion(text)
            else { return nil }
            if HeaderVocabulary.role(of: text) != nil { named += 1 }
            if !(top[group.start.column].map(HeaderVocabulary.namesReceiverColumn) ?? false) { names[column] = text }
        }
        return named >= 2 && !names.isEmpty ? (sub, names) : nil
    }

    // MARK: Columns

    /// Assigns column roles: from the header's words first, then from the cells below.
    mutating func planColumns(headerRow: Int?, dataRows: [Int]) -> ColumnPlan {
        var plan = ColumnPlan()
        if let headerRow {
            var roles = headerScore(headerRow).roles
            // Under a merged heading grouping columns, each column's own name is on the next row.
            var headerTexts: [Int: String] = [:]
            if let (sub, names) = headerSecondRow(below: headerRow) {
                plan.subHeaderRow = sub
                for (column, name) in names {
                    roles[column] = HeaderVocabulary.role(of: name)
                    headerTexts[column] = name
                }
            }
            let headerGrid = grid
            let headerText = { (column: Int) in headerTexts[column] ?? headerGrid.text(headerRow, column) }
            // The strongest claim on each role wins; answer columns are told apart by drop-downs.
            var byRole: [ColumnRole: [(column: Int, strength: Int)]] = [:]
            for (column, match) in roles { byRole[match.0, default: []].append((column, match.1)) }
            for (role, claims) in byRole {
                var ordered = claims.sorted {
                    $0.strength != $1.strength ? $0.strength > $1.strength : $0.column < $1.column
                }
                if role == .answer, ordered.count > 1 {
                    // Drop-downs decide among the strongest claims; a weaker claim ("Status")
                    // only when none of those has one.
                    let strongest = ordered.filter { $0.strength == ordered[0].strength }
                    var withLists: [(Int, Int)] = []
                    // On a protected sheet an unlocked column is offered as much as a drop-down.
                    let listed = { (claim: (column: Int, strength: Int)) in
                        dataRows.contains { grid.offersInput($0, claim.column) }
                    }
                    for claim in strongest.contains(where: listed) ? strongest : ordered {
                        var count = 0
                        for row in dataRows where grid.offersInput(row, claim.column) { count += 1 }
                        withLists.append((claim.column, count))
                    }
                    if let best = withLists.max(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }), best.1 > 0 {
                        ordered.sort {
                            ($0.column == best.0 ? 0 : 1, $0.column) < ($1.column == best.0 ? 0 : 1, $1.column)
                        }
                    }
                }
                if role == .id, ordered.count > 1 {
                    // A control id merged down over several questions beside a per-question id:
                    // the id is the column whose own values tell the rows apart.
                    var distinct: [Int: Int] = [:]
                    for claim in ordered {
                        distinct[claim.column] = Set(dataRows.compactMap { grid.text($0, claim.column) }).count
                    }
                    if let best = ordered.max(by: { distinct[$0.column, default: 0] < distinct[$1.column, default: 0] }
                    ),
                        distinct[best.column, default: 0] > distinct[ordered[0].column, default: 0]
                    {
                        ordered.removeAll { $0.column == best.column }
                        ordered.insert(best, at: 0)
                    }
                }
                if role == .question, ordered.count > 1 {
                    // Among equally named question columns, the one whose cells read most like questions.
                    let top = ordered.filter { $0.strength == ordered[0].strength }
                    // Questions asked twice, in German and in English: the English ones, which the
                    // library's answers are matched best against.
                    let scored = top.map {
                        (
                            claim: $0, score: questionScore($0.column, dataRows),
                            english: englishRows($0.column, dataRows)
                        )
                    }
                    if let best = scored.max(by: { ($0.score, $0.english) < ($1.score, $1.english) })?.claim {
                        ordered.removeAll { $0.column == best.column }
                        ordered.insert(best, at: 0)
                    }
                }
                if role == .comment || role == .evidence {
                    // "Assessor comments", "Reviewer notes": the receiving organisation's column,
                    // never where the vendor's comment or evidence goes.
                    let theirs = ordered.filter { claim in
                        headerText(claim.column).map(HeaderVocabulary.namesReceiverColumn) ?? false
                    }
                    for claim in theirs {
                        let header = headerText(claim.column)
                        plan.assign(
                            claim.column,
                            .other,
                            header: header,
                            because: "header \"\(header ?? "")\": the receiving organisation's column"
                        )
                    }
                    ordered.removeAll { claim in theirs.contains { $0.column == claim.column } }
                    if ordered.isEmpty { continue }
                }
                for (index, claim) in ordered.enumerated() {
                    let header = headerText(claim.column)
                    if index == 0 {
                        plan.assign(claim.column, role, header: header, because: "header \"\(header ?? "")\"")
                    } else {
                        let secondary: ColumnRole = role == .answer ? .other : role == .question ? .other : role
                        plan.assign(
                            claim.column,
                            secondary == role ? .other : secondary,
                            header: header,
                            because:
                                "header \"\(header ?? "")\"; column \(CellAddress.columnName(ordered[0].column)) holds the \(role.rawValue)"
                        )
                    }
                }
            }
            if let answer = plan.answer, let header = grid.text(headerRow, answer) {
                plan.headerAnswers = HeaderVocabulary.allowedAnswers(inHeader: header)
            }
            if options.answerColumn == nil, profile == nil { findProductColumns(headerRow: headerRow, in: &plan) }
        }
        if let profile { applyProfile(profile, to: &plan, headerRow: headerRow) }
        if let headerRow, options.answerColumn == nil {
            findMarkColumns(headerRow: headerRow, dataRows: dataRows, in: &plan)
        }
        applyOverrides(to: &plan, headerRow: headerRow)

        // The question column from content, when the header does not name one.
        if plan.question == nil {
            var best: (column: Int, score: Int)?
            // Any column but the id and the answer may turn out to hold the questions, whatever its
            // header says ("Details", "Description").
            for column in candidateColumns(dataRows) where ![.id, .answer].contains(plan.role(of: column)) {
                let score = questionScore(column, dataRows)
                if score > (best?.score ?? 0) { best = (column, score) }
            }
            if let best, best.score >= 3 {
                if let earlier = plan.role(of: best.column), earlier != .other {
                    switch earlier {
                    case .comment: plan.comment = nil
                    case .evidence: plan.evidence = nil
                    case .guidance: plan.guidance = nil
                    case .section: plan.section = nil
                    default: break
                    }
                }
                plan.assign(
                    best.column,
                    .question,
                    header: headerRow.flatMap { grid.filled($0, best.column) },
                    because: "\(best.score) cells read as questions"
                )
            }
        }
        guard let question = plan.question else { return plan }
        // A role freed by the question column passes to the next column whose header claims it.
        if let headerRow {
            for role in [ColumnRole.comment, .evidence, .guidance] {
                let taken = plan.assignments.values.contains { $0.role == role }
                guard !taken else { continue }
                let next = plan.assignments.keys.sorted().first { column in
                    column != question && plan.role(of: column) == .other
                        && grid.text(headerRow, column).flatMap(HeaderVocabulary.role(of:))?.role == role
                        && !grid.namesReceiver(headerRow, column)
                }
                if let next {
                    let header = grid.text(headerRow, next)
                    plan.assign(next, role, header: header, because: "header \"\(header ?? "")\"")
                }
            }
        }

        // The answer column from drop-downs (or cells a protected sheet leaves unlocked), when the
        // header does not name one: a column no header claimed, or one whose header lost its claim
        // to another ("Meets requirement" beside "Requirement"), not one the receiving
        // organisation fills ("Assessor rating").
        if plan.answer == nil {
            var best: (column: Int, count: Int, lists: Int)?
            for column in (question + 1)...(question + 12)
            where plan.assignments[column] == nil
                || (plan.role(of: column) == .other
                    && !grid.namesReceiver(headerRow, column))
            {
                var count = 0
                var lists = 0
                for row in dataRows where grid.text(row, question) != nil {
                    let listed = grid.listValidationExists(row, column)
                    guard grid.hasInputCells ? grid.isUnlocked(row, column) : listed else { continue }
                    count += 1
                    if listed { lists += 1 }
                }
                if count > (best?.count ?? 0) { best = (column, count, lists) }
            }
            if let best {
                let (found, because) =
                    best.lists == best.count
                    ? ("its drop-downs", "drop-down on \(best.count) question rows")
                    : best.lists == 0
                        ? (
                            "the cells the protected sheet leaves unlocked",
                            "unlocked on \(best.count) question rows of the protected sheet"
                        )
                        : (
                            "its drop-downs and unlocked cells",
                            "drop-down or unlocked cell on \(best.count) question rows of the protected sheet"
                        )
                plan.assign(
                    best.column,
                    .answer,
                    header: headerRow.flatMap { grid.text($0, best.column) },
                    because: because
                )
                plan.answerFoundFrom = (best.column, found, 0.85)
            } else if let shaded = shadedInputColumn(question: question, headerRow: headerRow, dataRows: dataRows, plan)
            {
                plan.assign(
                    shaded.column,
                    .answer,
                    header: headerRow.flatMap { grid.text($0, shaded.column) },
                    because: "shaded as input on \(shaded.count) question rows"
                )
                // The colour is the sender's convention only when the sheet says so; otherwise
                // it may be decoration, and the items are read but not written into.
                plan.answerFoundFrom =
                    shaded.named
                    ? (shaded.column, "the cells shaded for input, as the sheet says", 0.85)
                    : (
                        shaded.column,
                        "its shaded cells, though the sheet does not say what the shading means",
                        QuestionnaireItem.writableFrom - 0.1
                    )
            }
        }
        // Answer columns side by side under one heading, once the answer column is known however
        // it was found (its header, or its drop-downs).
        if let headerRow, options.answerColumn == nil, profile == nil {
            findGroupedAnswerColumns(headerRow: headerRow, dataRows: dataRows, in: &plan)
        }
        // Ids from content: short tokens with a digit, left of the question, on most question rows.
        if plan.id == nil, question > 1 {
            let questionRows = dataRows.filter { grid.text($0, question) != nil }
            for column in 1..<question where plan.assignments[column] == nil {
                let ids = questionRows.compactMap { grid.filled($0, column) }.filter(Self.looksLikeID)
                if !questionRows.isEmpty, ids.count * 2 >= questionRows.count, Set(ids).count * 3 >= ids.count * 2 {
                    plan.assign(
                        column,
                        .id,
                        header: headerRow.flatMap { grid.text($0, column) },
                        because: "\(ids.count) of \(questionRows.count) question rows hold an id-shaped value"
                    )
                    break
                }
            }
        }
        // Sub-question markers between the id and the question: `a`, `b`, `ii`, `2`.
        if let id = plan.id, question > id + 1 {
            for column in (id + 1)..<question where plan.role(of: column) == nil || plan.role(of: column) == .other {
                let values = dataRows.compactMap { grid.text($0, column) }
                // Letters (a, b, ii) or a header saying so; a column of numbers is a level or a score.
                let header = headerRow.flatMap { grid.text($0, column) }.map(HeaderVocabulary.normalise) ?? ""
                let namedSub = ["sub", "part", "sub-question", "subquestion", "item"].contains(header)
                let markers = values.filter { value in
                    value.count <= 4 && value.allSatisfy { $0.isLetter || $0.isNumber || "().".contains($0) }
                        && (namedSub || value.contains(where: \.isLetter))
                }
                if markers.count >= 2, markers.count * 10 >= values.count * 9 {
                    plan.subID = column
                    plan.assign(
                        column,
                        .other,
                        header: headerRow.flatMap { grid.text($0, column) },
                        because: "sub-question markers, joined to the id"
                    )
                    break
                }
            }
        }
        // A section column: vertically merged text left of the question, not the id.
        if plan.section == nil, question > 1 {
            for column in 1..<question where plan.assignments[column] == nil {
                let merges = dataRows.filter { row in
                    grid.mergedRanges(startingOn: row).contains {
                        $0.start.column == column && $0.end.column == column && $0.rowCount > 1
                    }
                }
                if merges.count >= 2 {
                    plan.assign(
                        column,
                        .section,
                        header: headerRow.flatMap { grid.text($0, column) },
                        because: "text merged down over groups of questions"
                    )
                    break
                }
            }
        }
        // Remaining header cells are other columns, so the layout lists every column.
        if let headerRow {
            for (column, text) in grid.cells(of: headerRow) where plan.assignments[column] == nil {
                plan.assign(column, .other, header: text, because: "header names no role Quire uses")
            }
        }
        return plan
    }

    /// Finds answers marked across columns.
    ///
    /// A run of two or more adjacent columns headed by choices
    /// (`Yes | No | N/A`, `Compliant | Partially compliant | Not compliant`), in the header row or
    /// the row under it (a two-row header), with nothing but marks (`x`, `✓`) or blanks below and
    /// no drop-downs. Each becomes an answer column standing for its choice.
    private mutating func findMarkColumns(headerRow: Int, dataRows: [Int], in plan: inout ColumnPlan) {
        var best: (row: Int, run: [(column: Int, choice: String)])?
        for row in [headerRow, headerRow + 1] {
            var run: [(column: Int, choice: String)] = []
            var runs: [[(column: Int, choice: String)]] = []
            // Under a group header that names the answer (`Response`, merged over the columns
            // below it), the columns' own headers are the choices, whatever their words.
            if row == headerRow + 1 {
                for range in grid.mergedRanges(startingOn: headerRow)
                where range.rowCount == 1 && range.columnCount >= 2
                    && grid.text(headerRow, range.start.column).flatMap(HeaderVocabulary.role(of:))?.role == .answer
                {
                    let named = (range.start.column...range.end.column).compactMap { column in
                        grid.text(row, column).map { (column, $0) }
                    }
                    if named.count == range.columnCount, named.allSatisfy({ HeaderVocabulary.words(in: $0.1) <= 4 }) {
                        runs.append(named)
                    }
                }
            }
            for (column, text) in grid.cells(of: row) {
                if HeaderVocabulary.isChoice(text), run.last.map({ $0.column + 1 == column }) ?? true {
                    run.append((column, text))
                } else {
                    if run.count >= 2 { runs.append(run) }
                    run = HeaderVocabulary.isChoice(text) ? [(column, text)] : []
                }
            }
            if run.count >= 2 { runs.append(run) }
            for candidate in runs where candidate.count > (best?.run.count ?? 1) {
                // The second header row holds no question of its own.
                if row != headerRow, let question = plan.question, grid.text(row, question) != nil { continue }
                if marksOnly(candidate.map(\.column), rows: dataRows.filter { $0 > row }) { best = (row, candidate) }
            }
        }
        guard let best else { return }
        for (column, assignment) in plan.assignments where assignment.role == .answer {
            plan.assign(
                column,
                .other,
                header: assignment.header,
                because: "the answer is marked in the choice columns"
            )
        }
        for (column, choice) in best.run {
            plan.assign(
                column,
                .answer,
                header: choice,
                because: "one column per choice: an answer is a mark under one"
            )
        }
        plan.answer = best.run.first?.column
        plan.marks = best.run
        plan.markRow = best.row == headerRow ? nil : best.row
        var counts: [String: Int] = [:]
        for row in dataRows {
            for (column, _) in best.run {
                if let text = grid.text(row, column) { counts[text, default: 0] += 1 }
            }
        }
        plan.mark = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? "X"
        plan.headerAnswers = best.run.map(\.choice)
    }

    /// Whether columns hold only marks (perhaps with a short note: `x (see comment)`) or nothing
    /// below the header, and no drop-downs but of marks.
    private func marksOnly(_ columns: [Int], rows: [Int]) -> Bool {
        var marks = 0
        var other = 0
        for row in rows.prefix(500) {
            for column in columns {
                guard let text = grid.text(row, column) else { continue }
                if HeaderVocabulary.isMarked(text) { marks += 1 } else { other += 1 }
            }
        }
        guard other * 20 <= marks else { return false }
        // A drop-down over a mark cell may offer the mark itself (`X`), nothing else.
        let lists = rows.prefix(200).contains { row in
            columns.contains { column in
                let address = CellAddress(row: row, column: column)
                return grid.metadata.validations.contains { rule in
                    rule.kind == .list && rule.covers(address)
                        && !(rule.listValues ?? []).allSatisfy(HeaderVocabulary.isMark)
                }
            }
        }
        return !lists && marks >= 0
    }

    private mutating func applyProfile(
        _ profile: LayoutProfile.SheetProfile,
        to plan: inout ColumnPlan,
        headerRow: Int?
    ) {
        for (name, reference) in profile.columns {
            guard let role = ColumnRole(rawValue: name) else { continue }
            let column: Int?
            if reference.count <= 3, reference.allSatisfy({ $0.isUppercase && $0.isASCII }) {
                column = Self.column(reference)
            } else {
                let wanted = HeaderVocabulary.normalise(reference)
                column = headerRow.flatMap { row in
                    grid.cells(of: row).first { HeaderVocabulary.normalise($0.text) == wanted }?.column
                }
            }
            guard let column else { continue }
            for (other, assignment) in plan.assignments where assignment.role == role && other != column {
                plan.assign(
                    other,
                    .other,
                    header: assignment.header,
                    because: "the layout profile puts the \(role.rawValue) elsewhere"
                )
            }
            plan.assign(column, role, header: headerRow.flatMap { grid.text($0, column) }, because: "layout profile")
        }
        if let allowed = profile.allowedAnswers { plan.headerAnswers = allowed }
    }

    private mutating func applyOverrides(to plan: inout ColumnPlan, headerRow: Int?) {
        let given: [(String?, ColumnRole)] = [
            (options.idColumn, .id), (options.questionColumn, .question), (options.answerColumn, .answer),
            (options.commentColumn, .comment),
        ]
        for (letters, role) in given {
            guard let letters, let column = Self.column(letters) else { continue }
            // The column given takes the role from whichever column had it.
            for (other, assignment) in plan.assignments where assignment.role == role && other != column {
                plan.assign(other, .other, header: assignment.header, because: "\(role.rawValue) column given by hand")
            }
            plan.assign(column, role, header: headerRow.flatMap { grid.text($0, column) }, because: "given by hand")
        }
    }

    /// Column numbers that hold text on data rows.
    private func candidateColumns(_ rows: [Int]) -> [Int] {
        var columns: Set<Int> = []
        for row in rows.prefix(400) { columns.formUnion(grid.cells(of: row).map(\.column)) }
        return columns.sorted()
    }

    /// How many of a column's first rows read as English: two of its commonest words or more.
    func englishRows(_ column: Int, _ rows: [Int]) -> Int {
        let common: Set<Substring> = [
            "the", "is", "are", "do", "does", "you", "your", "of", "to", "and", "for", "in", "a", "an", "be", "with",
            "have", "has", "all", "any", "how", "what", "which", "when",
        ]
        var count = 0
        for row in rows.prefix(200) {
            guard let text = grid.text(row, column) else { continue }
            let words = text.lowercased().split { !$0.isLetter }
            if words.filter(common.contains).count >= 2 { count += 1 }
        }
        return count
    }

    /// How strongly a column's cells read as questions.
    func questionScore(_ column: Int, _ rows: [Int]) -> Int {
        var score = 0
        for row in rows.prefix(2000) {
            guard let text = grid.text(row, column), text.count >= 12 else { continue }
            if HeaderVocabulary.readsAsQuestion(text) {
                score += 2
            } else if text.count >= 40 {
                score += 1
            }
        }
        return score
    }

    static func looksLikeID(_ text: String) -> Bool {
        text.count <= 24 && !text.contains(" ") && text.contains(where: \.isNumber)
            && text.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._/()#".unicodeScalars.contains($0)
            }
    }

    /// The shape of an id: letters as `A`, digits as `9` (`GNRL-01` → `AAAA-99`).
    static func idShape(_ text: String) -> String {
        String(text.map { $0.isLetter ? "A" : $0.isNumber ? "9" : $0 })
    }

    static func column(_ letters: String) -> Int? {
        CellAddress(a1: letters.uppercased().trimmingCharacters() + "1")?.column
    }
}

extension SheetGrid {
    /// Whether a cell has a list validation, without caching.
    func listValidationExists(_ row: Int, _ column: Int) -> Bool {
        let address = CellAddress(row: row, column: column)
        return metadata.validations.contains { $0.listsAnswers && $0.covers(address) }
    }

    /// Whether a header names a column the receiving organisation fills (`Assessor comments`).
    func namesReceiver(_ headerRow: Int?, _ column: Int) -> Bool {
        headerRow.flatMap { text($0, column) }.map(HeaderVocabulary.namesReceiverColumn) ?? false
    }

    /// Whether the sheet offers the cell for input: on a protected sheet that leaves cells
    /// unlocked, whether it leaves this one unlocked (a locked drop-down is the sender's own
    /// column, a priority or a rating); elsewhere, whether it has a drop-down.
    func offersInput(_ row: Int, _ column: Int) -> Bool {
        hasInputCells ? isUnlocked(row, column) : listValidationExists(row, column)
    }
}
