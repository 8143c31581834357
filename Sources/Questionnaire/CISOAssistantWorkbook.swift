import Spreadsheet

/// CISO Assistant's framework-authoring workbook (`library_meta`, `fwk_content`,
/// `answ_content` sheets): a questionnaire defined as a table, answered in the application.
///
/// Each line of a `questions` cell is one question; the `answer` cell names, per line or for
/// all lines, an answer definition on `answ_content` whose `question_choices` lines are the
/// allowed answers. There is no cell to write an answer into.
enum CISOAssistantWorkbook {
    /// Whether the workbook has the authoring sheets.
    static func matches(_ workbook: Workbook) -> Bool {
        let names = Set(workbook.sheets.map(\.name))
        return names.contains("fwk_content") && names.contains("answ_content")
    }

    static func read(_ workbook: Workbook, path: String) throws -> Questionnaire {
        let content = try workbook.sheet(named: "fwk_content")
        let definitions = try records(workbook, try workbook.sheet(named: "answ_content"))
        var choices: [String: (type: String, values: [String])] = [:]
        for record in definitions.rows {
            guard let code = record["id"], !code.isEmpty else { continue }
            choices[code] = (record["question_type"] ?? "", lines(record["question_choices"]))
        }
        let table = try records(workbook, content)
        var items: [QuestionnaireItem] = []
        var parents: [(depth: Int, name: String)] = []
        var questionRows = 0
        for record in table.rows {
            let depth = Int(record["depth"] ?? "") ?? 0
            let name = record["name"] ?? record["ref_id"] ?? ""
            parents = parents.filter { $0.depth < depth }
            let questions = lines(record["questions"])
            if !questions.isEmpty {
                questionRows += 1
                let codes = lines(record["answer"])
                let reference = record["ref_id"] ?? "row-\(record.row)"
                for (index, question) in questions.enumerated() {
                    let code = codes.count == 1 ? codes[0] : index < codes.count ? codes[index] : nil
                    let definition = code.flatMap { choices[$0] }
                    let allowed = definition?.values ?? []
                    let type: AnswerType =
                        allowed.isEmpty ? .text : definition?.type == "multiple_choice" ? .multipleChoice : .choice
                    items.append(
                        QuestionnaireItem(
                            id: questions.count == 1 ? reference : "\(reference):question:\(index + 1)",
                            section: parents.map(\.name),
                            question: question,
                            sheet: content.name,
                            row: record.row,
                            answerType: type,
                            allowedAnswers: allowed,
                            allowedAnswersSource: allowed.isEmpty ? nil : .template
                        )
                    )
                }
            }
            if !name.isEmpty { parents.append((depth, name)) }
        }
        let sheets = workbook.sheets.map { sheet in
            sheet.name == content.name
                ? SheetLayout(
                    sheet: sheet.name,
                    status: .questionnaire,
                    reason: "CISO Assistant framework table: \(items.count) questions on \(questionRows) rows; "
                        + "answers are given in CISO Assistant, so there are no answer cells",
                    headerRow: 1,
                    itemCount: items.count
                )
                : SheetLayout(
                    sheet: sheet.name,
                    status: .ignored,
                    reason: "CISO Assistant authoring data, not questions"
                )
        }
        return Questionnaire(
            file: path,
            format: QuestionnaireFormat(workbook.format),
            profile: "ciso-assistant",
            sheets: sheets,
            items: items
        )
    }

    /// A sheet's rows under its header row (row 1), as field → text.
    private static func records(_ workbook: Workbook, _ sheet: SheetInfo) throws -> (header: [String], rows: [Record]) {
        var header: [Int: String] = [:]
        var rows: [Record] = []
        _ = try workbook.readRows(of: sheet) { row in
            if row.index == 1 {
                for cell in row.cells { header[cell.address.column] = cell.value.text.trimmingCharacters() }
                return
            }
            var fields: [String: String] = [:]
            for cell in row.cells {
                guard let name = header[cell.address.column] else { continue }
                let text = cell.value.text.trimmingCharacters()
                if !text.isEmpty { fields[name] = text }
            }
            if !fields.isEmpty { rows.append(Record(row: row.index, fields: fields)) }
        }
        return (header.keys.sorted().compactMap { header[$0] }, rows)
    }

    private struct Record {
        let row: Int
        let fields: [String: String]
        subscript(_ name: String) -> String? { fields[name] }
    }

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
    }
}
