public import ControlModel
import Foundation
import Spreadsheet

/// How `quire convert` reads and writes.
public struct ConvertOptions: Sendable {
    /// The input format; nil detects it per file.
    public var from: ExchangeFormat?
    /// The framework: the id given to a catalog or profile read, or the one to write as a catalog,
    /// profile or table column.
    public var framework: String?
    /// A column profile for a controls table: a name (`drata`, `sprinto`…) or a YAML file.
    public var profile: String?
    /// The library's name in what is written.
    public var name: String?
    /// The packager named in CISO Assistant URNs.
    public var packager: String
    /// The catalog a profile written imports from.
    public var catalogHref: String?
    /// Column choices laid over the profile (`id=Control ID`, `soc2-2017=SOC 2`, `separator=;`).
    public var columns: [String]

    /// Options.
    public init(
        from: ExchangeFormat? = nil,
        framework: String? = nil,
        profile: String? = nil,
        name: String? = nil,
        packager: String = "quire",
        catalogHref: String? = nil,
        columns: [String] = []
    ) {
        self.from = from
        self.framework = framework
        self.profile = profile
        self.name = name
        self.packager = packager
        self.catalogHref = catalogHref
        self.columns = columns
    }
}

/// What the inputs of a conversion hold.
public struct ExchangeContent: Sendable {
    /// Everything read, as one library (frameworks read from catalogs included).
    public var library: Library
    /// Every framework a reference may name: the built-in catalogs and those read.
    public var frameworks: [Framework]
    /// The formats read, per file.
    public var formats: [(file: String, format: ExchangeFormat)]
    /// The column profile a table was read with (to show or save).
    public var profile: ColumnProfile?
}

/// What a file is, and why it is taken to be that.
public func detectExchangeFormat(file: String) throws(ExchangeError) -> (format: ExchangeFormat, reason: String) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
        return (.quire, "a folder: read as Quire library files, as --library reads it")
    }
    let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
    switch ext {
    case "csv", "tsv", "txt", "xlsx", "xlsm":
        let rows = try ControlTable.rows(of: file, headerOnly: true)
        if let kind = TrestleCSV.kind(of: rows.first?.cells ?? []) {
            return (
                .trestleCSV, "a table with compliance-trestle's csv-to-oscal-\(kind == "mapping" ? "mc" : "cd") headers"
            )
        }
        let headers = rows.first?.cells.map { looseKey($0) } ?? []
        if let drata = ColumnProfile.named.first(where: { $0.name == "drata" }),
            drata.columns.allSatisfy({ headers.contains(looseKey($0.header)) })
        {
            return (
                .drata,
                "a table whose headers are those Quire writes for Drata (Code, Name, Description, Question, Activities, Owner)"
            )
        }
        return (.table, "a .\(ext) table: read as a controls table by a column profile")
    case "json", "yaml", "yml":
        let root = try parse(file)
        return try detect(root, file: file)
    case "xml":
        throw ExchangeError(
            file: file,
            "OSCAL XML is not read",
            hint: "convert it to JSON first (oscal-cli convert --to json)"
        )
    default:
        throw ExchangeError(
            file: file,
            "cannot tell the format of a .\(ext) file",
            hint: "name it with --from (\(ExchangeFormat.names))"
        )
    }
}

func detect(_ root: DocumentNode, file: String) throws(ExchangeError) -> (format: ExchangeFormat, reason: String) {
    if let model = OSCAL.model(of: root) {
        let format: ExchangeFormat =
            switch model {
            case "catalog": .oscalCatalog
            case "profile": .oscalProfile
            case "component-definition": .oscalComponentDefinition
            default: .oscalMappingCollection
            }
        return (format, "an OSCAL document whose root member is \"\(model)\"")
    }
    if let reason = looksLikeCISOAssistant(root) { return (.cisoAssistant, reason) }
    if let reason = looksLikeOpenControl(root) { return (.openControl, reason) }
    if root["format"]?.string?.hasPrefix("quire-library/") == true
        || ["controls", "implementation", "evidence", "answers", "frameworks", "mapping_sets"].contains(where: {
            root[$0] != nil
        })
    {
        return (.quire, "a Quire library document (format or sections: controls, implementation, evidence, answers)")
    }
    let objects = root["results"]?["data"]?.items ?? root["data"]?.items ?? root.items
    if let first = objects.first,
        first["externalId"] != nil || (first["name"] != nil && first["id"] != nil && first["description"] != nil)
    {
        return (.vanta, "a list of control objects with externalId, name and description, as Vanta's API returns them")
    }
    throw ExchangeError(
        file: file,
        "is none of the formats Quire reads (top-level keys: \(root.keys.prefix(6).joined(separator: ", ")))",
        hint: "name the format with --from (\(ExchangeFormat.names))"
    )
}

private func parse(_ file: String) throws(ExchangeError) -> DocumentNode {
    try parseDocument(try readDocumentFile(file), file: file)
}

/// A document file's bytes, read no further than ``DocumentLimits/maximumFileSize``: a larger
/// file is refused without being read whole.
func readDocumentFile(_ file: String) throws(ExchangeError) -> [UInt8] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
        throw ExchangeError(file: file, "no such file", hint: "check the path")
    }
    guard !isFolder.boolValue else {
        throw ExchangeError(file: file, "is a folder, not a file", hint: "name a file in it")
    }
    guard let handle = FileHandle(forReadingAtPath: file) else {
        throw ExchangeError(file: file, "cannot be opened", hint: "check that it is a file you may read")
    }
    defer { try? handle.close() }
    let data: Data
    do {
        data = try handle.read(upToCount: DocumentLimits.maximumFileSize + 1) ?? Data()
    } catch {
        throw ExchangeError(file: file, "cannot be read: \(error.localizedDescription)")
    }
    guard data.count <= DocumentLimits.maximumFileSize else {
        throw ExchangeError(file: file, "is larger than \(DocumentLimits.maximumFileSize >> 20) MiB")
    }
    return [UInt8](data)
}

/// Reads the inputs of a conversion: frameworks first (catalogs, CISO Assistant frameworks,
/// OpenControl standards), then profiles against them, then everything else.
public func readExchange(files: [String], options: ConvertOptions, log: inout MigrationLog) throws(ExchangeError)
    -> ExchangeContent
{
    var formats: [(file: String, format: ExchangeFormat)] = []
    for file in files {
        if let from = options.from {
            formats.append((file, from))
            log.detection.append("\(file): \(from.rawValue) (--from)")
        } else {
            let (format, reason) = try detectExchangeFormat(file: file)
            formats.append((file, format))
            log.detection.append("\(file): \(format.rawValue), \(reason)")
        }
    }
    var content = ExchangeContent(
        library: Library(name: options.name),
        frameworks: Library.builtIn.frameworks,
        formats: formats
    )
    var catalogs: [(file: String, framework: Framework)] = []
    func addFramework(_ framework: Framework, file: String) {
        content.frameworks.removeAll { $0.id == framework.id }
        content.frameworks.append(framework)
        content.library.frameworks.append(framework)
        catalogs.append((file, framework))
    }
    let catalogCount = formats.filter { $0.format == .oscalCatalog }.count
    for (file, format) in formats where format == .oscalCatalog {
        let id = catalogCount == 1 ? options.framework : nil
        addFramework(OSCAL.readCatalog(try parse(file), file: file, id: id, log: &log), file: file)
    }
    for (file, format) in formats where format == .cisoAssistant {
        let library = readCISOAssistant(try parse(file), file: file, known: content.frameworks, log: &log)
        for framework in library.frameworks { addFramework(framework, file: file) }
        var rest = library
        rest.frameworks = []
        content.library = content.library.combined(with: rest)
    }
    for (file, format) in formats where format == .oscalProfile {
        let framework = try OSCAL.readProfile(
            try parse(file),
            file: file,
            id: options.framework,
            catalogs: catalogs,
            log: &log
        )
        if catalogs.count > 0 {
            // The profile is the framework; the catalog it selects from stays known, not written.
            content.library.frameworks.removeAll { catalog in catalogs.contains { $0.framework.id == catalog.id } }
        }
        addFramework(framework, file: file)
    }
    for (file, format) in formats {
        let part: Library
        switch format {
        case .oscalCatalog, .oscalProfile, .cisoAssistant:
            continue
        case .oscalComponentDefinition:
            part = OSCAL.readComponentDefinition(try parse(file), file: file, frameworks: content.frameworks, log: &log)
        case .oscalMappingCollection:
            part = OSCAL.readMappingCollection(try parse(file), file: file, frameworks: content.frameworks, log: &log)
        case .openControl:
            let root = try parse(file)
            part =
                root["components"] != nil || root["standards"] != nil
                ? try readOpenControlProject(root, file: file, known: content.frameworks, log: &log)
                : readOpenControlComponent(root, file: file, known: content.frameworks, log: &log)
            for framework in part.frameworks { addFramework(framework, file: file) }
        case .vanta:
            part = ControlTable.readVanta(try parse(file), file: file, log: &log)
        case .trestleCSV:
            part = try TrestleCSV.read(file: file, frameworks: content.frameworks, log: &log)
        case .quire:
            let loaded = loadLibrary(files: [file])
            if let error = loaded.diagnostics.first(where: { $0.severity == .error }) {
                throw ExchangeError(
                    file: error.location.file,
                    line: error.location.line,
                    error.message,
                    hint: error.hint
                )
            }
            for problem in loaded.diagnostics where problem.location.file != "" {
                log.note(
                    .dropped,
                    "library file",
                    problem.message,
                    location: "\(problem.location.file):\(problem.location.line ?? 0)"
                )
            }
            let library = loaded.user
            for framework in library.frameworks { addFramework(framework, file: file) }
            var rest = library
            rest.frameworks = []
            part = rest
        case .table, .drata:
            let index = LibraryIndex(Library(frameworks: content.frameworks))
            var profile = try columnProfile(options.profile, format: format)
            if !options.columns.isEmpty {
                let headers = try ControlTable.rows(of: file, headerOnly: true).first?.cells ?? []
                var chosen = profile ?? ColumnProfile.guess(headers: headers, frameworks: index)
                try chosen.apply(options.columns, frameworks: index)
                profile = chosen
            }
            let (library, used) = try ControlTable.read(file: file, profile: profile, index: index, log: &log)
            if format == .drata {
                var seen: Set<String> = []
                for control in library.controls {
                    if let problem = ControlTable.drataProblem(code: control.id, seen: seen) {
                        log.note(.transformed, "control \(control.id)", field: "id", "breaks Drata's rules: \(problem)")
                    }
                    seen.insert(control.id.lowercased())
                }
            }
            content.profile = used
            part = library
        }
        content.library = content.library.combined(with: part)
    }
    if content.library.name == nil { content.library.name = options.name }
    canonicalizeMappings(&content, log: &log)
    return content
}

/// The controls' mappings with each requirement as its framework writes it (`Art. 44` → `Art.44`,
/// an old ISO id → its current one), so every format writes ids its readers can resolve.
func canonicalizeMappings(_ content: inout ExchangeContent, log: inout MigrationLog) {
    let index = LibraryIndex(Library(frameworks: content.frameworks))
    var cache: [RequirementReference: Result<[RequirementReference], ResolutionFailure>] = [:]
    var known: [String: Bool] = [:]
    var rewritten = 0
    for controlIndex in content.library.controls.indices {
        let control = content.library.controls[controlIndex]
        var mappings: [Mapping] = []
        for mapping in control.mappings {
            let frameworkKnown =
                known[mapping.requirement.framework]
                ?? {
                    let found = index.framework(named: mapping.requirement.framework) != nil
                    known[mapping.requirement.framework] = found
                    return found
                }()
            guard frameworkKnown else {
                mappings.append(mapping)
                continue
            }
            let result = cache[mapping.requirement] ?? index.resolve(mapping.requirement)
            cache[mapping.requirement] = result
            switch result {
            case .success(let ids) where !ids.isEmpty:
                if ids.count > 1 {
                    log.note(
                        .partial,
                        "control \(control.id)",
                        field: mapping.requirement.framework,
                        "\(mapping.requirement.id) is an old id for \(ids.map(\.id).joined(separator: ", ")); mapped to each"
                    )
                }
                for id in ids {
                    var copy = mapping
                    copy.requirement = id
                    mappings.append(copy)
                }
                if ids[0] != mapping.requirement { rewritten += 1 }
            case .success:
                mappings.append(mapping)
            case .failure(let failure):
                log.note(.unresolved, "control \(control.id)", field: mapping.requirement.framework, "\(failure)")
                mappings.append(mapping)
            }
        }
        content.library.controls[controlIndex].mappings = mappings
    }
    if rewritten > 0 {
        log.note(
            .transformed,
            "\(rewritten) mappings",
            field: "requirement",
            "requirement ids written as their frameworks write them (Art. 44 as Art.44, old ids as their current ones)"
        )
    }
}

/// The column profile a name or file names; nil to guess.
func columnProfile(_ name: String?, format: ExchangeFormat) throws(ExchangeError) -> ColumnProfile? {
    if format == .drata, name == nil { return ColumnProfile.named.first { $0.name == "drata" } }
    guard let name else { return nil }
    if let named = ColumnProfile.named.first(where: { $0.name == name.lowercased() }) { return named }
    if FileManager.default.fileExists(atPath: name) { return try ColumnProfile.read(file: name) }
    throw ExchangeError(
        file: name,
        "is neither a profile Quire knows nor a file",
        hint: "profiles: " + ColumnProfile.named.map(\.name).joined(separator: ", ") + ", or a YAML file"
    )
}

/// Writes the content in a format.
///
/// JSON or YAML follows the output's extension where the format has both; tables are CSV, or a
/// workbook for `.xlsx`.
public func writeExchange(
    _ content: ExchangeContent,
    to format: ExchangeFormat,
    path: String,
    options: ConvertOptions,
    log: inout MigrationLog
) throws(ExchangeError) -> [UInt8] {
    let yaml = [".yaml", ".yml"].contains { path.lowercased().hasSuffix($0) }
    let name = options.name ?? content.library.name ?? "Quire library"
    var library = content.library
    library.name = name
    func render(_ node: OutputNode) -> [UInt8] { yaml ? Array(node.yaml().utf8) : node.jsonBytes() }
    func oneFramework() throws(ExchangeError) -> Framework {
        if let id = options.framework {
            guard
                let framework = content.frameworks.first(where: { $0.id == id || $0.name == id })
                    ?? LibraryIndex(Library(frameworks: content.frameworks)).framework(named: id)
            else {
                throw ExchangeError(
                    file: path,
                    "no framework \(id) was read or is built in",
                    hint: "known: " + content.frameworks.map(\.id).joined(separator: ", ")
                )
            }
            return framework
        }
        guard library.frameworks.count == 1, let only = library.frameworks.first else {
            throw ExchangeError(
                file: path,
                library.frameworks.isEmpty
                    ? "the input holds no framework to write as \(format.rawValue)"
                    : "the input holds \(library.frameworks.count) frameworks; \(format.rawValue) holds one",
                hint: "name it with --framework ("
                    + (library.frameworks.isEmpty ? content.frameworks : library.frameworks).map(\.id).joined(
                        separator: ", "
                    ) + ")"
            )
        }
        return only
    }
    func noteOtherFrameworks(_ written: Framework) {
        let others = library.frameworks.filter { $0.id != written.id }
        if !others.isEmpty {
            log.note(
                .dropped,
                "\(others.count) frameworks",
                "\(format.rawValue) holds one framework; not written: " + others.map(\.id).joined(separator: ", ")
            )
        }
    }
    switch format {
    case .quire:
        let data = (try? JSONEncoder.sorted.encode(library)) ?? Data()
        guard !yaml else {
            let node = (try? JSONDocumentParser.parse([UInt8](data))).map(OutputNode.init(document:)) ?? .null
            return Array(node.yaml().utf8)
        }
        return Array(canonicalJSON(library).utf8) + [0x0A]
    case .oscalCatalog:
        let framework = try oneFramework()
        noteOtherFrameworks(framework)
        var rest = library
        rest.frameworks = []
        noteUnheld(rest, in: "an OSCAL catalog", keeps: [], log: &log)
        return render(OSCAL.writeCatalog(framework, log: &log))
    case .oscalProfile:
        let framework = try oneFramework()
        noteOtherFrameworks(framework)
        var rest = library
        rest.frameworks = []
        noteUnheld(rest, in: "an OSCAL profile", keeps: [], log: &log)
        return render(
            OSCAL.writeProfile(framework, catalogHref: options.catalogHref ?? "\(framework.id)-catalog.json", log: &log)
        )
    case .oscalComponentDefinition:
        guard library.controls.contains(where: { !$0.mappings.isEmpty }) else {
            throw ExchangeError(
                file: path,
                "the input holds no control mapped to a requirement, and a component definition holds controls only through the requirements they implement",
                hint: "convert a library with controls and their mappings"
            )
        }
        return render(OSCAL.writeComponentDefinition(library, frameworks: content.frameworks, name: name, log: &log))
    case .oscalMappingCollection:
        let hasMappings =
            library.controls.contains { !$0.mappings.isEmpty } || library.mappingSets.contains { !$0.mappings.isEmpty }
        guard hasMappings else {
            throw ExchangeError(
                file: path,
                "the input holds no mapping to write as a mapping collection (it needs at least one)",
                hint: "convert controls with their framework mappings, or mapping sets"
            )
        }
        return render(OSCAL.writeMappingCollection(library, frameworks: content.frameworks, name: name, log: &log))
    case .cisoAssistant:
        if options.framework != nil {
            // The framework named is written too, so that the controls' mappings to it are kept.
            let framework = try oneFramework()
            library.frameworks.removeAll { $0.id == framework.id }
            library.frameworks.insert(framework, at: 0)
        }
        return Array(
            writeCISOAssistant(library, known: content.frameworks, packager: options.packager, log: &log).yaml()
                .utf8
        )
    case .openControl:
        return Array(writeOpenControlComponent(library, known: content.frameworks, log: &log).yaml().utf8)
    case .vanta:
        return Array(ControlTable.writeVanta(library, log: &log).json().utf8)
    case .trestleCSV:
        throw ExchangeError(
            file: path,
            "trestle's CSV is read, not written",
            hint: "write --to oscal-mapping-collection or oscal-component-definition, which trestle reads"
        )
    case .drata, .table:
        var profile = ColumnProfile.drata
        if format == .table {
            profile = try columnProfile(options.profile, format: format) ?? ColumnProfile.quire
            try profile.apply(options.columns, frameworks: LibraryIndex(Library(frameworks: content.frameworks)))
        }
        let frameworks =
            options.framework.map { [$0] }
            ?? orderedUnique(library.controls.flatMap { $0.mappings.map(\.requirement.framework) })
        let rows =
            format == .drata
            ? ControlTable.writeDrata(library, frameworks: frameworks, log: &log)
            : ControlTable.write(library, profile: profile, frameworks: frameworks, log: &log)
        if path.lowercased().hasSuffix(".xlsx") {
            var writer = XLSXWorkbookWriter()
            writer.addSheet(
                XLSXSheet(
                    name: "Controls",
                    columns: (rows.first ?? []).map { XLSXColumn($0, width: 24, wrap: true) },
                    rows: rows.dropFirst().map { $0.map(XLSXValue.text) }
                )
            )
            do {
                return try writer.data()
            } catch {
                throw ExchangeError(file: path, "\(error)")
            }
        }
        return csvBytes(rows)
    }
}

/// RFC 4180 CSV with CRLF (``CSVWriter``); cells a spreadsheet would run as formulas get a leading
/// apostrophe (``CSVWriter/defused(_:)``).
func csvBytes(_ rows: [[String]]) -> [UInt8] {
    let writer = CSVWriter()
    var bytes: [UInt8] = []
    for row in rows { writer.appendRecord(row.map(CSVWriter.defused), to: &bytes) }
    return bytes
}

extension JSONEncoder {
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension OutputNode {
    /// A parsed document as an output tree (scalars stay text unless they read as numbers or
    /// booleans in JSON).
    init(document: DocumentNode) {
        switch document.value {
        case .null: self = .null
        case .scalar(let text): self = .string(text)
        case .sequence(let nodes): self = .list(nodes.map(OutputNode.init(document:)))
        case .mapping(let members): self = .map(members.map { ($0.key, OutputNode(document: $0.node)) })
        }
    }
}
