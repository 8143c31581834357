public import ControlModel
import Foundation
import Spreadsheet

/// Which column of a controls table holds what: given on the command line, in a YAML profile, by
/// name (a tool's profile), or guessed from the headers and shown so the user can keep it.
public struct ColumnProfile: Sendable, Hashable {
    /// The profile's name (`drata`, `sprinto`, `guessed`).
    public var name: String
    /// Whether the tool documents these headers (else they are a starting point to adjust).
    public var documented: Bool
    /// Where the headers come from, in a sentence (a documentation page, or "guessed").
    public var basis: String
    /// Field (`id`, `title`, `description`, `domain`, `status`, `owner`, `question`,
    /// `activities`) → header.
    public var columns: [(field: String, header: String)]
    /// Framework id → the header of its column.
    public var frameworks: [(framework: String, header: String)]
    /// What separates several ids in one cell (any of these characters; line breaks always do).
    public var separator: String
    /// A tool's status words → Quire's statuses.
    public var statusValues: [(value: String, status: ImplementationStatus)]

    public static func == (lhs: ColumnProfile, rhs: ColumnProfile) -> Bool {
        lhs.name == rhs.name && lhs.columns.map(\.field) == rhs.columns.map(\.field)
            && lhs.columns.map(\.header) == rhs.columns.map(\.header)
            && lhs.frameworks.map(\.framework) == rhs.frameworks.map(\.framework)
            && lhs.frameworks.map(\.header) == rhs.frameworks.map(\.header) && lhs.separator == rhs.separator
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for column in columns { hasher.combine(column.header) }
    }

    /// The profile for Drata's bulk import.
    static var drata: ColumnProfile { named[1] }
    /// Quire's own controls table.
    static var quire: ColumnProfile { named[0] }

    /// The fields a controls table may have.
    static let fields = [
        "id", "title", "description", "domain", "status", "owner", "keywords", "synonyms", "question", "activities",
    ]

    /// The header of a field.
    func header(_ field: String) -> String? { columns.first { $0.field == field }?.header }

    /// The profiles Quire knows by name.
    ///
    /// Only Drata's code rules and the headers of Hyperproof's and
    /// 6clicks' templates and CISO Assistant's applied-controls template are documented; the rest
    /// are starting points to adjust to the file in hand (README: "Tools' control files").
    public static let named: [ColumnProfile] = [
        ColumnProfile(
            name: "quire",
            documented: true,
            basis: "Quire's own controls table (quire controls --format csv)",
            columns: [
                ("id", "id"), ("title", "title"), ("description", "description"), ("domain", "domain"),
                ("keywords", "keywords"), ("synonyms", "synonyms"), ("status", "status"), ("owner", "owner"),
            ],
            frameworks: [],
            separator: ";",
            statusValues: []
        ),
        ColumnProfile(
            name: "drata",
            documented: false,
            basis:
                "Drata's import wizard maps any headers to its fields (help.drata.com, article 13381439); these headers name its fields (Name, Code, Description, Question, Activities, owners, mapped requirements) and are checked by its documented code rules",
            columns: [
                ("id", "Code"), ("title", "Name"), ("description", "Description"), ("question", "Question"),
                ("activities", "Activities"), ("owner", "Owner"),
            ],
            frameworks: [],
            separator: ";",
            statusValues: []
        ),
        ColumnProfile(
            name: "sprinto",
            documented: false,
            basis:
                "docs.sprinto.com names the fields of a custom control (control number, name, description, owner, domain); the CSV template's header spelling is not documented: adjust",
            columns: [
                ("id", "Control Number"), ("title", "Control Name"), ("description", "Description"),
                ("owner", "Control Owner"), ("domain", "Domain"),
            ],
            frameworks: [],
            separator: ",",
            statusValues: []
        ),
        ColumnProfile(
            name: "secureframe",
            documented: false,
            basis:
                "guessed: Secureframe documents a controls CSV export but not its columns; its health values (Healthy, At Risk, Unhealthy) are documented",
            columns: [
                ("id", "Control ID"), ("title", "Name"), ("description", "Description"), ("status", "Health"),
                ("owner", "Owner"),
            ],
            frameworks: [],
            separator: ",",
            statusValues: [
                ("Healthy", .implemented), ("At Risk", .partial), ("Unhealthy", .planned), ("N/A", .notApplicable),
            ]
        ),
        ColumnProfile(
            name: "vanta-csv",
            documented: false,
            basis:
                "guessed: Vanta's framework controls export CSV has undocumented columns; its status values (Ok, Needs evidence) are documented",
            columns: [
                ("id", "ID"), ("title", "Name"), ("description", "Description"), ("domain", "Domain"),
                ("owner", "Owner"), ("status", "Status"),
            ],
            frameworks: [],
            separator: ",",
            statusValues: [("Ok", .implemented), ("Needs evidence", .partial)]
        ),
        ColumnProfile(
            name: "hyperproof",
            documented: true,
            basis: "docs.hyperproof.io: control import headings ID, Name, Description, Domain, Owner (case-sensitive)",
            columns: [
                ("id", "ID"), ("title", "Name"), ("description", "Description"), ("domain", "Domain"),
                ("owner", "Owner"),
            ],
            frameworks: [],
            separator: ",",
            statusValues: []
        ),
        ColumnProfile(
            name: "6clicks",
            documented: true,
            basis:
                "knowledgebase.6clicks.com: control set template Control ID, Control Title, Control Description, Control Domain",
            columns: [
                ("id", "Control ID"), ("title", "Control Title"), ("description", "Control Description"),
                ("domain", "Control Domain"),
            ],
            frameworks: [],
            separator: ",",
            statusValues: []
        ),
        ColumnProfile(
            name: "ciso-assistant-applied-controls",
            documented: true,
            basis: "CISO Assistant's applied controls import template (applied_controls_template.xlsx)",
            columns: [
                ("id", "ref_id"), ("title", "name"), ("description", "description"), ("domain", "category"),
                ("status", "status"),
            ],
            frameworks: [],
            separator: ",",
            statusValues: [
                ("active", .implemented), ("in_progress", .partial), ("to_do", .planned), ("on_hold", .planned),
                ("deprecated", .notApplicable),
            ]
        ),
    ]

    /// Other names of each field, for guessing (compared loosely).
    static let guesses: [String: [String]] = [
        "id": [
            "id", "controlid", "controlcode", "code", "controlnumber", "controlno", "ref", "refid", "reference",
            "controlref", "externalid", "identifier", "number",
        ],
        "title": ["title", "name", "controlname", "controltitle", "control"],
        "description": ["description", "controldescription", "details", "controlstatement", "statement", "text"],
        "domain": ["domain", "controldomain", "category", "family", "controlfamily", "area", "domains"],
        "status": ["status", "implementationstatus", "health", "healthstatus", "state", "controlstatus"],
        "owner": ["owner", "controlowner", "owners", "responsible", "assignee"],
        "keywords": ["keywords", "tags"],
        "synonyms": ["synonyms", "aliases"],
        "question": ["question"],
        "activities": ["activities", "activity"],
    ]

    /// A profile guessed from a header row: each header that names a field or a framework.
    static func guess(headers: [String], frameworks: LibraryIndex) -> ColumnProfile {
        var columns: [(String, String)] = []
        var frameworkColumns: [(String, String)] = []
        for header in headers where !header.trimmingCharacters(in: .whitespaces).isEmpty {
            let key = looseKey(header)
            if let field = fields.first(where: { guesses[$0]?.contains(key) ?? false }),
                !columns.contains(where: { $0.0 == field })
            {
                columns.append((field, header))
            } else if let framework = frameworks.framework(heading: header),
                !frameworkColumns.contains(where: { $0.0 == framework.id })
            {
                frameworkColumns.append((framework.id, header))
            }
        }
        return ColumnProfile(
            name: "guessed",
            documented: false,
            basis: "guessed from the headers; save it with --save-profile, correct it, and give it back with --profile",
            columns: columns,
            frameworks: frameworkColumns,
            separator: ";,",
            statusValues: []
        )
    }

    /// Lays column choices over the profile: `field=Header` for a field, `FRAMEWORK=Header` for a
    /// framework's column, `separator=;`.
    mutating func apply(_ choices: [String], frameworks: LibraryIndex) throws(ExchangeError) {
        for choice in choices {
            guard let equals = choice.firstIndex(of: "=") else {
                throw ExchangeError(
                    file: "--column",
                    "\"\(choice)\" is no FIELD=HEADER",
                    hint: "write --column id=\"Control ID\""
                )
            }
            let key = ControlTable.trimmed(String(choice[..<equals]))
            let header = ControlTable.trimmed(String(choice[choice.index(after: equals)...]))
            if key == "separator" {
                separator = header
            } else if Self.fields.contains(key) {
                columns.removeAll { $0.field == key }
                columns.append((key, header))
            } else if let framework = frameworks.framework(named: key) {
                self.frameworks.removeAll { $0.framework == framework.id }
                self.frameworks.append((framework.id, header))
            } else {
                throw ExchangeError(
                    file: "--column",
                    "\"\(key)\" is neither a field (\(Self.fields.joined(separator: ", "))) nor a framework",
                    hint: "frameworks: " + frameworks.library.frameworks.map(\.id).joined(separator: ", ")
                )
            }
        }
        if !choices.isEmpty { name = name == "guessed" ? "guessed, with --column" : name + ", with --column" }
    }

    // MARK: YAML

    /// The profile as YAML, to save and edit.
    public func yaml() -> String {
        OutputNode.compact([
            ("format", .string("quire-column-profile/1")),
            ("name", .string(name)),
            ("documented", .boolean(documented)),
            ("basis", .string(basis)),
            ("columns", .map(columns.map { ($0.field, .string($0.header)) })),
            ("frameworks", .map(frameworks.map { ($0.framework, .string($0.header)) })),
            ("separator", .string(separator)),
            ("status_values", .map(statusValues.map { ($0.value, .string($0.status.rawValue)) })),
        ]).yaml()
    }

    /// A profile from a YAML file (as ``yaml()`` writes it).
    static func read(file: String) throws(ExchangeError) -> ColumnProfile {
        let root = try parseDocument(try readDocumentFile(file), file: file)
        guard root["columns"] != nil else {
            throw ExchangeError(
                file: file,
                "is no column profile: it has no columns",
                hint: "write columns: {id: HEADER, title: HEADER, …}"
            )
        }
        var profile = ColumnProfile(
            name: root["name"]?.string ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            documented: root["documented"]?.bool ?? false,
            basis: root["basis"]?.string ?? "a profile from \(file)",
            columns: [],
            frameworks: [],
            separator: root["separator"]?.string ?? ";,",
            statusValues: []
        )
        for key in root["columns"]?.keys ?? [] {
            guard fields.contains(key) else {
                throw ExchangeError(
                    file: file,
                    line: root["columns"]?[key]?.line,
                    "\"\(key)\" is no field of a controls table",
                    hint: "fields: " + fields.joined(separator: ", ")
                )
            }
            if let header = root["columns"]?[key]?.string { profile.columns.append((key, header)) }
        }
        for key in root["frameworks"]?.keys ?? [] {
            if let header = root["frameworks"]?[key]?.string { profile.frameworks.append((key, header)) }
        }
        for key in root["status_values"]?.keys ?? [] {
            guard let value = root["status_values"]?[key]?.string, let status = ImplementationStatus(rawValue: value)
            else {
                throw ExchangeError(
                    file: file,
                    line: root["status_values"]?[key]?.line,
                    "status_values.\(key) is none of implemented, partial, planned, not-applicable"
                )
            }
            profile.statusValues.append((key, status))
        }
        guard profile.header("id") != nil else {
            throw ExchangeError(
                file: file,
                "the profile names no id column",
                hint: "write columns: {id: \"Control ID\", …}"
            )
        }
        return profile
    }
}

/// Reading and writing controls tables by a column profile, and Drata's and Vanta's files.
enum ControlTable {
    /// The rows of the first sheet with a non-empty row (or the CSV) as text; only the first
    /// non-empty one (the header) with `headerOnly`.
    static func rows(of file: String, headerOnly: Bool = false) throws(ExchangeError) -> [(
        number: Int, cells: [String]
    )] {
        struct Enough: Error {}
        do {
            let workbook = try Workbook(path: file)
            for sheet in workbook.sheets {
                var rows: [(number: Int, cells: [String])] = []
                do {
                    _ = try workbook.readRows(of: sheet) { row in
                        var cells: [String] = []
                        for cell in row.cells {
                            while cells.count < cell.address.column - 1 { cells.append("") }
                            cells.append(cell.value.text)
                        }
                        if cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                            rows.append((row.index, cells))
                            if headerOnly { throw Enough() }
                        }
                    }
                } catch is Enough {}
                if !rows.isEmpty { return rows }
            }
            return []
        } catch {
            throw ExchangeError(file: file, "\(error)")
        }
    }

    /// A controls table read by a profile: controls with their framework mappings, and an
    /// implementation record where a status or owner is given.
    static func read(
        file: String,
        profile given: ColumnProfile?,
        index: LibraryIndex,
        log: inout MigrationLog
    ) throws(ExchangeError) -> (Library, ColumnProfile) {
        let rows = try rows(of: file)
        guard let header = rows.first else {
            throw ExchangeError(file: file, "is empty", hint: "a header row names the columns")
        }
        let headers = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        let profile = given ?? ColumnProfile.guess(headers: headers, frameworks: index)
        func column(_ name: String?) -> Int? {
            guard let name else { return nil }
            return headers.firstIndex { looseKey($0) == looseKey(name) }
        }
        guard let idColumn = column(profile.header("id")) else {
            throw ExchangeError(
                file: file,
                line: header.number,
                "no column \(profile.header("id").map { "\"\($0)\"" } ?? "holds the control ids") (profile \(profile.name))",
                hint: "name it: --profile FILE with columns: {id: HEADER}; the headers are "
                    + headers.joined(separator: ", ")
            )
        }
        var used: Set<Int> = [idColumn]
        var fieldColumns: [String: Int] = [:]
        for (field, name) in profile.columns {
            if let index = column(name) {
                fieldColumns[field] = index
                used.insert(index)
            } else {
                log.note(
                    .unresolved,
                    "column \(name)",
                    field: field,
                    "profile \(profile.name) names it, and the file has no such header"
                )
            }
        }
        var frameworkColumns: [(framework: String, column: Int)] = []
        for (framework, name) in profile.frameworks {
            guard let index = column(name) else {
                log.note(
                    .unresolved,
                    "column \(name)",
                    field: framework,
                    "profile \(profile.name) names it, and the file has no such header"
                )
                continue
            }
            frameworkColumns.append((framework, index))
            used.insert(index)
        }
        // A column headed by a framework's name holds its ids, whatever the profile.
        for (position, name) in headers.enumerated() where !used.contains(position) && !name.isEmpty {
            if let framework = index.framework(heading: name),
                !frameworkColumns.contains(where: { $0.framework == framework.id })
            {
                frameworkColumns.append((framework.id, position))
                used.insert(position)
            }
        }
        for (position, name) in headers.enumerated() where !used.contains(position) && !name.isEmpty {
            log.note(
                .dropped,
                "column \(name)",
                "no field of the profile \(profile.name) reads it",
                location: "\(file):\(header.number)"
            )
        }
        var library = Library()
        var seen: [String: Int] = [:]
        let separatorSet = Set(profile.separator + "\n\r")
        for row in rows.dropFirst() {
            func cell(_ column: Int?) -> String {
                guard let column, column < row.cells.count else { return "" }
                return trimmed(row.cells[column])
            }
            let id = cell(idColumn)
            guard !id.isEmpty else {
                log.note(.dropped, "row \(row.number)", "it has no id", location: "\(file):\(row.number)")
                continue
            }
            var mappings: [Mapping] = []
            for (frameworkID, column) in frameworkColumns {
                for text in pieces(cell(column), separators: separatorSet) {
                    guard !text.isEmpty else { continue }
                    let (requirement, relationship) = Self.requirement(text)
                    // Resolved once for the whole library, after reading (canonicalizeMappings).
                    let resolved = RequirementReference(framework: frameworkID, id: requirement)
                    mappings.append(Mapping(requirement: resolved, relationship: relationship))
                }
            }
            var control = Control(
                id: id,
                title: cell(fieldColumns["title"]).isEmpty ? id : cell(fieldColumns["title"]),
                description: cell(fieldColumns["description"]),
                domain: cell(fieldColumns["domain"]),
                mappings: mappings
            )
            func list(_ field: String) -> [String] {
                pieces(cell(fieldColumns[field]), separators: separatorSet).map {
                    $0
                }
                .filter { !$0.isEmpty }
            }
            control.keywords = list("keywords")
            control.synonyms = list("synonyms")
            for field in ["question", "activities"] where !cell(fieldColumns[field]).isEmpty {
                log.note(
                    .dropped,
                    "control \(id)",
                    field: field,
                    "Quire has no \(field) field",
                    location: "\(file):\(row.number)"
                )
            }
            if let earlier = seen[id] {
                library.controls[earlier].mappings += control.mappings
                log.note(
                    .merged,
                    "control \(id)",
                    "a second row for it; its mappings are added to the first",
                    location: "\(file):\(row.number)"
                )
                continue
            }
            seen[id] = library.controls.count
            library.controls.append(control)
            let statusText = cell(fieldColumns["status"])
            let owner = cell(fieldColumns["owner"])
            if !statusText.isEmpty || !owner.isEmpty {
                let status =
                    profile.statusValues.first { $0.value.lowercased() == statusText.lowercased() }?.status
                    ?? ImplementationStatus(rawValue: statusText.lowercased().replacingOccurrences(of: " ", with: "-"))
                    ?? OSCAL.implementationStatus(statusText)
                if let status {
                    library.implementation.append(
                        Implementation(control: id, status: status, owner: owner.isEmpty ? nil : owner)
                    )
                } else {
                    log.note(
                        .dropped,
                        "control \(id)",
                        field: "status",
                        statusText.isEmpty
                            ? "an owner without a status is not kept (an implementation record needs a status)"
                            : "\"\(statusText)\" is no status the profile knows; add it to status_values",
                        location: "\(file):\(row.number)"
                    )
                }
            }
        }
        return (library, profile)
    }

    /// Text without spaces, tabs and line breaks at either end.
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// The non-empty pieces of a cell split at any of the separators, each trimmed.
    static func pieces(_ text: String, separators: Set<Character>) -> [String] {
        let ascii = separators.compactMap(\.asciiValue)
        guard ascii.count == separators.count else {
            return text.split(whereSeparator: { separators.contains($0) }).map { trimmed(String($0)) }
                .filter { !$0.isEmpty }
        }
        // ASCII separators: split the bytes, trim ASCII spaces.
        var result: [String] = []
        for piece in text.utf8.split(whereSeparator: { ascii.contains($0) }) {
            var slice = piece[...]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            if !slice.isEmpty, let string = String(slice) { result.append(string) }
        }
        return result
    }

    /// `A.5.15 (subset)` → the id and the relationship (intersects when none is written).
    static func requirement(_ text: String) -> (String, Relationship) {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, .intersects) }
        let word = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard let relationship = Relationship(lenient: word) else { return (text, .intersects) }
        return (String(text[..<open]).trimmingCharacters(in: .whitespaces), relationship)
    }

    /// Each control's status for the whole organisation, the one a tool's table holds; records
    /// naming products are left out, and the log says how many.
    static func organisationStatuses(_ library: Library, tool: String, log: inout MigrationLog)
        -> [String: Implementation]
    {
        let productRecords = library.implementation.filter { !$0.products.isEmpty }.count
        if productRecords > 0 {
            log.note(
                .dropped,
                "\(productRecords) implementation record\(productRecords == 1 ? "" : "s") for named products",
                field: "products",
                "\(tool) holds one status per control; the organisation's is written"
            )
        }
        return Dictionary(
            library.implementation.filter(\.products.isEmpty).map { ($0.control, $0) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// Controls as a table in a profile's columns (CSV, or XLSX by the file name).
    static func write(_ library: Library, profile: ColumnProfile, frameworks: [String], log: inout MigrationLog)
        -> [[String]]
    {
        let status = organisationStatuses(library, tool: "profile \(profile.name)", log: &log)
        let frameworkHeaders = frameworks.map { id in
            (id, profile.frameworks.first { $0.framework == id }?.header ?? id)
        }
        var rows: [[String]] = [profile.columns.map(\.header) + frameworkHeaders.map(\.1)]
        var unwrittenStatus = 0
        let reverse = Dictionary(
            profile.statusValues.map { ($0.status, $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        for control in library.controls {
            let record = status[control.id]
            var row: [String] = profile.columns.map { field, _ in
                switch field {
                case "id": control.id
                case "title": control.title
                case "description": control.description
                case "domain": control.domain
                case "status": record.map { reverse[$0.status] ?? $0.status.rawValue } ?? ""
                case "owner": record?.owner ?? ""
                case "keywords": control.keywords.joined(separator: "; ")
                case "synonyms": control.synonyms.joined(separator: "; ")
                default: ""
                }
            }
            if record != nil, profile.header("status") == nil { unwrittenStatus += 1 }
            for (frameworkID, _) in frameworkHeaders {
                row.append(
                    control.mappings.filter { $0.requirement.framework == frameworkID }.map { mapping in
                        mapping.relationship == .intersects
                            ? mapping.requirement.id : "\(mapping.requirement.id) (\(mapping.relationship.rawValue))"
                    }.joined(separator: "; ")
                )
            }
            rows.append(row)
        }
        if unwrittenStatus > 0 {
            log.note(
                .dropped,
                "\(unwrittenStatus) implementation records",
                field: "status",
                "profile \(profile.name) has no status column"
            )
        }
        let mapped = Set(frameworks)
        let other = library.controls.flatMap(\.mappings).filter { !mapped.contains($0.requirement.framework) }.count
        if other > 0 { log.note(.dropped, "\(other) mappings", "to frameworks without a column") }
        let strengths = library.controls.flatMap(\.mappings).filter {
            $0.strength != nil || $0.rationale != nil || $0.source != nil
        }.count
        if strengths > 0 {
            log.note(
                .dropped,
                "\(strengths) mappings",
                field: "strength",
                "a table cell keeps the requirement and relationship; strength, rationale and source are left out"
            )
        }
        let fields: [(String, (Control) -> Bool)] = [
            ("description", { !$0.description.isEmpty }), ("domain", { !$0.domain.isEmpty }),
            ("keywords", { !$0.keywords.isEmpty }), ("synonyms", { !$0.synonyms.isEmpty }),
        ]
        for (field, holds) in fields where profile.header(field) == nil {
            let affected = library.controls.filter(holds).map(\.id)
            if !affected.isEmpty {
                log.note(
                    .dropped,
                    "\(affected.count) controls",
                    field: field,
                    "profile \(profile.name) has no \(field) column",
                    ids: affected
                )
            }
        }
        let owners = library.implementation.filter { $0.owner != nil }.count
        if owners > 0, profile.header("owner") == nil {
            log.note(
                .dropped,
                "\(owners) implementation records",
                field: "owner",
                "profile \(profile.name) has no owner column"
            )
        }
        let details = library.implementation.filter {
            $0.notes != nil || $0.justification != nil || $0.targetDate != nil || !$0.reasons.isEmpty
        }.count
        if details > 0 {
            log.note(
                .dropped,
                "\(details) implementation records",
                field: "notes",
                "a controls table keeps status and owner; notes, justification, target_date and reasons are left out"
            )
        }
        let controlIDs = Set(library.controls.map(\.id))
        let orphans = library.implementation.filter { !controlIDs.contains($0.control) }.map(\.control)
        if !orphans.isEmpty {
            log.note(
                .dropped,
                "\(orphans.count) implementation records",
                field: "status",
                "for controls not in the library (built-in controls): a controls table has a row per control only",
                ids: orphans
            )
        }
        noteUnheld(library, in: "a controls table", keeps: [.controls, .implementation], log: &log)
        return rows
    }

    // MARK: Drata

    /// Controls as a CSV for Drata's bulk import, its documented rules applied: a code of 1 to 20
    /// characters without spaces, unique; a name of at most 191 characters; a description (required,
    /// at most 30,000).
    static func writeDrata(_ library: Library, frameworks: [String], log: inout MigrationLog) -> [[String]] {
        var copy = library
        var codes: Set<String> = []
        for index in copy.controls.indices {
            let original = copy.controls[index].id
            var code = String(original.map { $0.isWhitespace ? "-" : $0 }.prefix(20))
            var number = 2
            while codes.contains(code.lowercased()) {
                let suffix = "-\(number)"
                code = String(code.prefix(20 - suffix.count)) + suffix
                number += 1
            }
            codes.insert(code.lowercased())
            if code != original {
                log.note(
                    .transformed,
                    "control \(original)",
                    field: "id",
                    "Drata's control code is 1–20 characters without spaces, unique: written \(code)"
                )
                for record in copy.implementation.indices where copy.implementation[record].control == original {
                    copy.implementation[record].control = code
                }
                copy.controls[index].id = code
            }
            if copy.controls[index].title.count > 191 {
                copy.controls[index].title = String(copy.controls[index].title.prefix(191))
                log.note(.transformed, "control \(original)", field: "title", "Drata's name holds 191 characters: cut")
            }
            if copy.controls[index].description.isEmpty {
                copy.controls[index].description = copy.controls[index].title
                log.note(
                    .transformed,
                    "control \(original)",
                    field: "description",
                    "Drata requires a description: the title is written"
                )
            } else if copy.controls[index].description.count > 30_000 {
                copy.controls[index].description = String(copy.controls[index].description.prefix(30_000))
                log.note(
                    .transformed,
                    "control \(original)",
                    field: "description",
                    "Drata's description holds 30,000 characters: cut"
                )
            }
        }
        return write(copy, profile: ColumnProfile.drata, frameworks: frameworks, log: &log)
    }

    /// Why a row of a Drata CSV breaks Drata's documented rules, or nil.
    static func drataProblem(code: String, seen: Set<String>) -> String? {
        if code.isEmpty { return "the control code is empty" }
        if code.count > 20 { return "the control code \(code) is longer than 20 characters" }
        if code.contains(where: \.isWhitespace) { return "the control code \(code) holds a space" }
        if seen.contains(code.lowercased()) { return "the control code \(code) is used twice" }
        return nil
    }

    // MARK: Vanta

    /// Vanta control objects (as its API returns them: a list, or `data` / `results.data`).
    static func readVanta(_ root: DocumentNode, file: String, log: inout MigrationLog) -> Library {
        let objects = root["results"]?["data"]?.items ?? root["data"]?.items ?? root.items
        var library = Library()
        var dropped: [String: Int] = [:]
        for object in objects {
            guard let id = object["externalId"]?.string ?? object["id"]?.string else {
                log.note(
                    .dropped,
                    "object at line \(object.line)",
                    "a Vanta control without an id or externalId",
                    location: "\(file):\(object.line)"
                )
                continue
            }
            library.controls.append(
                Control(
                    id: id,
                    title: object["name"]?.string ?? id,
                    description: object["description"]?.string ?? "",
                    domain: object["domains"]?.items.first?.string ?? object["domain"]?.string ?? ""
                )
            )
            if (object["domains"]?.items.count ?? 0) > 1 {
                log.note(.merged, "control \(id)", field: "domains", "Quire keeps one domain; the first is kept")
            }
            let owner =
                object["owner"]?.string ?? object["owner"]?["displayName"]?.string
                ?? object["owner"]?["emailAddress"]?.string
            if let status = object["status"]?.string {
                let mapped: ImplementationStatus? =
                    status.lowercased() == "ok" ? .implemented : status.lowercased().contains("needs") ? .partial : nil
                if let mapped {
                    library.implementation.append(Implementation(control: id, status: mapped, owner: owner))
                    log.note(
                        .transformed,
                        "control \(id)",
                        field: "status",
                        "Vanta's \"\(status)\" read as \(mapped.rawValue)"
                    )
                } else {
                    log.note(
                        .dropped,
                        "control \(id)",
                        field: "status",
                        "\"\(status)\" is no Vanta status Quire knows (Ok, Needs evidence)"
                    )
                }
            } else if owner != nil {
                dropped["owner without a status", default: 0] += 1
            }
            for key in object.keys
            where !["id", "externalId", "name", "description", "domains", "domain", "status", "owner"].contains(key) {
                dropped[key, default: 0] += 1
            }
        }
        for (key, number) in dropped.sorted(by: { $0.key < $1.key }) {
            log.note(.dropped, "\(number) Vanta controls", field: key, "not carried")
        }
        return library
    }

    /// Controls as Vanta control objects (`externalId`, `name`, `description`, `domains`, `owner`,
    /// `status`), under `data`.
    static func writeVanta(_ library: Library, log: inout MigrationLog) -> OutputNode {
        let status = organisationStatuses(library, tool: "Vanta", log: &log)
        let objects = library.controls.map { control in
            OutputNode.compact([
                ("externalId", .string(control.id)),
                ("name", .string(control.title)),
                ("description", .string(control.description)),
                ("domains", control.domain.isEmpty ? nil : .list([.string(control.domain)])),
                ("owner", status[control.id]?.owner.map(OutputNode.string)),
                ("status", status[control.id].map { .string($0.status == .implemented ? "Ok" : "Needs evidence") }),
            ])
        }
        let mappings = library.controls.reduce(0) { $0 + $1.mappings.count }
        if mappings > 0 {
            log.note(
                .dropped,
                "\(mappings) mappings",
                "Vanta's documented control object lists no framework requirements; map them in Vanta"
            )
        }
        let words = library.controls.filter { !$0.keywords.isEmpty || !$0.synonyms.isEmpty }.count
        if words > 0 {
            log.note(
                .dropped,
                "\(words) controls",
                field: "keywords",
                "Vanta's control object has no keywords or synonyms"
            )
        }
        let statuses = library.implementation.filter { $0.status != .implemented }.count
        if statuses > 0 {
            log.note(
                .transformed,
                "\(statuses) implementation records",
                field: "status",
                "partial, planned and not-applicable are all \"Needs evidence\" in Vanta"
            )
        }
        noteUnheld(library, in: "Vanta's control objects", keeps: [.controls, .implementation], log: &log)
        return .map([("data", .list(objects))])
    }
}

/// compliance-trestle's CSV inputs, read.
///
/// `csv-to-oscal-mc` gives mappings between two resources, `csv-to-oscal-cd` the rules of a
/// component mapped to controls. Headers may carry `$$` (required) or `$` (optional); a second
/// row of column descriptions is skipped.
enum TrestleCSV {
    /// Whether a header row is one of trestle's, and which.
    static func kind(of headers: [String]) -> String? {
        let names = Set(headers.map(bare))
        if names.contains("Source_Resource") && names.contains("Map_Relationship") { return "mapping" }
        if names.contains("Rule_Id") && (names.contains("Control_Id_List") || names.contains("Control_Mappings")) {
            return "component"
        }
        return nil
    }

    static func bare(_ header: String) -> String {
        String(ControlTable.trimmed(header).drop { $0 == "$" })
    }

    /// A percentage as trestle writes it (`50%`, `0.5`), as 0–1.
    static func fraction(_ text: String) -> Double? {
        let trimmed = ControlTable.trimmed(text)
        if trimmed.hasSuffix("%"), let value = Double(trimmed.dropLast()) { return value / 100 }
        return Double(trimmed).map { $0 > 1 ? $0 / 100 : $0 }
    }

    static func read(file: String, frameworks: [Framework], log: inout MigrationLog) throws(ExchangeError) -> Library {
        let rows = try ControlTable.rows(of: file)
        guard let header = rows.first, let kind = kind(of: header.cells) else {
            throw ExchangeError(file: file, "is no compliance-trestle CSV (csv-to-oscal-mc or csv-to-oscal-cd headers)")
        }
        let names = header.cells.map(bare)
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        // Row 2 describes the columns when its cells are sentences, not data.
        var data = Array(rows.dropFirst())
        if let second = data.first,
            second.cells.contains(where: { $0.lowercased().contains("description") || $0.count > 60 }),
            kind == "mapping" || second.cells.first?.lowercased().contains("description") == true
        {
            data.removeFirst()
        }
        var library = Library()
        func cell(_ row: [String], _ index: Int?) -> String {
            guard let index, index < row.count else { return "" }
            return ControlTable.trimmed(row[index])
        }
        func ids(_ text: String) -> [String] { text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) }
        if kind == "mapping" {
            var sets: [String: Int] = [:]
            for row in data {
                let source = cell(row.cells, column("Source_Resource"))
                let target = cell(row.cells, column("Target_Resource"))
                let word = cell(row.cells, column("Map_Relationship"))
                let sources = ids(cell(row.cells, column("Map_Source_ID_Ref_list")))
                let targets = ids(cell(row.cells, column("Map_Target_ID_Ref_list")))
                guard let relationship = OSCAL.relationship(oscal: word) else {
                    log.note(
                        .dropped,
                        "row \(row.number)",
                        field: "Map_Relationship",
                        "\"\(word)\" is no relationship of NIST IR 8477 (trestle's own output leaves such rows out too)",
                        location: "\(file):\(row.number)"
                    )
                    continue
                }
                let sourceFramework =
                    OSCAL.frameworkFor(href: source, props: nil, frameworks: frameworks)
                    ?? OSCAL.frameworkHolding(sources, in: frameworks)
                let targetFramework =
                    OSCAL.frameworkFor(href: target, props: nil, frameworks: frameworks)
                    ?? OSCAL.frameworkHolding(targets, in: frameworks)
                let sourceID = sourceFramework?.id ?? OSCAL.slug(OSCAL.baseName(source))
                let targetID = targetFramework?.id ?? OSCAL.slug(OSCAL.baseName(target))
                let key = sourceID + " → " + targetID
                if sets[key] == nil {
                    sets[key] = library.mappingSets.count
                    library.mappingSets.append(
                        MappingSet(id: OSCAL.slug(key), source: sourceID, target: targetID, mappings: [])
                    )
                    for (reference, known) in [(source, sourceFramework), (target, targetFramework)] where known == nil
                    {
                        log.note(
                            .unresolved,
                            "resource \(reference)",
                            "not a framework Quire knows; its ids are kept as written"
                        )
                    }
                }
                if sources.count * targets.count > 1 {
                    log.note(
                        .partial,
                        "row \(row.number)",
                        "\(sources.count) source(s) to \(targets.count) target(s) held as pairs",
                        location: "\(file):\(row.number)"
                    )
                }
                for from in sources {
                    for to in targets {
                        library.mappingSets[sets[key] ?? 0].mappings.append(
                            RequirementMapping(
                                source: sourceFramework.flatMap { OSCAL.requirementID(from, in: $0) } ?? from,
                                target: targetFramework.flatMap { OSCAL.requirementID(to, in: $0) } ?? to,
                                relationship: relationship,
                                confidence: fraction(cell(row.cells, column("Map_Confidence_Score"))),
                                coverage: fraction(cell(row.cells, column("Map_Coverage")))
                            )
                        )
                    }
                }
            }
        } else {
            let kept: Set<String> = [
                "Rule_Id", "Rule_Description", "Component_Title", "Component_Type", "Control_Id_List",
                "Control_Mappings",
                "Profile_Source", "Profile_Reference_URL", "Profile_Description",
            ]
            for name in names where !kept.contains(name) && !name.isEmpty {
                log.note(
                    .dropped,
                    "column \(name)",
                    "a rule's checks, parameters and fetchers are not Quire's controls"
                )
            }
            var seen: [String: Int] = [:]
            for row in data {
                let rule = cell(row.cells, column("Rule_Id"))
                guard !rule.isEmpty else { continue }
                let profile = cell(row.cells, column("Profile_Source") ?? column("Profile_Reference_URL"))
                let controls = ids(cell(row.cells, column("Control_Id_List") ?? column("Control_Mappings")))
                let framework =
                    OSCAL.frameworkFor(href: profile, props: nil, frameworks: frameworks)
                    ?? OSCAL.frameworkHolding(controls, in: frameworks)
                let frameworkID =
                    framework?.id
                    ?? OSCAL.slug(
                        cell(row.cells, column("Profile_Description")).isEmpty
                            ? OSCAL.baseName(profile) : cell(row.cells, column("Profile_Description"))
                    )
                let mappings = controls.map { id in
                    Mapping(
                        requirement: RequirementReference(
                            framework: frameworkID,
                            id: framework.flatMap { OSCAL.requirementID(id, in: $0) } ?? id
                        )
                    )
                }
                if let index = seen[rule] {
                    library.controls[index].mappings += mappings
                    log.note(
                        .merged,
                        "control \(rule)",
                        "a second row for the rule; its controls are added",
                        location: "\(file):\(row.number)"
                    )
                    continue
                }
                seen[rule] = library.controls.count
                let component = cell(row.cells, column("Component_Title"))
                library.controls.append(
                    Control(
                        id: rule,
                        title: cell(row.cells, column("Rule_Description")).isEmpty
                            ? rule : cell(row.cells, column("Rule_Description")),
                        domain: component.isEmpty ? cell(row.cells, column("Component_Type")) : component,
                        mappings: mappings
                    )
                )
            }
        }
        return library
    }
}
