internal import Dispatch

/// An XLSX or XLSM package: the parts found through `[Content_Types].xml` and the relationships,
/// never through assumed names.
final class XLSXPackage {
    let archive: ZipArchive
    let workbookPart: String
    let sheets: [SheetInfo]
    let definedNames: [DefinedName]
    let dateSystem: DateSystem
    let isMacroEnabled: Bool
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private var loadedSharedStrings: SharedStringTable?
    private var loadedNumberKinds: [NumberKind]?
    /// Whether each cell format strikes its text through, read with the number kinds.
    private var loadedStruckFormats: [Bool] = []
    private var loadedUnlockedFormats: [Bool] = []
    private var loadedFilledFormats: [Int32] = []
    /// The number formats of the cell formats that show values otherwise than General does, read
    /// with the number kinds.
    private var loadedNumberFormats: [Int: NumberFormat] = [:]
    /// Whether each cell format hides typed text (`;;;`), by index, read with the number kinds.
    private var loadedConcealingFormats: [Bool] = []

    static let workbookContentTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
    ]

    init(path: String, limits: ReadLimits) throws {
        let archive = try ZipArchive(path: path, limits: limits)
        self.archive = archive
        if let mimetype = archive.entry(named: "mimetype"), mimetype.uncompressedSize < 200,
            String(decoding: try archive.data(mimetype), as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument")
        {
            throw SpreadsheetError.unsupportedFormat(
                path: path,
                reason: "this is an OpenDocument file (LibreOffice's .ods); open it and save it as .xlsx"
            )
        }
        guard let contentTypesEntry = archive.entry(named: "[Content_Types].xml") else {
            throw SpreadsheetError.missingPart(
                path: path,
                part: "[Content_Types].xml",
                reason: "the ZIP archive has no content-type list, so it is not an Office document"
            )
        }
        let contentTypes = ContentTypesReader()
        try parseXML(archive.data(contentTypesEntry), handler: contentTypes, path: path, part: contentTypesEntry.name)

        // The workbook: the package's officeDocument relationship, else the content types.
        var workbook: String?
        if let rootRels = archive.entry(named: "_rels/.rels") {
            let reader = RelationshipsReader(source: "")
            try parseXML(archive.data(rootRels), handler: reader, path: path, part: rootRels.name)
            workbook = reader.relationships.first { $0.isType("officeDocument") && !$0.isExternal }?.target
        }
        if workbook.map({ archive.entry(named: $0) == nil }) ?? true {
            workbook = contentTypes.part(ofType: Self.workbookContentTypes)
        }
        guard let workbook, let workbookEntry = archive.entry(named: workbook) else {
            throw SpreadsheetError.missingPart(
                path: path,
                part: workbook ?? "workbook",
                reason: "the package names no spreadsheet workbook part (is it a Word or PowerPoint file?)"
            )
        }
        let workbookType = contentTypes.contentType(of: workbookEntry.name) ?? ""
        if !workbookType.isEmpty, !Self.workbookContentTypes.contains(workbookType) {
            throw SpreadsheetError.unsupportedFormat(
                path: path,
                reason: "the package's main part is \(workbookType), not a spreadsheet workbook; save it as .xlsx"
            )
        }
        workbookPart = workbookEntry.name
        isMacroEnabled = workbookType.contains("macroEnabled")

        var relationships: [Relationship] = []
        if let workbookRels = archive.entry(named: relationshipsPartName(for: workbookEntry.name)) {
            let reader = RelationshipsReader(source: workbookEntry.name)
            try parseXML(archive.data(workbookRels), handler: reader, path: path, part: workbookRels.name)
            relationships = reader.relationships
        }
        let workbookReader = WorkbookPartReader()
        try parseXML(archive.data(workbookEntry), handler: workbookReader, path: path, part: workbookEntry.name)
        dateSystem = workbookReader.dateSystem
        definedNames = workbookReader.definedNames

        var sheets: [SheetInfo] = []
        for (position, entry) in workbookReader.sheets.enumerated() {
            guard let relationship = relationships.first(where: { $0.id == entry.relationshipID }) else {
                throw SpreadsheetError.missingPart(
                    path: path,
                    part: workbookEntry.name,
                    reason:
                        "sheet \"\(entry.name)\" points at relationship \(entry.relationshipID), which is not listed"
                )
            }
            // Chart sheets and dialog sheets have no cells; they are listed but not read.
            guard relationship.isType("worksheet") else { continue }
            guard let sheetEntry = archive.entry(named: relationship.target) else {
                throw SpreadsheetError.missingPart(
                    path: path,
                    part: relationship.target,
                    reason: "sheet \"\(entry.name)\" is listed but its part is missing from the archive"
                )
            }
            sheets.append(
                SheetInfo(name: entry.name, index: position, visibility: entry.visibility, part: sheetEntry.name)
            )
        }
        self.sheets = sheets
        sharedStringsPart = relationships.first { $0.isType("sharedStrings") }?.target
        stylesPart = relationships.first { $0.isType("styles") }?.target
    }

    /// Shared-string parts at least this large are parsed on a second thread, beside the sheet.
    static let concurrentSharedStringsSize: Int64 = 1 << 20

    /// The shared-string table, started on first use: on another thread for a large table (the
    /// sheet's reader waits for any string not read yet), on this one otherwise.
    func sharedStrings() throws -> SharedStringTable {
        if let loadedSharedStrings { return loadedSharedStrings }
        guard let part = sharedStringsPart, let entry = archive.entry(named: part) else {
            let table = SharedStringTable.empty(path: archive.path)
            loadedSharedStrings = table
            return table
        }
        let limit = archive.limits.maxSharedStrings
        let table = SharedStringTable(limit: limit, path: archive.path, part: entry.name)
        loadedSharedStrings = table
        let archive = self.archive
        let fill: @Sendable () -> Void = {
            let reader = SharedStringsReader(
                table: table,
                limit: limit,
                maxCellSize: archive.limits.maxCellSize,
                path: archive.path,
                part: entry.name
            )
            do {
                try parseXML(entry, in: archive, handler: reader)
                table.finish(nil)
            } catch {
                table.finish(error)
            }
        }
        if entry.uncompressedSize >= Self.concurrentSharedStringsSize {
            DispatchQueue(label: "quire.shared-strings").async(execute: fill)
        } else {
            fill()
            _ = try table.waitUntilComplete()
        }
        return table
    }

    /// What each cell format does to numbers, read on first use.
    func numberKinds() throws -> [NumberKind] {
        if let loadedNumberKinds { return loadedNumberKinds }
        var kinds: [NumberKind] = []
        if let part = stylesPart, let entry = archive.entry(named: part) {
            let reader = StylesReader()
            try parseXML(entry, in: archive, handler: reader)
            kinds = reader.numberKinds()
            loadedStruckFormats = reader.struckFormats()
            loadedUnlockedFormats = reader.unlockedFormats()
            loadedFilledFormats = reader.filledFormats()
            loadedNumberFormats = reader.numberFormats()
            loadedConcealingFormats = (0..<(loadedNumberFormats.keys.max().map { $0 + 1 } ?? 0)).map {
                loadedNumberFormats[$0]?.hidesText == true
            }
        }
        loadedNumberKinds = kinds
        return kinds
    }

    /// The number format of each cell format that shows values otherwise than General does.
    func numberFormats() throws -> [Int: NumberFormat] {
        _ = try numberKinds()
        return loadedNumberFormats
    }

    /// Streams a sheet's rows to `body`, then returns its merged ranges, validations and extent.
    func readRows(of sheet: SheetInfo, _ body: (Row) throws -> Void) throws -> SheetMetadata {
        guard let entry = archive.entry(named: sheet.part) else {
            throw SpreadsheetError.missingPart(
                path: archive.path,
                part: sheet.part,
                reason: "the sheet's part is missing"
            )
        }
        let strings = try sharedStrings()
        let typer = CellTyper(
            path: archive.path,
            part: entry.name,
            sharedStrings: strings,
            numberKinds: try numberKinds(),
            struckFormats: loadedStruckFormats,
            dateSystem: dateSystem
        )
        let archive = self.archive
        let unlockedFormats = loadedUnlockedFormats
        let filledFormats = loadedFilledFormats
        let concealingFormats = loadedConcealingFormats
        let parse: @Sendable (_ emit: @escaping (RawRows) throws -> Void) throws -> SheetMetadata = { emit in
            let reader = WorksheetReader(
                path: archive.path,
                part: entry.name,
                maxCellSize: archive.limits.maxCellSize,
                unlockedFormats: unlockedFormats,
                filledFormats: filledFormats,
                concealingFormats: concealingFormats
            )
            reader.onBatch = emit
            defer { reader.onBatch = nil }
            do {
                try parseXML(entry, in: archive, handler: reader, readAhead: true)
            } catch {
                try reader.finish()
                throw error
            }
            try reader.finish()
            return reader.metadata
        }
        // A large sheet is parsed on a worker thread (with its own inflating thread) while its
        // cells are typed and `body` runs here; see readBatchesFromWorker.
        var metadata =
            entry.uncompressedSize >= ZipArchive.readAheadSize
            ? try readBatchesFromWorker(path: archive.path, parse) { try typer.deliver($0, to: body) }
            : try withoutActuallyEscaping(body) { body in try parse { try typer.deliver($0, to: body) } }
        metadata.rowCount = typer.rowCount
        metadata.cellCount = typer.cellCount
        metadata.usedRange = typer.usedRange
        metadata.struckCells = typer.struckCells
        // Locks mean nothing on a sheet that is not protected.
        if !metadata.isProtected {
            metadata.unlockedCells = []
            metadata.unlockedColumns = []
            metadata.lockedCells = []
            metadata.unlockedRows = []
            metadata.lockedRows = []
        }
        metadata.numberFormats = loadedNumberFormats
        // A damaged shared-string part fails the read even if this sheet needed none of it.
        _ = try strings.waitUntilComplete()
        return metadata
    }
}
