import Spreadsheet

/// Reads a form whose answer goes in a box under each question, as a questionnaire converted
/// from a word-processor document lays it out: the question's text merged across the page on
/// its row, and on the very next row a merged box of the same width for the answer.
extension LayoutDetector {
    /// The sheet's items when it is such a form, else nil.
    ///
    /// A question row is text in the question column that reads as a question, or sits beside an
    /// id in a column to its left, in a merged range; its box is the merged range that starts on
    /// the next row and spans the same columns, holding no question of its own. Three such pairs
    /// or more, making up most of the rows whose text reads as a question, make the sheet such a
    /// form. A row whose only text is merged across the sheet, between questions, is a section.
    mutating func readAnswerBoxesBelow() -> (SheetLayout, [QuestionnaireItem])? {
        guard options.questionColumn == nil, options.answerColumn == nil, options.headerRow == nil, profile == nil
        else { return nil }
        // The question column: where most merged ranges that start on a row with text begin.
        var starts: [Int: Int] = [:]
        for row in grid.rowNumbers {
            for (column, _) in grid.cells(of: row) {
                if let range = grid.mergedRange(containing: row, column), range.start.row == row,
                    range.start.column == column, range.end.column > column, range.end.row == row
                {
                    starts[column, default: 0] += 1
                }
            }
        }
        guard let question = starts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
        else { return nil }
        let name = grid.sheet.name
        var items: [QuestionnaireItem] = []
        var skipped: [(row: Int, reason: SkipReason)] = []
        var section: [String] = []
        var questionLike = 0
        var boxRows: Set<Int> = []
        for row in grid.rowNumbers where !boxRows.contains(row) {
            let cells = grid.cells(of: row)
            guard let text = grid.text(row, question) else {
                // Text merged across from further left (`A4:F4`, "B1. Governance") heads a section.
                if cells.count == 1, let only = cells.first, only.column < question,
                    let range = grid.mergedRange(containing: row, only.column), range.end.column >= question,
                    !HeaderVocabulary.readsAsQuestion(only.text)
                {
                    section = [only.text]
                    skipped.append((row, .section))
                } else {
                    skipped.append((row, .title))
                }
                continue
            }
            let id = cells.first { $0.column < question }.map(\.text)
            let asks = HeaderVocabulary.readsAsQuestion(text) || id.map(LayoutDetector.looksLikeID) == true
            if asks { questionLike += 1 }
            guard asks, let range = grid.mergedRange(containing: row, question), range.start.row == row,
                let box = grid.mergedRange(containing: row + 1, question), box.start.row == row + 1,
                box.start.column == range.start.column, box.end.column == range.end.column,
                grid.cells(of: row + 1).allSatisfy({ $0.column >= question }),
                grid.text(row + 1, question).map(HeaderVocabulary.readsAsQuestion) != true
            else {
                skipped.append((row, .instructions))
                continue
            }
            boxRows.insert(row + 1)
            let cell = SheetCell(sheet: name, row: row + 1, column: question)
            var allowed: [String] = []
            if let values = grid.listValidation(row + 1, question)?.listValues {
                allowed = values.filter { !HeaderVocabulary.isPlaceholder($0) }
            }
            let existing = grid.text(row + 1, question).flatMap { HeaderVocabulary.isPlaceholder($0) ? nil : $0 }
            items.append(
                QuestionnaireItem(
                    id: id ?? "\(name)-\(row)",
                    idGenerated: id == nil,
                    section: section,
                    question: text,
                    sheet: name,
                    row: row,
                    answerTarget: .cell(cell),
                    answerType: allowed.isEmpty ? .text : .choice,
                    allowedAnswers: allowed,
                    allowedAnswersSource: allowed.isEmpty ? nil : .validation,
                    existingAnswer: existing
                )
            )
        }
        guard items.count >= 3, items.count * 5 >= questionLike * 3 else { return nil }
        let letter = CellAddress.columnName(question)
        let layout = SheetLayout(
            sheet: name,
            status: .questionnaire,
            reason: "\(items.count) items, each answered in the box on the row under it (no header row)",
            columns: [
                ColumnAssignment(
                    column: letter,
                    header: nil,
                    role: .question,
                    because: "questions merged across the row, each with an answer box under it"
                ),
                ColumnAssignment(
                    column: letter,
                    header: nil,
                    role: .answer,
                    because: "the merged box on the row under each question"
                ),
            ],
            itemCount: items.count,
            skippedRows: SkippedRows.runs(skipped),
            confidence: 0.9,
            confidenceReasons: ["no header row: each answer box was found under its question, by the form's shape"]
        )
        for index in items.indices {
            items[index].doubt(0.9, because: "sheet: no header row: the answer box was found by the form's shape")
        }
        return (layout, items)
    }
}
