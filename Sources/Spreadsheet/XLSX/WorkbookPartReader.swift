internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Reads the workbook part: sheets in tab order, defined names, and the date system.
final class WorkbookPartReader: XMLEventHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var visibility: SheetVisibility
    }

    private(set) var sheets: [SheetEntry] = []
    private(set) var definedNames: [DefinedName] = []
    private(set) var dateSystem: DateSystem = .from1900
    private var pendingName: DefinedName?
    private var text: [UInt8] = []

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "sheet") {
            let visibility: SheetVisibility =
                switch attributes.string("state") {
                case "hidden": .hidden
                case "veryHidden": .veryHidden
                default: .visible
                }
            sheets.append(
                SheetEntry(
                    name: attributes.string("name") ?? "Sheet\(sheets.count + 1)",
                    relationshipID: attributes.string("id", namespaced: true) ?? "",
                    visibility: visibility
                )
            )
        } else if xmlNameEquals(name, "workbookPr") {
            if attributes.bool("date1904", default: false) { dateSystem = .from1904 }
        } else if xmlNameEquals(name, "definedName") {
            pendingName = DefinedName(
                name: attributes.string("name") ?? "",
                sheetIndex: attributes.int("localSheetId"),
                formula: "",
                isHidden: attributes.bool("hidden", default: false)
            )
            text.removeAll(keepingCapacity: true)
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if pendingName != nil { text.append(contentsOf: bytes) }
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        guard xmlNameEquals(name, "definedName"), var definedName = pendingName else { return }
        definedName.formula = String(decoding: text, as: UTF8.self)
        if !definedName.name.isEmpty { definedNames.append(definedName) }
        pendingName = nil
    }
}

/// What a cell format says about its numbers: plain, a date or time, or an elapsed duration.
enum NumberKind: UInt8, Sendable {
    case plain
    case date
    case duration
}

/// Reads the styles part far enough to tell which cell formats show dates, strike their text
/// through, unlock their cells or fill them with a colour.
final class StylesReader: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var inCellFormats = false
    private var cellFormatIDs: [Int] = []
    /// The font of each cell format, by index.
    private var cellFontIDs: [Int] = []
    private var inFonts = false
    /// Whether each font of `<fonts>` strikes through, by index.
    private var fontStrikes: [Bool] = []
    /// Whether each cell format unlocks its cells (`<protection locked="0"/>`), by index.
    private var cellUnlocked: [Bool] = []
    /// The fill of each cell format (`fillId`), by index.
    private var cellFillIDs: [Int] = []
    private var inFills = false
    private var inSolidFill = false
    /// Each fill of `<fills>` that is a solid colour, as its colour (`rgb FFFFFF00`, `theme 4
    /// 0.6`), by index; nil for no fill, a pattern or a gradient.
    private var fillColours: [String?] = []

    /// The number format of each cell format (`cellXfs`) that shows values otherwise than
    /// General does, by index: what turns 1.1 into the "1.10" a reader sees under `0.00`, 7 into
    /// "Q-007" under `"Q-"000`, a date into "18/11/2025" under `dd/mm/yyyy`.
    func numberFormats() -> [Int: NumberFormat] {
        var parsed: [Int: NumberFormat] = [:]
        var unformatted: Set<Int> = []
        var result: [Int: NumberFormat] = [:]
        for (index, id) in cellFormatIDs.enumerated() where !unformatted.contains(id) {
            if parsed[id] == nil {
                let format: NumberFormat?
                if let code = customFormats[id] {
                    format = NumberFormat(code: code)
                } else {
                    format = NumberFormat(builtin: id)
                }
                guard let format else {
                    unformatted.insert(id)
                    continue
                }
                parsed[id] = format
            }
            result[index] = parsed[id]
        }
        return result
    }

    /// Whether each cell format (`cellXfs`) unlocks its cells on a protected sheet, by index.
    func unlockedFormats() -> [Bool] { cellUnlocked }

    /// The solid fill of each cell format (`cellXfs`), by index: formats filled with the same
    /// colour share a number; -1 for no solid fill.
    func filledFormats() -> [Int32] {
        var numbers: [String: Int32] = [:]
        return cellFillIDs.map { id in
            guard id >= 0, id < fillColours.count, let colour = fillColours[id] else { return -1 }
            if let number = numbers[colour] { return number }
            let number = Int32(numbers.count)
            numbers[colour] = number
            return number
        }
    }

    /// Whether each cell format (`cellXfs`) strikes its text through, by index.
    func struckFormats() -> [Bool] {
        cellFontIDs.map { id in id >= 0 && id < fontStrikes.count && fontStrikes[id] }
    }

    /// The kind of each cell format (`cellXfs`), by index.
    func numberKinds() -> [NumberKind] {
        cellFormatIDs.map { id in
            if let code = customFormats[id] { return classifyNumberFormat(code) }
            return builtinNumberKind(id)
        }
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "numFmt") {
            if let id = attributes.int("numFmtId"), let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if xmlNameEquals(name, "cellXfs") {
            inCellFormats = true
        } else if inCellFormats, xmlNameEquals(name, "xf") {
            cellFormatIDs.append(attributes.int("numFmtId") ?? 0)
            cellFontIDs.append(attributes.int("fontId") ?? 0)
            cellFillIDs.append(attributes.int("fillId") ?? 0)
            cellUnlocked.append(false)
        } else if inCellFormats, xmlNameEquals(name, "protection"), !cellUnlocked.isEmpty {
            // Cells are locked unless the format says `locked="0"` (or LibreOffice's "false").
            let locked = attributes.string("locked")
            cellUnlocked[cellUnlocked.count - 1] = locked == "0" || locked == "false"
        } else if xmlNameEquals(name, "fills") {
            inFills = true
        } else if inFills, xmlNameEquals(name, "fill") {
            fillColours.append(nil)
            inSolidFill = false
        } else if inFills, xmlNameEquals(name, "patternFill"), !fillColours.isEmpty {
            inSolidFill = attributes.string("patternType") == "solid"
            if inSolidFill { fillColours[fillColours.count - 1] = "auto" }
        } else if inFills, inSolidFill, xmlNameEquals(name, "fgColor"), !fillColours.isEmpty {
            let colour =
                attributes.string("rgb").map { "rgb \($0.uppercased())" }
                ?? attributes.string("theme").map { "theme \($0) \(attributes.string("tint") ?? "0")" }
                ?? attributes.string("indexed").map { "indexed \($0)" } ?? "auto"
            fillColours[fillColours.count - 1] = colour
        } else if xmlNameEquals(name, "fonts") {
            inFonts = true
        } else if inFonts, xmlNameEquals(name, "font") {
            fontStrikes.append(false)
        } else if inFonts, xmlNameEquals(name, "strike"), !fontStrikes.isEmpty {
            // `<strike/>` and `<strike val="1"/>` strike; `val="0"` or `"false"` does not.
            let value = attributes.string("val")
            fontStrikes[fontStrikes.count - 1] = value != "0" && value != "false"
        }
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if xmlNameEquals(name, "cellXfs") { inCellFormats = false }
        if xmlNameEquals(name, "fonts") { inFonts = false }
        if xmlNameEquals(name, "fills") { inFills = false }
        if xmlNameEquals(name, "patternFill") { inSolidFill = false }
    }
}

/// The kind of a built-in number format: 14–22 and 45–47 are dates and times, 46 (`[h]:mm:ss`)
/// an elapsed time; 27–36 and 50–58 are the East Asian locales' date formats.
func builtinNumberKind(_ id: Int) -> NumberKind {
    switch id {
    case 46: .duration
    case 14...22, 27...36, 45...47, 50...58: .date
    default: .plain
    }
}

/// Classifies a format code by its first section, as Excel and openpyxl read them: quoted text,
/// escaped characters and bracketed colours or conditions are ignored; `[h]`, `[m]`, `[s]`
/// mark an elapsed time; any of `d m y h s` left marks a date or time.
func classifyNumberFormat(_ code: String) -> NumberKind {
    let section = code.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    var characters = Array(section.unicodeScalars)[...]
    var sawElapsed = false
    var sawDatePart = false
    while let character = characters.popFirst() {
        switch character {
        case "\"":
            while let inside = characters.popFirst(), inside != "\"" {}
            continue
        case "\\", "_", "*":
            _ = characters.popFirst()
            continue
        case "[":
            var inside = ""
            while let next = characters.popFirst(), next != "]" { inside.unicodeScalars.append(next) }
            let lower = inside.lowercased()
            if ["h", "hh", "m", "mm", "s", "ss"].contains(lower) { sawElapsed = true }
            continue
        default:
            break
        }
        switch character {
        case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S":
            sawDatePart = true
        default:
            break
        }
    }
    if sawElapsed { return .duration }
    return sawDatePart ? .date : .plain
}

/// Reads the shared-string table: each `<si>`'s text with rich-text runs joined and phonetic
/// runs (`<rPh>`) left out, appended to a ``SharedStringTable`` as it goes.
final class SharedStringsReader: XMLEventHandler {
    private let table: SharedStringTable
    private let limit: Int
    private let path: String
    private let part: String
    private let text = ByteBuffer()
    @exclusivity(unchecked) private var inItem = false
    @exclusivity(unchecked) private var inText = false
    @exclusivity(unchecked) private var phoneticDepth = 0

    private let maxCellSize: Int

    init(table: SharedStringTable, limit: Int, maxCellSize: Int, path: String, part: String) {
        self.maxCellSize = maxCellSize
        self.table = table
        self.limit = limit
        self.path = path
        self.part = part
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "t") {
            inText = inItem && phoneticDepth == 0
        } else if xmlNameEquals(name, "si") {
            inItem = true
            text.removeAll()
        } else if xmlNameEquals(name, "rPh") {
            phoneticDepth += 1
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard inText else { return }
        guard text.count + bytes.count <= maxCellSize else {
            inText = false
            fail(textTooLong(path: path, part: part, what: "shared string \(table.count)", limit: maxCellSize))
            return
        }
        text.append(bytes)
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if xmlNameEquals(name, "t") {
            inText = false
        } else if xmlNameEquals(name, "si") {
            inItem = false
            if table.isFull {
                fail(
                    SpreadsheetError.limitExceeded(
                        path: path,
                        entry: part,
                        reason: "more than \(limit) shared strings",
                        setting: .maxSharedStrings
                    )
                )
                return
            }
            table.append(decodeEscapes(text.bytes))
        } else if xmlNameEquals(name, "rPh") {
            phoneticDepth -= 1
        }
    }
}

/// The error for a cell or shared string whose text passes ``ReadLimits/maxCellSize``.
func textTooLong(
    path: String,
    part: String,
    what: String,
    limit: Int,
    setting: ReadLimits.Setting? = .maxCellSize
) -> SpreadsheetError {
    .limitExceeded(
        path: path,
        entry: part,
        reason: "\(what) holds more than \(limit) bytes of text (Excel stops at 32,767 characters)",
        setting: setting
    )
}

/// Makes a string from UTF-8 bytes, decoding OOXML's `_xHHHH_` escapes (`_x000D_` is CR;
/// `_x005F_` is a literal underscore, so `_x005F_x000D_` reads as the text `_x000D_`).
func decodeEscapes(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBufferPointer { decodeEscapes($0) }
}

/// Makes a string from UTF-8 bytes, decoding OOXML's `_xHHHH_` escapes.
func decodeEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    // memchr scans for the rare underscore many bytes at a time.
    guard bytes.count >= 7, let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "_")), bytes.count) != nil
    else {
        return String(decoding: bytes, as: UTF8.self)
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
            bytes[index + 6] == UInt8(ascii: "_"), let value = hexValue(bytes, from: index + 2)
        {
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
            index += 7
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    return String(decoding: output, as: UTF8.self)
}

private func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt32? {
    var value: UInt32 = 0
    for index in start..<(start + 4) {
        let byte = bytes[index]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
    }
    return value
}
