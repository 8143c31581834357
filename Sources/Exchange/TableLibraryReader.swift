import ControlModel
import Spreadsheet

/// One sheet of a library workbook or one CSV file: a header row and the rows under it.
struct LibraryTable {
    /// The sheet's name (nil for CSV).
    var sheet: String?
    /// The rows as text, each with its 1-based row number, empty rows left out.
    var rows: [(number: Int, cells: [String])]
}

/// Reads library tables: one row per control, implementation record, evidence item or answer,
/// told apart by their headers.
struct TableLibraryReader {
    let file: String
    /// Framework names users may head a column with, mapped to framework ids.
    let frameworkColumns: (String) -> String?
    var diagnostics: [Diagnostic] = []

    enum Kind: String, CaseIterable {
        case controls, implementation, evidence, answers

        var required: [String] {
            switch self {
            case .controls: ["id", "title"]
            case .implementation: ["control", "status"]
            case .evidence: ["id", "title", "controls", "collected_on"]
            case .answers: ["question", "answer"]
            }
        }

        /// The field a header names, by its own name or a common other one (`Control ID`,
        /// `Expiry date`, `Response`), matched loosely.
        func field(named header: String) -> String? {
            let key = looseKey(header)
            if let field = (required + optional).first(where: { looseKey($0) == key }) { return field }
            return otherNames[key]
        }

        private var otherNames: [String: String] {
            switch self {
            case .controls:
                [
                    "controlid": "id", "controlref": "id", "ref": "id", "reference": "id", "identifier": "id",
                    "name": "title", "controlname": "title", "controltitle": "title", "control": "title",
                    "category": "domain", "family": "domain", "controlfamily": "domain", "area": "domain",
                    "tags": "keywords", "aliases": "synonyms",
                ]
            case .implementation:
                [
                    "controlid": "control", "controlref": "control", "implementationstatus": "status",
                    "state": "status", "reason": "justification", "justificationforexclusion": "justification",
                    "reasonforinclusion": "reasons", "reasonsforinclusion": "reasons", "inclusionreasons": "reasons",
                    "inclusionreason": "reasons", "justificationforinclusion": "reasons",
                    "responsible": "owner", "comments": "notes", "comment": "notes", "duedate": "target_date",
                    "targetdate": "target_date", "due": "target_date", "product": "products",
                ]
            case .evidence:
                [
                    "evidenceid": "id", "name": "title", "evidencename": "title", "type": "kind",
                    "evidencetype": "kind", "controlids": "controls", "control": "controls",
                    "collected": "collected_on", "datecollected": "collected_on", "collectiondate": "collected_on",
                    "date": "collected_on", "expires": "valid_until", "expiry": "valid_until",
                    "expirydate": "valid_until", "validto": "valid_until", "status": "result", "outcome": "result",
                    "link": "location", "url": "location", "source": "source_tool", "tool": "source_tool",
                    "product": "products",
                ]
            case .answers:
                [
                    "answerid": "id", "questiontext": "question", "response": "answer", "answervalue": "answer",
                    "explanation": "comment", "comments": "comment", "notes": "comment", "controlids": "controls",
                    "evidenceids": "evidence", "approver": "approved_by", "approvedate": "approved_on",
                    "dateapproved": "approved_on", "product": "products",
                ]
            }
        }

        var optional: [String] {
            switch self {
            case .controls: ["description", "domain", "keywords", "synonyms"]
            case .implementation: ["justification", "reasons", "owner", "notes", "target_date", "products"]
            case .evidence: ["kind", "valid_until", "result", "location", "source_tool", "description", "products"]
            case .answers:
                ["id", "comment", "controls", "evidence", "source", "approved_by", "approved_on", "tags", "products"]
            }
        }
    }

    /// What a header row says the table holds: the most specific kind whose required columns
    /// are all there (evidence before controls, both having `id` and `title`).
    static func kind(ofHeader header: [String]) -> Kind? {
        for kind in [Kind.evidence, .implementation, .answers, .controls] {
            let fields = Set(header.compactMap { kind.field(named: $0) })
            if kind.required.allSatisfy(fields.contains) { return kind }
        }
        return nil
    }

    func location(_ table: LibraryTable, row: Int, column: Int?) -> SourceLocation {
        let cell = column.map { CellAddress.columnName($0 + 1) + String(row) }
        if let sheet = table.sheet {
            return SourceLocation(file: file, path: "\(sheet)!\(cell ?? "A\(row)")")
        }
        return SourceLocation(file: file, line: row, path: cell)
    }

    mutating func read(_ table: LibraryTable, into library: inout Library) -> Bool {
        guard let header = table.rows.first else { return false }
        guard let kind = Self.kind(ofHeader: header.cells) else { return false }
        var columns: [String: Int] = [:]
        var frameworkColumns: [(framework: String, column: Int)] = []
        for (index, name) in header.cells.enumerated() {
            let trimmed = name.trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            if let field = kind.field(named: trimmed) {
                if columns[field] != nil {
                    diagnostics.append(
                        Diagnostic(
                            .error,
                            at: location(table, row: header.number, column: index),
                            "column \(field) appears twice",
                            hint: "keep one column per field"
                        )
                    )
                } else {
                    columns[field] = index
                }
            } else if kind == .controls, let framework = self.frameworkColumns(trimmed) {
                frameworkColumns.append((framework, index))
            } else {
                let hint =
                    kind == .controls
                    ? "a framework column is headed by a framework id or name, such as iso27001-2022 or SOC 2"
                    : "known columns: " + (kind.required + kind.optional).joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .warning,
                        at: location(table, row: header.number, column: index),
                        "column \"\(trimmed)\" is not a \(kind.rawValue) column and is ignored",
                        hint: hint
                    )
                )
            }
        }
        for row in table.rows.dropFirst() {
            var cells = RowCells(row: row, columns: columns, table: table, reader: self)
            switch kind {
            case .controls:
                if let control = cells.control(frameworkColumns: frameworkColumns, source: library.name) {
                    library.controls.append(control)
                }
            case .implementation:
                if let record = cells.implementation() { library.implementation.append(record) }
            case .evidence:
                if let item = cells.evidence() { library.evidence.append(item) }
            case .answers:
                if let entry = cells.answer() { library.answers.append(entry) }
            }
            diagnostics += cells.diagnostics
        }
        return true
    }
}

/// The cells of one row, read by field name.
private struct RowCells {
    let row: (number: Int, cells: [String])
    let columns: [String: Int]
    let table: LibraryTable
    let reader: TableLibraryReader
    var diagnostics: [Diagnostic] = []

    init(row: (number: Int, cells: [String]), columns: [String: Int], table: LibraryTable, reader: TableLibraryReader) {
        self.row = row
        self.columns = columns
        self.table = table
        self.reader = reader
    }

    func location(_ field: String? = nil) -> SourceLocation {
        reader.location(table, row: row.number, column: field.flatMap { columns[$0] })
    }

    func raw(_ column: Int) -> String {
        column < row.cells.count ? row.cells[column].trimmingSpaces() : ""
    }

    func value(_ field: String) -> String? {
        guard let column = columns[field] else { return nil }
        let text = raw(column)
        return text.isEmpty ? nil : text
    }

    mutating func required(_ field: String) -> String? {
        guard let text = value(field) else {
            diagnostics.append(
                Diagnostic(.error, at: location(field), "\(field) is empty", hint: "every row needs a \(field)")
            )
            return nil
        }
        return text
    }

    mutating func day(_ field: String, required: Bool = false) -> Day? {
        guard let text = required ? self.required(field) : value(field) else { return nil }
        guard let day = Day(parsing: text) else {
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: location(field),
                    "\(field) \"\(text)\" is not a date",
                    hint: "write dates as YYYY-MM-DD, for example 2026-03-31"
                )
            )
            return nil
        }
        return day
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ field: String,
        _ type: Value.Type,
        required: Bool = false
    )
        -> Value? where Value.RawValue == String
    {
        guard let text = required ? self.required(field) : value(field) else { return nil }
        if let match = Value.allCases.first(where: { looseKey($0.rawValue) == looseKey(text) }) { return match }
        diagnostics.append(
            Diagnostic(
                .error,
                at: location(field),
                "\(field) \"\(text)\" is not one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")
            )
        )
        return nil
    }

    func list(_ field: String) -> [String] { value(field).map(splitList) ?? [] }

    mutating func control(frameworkColumns: [(framework: String, column: Int)], source: String?) -> Control? {
        let id = required("id")
        let title = required("title")
        var mappings: [Mapping] = []
        for (framework, column) in frameworkColumns {
            let text = raw(column)
            guard !text.isEmpty else { continue }
            let cellLocation = reader.location(table, row: row.number, column: column)
            for reference in ReferenceText.list(text) {
                if let unknown = reference.unknownRelationship {
                    diagnostics.append(
                        Diagnostic(
                            .error,
                            at: cellLocation,
                            "unknown relationship \"\(unknown)\" in \"\(text)\"",
                            hint: "use one of " + Relationship.allCases.map(\.rawValue).joined(separator: ", ")
                        )
                    )
                    continue
                }
                guard !reference.id.isEmpty else { continue }
                mappings.append(
                    Mapping(
                        requirement: RequirementReference(
                            framework: reference.framework ?? framework,
                            id: reference.id
                        ),
                        relationship: reference.relationship ?? .intersects,
                        source: source,
                        origin: cellLocation
                    )
                )
            }
        }
        guard let id, let title else { return nil }
        return Control(
            id: id,
            title: title,
            description: value("description") ?? "",
            domain: value("domain") ?? "",
            keywords: list("keywords"),
            synonyms: list("synonyms"),
            mappings: mappings,
            origin: location()
        )
    }

    mutating func implementation() -> Implementation? {
        let control = required("control")
        let status = choice("status", ImplementationStatus.self, required: true)
        let targetDate = day("target_date")
        var reasons: [InclusionReason] = []
        for word in list("reasons") {
            guard let reason = InclusionReasonText.reason(word) else {
                let (message, hint) = InclusionReasonText.unknown(word)
                diagnostics.append(Diagnostic(.error, at: location("reasons"), message, hint: hint))
                continue
            }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        guard let control, let status else { return nil }
        return Implementation(
            control: control,
            status: status,
            justification: value("justification"),
            reasons: reasons,
            owner: value("owner"),
            notes: value("notes"),
            targetDate: targetDate,
            products: list("products"),
            origin: location()
        )
    }

    mutating func evidence() -> Evidence? {
        let id = required("id")
        let title = required("title")
        let kind = choice("kind", EvidenceKind.self)
        let collectedOn = day("collected_on", required: true)
        let validUntil = day("valid_until")
        let result = choice("result", EvidenceResult.self)
        if value("controls") == nil {
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: location("controls"),
                    "controls is empty",
                    hint: "list the ids of the controls this evidence supports"
                )
            )
        }
        // A date that does not parse has been reported; the item is kept so that its other
        // fields are checked too.
        guard let id, let title, value("collected_on") != nil else { return nil }
        return Evidence(
            id: id,
            title: title,
            kind: kind ?? .other,
            controls: list("controls"),
            collectedOn: collectedOn,
            validUntil: validUntil,
            result: result,
            location: value("location"),
            sourceTool: value("source_tool"),
            description: value("description"),
            products: list("products"),
            origin: location()
        )
    }

    mutating func answer() -> AnswerLibraryEntry? {
        let question = required("question")
        let answer = required("answer")
        let approvedOn = day("approved_on")
        guard let question, let answer else { return nil }
        return AnswerLibraryEntry(
            id: value("id") ?? "row-\(row.number)",
            question: question,
            answer: answer,
            comment: value("comment"),
            controls: list("controls"),
            evidence: list("evidence"),
            source: value("source"),
            approvedBy: value("approved_by"),
            approvedOn: approvedOn,
            tags: list("tags"),
            products: list("products"),
            origin: location()
        )
    }
}
