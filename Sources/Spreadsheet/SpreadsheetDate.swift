/// The date systems a workbook can count days in.
public enum DateSystem: String, Sendable, Hashable, Codable {
    /// Day 1 is 1900-01-01, with Lotus 1-2-3's phantom 1900-02-29 as day 60 (Excel's default).
    case from1900 = "1900"
    /// Day 0 is 1904-01-01 (old Mac Excel, set by `date1904` in the workbook).
    case from1904 = "1904"
}

/// A date, date-time, time of day or duration read from a cell, at millisecond precision.
///
/// Serial numbers become calendar values when read, so the value no longer depends on the
/// workbook's date system.
public struct SpreadsheetDate: Hashable, Sendable, CustomStringConvertible {
    /// What the cell's format shows.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A calendar date; shown without a time when the time of day is midnight.
        case dateTime
        /// A time of day with no date (serial numbers from 0 up to 1).
        case time
        /// An elapsed time such as `[h]:mm:ss`.
        case duration
    }

    /// What the value stands for.
    public var kind: Kind
    /// The value in milliseconds, counted as ``kind`` says.
    ///
    /// For ``Kind/dateTime``: since 1970-01-01T00:00:00 in the proleptic Gregorian calendar, no
    /// time zone. For ``Kind/time`` and ``Kind/duration``: the length of time.
    public var milliseconds: Int64

    /// Makes a value from its kind and milliseconds.
    public init(kind: Kind, milliseconds: Int64) {
        self.kind = kind
        self.milliseconds = milliseconds
    }

    /// Days from 1899-12-30, the zero of both serial systems once the 1900 leap bug is undone, to
    /// 1970-01-01.
    private static let serialZeroToUnixDays: Int64 = 25_569
    private static let millisecondsPerDay: Int64 = 86_400_000
    /// Serial 2,958,465 is 9999-12-31, the last date Excel shows.
    private static let largestSerial = 2_958_466.0
    /// Serial -693,593 is 0001-01-01 in the 1900 system.
    private static let smallestSerial = -693_594.0

    /// Converts an Excel serial number, or returns `nil` when it lies outside years 1 to 9999.
    ///
    /// In the 1900 system serials below 60 are shifted by a day, because Excel counts the
    /// nonexistent 1900-02-29 as day 60. Serials from 0 up to 1 are times of day in both systems,
    /// as openpyxl reads them.
    public init?(serial: Double, system: DateSystem, duration: Bool = false) {
        guard serial.isFinite else { return nil }
        if duration {
            guard abs(serial) < Self.largestSerial else { return nil }
            self.init(kind: .duration, milliseconds: Int64((serial * 86_400_000).rounded()))
            return
        }
        // Negative serials are dates before the epoch: Excel's 1904 system and LibreOffice show
        // them (1900-system Excel shows #####); openpyxl reads them the same way.
        guard serial > Self.smallestSerial, serial < Self.largestSerial else { return nil }
        let wholeDays = serial.rounded(.down)
        let dayMilliseconds = Int64(((serial - wholeDays) * 86_400_000).rounded())
        var days = Int64(wholeDays)
        if serial >= 0, serial < 1, dayMilliseconds < Self.millisecondsPerDay {
            self.init(kind: .time, milliseconds: dayMilliseconds)
            return
        }
        switch system {
        case .from1900:
            if serial > 0, days < 60 { days += 1 }
        case .from1904:
            days += 1_462
        }
        let unixDays = days - Self.serialZeroToUnixDays
        self.init(kind: .dateTime, milliseconds: unixDays * Self.millisecondsPerDay + dayMilliseconds)
    }

    /// Parses the ISO 8601 text of a `t="d"` cell: `2024-03-01`, `2024-03-01T13:45:00`,
    /// `2024-03-01T13:45:00.250Z`, or a time `13:45:00`; `nil` if it is none of these.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<(index + width)] {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            index += width
            return value
        }
        func skip(_ ascii: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else { return false }
            index += 1
            return true
        }
        func timeOfDay() -> Int64? {
            guard let hour = number(2), skip(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
            var second: Int64 = 0
            var fraction: Int64 = 0
            if skip(":") {
                guard let parsed = number(2), parsed < 61 else { return nil }
                second = parsed
                if skip(".") {
                    var scale: Int64 = 100
                    while index < bytes.count, let digit = number(1) {
                        fraction += digit * scale
                        scale /= 10
                    }
                }
            }
            return ((hour * 60 + minute) * 60 + second) * 1000 + fraction
        }
        if bytes.count >= 5, bytes[2] == UInt8(ascii: ":") {
            guard let time = timeOfDay(), index == bytes.count else { return nil }
            self.init(kind: .time, milliseconds: time)
            return
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var time: Int64 = 0
        if skip("T") || skip(" ") {
            guard let parsed = timeOfDay() else { return nil }
            time = parsed
            _ = skip("Z")
        }
        guard index == bytes.count else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        self.init(kind: .dateTime, milliseconds: days * Self.millisecondsPerDay + time)
    }

    /// The value in ISO 8601: `2024-03-01`, `2024-03-01T13:45:00`, `13:45:00.250`, or a duration
    /// such as `PT36H0M0S`.
    public var iso8601: String {
        switch kind {
        case .duration:
            let sign = milliseconds < 0 ? "-" : ""
            let total = abs(milliseconds)
            let seconds = total / 1000
            return "\(sign)PT\(seconds / 3600)H\((seconds / 60) % 60)M\(seconds % 60)\(Self.fraction(total % 1000))S"
        case .time:
            return Self.clock(milliseconds)
        case .dateTime:
            let days = floorDivide(milliseconds, Self.millisecondsPerDay)
            let time = milliseconds - days * Self.millisecondsPerDay
            let (year, month, day) = Self.civilFromDays(days)
            let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
            return time == 0 ? date : date + "T" + Self.clock(time)
        }
    }

    public var description: String { iso8601 }

    /// Appends ``iso8601`` as UTF-8, without intermediate strings.
    public func appendISO8601(to output: inout [UInt8]) {
        switch kind {
        case .duration:
            output.append(contentsOf: iso8601.utf8)
        case .time:
            Self.appendClock(milliseconds, to: &output)
        case .dateTime:
            let days = floorDivide(milliseconds, Self.millisecondsPerDay)
            let time = milliseconds - days * Self.millisecondsPerDay
            let (year, month, day) = Self.civilFromDays(days)
            if year < 0 {
                output.append(contentsOf: iso8601.utf8)
                return
            }
            appendDigits(UInt64(year), minimumWidth: 4, to: &output)
            output.append(UInt8(ascii: "-"))
            appendDigits(UInt64(month), minimumWidth: 2, to: &output)
            output.append(UInt8(ascii: "-"))
            appendDigits(UInt64(day), minimumWidth: 2, to: &output)
            if time != 0 {
                output.append(UInt8(ascii: "T"))
                Self.appendClock(time, to: &output)
            }
        }
    }

    private static func appendClock(_ milliseconds: Int64, to output: inout [UInt8]) {
        let seconds = UInt64(milliseconds / 1000)
        appendDigits(seconds / 3600, minimumWidth: 2, to: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits((seconds / 60) % 60, minimumWidth: 2, to: &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, minimumWidth: 2, to: &output)
        output.append(contentsOf: fraction(milliseconds % 1000).utf8)
    }

    private static func clock(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        return "\(pad(seconds / 3600, 2)):\(pad((seconds / 60) % 60, 2)):\(pad(seconds % 60, 2))"
            + fraction(milliseconds % 1000)
    }

    private static func fraction(_ milliseconds: Int64) -> String {
        guard milliseconds != 0 else { return "" }
        var digits = pad(milliseconds, 3)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "." + digits
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date for days since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// The quotient rounded toward negative infinity (-1 ÷ 1000 is -1, not 0).
func floorDivide<Integer: BinaryInteger>(_ value: Integer, _ divisor: Integer) -> Integer {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

/// A number's digits, padded with zeros on the left to `width`.
func pad<Integer: BinaryInteger>(_ value: Integer, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
