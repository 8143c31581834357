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
        for (position, rule) in validations.enumerated() where rule.kind == .custom {
            // A custom rule that only lets through a few texts (`OR(C7="Yes",C7="No")`) lists its
            // answers as surely as a drop-down; any other formula says nothing of them.
            if let cell = rule.ranges.first?.start, let formula = rule.formula1,
                let values = customRuleValues(formula, cell: cell)
            {
                sources[position] = .values(values)
            }
        }
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
        // `INDIRECT("tblChoices[Choice]")`, the usual way to point a drop-down at a table column:
        // a fixed text is followed as the reference it names; one built from a cell is not.
        if text.uppercased().hasPrefix("INDIRECT("), text.hasSuffix(")") {
            let argument = text.dropFirst("INDIRECT(".count).dropLast().trimmingSpaces()
            if argument.count >= 2, argument.hasPrefix("\""), argument.hasSuffix("\""),
                !argument.dropFirst().dropLast().contains("\"")
            {
                return listSource(String(argument.dropFirst().dropLast()), on: sheet, depth: depth + 1)
            }
        }
        if text.contains("(") {
            return .unresolved(
                "the list is computed by a formula (\(text)); its values depend on other cells, so answer by hand"
            )
        }
        if let (table, column) = structuredReference(text) {
            guard let found = tableDefinitions().first(where: { $0.name.lowercased() == table.lowercased() }) else {
                return .unresolved("the list refers to the table \(table), which the workbook does not have")
            }
            guard let range = found.dataRange(ofColumn: column) else {
                return .unresolved("the list refers to column \(column) of table \(table), which it does not have")
            }
            return .cells(sheet: found.sheet, range: range)
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

/// The texts a custom validation rule lets into `cell` (the top-left cell of its first range,
/// which its formula is written for), when the rule does nothing else: `C7="Yes"`,
/// `OR(C7="Yes",C7="No",C7="N/A")`, `OR(C7={"Yes","No"})` or `ISNUMBER(MATCH(C7,{"Yes","No"},0))`,
/// in their order; nil for any other formula.
func customRuleValues(_ formula: String, cell: CellAddress) -> [String]? {
    var text = Substring(formula).trimmingSpaces()
    if text.hasPrefix("=") { text = text.dropFirst().trimmingSpaces() }
    func names(_ reference: Substring) -> Bool {
        CellAddress(a1: reference.trimmingSpaces().filter { $0 != "$" }) == cell
    }
    func call(_ name: String, _ text: Substring) -> [Substring]? {
        let upper = text.uppercased()
        guard upper.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
        return topLevelArguments(text.dropFirst(name.count + 1).dropLast())
    }
    // ISNUMBER(MATCH(C7,{"Yes","No"},0))
    if let outer = call("ISNUMBER", text), outer.count == 1, let match = call("MATCH", outer[0].trimmingSpaces()),
        match.count == 3, names(match[0]), match[2].trimmingSpaces() == "0"
    {
        let array = match[1].trimmingSpaces()
        guard array.hasPrefix("{"), array.hasSuffix("}") else { return nil }
        let values = parseConstantArray(array)
        return values.isEmpty ? nil : values
    }
    let tests = call("OR", text) ?? [text]
    var values: [String] = []
    for test in tests {
        let parts = topLevelArguments(test, separator: "=")
        guard parts.count == 2 else { return nil }
        let (left, right) = (parts[0].trimmingSpaces(), parts[1].trimmingSpaces())
        let literal = names(left) ? right : names(right) ? left : nil
        guard let literal else { return nil }
        if literal.hasPrefix("{"), literal.hasSuffix("}") {
            values += parseConstantArray(literal)
        } else if literal.hasPrefix("\""), literal.hasSuffix("\""), literal.count >= 2 {
            values.append(String(literal.dropFirst().dropLast()).replacing("\"\"", with: "\""))
        } else {
            return nil
        }
    }
    return values.isEmpty ? nil : values
}

/// A formula's text split at `separator` where it stands outside quotes, parentheses and braces.
func topLevelArguments(_ text: Substring, separator: Character = ",") -> [Substring] {
    var parts: [Substring] = []
    var depth = 0
    var inQuotes = false
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
        let character = text[index]
        if character == "\"" {
            inQuotes.toggle()
        } else if !inQuotes {
            if character == "(" || character == "{" {
                depth += 1
            } else if character == ")" || character == "}" {
                depth -= 1
            } else if character == separator, depth == 0 {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        index = text.index(after: index)
    }
    parts.append(text[start...])
    return parts
}

/// The table and column of a structured reference to one column's data: `tblChoices[Choice]`,
/// `tblChoices[[#Data],[Choice]]`, `tblChoices[#Data]`-less forms with `'`-escaped brackets; nil for
/// anything else (a whole table, a header or totals row, several columns, another workbook).
func structuredReference(_ text: Substring) -> (table: String, column: String)? {
    guard let open = text.firstIndex(of: "["), open > text.startIndex, text.hasSuffix("]") else { return nil }
    let table = text[..<open]
    guard let first = table.first, first.isLetter || first == "_" || first == "\\",
        table.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "\\" })
    else { return nil }
    var inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
    if inner.hasPrefix("[") {
        // `[#Data],[Choice]`: only the data of one column.
        let parts = topLevelArguments(inner, separator: ",").map { $0.trimmingSpaces() }
        guard parts.count == 2, parts[0].lowercased() == "[#data]", parts[1].hasPrefix("["), parts[1].hasSuffix("]")
        else { return nil }
        inner = parts[1].dropFirst().dropLast()
    }
    guard !inner.isEmpty, !inner.hasPrefix("#"), !inner.contains(":") else { return nil }
    // In a column name, `'` escapes `[`, `]`, `#` and `'`.
    var column = ""
    var escaped = false
    for character in inner {
        if !escaped, character == "'" {
            escaped = true
            continue
        }
        escaped = false
        column.append(character)
    }
    return (String(table), column)
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
