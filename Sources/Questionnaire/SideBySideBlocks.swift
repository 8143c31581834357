import Spreadsheet

/// Reads a sheet printed as two question tables side by side (a one-page checklist: questions
/// 1–8 in A–C, 9–16 in E–G), where the header repeats its id, question and answer headings
/// further right.
extension LayoutDetector {
    /// The items of the tables to the right of the one `first` read, merged with its items in
    /// row order (on a row, left to right), or nil when the header does not repeat.
    ///
    /// The header repeats when, at some offset to the right past the first table's last column,
    /// every heading of the first table's id, question, answer and comment columns appears again,
    /// word for word. The block there is read with those columns given, under the same header.
    mutating func readSideBySideBlocks(
        after first: (SheetLayout, [QuestionnaireItem])
    ) -> (SheetLayout, [QuestionnaireItem])? {
        guard first.0.status == .questionnaire, let headerRow = first.0.headerRow, options.questionColumn == nil,
            options.answerColumn == nil, profile == nil
        else { return nil }
        let roles: [ColumnRole] = [.id, .question, .answer, .comment]
        var columns: [ColumnRole: Int] = [:]
        for assignment in first.0.columns where roles.contains(assignment.role) {
            if columns[assignment.role] == nil, let column = Self.column(assignment.column) {
                columns[assignment.role] = column
            }
        }
        guard let question = columns[.question], columns[.answer] != nil,
            let last = columns.values.max(), let start = columns.values.min()
        else { return nil }
        let header = grid
        let heading = { (column: Int) in header.text(headerRow, column).map(HeaderVocabulary.normalise) }
        let width = last - start + 1
        let offset = grid.cells(of: headerRow).map(\.column).first { column in
            column - question >= width
                && columns.values.allSatisfy { own in
                    heading(own) != nil && heading(own + column - question) == heading(own)
                }
        }.map { $0 - question }
        guard let offset else { return nil }
        var given = options
        given.headerRow = headerRow
        given.idColumn = columns[.id].map { CellAddress.columnName($0 + offset) }
        given.questionColumn = CellAddress.columnName(question + offset)
        given.answerColumn = columns[.answer].map { CellAddress.columnName($0 + offset) }
        given.commentColumn = columns[.comment].map { CellAddress.columnName($0 + offset) }
        var right = LayoutDetector(grid: grid, options: given, profile: nil)
        let second = right.readTable()
        guard second.0.status == .questionnaire, !second.1.isEmpty else { return nil }
        var layout = first.0
        let moved = Set(second.0.columns.filter { roles.contains($0.role) }.map(\.column))
        layout.columns =
            first.0.columns.filter { !moved.contains($0.column) }
            + second.0.columns.filter { moved.contains($0.column) }.map { assignment in
                var assignment = assignment
                assignment.because = "the header's \(assignment.role.rawValue) heading, repeated for a second table"
                return assignment
            }
        layout.columns.sort { ($0.column.count, $0.column) < ($1.column.count, $1.column) }
        let items = (first.1 + second.1).enumerated().sorted { lhs, rhs in
            (lhs.element.row ?? 0, lhs.offset) < (rhs.element.row ?? 0, rhs.offset)
        }.map(\.element)
        layout.itemCount = items.count
        layout.reason += "; a second table beside it, under the same headings, \(second.1.count) items"
        return (layout, items)
    }
}
