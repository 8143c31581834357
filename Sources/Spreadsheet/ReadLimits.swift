#if canImport(Glibc)
    import Glibc
#endif

/// Bounds that keep a hostile file from exhausting memory, disk or time.
///
/// The defaults admit any workbook a person would make (a 200,000-row sheet is about 60 MB of
/// XML) and refuse zip bombs and absurd CSV lines. Each limit, when hit, names itself in the error
/// by its ``Setting`` name, which is how `QUIRE_READ_LIMITS` raises it for a genuine file.
public struct ReadLimits: Sendable, Hashable {
    /// The most entries a ZIP container may list.
    public var maxEntries: Int
    /// The most bytes one ZIP entry may inflate to.
    public var maxEntrySize: Int64
    /// The most bytes all the entries that are read may inflate to, added up.
    public var maxTotalSize: Int64
    /// The highest ratio of inflated to compressed size an entry may have once it is larger than
    /// ``ratioThreshold`` bytes.
    public var maxCompressionRatio: Int64
    /// Entries up to this size are exempt from the ratio check (small parts compress very well).
    public var ratioThreshold: Int64
    /// The most bytes one CSV field may hold.
    public var maxCSVFieldSize: Int
    /// The most bytes one CSV record (a line, or several when quotes span lines) may hold.
    public var maxCSVRecordSize: Int
    /// The most shared strings a workbook may declare or hold.
    public var maxSharedStrings: Int
    /// The most bytes of text one XLSX cell or shared string may hold (Excel itself stops at
    /// 32,767 characters).
    public var maxCellSize: Int

    /// Makes limits; every parameter has the default's value unless given.
    public init(
        maxEntries: Int = 65_536,
        maxEntrySize: Int64 = 2 << 30,
        maxTotalSize: Int64 = 8 << 30,
        maxCompressionRatio: Int64 = 250,
        ratioThreshold: Int64 = 4 << 20,
        maxCSVFieldSize: Int = 1 << 20,
        maxCSVRecordSize: Int = 16 << 20,
        maxSharedStrings: Int = 16_000_000,
        maxCellSize: Int = 1 << 20
    ) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioThreshold = ratioThreshold
        self.maxCSVFieldSize = maxCSVFieldSize
        self.maxCSVRecordSize = maxCSVRecordSize
        self.maxSharedStrings = maxSharedStrings
        self.maxCellSize = maxCellSize
    }

    /// The limits used when none are given: the built-in ones, with what the environment
    /// variable ``environmentVariable`` sets laid over them (or the built-in ones alone when it
    /// does not parse; the command line refuses to start then, see ``fromEnvironment()``).
    public static let `default` = (try? fromEnvironment()) ?? ReadLimits()

    /// The environment variable that adjusts the limits: `name=value` pairs separated by commas,
    /// `QUIRE_READ_LIMITS=max-compression-ratio=1000,max-entry-size=4G`.
    public static let environmentVariable = "QUIRE_READ_LIMITS"

    /// The built-in limits with the environment's settings laid over them.
    ///
    /// - Throws: ``ReadLimitsError`` naming the setting that does not parse.
    public static func fromEnvironment() throws(ReadLimitsError) -> ReadLimits {
        guard let value = getenv(environmentVariable) else { return ReadLimits() }
        return try ReadLimits().adjusted(by: String(cString: value))
    }

    /// One adjustable limit, by the name the environment and error messages use.
    public enum Setting: String, CaseIterable, Sendable {
        case maxEntries = "max-entries"
        case maxEntrySize = "max-entry-size"
        case maxTotalSize = "max-total-size"
        case maxCompressionRatio = "max-compression-ratio"
        case ratioThreshold = "ratio-threshold"
        case maxCSVFieldSize = "max-csv-field-size"
        case maxCSVRecordSize = "max-csv-record-size"
        case maxSharedStrings = "max-shared-strings"
        case maxCellSize = "max-cell-size"

        /// Whether the value is a size in bytes (and so takes a `K`, `M` or `G` suffix).
        public var isByteSize: Bool {
            switch self {
            case .maxEntries, .maxCompressionRatio, .maxSharedStrings: false
            default: true
            }
        }
    }

    /// The value of one setting.
    public subscript(setting: Setting) -> Int64 {
        get {
            switch setting {
            case .maxEntries: Int64(maxEntries)
            case .maxEntrySize: maxEntrySize
            case .maxTotalSize: maxTotalSize
            case .maxCompressionRatio: maxCompressionRatio
            case .ratioThreshold: ratioThreshold
            case .maxCSVFieldSize: Int64(maxCSVFieldSize)
            case .maxCSVRecordSize: Int64(maxCSVRecordSize)
            case .maxSharedStrings: Int64(maxSharedStrings)
            case .maxCellSize: Int64(maxCellSize)
            }
        }
        set {
            switch setting {
            case .maxEntries: maxEntries = Int(newValue)
            case .maxEntrySize: maxEntrySize = newValue
            case .maxTotalSize: maxTotalSize = newValue
            case .maxCompressionRatio: maxCompressionRatio = newValue
            case .ratioThreshold: ratioThreshold = newValue
            case .maxCSVFieldSize: maxCSVFieldSize = Int(newValue)
            case .maxCSVRecordSize: maxCSVRecordSize = Int(newValue)
            case .maxSharedStrings: maxSharedStrings = Int(newValue)
            case .maxCellSize: maxCellSize = Int(newValue)
            }
        }
    }

    /// These limits with comma-separated `name=value` settings laid over them.
    ///
    /// Sizes take a binary `K`, `M` or `G` suffix; every value is a whole number from 1 to 2^40.
    ///
    /// - Throws: ``ReadLimitsError`` naming the setting that does not parse.
    public func adjusted(by text: String) throws(ReadLimitsError) -> ReadLimits {
        var limits = self
        for item in text.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { String($0.trimmingSpaces()) }
            guard pair.count == 2, let setting = Setting(rawValue: pair[0].lowercased()) else {
                throw ReadLimitsError(setting: String(item), reason: "not a setting (\(Self.settingNames))")
            }
            guard let value = Self.parseValue(pair[1], bytes: setting.isByteSize) else {
                throw ReadLimitsError(
                    setting: String(item),
                    reason: setting.isByteSize
                        ? "the value must be a whole number of bytes from 1 to 2^40, with K, M or G for KiB, MiB or GiB"
                        : "the value must be a whole number from 1 to 2^40"
                )
            }
            limits[setting] = value
        }
        return limits
    }

    static var settingNames: String { Setting.allCases.map(\.rawValue).joined(separator: ", ") }

    private static func parseValue(_ text: String, bytes: Bool) -> Int64? {
        var digits = Substring(text)
        var unit: Int64 = 1
        if bytes, let last = digits.last?.uppercased() {
            switch last {
            case "K": unit = 1 << 10
            case "M": unit = 1 << 20
            case "G": unit = 1 << 30
            default: break
            }
            if unit > 1 { digits = digits.dropLast() }
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int64(digits), number > 0 else { return nil }
        let (value, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow, value <= 1 << 40 else { return nil }
        return value
    }
}

/// A `QUIRE_READ_LIMITS` setting that does not parse.
public struct ReadLimitsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting as written.
    public var setting: String
    /// What is wrong with it.
    public var reason: String

    public var description: String {
        "\(ReadLimits.environmentVariable): \"\(setting)\": \(reason); unset it or correct it"
    }
}
