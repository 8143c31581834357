import Testing

@testable import Spreadsheet

@Suite struct SpreadsheetDateTests {
    /// Serial numbers and what Excel shows for them (1900 system unless noted).
    @Test(arguments: [
        (1.0, DateSystem.from1900, "1900-01-01"),
        (59.0, .from1900, "1900-02-28"),
        (61.0, .from1900, "1900-03-01"),
        (45_000.5, .from1900, "2023-03-15T12:00:00"),
        (44_927.0, .from1900, "2023-01-01"),
        (2_958_465.0, .from1900, "9999-12-31"),
        (0.5, .from1900, "12:00:00"),
        (0.25, .from1904, "06:00:00"),
        (1.0, .from1904, "1904-01-02"),
        (43_466.0 - 1_462.0, .from1904, "2019-01-01"),
        (36_526.000_011_574, .from1900, "2000-01-01T00:00:01"),
        (36_526.123_456_7, .from1900, "2000-01-01T02:57:46.659"),
        (-1.2, .from1900, "1899-12-28T19:12:00"),
        (-12_345.678_9, .from1900, "1866-03-12T07:42:23.04"),
    ])
    func convertsSerials(serial: Double, system: DateSystem, expected: String) throws {
        let date = try #require(SpreadsheetDate(serial: serial, system: system))
        #expect(date.iso8601 == expected)
    }

    @Test func refusesSerialsOutsideExcelsDates() {
        #expect(SpreadsheetDate(serial: -700_000, system: .from1900) == nil)
        #expect(SpreadsheetDate(serial: 3_000_000, system: .from1900) == nil)
        #expect(SpreadsheetDate(serial: .nan, system: .from1900) == nil)
    }

    @Test func durationsPrintAsISODurations() throws {
        #expect(try #require(SpreadsheetDate(serial: 1.5, system: .from1900, duration: true)).iso8601 == "PT36H0M0S")
        #expect(
            try #require(SpreadsheetDate(serial: -0.25, system: .from1900, duration: true)).iso8601 == "-PT6H0M0S"
        )
    }

    @Test(arguments: [
        ("2024-03-01", "2024-03-01"), ("2024-03-01T13:45:00", "2024-03-01T13:45:00"),
        ("2024-03-01T13:45:00.250Z", "2024-03-01T13:45:00.25"), ("13:45:00", "13:45:00"),
        ("1899-12-31T00:00:00", "1899-12-31"),
    ])
    func parsesISODateCells(text: String, expected: String) throws {
        #expect(try #require(SpreadsheetDate(iso8601: text)).iso8601 == expected)
    }

    @Test(arguments: ["2024-13-01", "2024-03-01T25:00:00", "yesterday", "2024-03-01x"])
    func rejectsBadISOText(text: String) {
        #expect(SpreadsheetDate(iso8601: text) == nil)
    }

    @Test func calendarConversionsRoundTrip() {
        for days: Int64 in [-719_468, -25_569, -1, 0, 1, 365, 10_957, 2_932_896] {
            let (year, month, day) = SpreadsheetDate.civilFromDays(days)
            #expect(SpreadsheetDate.daysFromCivil(year: year, month: month, day: day) == days)
        }
    }
}

@Suite struct ValueTextTests {
    @Test func appendedTextEqualsText() throws {
        var values: [CellValue] = [
            .empty, .string("a, \"b\""), .boolean(true), .boolean(false), .error("#N/A"),
            .number(0), .number(-0.0), .number(42), .number(-7), .number(1.5), .number(1e15), .number(-123_456_789_012),
            .number(0.1), .number(1e-7), .number(.greatestFiniteMagnitude),
        ]
        for serial in [0.0, 0.5, 1, 59, 61, 45_000.25, 2_958_465.999, -1.2, 36_526.123_456_7] {
            values.append(.date(try #require(SpreadsheetDate(serial: serial, system: .from1900))))
        }
        values.append(.date(try #require(SpreadsheetDate(serial: 1.5, system: .from1900, duration: true))))
        for value in values {
            var bytes: [UInt8] = []
            value.appendText(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == value.text, "\(value)")
        }
    }
}
