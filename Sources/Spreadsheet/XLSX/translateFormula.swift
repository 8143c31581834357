/// Moves a formula's relative references by an offset, as Excel does when a shared formula is
/// used by another cell of its range: `B2*2` written for `C2` reads `B3*2` in `C3`.
///
/// References with `$` stay put. Text in string literals, quoted sheet names and structured
/// references (`Table[Column]`) is left alone, and so are function and defined names. A
/// reference moved off the sheet becomes `#REF!`.
func translateFormula(_ formula: String, rows: Int, columns: Int) -> String {
    guard rows != 0 || columns != 0 else { return formula }
    let characters = Array(formula.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(characters.count + 8)
    var index = 0

    func isNameCharacter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ".") || byte >= 0x80
    }
    func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Reads `$?LETTERS` at `start`: the column and where it ends.
    func column(at start: Int) -> (absolute: Bool, value: Int, end: Int)? {
        var position = start
        let absolute = position < characters.count && characters[position] == UInt8(ascii: "$")
        if absolute { position += 1 }
        var value = 0
        let lettersStart = position
        while position < characters.count, isLetter(characters[position]), position - lettersStart < 3 {
            value = value * 26 + Int((characters[position] | 0x20) - UInt8(ascii: "a")) + 1
            position += 1
        }
        guard position > lettersStart, value <= CellAddress.maxColumn else { return nil }
        return (absolute, value, position)
    }
    /// Reads `$?DIGITS` at `start`: the row and where it ends.
    func row(at start: Int) -> (absolute: Bool, value: Int, end: Int)? {
        var position = start
        let absolute = position < characters.count && characters[position] == UInt8(ascii: "$")
        if absolute { position += 1 }
        var value = 0
        let digitsStart = position
        while position < characters.count, isDigit(characters[position]), position - digitsStart < 7 {
            value = value * 10 + Int(characters[position] - UInt8(ascii: "0"))
            position += 1
        }
        guard position > digitsStart, value >= 1, value <= CellAddress.maxRow else { return nil }
        return (absolute, value, position)
    }
    func emitColumn(_ part: (absolute: Bool, value: Int, end: Int)) -> Bool {
        let moved = part.absolute ? part.value : part.value + columns
        guard moved >= 1, moved <= CellAddress.maxColumn else { return false }
        if part.absolute { output.append(UInt8(ascii: "$")) }
        output.append(contentsOf: Array(CellAddress.columnName(moved).utf8))
        return true
    }
    func emitRow(_ part: (absolute: Bool, value: Int, end: Int)) -> Bool {
        let moved = part.absolute ? part.value : part.value + rows
        guard moved >= 1, moved <= CellAddress.maxRow else { return false }
        if part.absolute { output.append(UInt8(ascii: "$")) }
        output.append(contentsOf: Array(String(moved).utf8))
        return true
    }

    while index < characters.count {
        let byte = characters[index]
        // Literals and quoted names are copied through unchanged.
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            let quote = byte
            output.append(byte)
            index += 1
            while index < characters.count {
                output.append(characters[index])
                if characters[index] == quote {
                    if index + 1 < characters.count, characters[index + 1] == quote {
                        output.append(quote)
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                index += 1
            }
            continue
        }
        if byte == UInt8(ascii: "[") {
            var depth = 0
            while index < characters.count {
                if characters[index] == UInt8(ascii: "[") { depth += 1 }
                if characters[index] == UInt8(ascii: "]") { depth -= 1 }
                output.append(characters[index])
                index += 1
                if depth == 0 { break }
            }
            continue
        }
        let startsToken = index == 0 || !isNameCharacter(characters[index - 1])
        if startsToken, byte == UInt8(ascii: "$") || isLetter(byte),
            let columnPart = column(at: index)
        {
            let rowPart = row(at: columnPart.end)
            let end = rowPart?.end ?? columnPart.end
            let next = end < characters.count ? characters[end] : 0
            let endsToken = !isNameCharacter(next) && next != UInt8(ascii: "(") && next != UInt8(ascii: "!")
            if let rowPart, endsToken {
                let mark = output.count
                if !(emitColumn(columnPart) && emitRow(rowPart)) {
                    output.removeSubrange(mark...)
                    output.append(contentsOf: Array("#REF!".utf8))
                }
                index = end
                continue
            }
            // A whole-column range such as `A:C` moves its columns.
            if rowPart == nil, next == UInt8(ascii: ":"), let secondPart = column(at: end + 1),
                row(at: secondPart.end) == nil,
                secondPart.end >= characters.count || !isNameCharacter(characters[secondPart.end])
            {
                let mark = output.count
                let firstOK = emitColumn(columnPart)
                output.append(UInt8(ascii: ":"))
                if !(firstOK && emitColumn(secondPart)) {
                    output.removeSubrange(mark...)
                    output.append(contentsOf: Array("#REF!".utf8))
                }
                index = secondPart.end
                continue
            }
        }
        // Copy a whole name or number so that its inside is never taken for a reference.
        if isNameCharacter(byte) {
            while index < characters.count, isNameCharacter(characters[index]) {
                output.append(characters[index])
                index += 1
            }
            continue
        }
        output.append(byte)
        index += 1
    }
    return String(decoding: output, as: UTF8.self)
}
