/// A cell format's number format code (`0.00`, `#,##0`, `0%`, `dd/mm/yyyy`, `"Q-"000`,
/// `"Yes";;"No"`), parsed once: how a spreadsheet program shows a value in a cell of that format.
///
/// What a reader of a questionnaire sees is what the format shows: an id stored as 7 under
/// `"Q-"000` is "Q-007", last year's answer stored as 1 under `"Yes";;"No"` is "Yes", a date
/// stored as a serial number under `dd/mm/yyyy` is "18/11/2025". ``display(_:)`` gives that text,
/// or nil where the format shows the value as it is (General), where it depends on the reader's
/// locale (the built-in short date, 14, and the `[$-F800]` system formats, which stay in ISO 8601),
/// or where it uses what is not read here (fractions); the caller then shows the plain value.
/// A section that shows nothing (`;;;`, the second section of `"Yes";;"No"`) gives an empty text:
/// the cell looks empty, whatever it holds (``hidesText`` says whether typed text would be hidden).
public struct NumberFormat: Hashable, Sendable {
    /// The code as the styles part writes it.
    public let code: String
    private let sections: [Section]

    /// Parses a format code; nil for General, an empty code, or a code that shows values as they
    /// are.
    public init?(code: String) {
        let trimmed = String(code.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !trimmed.isEmpty, trimmed.lowercased() != "general" else { return nil }
        // The system date and time formats follow the reader's locale: shown as ISO 8601.
        let upper = trimmed.uppercased()
        guard !upper.contains("[$-F800]"), !upper.contains("[$-F400]") else { return nil }
        let sections = splitSections(trimmed).map(Section.init)
        guard sections.contains(where: { $0.kind != .general }) else { return nil }
        self.code = trimmed
        self.sections = sections
    }

    /// The format of a built-in format id, as ECMA-376 (18.8.30) lists the ones that do not depend
    /// on the locale; nil for General (0), the locale's dates and currencies, and unknown ids.
    public init?(builtin id: Int) {
        guard let code = Self.builtinCodes[id] else { return nil }
        self.init(code: code)
    }

    private static let builtinCodes: [Int: String] = [
        1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;(#,##0)",
        39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;(#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss",
        47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
    ]

    /// The text a spreadsheet program shows for the value, or nil to show the value as it is.
    public func display(_ value: CellValue) -> String? {
        let shown: String?
        switch value {
        case .number(let number):
            shown = displayNumber(number)
        case .date(let date):
            shown = displayDate(date)
        case .string(let text):
            shown = textSection.map { $0.render(text: text) }
        case .empty, .boolean, .error:
            shown = nil
        }
        return shown
    }

    /// Whether text typed into a cell of this format is hidden.
    ///
    /// A fourth section without `@` hides it: one that shows nothing (`;;;`), or a constant
    /// (`0;-0;0;"n/a"` shows "n/a" for any text). An answer written there would not be seen.
    public var hidesText: Bool {
        sections.count >= 4 && !sections[3].tokens.contains(.text)
    }

    /// The section that shows text: the fourth (text shows as that section says, its literal
    /// alone when it has no `@`), or a section holding `@` among fewer.
    private var textSection: Section? {
        if sections.count >= 4 { return sections[3] }
        return sections.first { $0.kind == .text }
    }

    /// The sections that show numbers: the first three, the text section left out.
    private var numberSections: ArraySlice<Section> {
        if sections.count >= 4 { return sections[0..<3] }
        return sections.prefix { $0.kind != .text }
    }

    private func displayNumber(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        guard let (section, negate) = chooseSection(for: number) else { return nil }
        switch section.kind {
        case .general, .text:
            return nil
        case .date:
            return nil
        case .literal:
            return section.renderLiterals()
        case .number:
            guard let body = section.render(number: abs(number)) else { return nil }
            return negate && !body.isZero ? "-" + body.text : body.text
        }
    }

    private func displayDate(_ date: SpreadsheetDate) -> String? {
        guard let section = numberSections.first, section.kind == .date else { return nil }
        return section.render(date: date)
    }

    /// The section a number is shown with, and whether a minus sign goes before it.
    private func chooseSection(for number: Double) -> (Section, Bool)? {
        let candidates = Array(numberSections)
        guard !candidates.isEmpty else { return nil }
        if candidates.contains(where: { $0.condition != nil }) {
            for (index, section) in candidates.enumerated() {
                if let condition = section.condition {
                    if condition.holds(number) { return (section, index == 0 && number < 0) }
                } else {
                    return (section, false)
                }
            }
            return nil
        }
        switch candidates.count {
        case 1:
            return (candidates[0], number < 0)
        case 2:
            return number < 0 ? (candidates[1], false) : (candidates[0], false)
        default:
            if number > 0 { return (candidates[0], false) }
            return number < 0 ? (candidates[1], false) : (candidates[2], false)
        }
    }
}

/// Splits a code at the semicolons outside quotes, escapes and brackets.
private func splitSections(_ code: String) -> [String] {
    var sections: [String] = []
    var current = ""
    var characters = Array(code)[...]
    while let character = characters.popFirst() {
        switch character {
        case "\"":
            current.append(character)
            while let inside = characters.popFirst() {
                current.append(inside)
                if inside == "\"" { break }
            }
        case "\\", "_", "*":
            current.append(character)
            if let next = characters.popFirst() { current.append(next) }
        case "[":
            current.append(character)
            while let inside = characters.popFirst() {
                current.append(inside)
                if inside == "]" { break }
            }
        case ";":
            sections.append(current)
            current = ""
        default:
            current.append(character)
        }
    }
    sections.append(current)
    return sections
}

/// A condition of a section, `[>=100]`.
private struct Condition: Hashable, Sendable {
    let operation: String
    let value: Double

    init?(_ text: String) {
        for operation in ["<=", ">=", "<>", "<", ">", "="] where text.hasPrefix(operation) {
            guard let value = Double(text.dropFirst(operation.count).filter { $0 != " " }) else {
                return nil
            }
            self.operation = operation
            self.value = value
            return
        }
        return nil
    }

    func holds(_ number: Double) -> Bool {
        switch operation {
        case "<=": number <= value
        case ">=": number >= value
        case "<>": number != value
        case "<": number < value
        case ">": number > value
        default: number == value
        }
    }
}

/// One part of a section.
private enum Token: Hashable, Sendable {
    case literal(String)
    /// A digit placeholder: `0`, `#` or `?`.
    case digit(Character)
    case decimalPoint
    case comma
    case percent
    /// `E+` (the sign always shown) or `E-` (only a minus).
    case exponent(alwaysSign: Bool)
    /// A date or time part: its letter (y, m, d, h, s; an `m` read as minutes becomes `n`) and
    /// how many times it is written.
    case datePart(Character, Int)
    /// `[h]`, `[mm]`, `[ss]`: elapsed time in that unit.
    case elapsed(Character, Int)
    /// `AM/PM` (true) or `A/P` (false), as written.
    case meridiem(String, full: Bool)
    /// `.0`, `.00`, `.000` after seconds.
    case fractionOfSecond(Int)
    /// `@`: the text itself.
    case text
    /// `General` inside a section.
    case general
    /// A fraction (`# ?/?`), not shown here.
    case fraction
}

/// One section of a code.
private struct Section: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case number, date, text, literal, general }

    var tokens: [Token] = []
    var condition: Condition?
    var kind: Kind = .literal

    init(_ code: String) {
        tokenize(Array(code))
        resolveMinutes()
        if tokens.contains(.fraction) {
            kind = .general
        } else if tokens.contains(where: {
            switch $0 {
            case .datePart, .elapsed, .meridiem: true
            default: false
            }
        }) {
            kind = .date
            makeFractionsOfSeconds()
        } else if tokens.contains(where: { if case .digit = $0 { true } else { false } }) {
            kind = .number
        } else if tokens.contains(.general) {
            kind = .general
        } else if tokens.contains(.text) {
            kind = .text
        } else {
            kind = .literal
        }
    }

    private mutating func tokenize(_ characters: [Character]) {
        var index = 0
        func peek(_ offset: Int = 0) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "\"":
                var literal = ""
                while let next = peek(), next != "\"" {
                    literal.append(next)
                    index += 1
                }
                index += 1
                tokens.append(.literal(literal))
            case "\\":
                if let next = peek() {
                    tokens.append(.literal(String(next)))
                    index += 1
                }
            case "_":
                // Leaves the width of the next character: a space.
                index += 1
                tokens.append(.literal(" "))
            case "*":
                // Repeats the next character to fill the cell: nothing in a text.
                index += 1
            case "[":
                var inside = ""
                while let next = peek(), next != "]" {
                    inside.append(next)
                    index += 1
                }
                index += 1
                bracket(inside)
            case "0", "#", "?":
                tokens.append(.digit(character))
            case ".":
                tokens.append(.decimalPoint)
            case ",":
                tokens.append(.comma)
            case "%":
                tokens.append(.percent)
            case "@":
                tokens.append(.text)
            case "/":
                let before = tokens.last.map { if case .digit = $0 { true } else { false } } ?? false
                let after = peek().map { "0#?123456789".contains($0) } ?? false
                tokens.append(before && after ? .fraction : .literal("/"))
            case "E", "e":
                if let sign = peek(), sign == "+" || sign == "-",
                    let digit = peek(1), "0#?".contains(digit)
                {
                    index += 1
                    tokens.append(.exponent(alwaysSign: sign == "+"))
                } else {
                    tokens.append(.literal(String(character)))
                }
            case "G", "g":
                let rest = String(characters[(index - 1)...].prefix(7)).lowercased()
                if rest == "general" {
                    index += 6
                    tokens.append(.general)
                } else {
                    tokens.append(.literal(String(character)))
                }
            case "A", "a":
                let rest = String(characters[(index - 1)...].prefix(5))
                if rest.uppercased() == "AM/PM" {
                    index += 4
                    tokens.append(.meridiem(rest, full: true))
                } else if rest.prefix(3).uppercased() == "A/P" {
                    index += 2
                    tokens.append(.meridiem(String(rest.prefix(3)), full: false))
                } else {
                    tokens.append(.literal(String(character)))
                }
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                var count = 1
                while let next = peek(), next.lowercased() == character.lowercased() {
                    count += 1
                    index += 1
                }
                tokens.append(.datePart(Character(character.lowercased()), count))
            default:
                tokens.append(.literal(String(character)))
            }
        }
    }

    /// Reads a bracketed part: a condition, an elapsed unit, a currency symbol; colours and
    /// locales show nothing.
    private mutating func bracket(_ inside: String) {
        let lower = inside.lowercased()
        if let first = lower.first, "<>=".contains(first) {
            condition = Condition(inside)
        } else if !lower.isEmpty, let letter = lower.first, "hms".contains(letter),
            lower.allSatisfy({ $0 == letter })
        {
            tokens.append(.elapsed(letter == "m" ? "n" : letter, lower.count))
        } else if inside.hasPrefix("$") {
            let symbol = inside.dropFirst().prefix { $0 != "-" }
            if !symbol.isEmpty { tokens.append(.literal(String(symbol))) }
        }
    }

    /// An `m` right after hours or right before seconds means minutes (`n` here).
    private mutating func resolveMinutes() {
        func neighbour(of index: Int, step: Int) -> Token? {
            var position = index + step
            while position >= 0, position < tokens.count {
                switch tokens[position] {
                case .literal: position += step
                default: return tokens[position]
                }
            }
            return nil
        }
        for index in tokens.indices {
            guard case .datePart("m", let count) = tokens[index], count <= 2 else { continue }
            let afterHours: Bool
            switch neighbour(of: index, step: -1) {
            case .datePart("h", _), .elapsed("h", _): afterHours = true
            default: afterHours = false
            }
            let beforeSeconds: Bool
            switch neighbour(of: index, step: 1) {
            case .datePart("s", _), .elapsed("s", _): beforeSeconds = true
            default: beforeSeconds = false
            }
            if afterHours || beforeSeconds { tokens[index] = .datePart("n", count) }
        }
    }

    /// In a date section, `.0` after seconds shows tenths of a second.
    private mutating func makeFractionsOfSeconds() {
        var result: [Token] = []
        var index = 0
        while index < tokens.count {
            if tokens[index] == .decimalPoint {
                var count = 0
                while index + 1 + count < tokens.count, tokens[index + 1 + count] == .digit("0") { count += 1 }
                if count > 0 {
                    result.append(.fractionOfSecond(min(count, 3)))
                    index += 1 + count
                    continue
                }
                result.append(.literal("."))
            } else if case .digit(let digit) = tokens[index] {
                result.append(.literal(String(digit)))
            } else if tokens[index] == .comma {
                result.append(.literal(","))
            } else {
                result.append(tokens[index])
            }
            index += 1
        }
        tokens = result
    }

    // MARK: Literals and text

    func renderLiterals() -> String {
        tokens.map { token in
            if case .literal(let text) = token { return text }
            return ""
        }.joined()
    }

    func render(text value: String) -> String {
        tokens.map { token in
            switch token {
            case .literal(let text): text
            case .text: value
            default: ""
            }
        }.joined()
    }

    // MARK: Numbers

    /// A number's text, and whether it rounds to zero (no minus sign then).
    struct Rendered {
        let text: String
        let isZero: Bool
    }

    func render(number: Double) -> Rendered? {
        guard !tokens.contains(.general) else { return nil }
        let pointIndex = tokens.firstIndex(of: .decimalPoint)
        let exponentIndex = tokens.firstIndex { if case .exponent = $0 { true } else { false } }
        let mantissaEnd = exponentIndex ?? tokens.count
        let integerEnd = min(pointIndex ?? mantissaEnd, mantissaEnd)
        let digitIndices = tokens.indices.filter { if case .digit = tokens[$0] { true } else { false } }
        let integerPlaces = digitIndices.filter { $0 < integerEnd }
        let fractionPlaces = digitIndices.filter { $0 > integerEnd && $0 < mantissaEnd }
        let exponentPlaces = digitIndices.filter { $0 > mantissaEnd }
        guard let lastIntegerPlace = integerPlaces.last ?? (fractionPlaces.isEmpty ? nil : integerEnd) else {
            return nil
        }
        // A comma between digit places groups thousands; commas after the last one scale by 1,000.
        var grouping = false
        var scaling = 0
        for index in tokens.indices where tokens[index] == .comma && index < integerEnd {
            if let first = integerPlaces.first, index > first, index < lastIntegerPlace {
                grouping = true
            } else if index > lastIntegerPlace {
                scaling += 1
            }
        }
        // Percent signs and scaling commas move the decimal point, exactly, on the decimal digits.
        let percents = tokens.filter { $0 == .percent }.count
        var value = DecimalDigits(number).shifted(by: 2 * percents - 3 * scaling)

        var exponentText = ""
        if let exponentIndex, case .exponent(let alwaysSign) = tokens[exponentIndex] {
            // The exponent is a multiple of the integer places when there are several (engineering
            // notation, `##0.0E+0`); the mantissa keeps one digit, or up to that many, before the point.
            let step = max(integerPlaces.count, 1)
            var exponent = 0
            if !value.digits.isEmpty {
                let first = value.exponent - 1
                exponent = step > 1 ? floorDivide(first, step) * step : first
                var mantissa = value.shifted(by: -exponent)
                if mantissa.rounded(decimals: fractionPlaces.count).integer.count > step {
                    exponent += step
                    mantissa = value.shifted(by: -exponent)
                }
                value = mantissa
            }
            let sign = exponent < 0 ? "-" : (alwaysSign ? "+" : "")
            var digits = String(abs(exponent))
            while digits.count < exponentPlaces.count { digits = "0" + digits }
            exponentText = "E" + sign + digits
        }

        let rounded = value.rounded(decimals: fractionPlaces.count)
        var integerDigits = rounded.integer == "0" ? "" : rounded.integer
        let fractionDigits = Array(rounded.fraction)

        // Integer digits fill the places from the right; the leftmost place takes the rest.
        var assigned: [Int: String] = [:]
        if grouping {
            let zeros = integerPlaces.filter { tokens[$0] == .digit("0") }.count
            while integerDigits.count < zeros { integerDigits = "0" + integerDigits }
            assigned[integerPlaces.first ?? lastIntegerPlace] = groupThousands(integerDigits)
            for place in integerPlaces.dropFirst() { assigned[place] = "" }
        } else {
            var remaining = Array(integerDigits)
            for (position, place) in integerPlaces.enumerated().reversed() {
                let placeholder: Character = if case .digit(let digit) = tokens[place] { digit } else { "#" }
                if position == 0 {
                    assigned[place] = remaining.isEmpty ? filler(placeholder) : String(remaining)
                    remaining = []
                } else if let digit = remaining.popLast() {
                    assigned[place] = String(digit)
                } else {
                    assigned[place] = filler(placeholder)
                }
            }
        }
        // Fraction digits fill the places from the left; trailing zeros of `#` places are dropped.
        var lastShown = -1
        for (position, place) in fractionPlaces.enumerated() {
            let digit = position < fractionDigits.count ? fractionDigits[position] : "0"
            if digit != "0" || tokens[place] == .digit("0") { lastShown = position }
        }
        for (position, place) in fractionPlaces.enumerated() {
            let placeholder: Character = if case .digit(let digit) = tokens[place] { digit } else { "#" }
            let digit = position < fractionDigits.count ? fractionDigits[position] : "0"
            assigned[place] = position <= lastShown ? String(digit) : (placeholder == "?" ? " " : "")
        }

        var output = ""
        var exponentWritten = false
        for (index, token) in tokens.enumerated() {
            switch token {
            case .literal(let text):
                output += text
            case .digit:
                if index > mantissaEnd {
                    if !exponentWritten {
                        output += exponentText.dropFirst()
                        exponentWritten = true
                    }
                } else {
                    output += assigned[index] ?? ""
                }
            case .decimalPoint:
                // With no integer places (`.00`), the integer digits stand before the point.
                if index == pointIndex { output += (integerPlaces.isEmpty ? integerDigits : "") + "." }
            case .percent:
                output += "%"
            case .exponent:
                output += "E"
            case .comma:
                if index > integerEnd { output += "," }
            default:
                break
            }
        }
        let isZero = rounded.integer.allSatisfy { $0 == "0" } && rounded.fraction.allSatisfy { $0 == "0" }
        return Rendered(text: output, isZero: isZero)
    }

    /// What an unfilled digit place shows: `0` a zero, `?` a space, `#` nothing.
    private func filler(_ placeholder: Character) -> String {
        switch placeholder {
        case "0": "0"
        case "?": " "
        default: ""
        }
    }

    // MARK: Dates

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    private static let dayNames = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]

    func render(date: SpreadsheetDate) -> String? {
        let fractionDigits =
            tokens.compactMap { if case .fractionOfSecond(let count) = $0 { count } else { nil } }.first ?? 0
        let unit = Int64([1000, 100, 10, 1][fractionDigits])
        // A negative duration is shown as its length with a minus sign before it.
        let negative = date.kind == .duration && date.milliseconds < 0
        let length = negative ? -date.milliseconds : date.milliseconds
        let total = Int64((Double(length) / Double(unit)).rounded(.toNearestOrAwayFromZero)) * unit
        let dayLength: Int64 = 86_400_000
        let days: Int64
        let time: Int64
        switch date.kind {
        case .dateTime:
            days = floorDivide(total, dayLength)
            time = total - days * dayLength
        case .time, .duration:
            // Serial 0 is 1899-12-30 once the 1900 leap-day shift is undone; a time alone has no date.
            days = -25_569
            time = total
        }
        let (year, month, day) = SpreadsheetDate.civilFromDays(days)
        let hasMeridiem = tokens.contains { if case .meridiem = $0 { true } else { false } }
        let hour24 = Int(floorDivide(time, 3_600_000) % 24)
        let minute = Int(floorDivide(time, 60_000) % 60)
        let second = Int(floorDivide(time, 1000) % 60)
        let hour = hasMeridiem ? (hour24 % 12 == 0 ? 12 : hour24 % 12) : hour24
        var output = negative ? "-" : ""
        for token in tokens {
            switch token {
            case .literal(let text):
                output += text
            case .datePart("y", let count):
                output += count <= 2 ? pad(Int(year % 100), 2) : pad(Int(year), 4)
            case .datePart("m", let count):
                let name = Self.monthNames[Int(month) - 1]
                switch count {
                case 1: output += String(month)
                case 2: output += pad(Int(month), 2)
                case 3: output += String(name.prefix(3))
                case 5: output += String(name.prefix(1))
                default: output += name
                }
            case .datePart("d", let count):
                let name = Self.dayNames[Int(((days % 7) + 7) % 7)]
                switch count {
                case 1: output += String(day)
                case 2: output += pad(Int(day), 2)
                case 3: output += String(name.prefix(3))
                default: output += name
                }
            case .datePart("h", let count):
                output += pad(hour, min(count, 2))
            case .datePart("n", let count):
                output += pad(minute, min(count, 2))
            case .datePart("s", let count):
                output += pad(second, min(count, 2))
            case .elapsed(let unit, let count):
                let divisor: Int64 = unit == "h" ? 3_600_000 : unit == "n" ? 60_000 : 1000
                output += pad(Int(total / divisor), count)
            case .meridiem(let written, let full):
                let morning = hour24 < 12
                let text = full ? (morning ? "AM" : "PM") : (morning ? "A" : "P")
                output += written.first?.isLowercase == true ? text.lowercased() : text
            case .fractionOfSecond(let count):
                let fraction = Int(((time % 1000) + 1000) % 1000)
                output += "." + String(pad(fraction, 3).prefix(count))
            case .datePart:
                return nil
            default:
                break
            }
        }
        return output
    }
}

/// A non-negative number as decimal digits, 0.d₁d₂d₃… × 10^exponent, rounded to the 15
/// significant digits a spreadsheet keeps (so 1.005 shows "1.01" under `0.00` and
/// 1.2000000000000002 shows "1.2", as Excel shows them).
private struct DecimalDigits {
    /// The significant digits, without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    var exponent: Int

    init(digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        while digits.first == 0 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// Reads a finite number's shortest round-trip text (`1.005`, `1e-05`, `1.2345e+20`).
    init(_ number: Double) {
        let text = abs(number).description
        let parts = text.split(separator: "e", maxSplits: 1)
        var digits: [UInt8] = []
        var pointAt: Int?
        for character in parts.first ?? "" {
            if character == "." {
                pointAt = digits.count
            } else if let value = character.wholeNumberValue {
                digits.append(UInt8(value))
            }
        }
        let shift = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        self.init(digits: digits, exponent: (pointAt ?? digits.count) + shift)
        self = rounded(significant: 15)
    }

    /// The number times 10^places.
    func shifted(by places: Int) -> DecimalDigits {
        DecimalDigits(digits: digits, exponent: digits.isEmpty ? 0 : exponent + places)
    }

    private func rounded(significant count: Int) -> DecimalDigits {
        guard digits.count > count else { return self }
        var kept = Array(digits[..<count])
        var exponent = exponent
        if digits[count] >= 5, Self.increment(&kept) { exponent += 1 }
        return DecimalDigits(digits: kept, exponent: exponent)
    }

    /// The integer and fraction digits rounded half away from zero to a count of decimals.
    func rounded(decimals: Int) -> (integer: String, fraction: String) {
        var all: [UInt8]
        var integerCount: Int
        if exponent <= 0 {
            all = [UInt8](repeating: 0, count: -exponent) + digits
            integerCount = 0
        } else {
            all = digits + [UInt8](repeating: 0, count: max(0, exponent - digits.count))
            integerCount = exponent
        }
        let keep = integerCount + decimals
        if all.count > keep {
            let roundsUp = all[keep] >= 5
            all.removeSubrange(keep...)
            if roundsUp, Self.increment(&all) { integerCount += 1 }
        }
        while all.count < integerCount + decimals { all.append(0) }
        var integer = String(all[..<integerCount].map { Character(String($0)) })
        while integer.first == "0" { integer.removeFirst() }
        let fraction = String(all[integerCount...].map { Character(String($0)) })
        return (integer.isEmpty ? "0" : integer, fraction)
    }

    /// Adds one in the last place; true when that carries out into a new leading 1.
    private static func increment(_ digits: inout [UInt8]) -> Bool {
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] < 9 {
                digits[index] += 1
                return false
            }
            digits[index] = 0
            index -= 1
        }
        digits.insert(1, at: 0)
        return true
    }
}

/// Digits grouped by thousands with commas: "1234567" -> "1,234,567".
private func groupThousands(_ digits: String) -> String {
    var groups: [String] = []
    var rest = Substring(digits)
    while rest.count > 3 {
        groups.insert(String(rest.suffix(3)), at: 0)
        rest = rest.dropLast(3)
    }
    if !rest.isEmpty { groups.insert(String(rest), at: 0) }
    return groups.joined(separator: ",")
}
