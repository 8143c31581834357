/// Bounds that keep a hostile file from exhausting memory, disk or time.
///
/// The defaults admit any workbook a person would make (a 200,000-row sheet is about 60 MB of
/// XML) and refuse zip bombs and absurd CSV lines. Each limit, when hit, names itself in the error.
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

    /// The limits used when none are given.
    public static let `default` = ReadLimits()
}
