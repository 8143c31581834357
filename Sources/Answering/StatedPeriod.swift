/// A length of time a text states: "every 90 days", "within 72 hours", "seven years",
/// "quarterly", "twice a year".
///
/// A question that asks about one ("Are passwords changed every 90 days?", "Are logs kept for
/// seven years?") is answered "Yes" only when something the answer rests on states a period that
/// meets it: controls say that passwords are managed, not how often they change.
struct StatedPeriod: Hashable, Sendable {
    /// The words that state it, as found (folded).
    let words: String
    /// Its length in days.
    let days: Double

    /// The periods a text states, in order.
    ///
    /// A look-back ("in the past three years", "during the last 12 months") or a look-ahead ("six
    /// months from today", "in the next 12 months") is not one: it asks about dates, which evidence
    /// answers.
    static func find(in text: String) -> [StatedPeriod] {
        let tokens = TextAnalyzer.tokens(text)
        var found: [StatedPeriod] = []
        var index = 0
        func lookBack(before start: Int) -> Bool {
            let window = tokens[max(0, start - 3)..<start]
            return window.contains { lookBackWords.contains($0) }
        }
        while index < tokens.count {
            let token = tokens[index]
            if let days = frequencies[token] {
                found.append(StatedPeriod(words: token, days: days))
                index += 1
                continue
            }
            // "twice a year", "four times a year": a unit divided.
            if let times = timesWords(tokens, at: index), let unit = units[tokens[times.unit]] {
                let words = tokens[index...times.unit].joined(separator: " ")
                found.append(StatedPeriod(words: words, days: unit / times.count))
                index = times.unit + 1
                continue
            }
            // A count, an optional "business"/"working"/"calendar", a unit: "72 hours",
            // "five working days"; "every year", "a month" count one unit.
            if let count = count(of: token) {
                var unitIndex = index + 1
                while unitIndex < tokens.count, qualifiers.contains(tokens[unitIndex]) { unitIndex += 1 }
                if unitIndex < tokens.count, let unit = units[tokens[unitIndex]] {
                    let ahead =
                        unitIndex + 2 < tokens.count && tokens[unitIndex + 1] == "from"
                        && ["today", "now", "signing", "signature"].contains(tokens[unitIndex + 2])
                    if !lookBack(before: index), !ahead {
                        let words = tokens[index...unitIndex].joined(separator: " ")
                        found.append(StatedPeriod(words: words, days: unit * count))
                    }
                    index = unitIndex + 1
                    continue
                }
            }
            index += 1
        }
        return found
    }

    /// Whether a stated period meets the one asked about: the same length (within a tenth: a
    /// month is 28 to 31 days); a shorter one for how often or how fast something happens
    /// ("at least every 90 days" is met by monthly, "within 72 hours" by 24 hours), a longer one
    /// for how long something is kept or how much notice is given ("seven years" is not met by
    /// 13 months), unless the question sets a maximum ("deleted within 30 days").
    static func meets(_ stated: StatedPeriod, _ asked: StatedPeriod, keeping: Bool) -> Bool {
        let larger = max(stated.days, asked.days)
        if abs(stated.days - asked.days) <= 0.1 * larger { return true }
        return keeping ? stated.days > asked.days : stated.days < asked.days
    }

    /// Whether a question asks how long something lasts or is kept (longer meets it), rather than
    /// how often or how fast (shorter meets it).
    static func asksHowLong(_ text: String) -> Bool {
        let tokens = TextAnalyzer.tokens(text)
        let keeping = tokens.contains { keepingWords.contains($0) }
        let limited =
            tokens.contains { limitWords.contains($0) }
            || zip(tokens, tokens.dropFirst()).contains { pair in
                ["no longer", "no more", "at most", "up to"].contains("\(pair.0) \(pair.1)")
            }
        return keeping && !limited
    }

    /// The words that state periods, which say nothing of a subject.
    static let vocabulary =
        (Array(units.keys) + Array(frequencies.keys) + Array(numberWords.keys)
        + ["every", "each", "per", "once", "twice", "times", "least", "within"]).sorted().joined(separator: " ")

    /// Whether a token names a unit of time or a count ("days", "quarter", "90", "seven"): after
    /// "every" or "each" it makes a frequency, not a question about all of something.
    static func isUnitOrCount(_ token: String) -> Bool {
        units[token] != nil || numberWords[token] != nil
            || (token.allSatisfy(\.isNumber) && !token.isEmpty)
            || ["other", "second", "third"].contains(token)
    }

    private static func count(of token: String) -> Double? {
        if token.allSatisfy(\.isNumber), token.count <= 4, let value = Double(token), value > 0 { return value }
        if let value = numberWords[token] { return value }
        // "every year", "each quarter", "a year", "per month", "once a month": one unit.
        if ["every", "each", "a", "an", "per"].contains(token) { return 1 }
        return nil
    }

    /// "twice a year" (count 2, the unit's index), "three times per month".
    private static func timesWords(_ tokens: [String], at index: Int) -> (count: Double, unit: Int)? {
        let times: Double
        var next = index + 1
        if tokens[index] == "twice" {
            times = 2
        } else if let value = count(of: tokens[index]), value > 1, next < tokens.count, tokens[next] == "times" {
            times = value
            next += 1
        } else {
            return nil
        }
        guard next + 1 < tokens.count, ["a", "an", "per", "each", "every"].contains(tokens[next]) else { return nil }
        return (times, next + 1)
    }

    private static let lookBackWords: Set<String> = [
        "past", "last", "previous", "preceding", "recent", "next", "coming", "upcoming", "following",
    ]
    private static let qualifiers: Set<String> = ["business", "working", "calendar", "consecutive", "full"]
    private static let units: [String: Double] = [
        "minute": 1.0 / 1440, "minutes": 1.0 / 1440, "mins": 1.0 / 1440,
        "hour": 1.0 / 24, "hours": 1.0 / 24, "hrs": 1.0 / 24,
        "day": 1, "days": 1,
        "week": 7, "weeks": 7,
        "fortnight": 14, "fortnights": 14,
        "month": 30.44, "months": 30.44,
        "quarter": 91.31, "quarters": 91.31,
        "year": 365.25, "years": 365.25, "yr": 365.25, "yrs": 365.25,
    ]
    private static let frequencies: [String: Double] = [
        "hourly": 1.0 / 24, "daily": 1, "nightly": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14,
        "monthly": 30.44, "quarterly": 91.31, "semiannually": 182.6, "biannually": 182.6,
        "annually": 365.25, "yearly": 365.25, "annual": 365.25,
    ]
    private static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "eighteen": 18,
        "twenty": 20, "thirty": 30, "forty": 40, "sixty": 60, "ninety": 90,
    ]
    private static let keepingWords: Set<String> = [
        "retain", "retained", "retains", "retention", "keep", "kept", "keeps", "store", "stored", "archive",
        "archived", "preserve", "preserved", "notice", "history", "available",
    ]
    private static let limitWords: Set<String> = [
        "maximum", "delete", "deleted", "deletes", "erase", "erased", "purge", "purged", "dispose", "disposed",
    ]
}
