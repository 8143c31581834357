/// Why a report cannot be built from what it was given.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A crosswalk needs at least two frameworks.
    case tooFewFrameworks(count: Int)
    /// A framework was named twice (perhaps under two names for it).
    case frameworkNamedTwice(id: String)
    /// Two files that cannot be compared: a workbook and a CSV file (formats as `XLSX`, `CSV`).
    case cannotCompare(original: String, originalFormat: String, filled: String, filledFormat: String)

    /// The message, with what to do.
    public var description: String {
        switch self {
        case .tooFewFrameworks(let count):
            "a crosswalk needs at least two frameworks, not \(count); name them, for example "
                + "--frameworks soc2-2017,iso27001-2022"
        case .frameworkNamedTwice(let id):
            "\(id) is named twice in --frameworks; name each framework once"
        case .cannotCompare(let original, let originalFormat, let filled, let filledFormat):
            "\(original) is \(originalFormat) and \(filled) is \(filledFormat); quire diff compares two workbooks or "
                + "two CSV files"
        }
    }
}
