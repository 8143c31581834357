import Foundation
import Spreadsheet

/// A further product answered on the same rows, in answer and comment columns of its own
/// (`Response – Harbor Mobile`, `Comments – Harbor Mobile` beside the first product's).
struct ProductColumns {
    /// The product's name as the headers give it (`Harbor Mobile`).
    var name: String
    var answer: Int
    var comment: Int?
}

extension LayoutDetector {
    /// Finds answer columns for several products side by side.
    ///
    /// Two or more equally strong answer headers that differ only by what follows (or precedes)
    /// a shared answer word, `Response – Web` and `Response – Mobile`. The first stays the plan's answer column, with the comment
    /// column named for the same product; the others become ``ColumnPlan/products``, each with
    /// its own comment column when one is named for it.
    mutating func findProductColumns(headerRow: Int, in plan: inout ColumnPlan) {
        guard let first = plan.answer, plan.marks.isEmpty,
            let strength = grid.text(headerRow, first).flatMap(HeaderVocabulary.role(of:))?.strength
        else { return }
        let cells = grid.cells(of: headerRow)
        let answers = cells.filter { cell in
            HeaderVocabulary.role(of: cell.text).map { $0.role == .answer && $0.strength == strength } == true
        }
        guard answers.count >= 2, answers.contains(where: { $0.column == first }),
            let names = Self.productNames(answers.map(\.text), sharing: ["answer", "response", "reply"])
        else { return }
        // Years are no products: `Response 2025` beside `Response 2026` asks for this year's
        // answer beside last year's, which stays as it is.
        let years = names.compactMap { name in Int(name).flatMap { (1990...2100).contains($0) ? $0 : nil } }
        if years.count == names.count, let latest = years.max(),
            let current = zip(answers, years).first(where: { $0.1 == latest })?.0
        {
            if current.column != first {
                plan.assign(
                    current.column,
                    .answer,
                    header: current.text,
                    because: "header \"\(current.text)\": the latest year"
                )
                plan.answerFoundFrom = nil
            }
            for (cell, year) in zip(answers, years) where year != latest {
                plan.assignments[cell.column] = ColumnAssignment(
                    column: CellAddress.columnName(cell.column),
                    header: cell.text,
                    role: .other,
                    because: "header \"\(cell.text)\": the answers of \(year), before \(latest)'s"
                )
            }
            return
        }
        let comments = cells.filter { HeaderVocabulary.role(of: $0.text)?.role == .comment }
        let commentNames = Self.productNames(
            comments.map(\.text),
            sharing: ["comment", "note", "remark", "explanation"]
        )
        func commentColumn(for name: String) -> Int? {
            guard let commentNames else { return nil }
            return zip(comments, commentNames).first { $0.1.lowercased() == name.lowercased() }?.0.column
        }
        for (cell, name) in zip(answers, names) {
            if cell.column == first {
                plan.firstProduct = name
                if let comment = commentColumn(for: name) { plan.comment = comment }
                continue
            }
            let product = ProductColumns(name: name, answer: cell.column, comment: commentColumn(for: name))
            Self.add(product, header: cell.text, because: "header \"\(cell.text)\"", beside: first, to: &plan)
            if let comment = product.comment {
                let header = grid.text(headerRow, comment)
                plan.assignments[comment] = ColumnAssignment(
                    column: CellAddress.columnName(comment),
                    header: header,
                    role: .comment,
                    because: "header \"\(header ?? "")\": the comments for \(name)"
                )
            }
        }
    }

    /// Finds answer columns for several products, sites or aspects side by side under one
    /// heading, when their headers share no answer word.
    ///
    /// Two to eight adjacent columns under a merged cell on the row above the header that spans
    /// exactly them, the plan's answer column among them, each headed by a short name of its own
    /// and each with a drop-down of the same choices on at least four in five question rows
    /// (`Site` over `Frankfurt | Dublin | Virginia`; `Maturity` over `Documented | Implemented |
    /// Monitored`). The leftmost becomes the plan's answer column, for the product its header
    /// names; the others become ``ColumnPlan/products`` named by their headers (the items' ids
    /// name them: `DC-03 [Dublin]`). A comment column they share stays the first's, so that no
    /// two items write one cell.
    mutating func findGroupedAnswerColumns(headerRow: Int, dataRows: [Int], in plan: inout ColumnPlan) {
        guard plan.products.isEmpty, plan.marks.isEmpty, let answer = plan.answer, let question = plan.question,
            headerRow > 1,
            let group = grid.mergedRanges(startingOn: headerRow - 1).first(where: { range in
                range.end.row == range.start.row && range.start.column <= answer && answer <= range.end.column
                    && range.end.column > range.start.column
            })
        else { return }
        let columns = Array(group.start.column...group.end.column)
        let questionRows = dataRows.filter { grid.text($0, question) != nil }
        guard columns.count <= 8, !columns.contains(question), questionRows.count >= 2 else { return }
        var choices: [String]?
        var names: [String] = []
        for column in columns {
            guard let name = grid.text(headerRow, column), name.count <= 40, !grid.namesReceiver(headerRow, column),
                [nil, .other, .answer].contains(plan.role(of: column))
            else { return }
            var listed = 0
            for row in questionRows {
                guard let values = grid.dropDownChoices(row, column) else { continue }
                if choices == nil { choices = values }
                guard values == choices else { return }
                listed += 1
            }
            guard listed * 5 >= questionRows.count * 4 else { return }
            names.append(name)
        }
        guard Set(names.map { $0.lowercased() }).count == names.count else { return }
        let heading = grid.text(headerRow - 1, group.start.column) ?? ""
        let first = columns[0]
        if first != answer {
            plan.assign(first, .answer, header: names[0], because: "header \"\(names[0])\", first under \"\(heading)\"")
            plan.answerFoundFrom = nil
        }
        plan.firstProduct = names[0]
        for (column, name) in zip(columns, names).dropFirst() {
            Self.add(
                ProductColumns(name: name, answer: column, comment: nil),
                header: name,
                because: "header \"\(name)\" under \"\(heading)\"",
                beside: first,
                to: &plan
            )
        }
    }

    /// Adds a further product to the plan, its answer column assigned and said to stand beside
    /// the first product's.
    private static func add(
        _ product: ProductColumns,
        header: String,
        because: String,
        beside first: Int,
        to plan: inout ColumnPlan
    ) {
        plan.products.append(product)
        plan.assignments[product.answer] = ColumnAssignment(
            column: CellAddress.columnName(product.answer),
            header: header,
            role: .answer,
            because: "\(because): the answers for \(product.name), beside those of column "
                + CellAddress.columnName(first)
        )
    }

    /// What tells headers apart when they share a leading or trailing part holding one of
    /// `words` (`Response – Harbor Web`, `Response – Harbor Mobile` give `Harbor Web`, `Harbor
    /// Mobile`: all but the shared word and its separators); nil unless every header has a
    /// distinct, short, non-empty remainder.
    static func productNames(_ headers: [String], sharing words: [String]) -> [String]? {
        guard headers.count >= 2 else { return nil }
        let separators: Set<Character> = [" ", "-", "–", "—", ":", "/", "(", ")", "[", "]", "|", "\n"]
        func trimmed(_ text: Substring) -> String {
            String(text.drop { separators.contains($0) }.reversed().drop { separators.contains($0) }.reversed())
        }
        for fromEnd in [false, true] {
            let texts = headers.map { fromEnd ? String($0.reversed()) : $0 }
            var shared = texts[0]
            for text in texts.dropFirst() {
                shared = String(zip(shared, text).prefix { $0.lowercased() == $1.lowercased() }.map(\.0))
            }
            let part = (fromEnd ? String(shared.reversed()) : shared).lowercased()
            guard let word = words.first(where: part.contains) else { continue }
            // The name is what is left once the shared word (with its plural) is taken away.
            let names = headers.map { header -> String in
                let lower = header.lowercased()
                guard let found = fromEnd ? lower.range(of: word, options: .backwards) : lower.range(of: word)
                else { return "" }
                if fromEnd { return trimmed(header[..<found.lowerBound]) }
                return trimmed(header[found.upperBound...].drop { $0.isLetter })
            }
            guard names.allSatisfy({ !$0.isEmpty && $0.count <= 40 }),
                Set(names.map { $0.lowercased() }).count == names.count
            else { continue }
            return names
        }
        return nil
    }
}
