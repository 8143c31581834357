/// Where a list validation's values come from, once names are followed.
enum ListSource: Hashable {
    case values([String])
    case cells(sheet: SheetInfo, range: CellRange)
    case unresolved(String)
}

extension Workbook {
    /// Fills in ``DataValidation/listValues`` (or ``DataValidation/unresolvedReason``) for every
    /// list rule, reading each sheet that a rule points into once.
    func resolveListValidations(
        _ validations: [DataValidation],
        on sheet: SheetInfo,
        current: Table?
    ) throws -> [DataValidation] {
        var resolved = validations
        var sources: [Int: ListSource] = [:]
        for (position, rule) in validations.enumerated() where rule.kind == .list {
            guard let formula = rule.formula1, !formula.isEmpty else {
                sources[position] = .unresolved("the list rule has no source")
                continue
            }
            sources[position] = listSource(formula, on: sheet, depth: 0)
        }
        // Collect the cells every range needs, reading each sheet at most once.
        var needed: [Int: [CellRange]] = [:]
        for case .cells(let target, let range) in sources.values {
            needed[target.index, default: []].append(range)
        }
        var values: [Int: [CellAddress: String]] = [:]
        for (sheetIndex, ranges) in needed {
            var found: [CellAddress: String] = [:]
            let collect = { (row: Row) in
                guard ranges.contains(where: { $0.start.row <= row.index && row.index <= $0.end.row }) else { return }
                for cell in row.cells where !cell.value.isEmpty && ranges.contains(where: { $0.contains(cell.address) })
                {
                    found[cell.address] = cell.value.text
                }
            }
            if let current, current.sheet.index == sheetIndex {
                current.rows.forEach(collect)
            } else if let target = sheets.first(where: { $0.index == sheetIndex }) {
                try readRows(of: target, collect)
            }
            values[sheetIndex] = found
        }
        for (position, source) in sources {
            switch source {
            case .values(let list):
                resolved[position].listValues = list
            case .cells(let target, let range):
                let cells = values[target.index] ?? [:]
                resolved[position].listValues = cells.keys.filter { range.contains($0) }.sorted().compactMap {
                    cells[$0]
                }
            case .unresolved(let reason):
                resolved[position].unresolvedReason = reason
            }
        }
        return resolved
    }

    /// Follows a list rule's source: a quoted literal, a constant array, a defined name, or a
    /// reference on this or another sheet.
    func listSource(_ formula: String, on sheet: SheetInfo, depth: Int) -> ListSource {
        var text = Substring(formula).trimmingSpaces()
        if text.hasPrefix("=") { text = text.dropFirst().trimmingSpaces() }
        guard depth < 8 else { return .unresolved("defined names refer to each other in a loop") }
        if text.hasPrefix("\"") {
            return .values(parseQuotedList(text))
        }
        if text.hasPrefix("{") {
            return .values(parseConstantArray(text))
        }
        if text.contains("(") {
            return .unresolved(
                "the list is computed by a formula (\(text)); its values depend on other cells, so answer by hand"
            )
        }
        if text.hasPrefix("[") || text.contains("]") {
            return .unresolved("the list comes from another workbook (\(text))")
        }
        let (sheetName, reference) = splitSheetReference(text)
        if sheetName == nil, CellRange(a1: reference) == nil {
            guard let name = definedNames.resolve(String(reference), fromSheet: sheet.index) else {
                return .unresolved("the list refers to the name \(reference), which the workbook does not define")
            }
            let scope = name.sheetIndex.flatMap { index in sheets.first { $0.index == index } } ?? sheet
            return listSource(name.formula, on: scope, depth: depth + 1)
        }
        var target = sheet
        if let sheetName {
            guard let found = sheets.first(where: { $0.name.lowercased() == sheetName.lowercased() }) else {
                return .unresolved("the list points at sheet \"\(sheetName)\", which the workbook does not have")
            }
            target = found
        }
        guard let range = CellRange(a1: reference) else {
            return .unresolved("the list source \(text) is not a range")
        }
        return .cells(sheet: target, range: range)
    }
}

/// Splits `'My Sheet'!$A$1:$A$4` into the unquoted sheet name and the reference (the reverse of
/// ``CellAddress/sheetPrefix(_:)``); the sheet is nil when there is no `!`.
public func splitSheetReference(_ text: Substring) -> (sheet: String?, reference: Substring) {
    guard let bang = text.lastIndex(of: "!") else { return (nil, text) }
    var sheet = text[..<bang]
    if sheet.hasPrefix("'"), sheet.hasSuffix("'"), sheet.count >= 2 {
        sheet = sheet.dropFirst().dropLast()
        return (String(sheet.replacing("''", with: "'")), text[text.index(after: bang)...])
    }
    return (String(sheet), text[text.index(after: bang)...])
}

/// Parses a literal list as XLSX stores it, such as `"Yes,No,N/A"`.
///
/// The list is one quoted string with items separated by commas and `""` standing for a quote.
/// Items keep their spaces, as Excel shows them.
func parseQuotedList(_ text: Substring) -> [String] {
    var body = text
    if body.hasPrefix("\"") { body = body.dropFirst() }
    if body.hasSuffix("\"") { body = body.dropLast() }
    return body.replacing("\"\"", with: "\"")
        .split(separator: ",", omittingEmptySubsequences: false)
        .map(String.init)
        .filter { !$0.isEmpty }
}

/// Parses a constant array such as `{"Yes","No";1,2}` into its items, row by row.
func parseConstantArray(_ text: Substring) -> [String] {
    var characters = Array(text.dropFirst())
    if characters.last == "}" { characters.removeLast() }
    var items: [String] = []
    var current = ""
    var inQuotes = false
    var index = 0
    while index < characters.count {
        let character = characters[index]
        index += 1
        if inQuotes {
            if character != "\"" {
                current.append(character)
            } else if index < characters.count, characters[index] == "\"" {
                current.append("\"")  // a doubled quote stands for one quote
                index += 1
            } else {
                inQuotes = false
            }
        } else if character == "\"" {
            inQuotes = true
        } else if character == "," || character == ";" {
            items.append(current)
            current = ""
        } else if character != " " {
            current.append(character)
        }
    }
    items.append(current)
    return items.filter { !$0.isEmpty }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first.isNewline {
            text = text.dropFirst()
        }
        while let last = text.last, last == " " || last == "\t" || last.isNewline {
            text = text.dropLast()
        }
        return text
    }
}
