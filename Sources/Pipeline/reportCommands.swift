import ControlModel
import Exchange
import Spreadsheet

/// How well one requirement is covered by the library's controls.
enum Coverage: String {
    /// An implemented control covers it, with live evidence where evidence is recorded.
    case covered
    /// Controls map to it, but none is implemented, or their evidence has expired or failed.
    case partly = "partly covered"
    /// No control maps to it.
    case notCovered = "not covered"
}

/// Decides a requirement's coverage and says why.
func coverage(of reference: RequirementReference, in index: LibraryIndex, asOf: Day) -> (Coverage, String, [String]) {
    let covering = index.controls(covering: reference).map(\.control)
    guard !covering.isEmpty else { return (.notCovered, "no control maps to it", []) }
    let hasStatus = !index.library.implementation.isEmpty
    guard hasStatus else { return (.covered, "mapped (no implementation status recorded)", covering) }
    var reasons: [String] = []
    for control in covering {
        guard let status = index.implementation(of: control)?.status else {
            reasons.append("\(control) has no status")
            continue
        }
        switch status {
        case .implemented:
            let evidence = index.evidence(for: control)
            let live = evidence.filter { $0.result != .fail && !$0.isExpired(asOf: asOf) }
            if evidence.isEmpty || !live.isEmpty { return (.covered, "\(control) is implemented", covering) }
            reasons.append("\(control)'s evidence has expired or failed")
        case .notApplicable:
            reasons.append("\(control) is not applicable")
        case .partial, .planned:
            reasons.append("\(control) is \(status.rawValue)")
        }
    }
    return (.partly, reasons.joined(separator: "; "), covering)
}

// MARK: - quire crosswalk

/// Writes the crosswalk workbook: the controls with their mappings, a requirement-by-requirement
/// matrix per framework pair, every correspondence as a list, coverage per framework, and the gaps.
public func writeCrosswalk(
    _ context: LibraryContext,
    frameworks names: [String],
    asOf: String?,
    destination: String
) throws {
    let frameworks = try names.map { try context.framework($0) }
    guard frameworks.count >= 2 else {
        throw PipelineError.usage("name at least two frameworks, for example --frameworks soc2-2017,iso27001-2022")
    }
    for (position, framework) in frameworks.enumerated()
    where frameworks[..<position].contains(where: { $0.id == framework.id }) {
        throw PipelineError.usage("\(framework.id) is named twice in --frameworks; name each framework once")
    }
    let day = try parseDay(asOf)
    let index = context.index
    var writer = XLSXWorkbookWriter()
    // Controls.
    var controlRows: [[XLSXValue]] = []
    for control in index.library.controls {
        let mapped = frameworks.map { framework in
            control.mappings.filter { $0.requirement.framework == framework.id }
                .map {
                    $0.relationship == .intersects
                        ? $0.requirement.id : "\($0.requirement.id) (\($0.relationship.rawValue))"
                }
                .joined(separator: "; ")
        }
        guard mapped.contains(where: { !$0.isEmpty }) else { continue }
        controlRows.append(
            [
                .text(control.id), .text(control.title), .text(control.domain),
                .text(index.implementation(of: control.id)?.status.rawValue ?? ""),
            ] + mapped.map { .text($0) }
        )
    }
    writer.addSheet(
        XLSXSheet(
            name: "Controls",
            columns: [
                XLSXColumn("Control", width: 10), XLSXColumn("Title", width: 40, wrap: true),
                XLSXColumn("Domain", width: 24), XLSXColumn("Status", width: 14),
            ]
                + frameworks.map { XLSXColumn($0.id, width: 28, wrap: true) },
            rows: controlRows
        )
    )
    // One matrix per pair, then every correspondence as a list.
    var taken: Set<String> = ["controls", "correspondences", "coverage", "gaps"]
    var listRows: [[XLSXValue]] = []
    for (position, first) in frameworks.enumerated() {
        for second in frameworks[(position + 1)...] {
            let matrix = correspondenceMatrix(first, second, index: index, list: &listRows)
            writer.addSheet(
                XLSXSheet(
                    name: pairSheetName(first.id, second.id, taken: &taken),
                    columns: matrix.columns,
                    rows: matrix.rows,
                    freezeColumns: 2
                )
            )
        }
    }
    writer.addSheet(
        XLSXSheet(
            name: "Correspondences",
            columns: [
                XLSXColumn("From framework", width: 16), XLSXColumn("From requirement", width: 12),
                XLSXColumn("From title", width: 36, wrap: true), XLSXColumn("To framework", width: 16),
                XLSXColumn("To requirement", width: 12), XLSXColumn("To title", width: 36, wrap: true),
                XLSXColumn("Relationship", width: 14, allowedValues: Relationship.allCases.map(\.rawValue)),
                XLSXColumn("Via controls", width: 24, wrap: true),
            ],
            rows: listRows
        )
    )
    // Coverage and gaps.
    var coverageRows: [[XLSXValue]] = []
    var gapRows: [[XLSXValue]] = []
    for framework in frameworks {
        var counts: [Coverage: Int] = [:]
        for requirement in framework.assessable {
            let (state, reason, controls) = coverage(
                of: RequirementReference(framework: framework.id, id: requirement.id),
                in: index,
                asOf: day
            )
            counts[state, default: 0] += 1
            if state != .covered {
                gapRows.append([
                    .text(framework.id), .text(requirement.id), .text(requirement.title), .text(state.rawValue),
                    .text(controls.joined(separator: ", ")), .text(reason),
                ])
            }
        }
        let total = framework.assessable.count
        coverageRows.append([
            .text(framework.id), .number(Double(total)), .number(Double(counts[.covered] ?? 0)),
            .number(Double(counts[.partly] ?? 0)), .number(Double(counts[.notCovered] ?? 0)),
            .number(total == 0 ? 0 : (Double(counts[.covered] ?? 0) / Double(total) * 1000).rounded() / 10),
        ])
    }
    writer.addSheet(
        XLSXSheet(
            name: "Coverage",
            columns: [
                XLSXColumn("Framework", width: 16), XLSXColumn("Requirements"), XLSXColumn("Covered"),
                XLSXColumn("Partly covered"), XLSXColumn("Not covered"), XLSXColumn("Covered %"),
            ],
            rows: coverageRows
        )
    )
    writer.addSheet(
        XLSXSheet(
            name: "Gaps",
            columns: [
                XLSXColumn("Framework", width: 16), XLSXColumn("Requirement", width: 12),
                XLSXColumn("Title", width: 40, wrap: true),
                XLSXColumn(
                    "Coverage",
                    width: 16,
                    allowedValues: [Coverage.partly.rawValue, Coverage.notCovered.rawValue]
                ),
                XLSXColumn("Controls", width: 20), XLSXColumn("Why", width: 50, wrap: true),
            ],
            rows: gapRows
        )
    )
    try deliver(try writer.data(), to: .file(destination))
}

/// The matrix sheet of one framework pair.
///
/// A row per assessable requirement of `first` (id, title), a column per assessable requirement of
/// `second`, and in each cell where the two correspond the relationship and the controls that
/// carry it (`intersects: IAM-01, IAM-02`). Each correspondence is also appended to `list` as a
/// row of the Correspondences sheet.
private func correspondenceMatrix(
    _ first: Framework,
    _ second: Framework,
    index: LibraryIndex,
    list: inout [[XLSXValue]]
) -> (columns: [XLSXColumn], rows: [[XLSXValue]]) {
    let targets = second.assessable
    let columnOfTarget = Dictionary(
        targets.enumerated().map { ($1.id, $0) },
        uniquingKeysWith: { first, _ in first }
    )
    var rows: [[XLSXValue]] = []
    for requirement in first.assessable {
        var cells = [XLSXValue](repeating: .empty, count: targets.count)
        let source = RequirementReference(framework: first.id, id: requirement.id)
        for correspondence in index.correspondences(of: source, in: second.id) {
            var controls: [String] = []
            for link in correspondence.links where !controls.contains(link.control) { controls.append(link.control) }
            // A mapping to a heading (warned about when the library is read) has no column.
            guard let column = columnOfTarget[correspondence.requirement.id] else { continue }
            let via = controls.joined(separator: ", ")
            let relationship = correspondence.relationship.rawValue
            cells[column] = .text("\(relationship): \(via)")
            list.append([
                .text(first.id), .text(requirement.id), .text(requirement.title), .text(second.id),
                .text(correspondence.requirement.id), .text(index.requirement(correspondence.requirement)?.title ?? ""),
                .text(relationship), .text(via),
            ])
        }
        rows.append([.text(requirement.id), .text(requirement.title)] + cells)
    }
    let idWidth = Double(min(max(first.assessable.map(\.id.count).max() ?? 0, 10) + 2, 30))
    let columns =
        [
            XLSXColumn("\(first.id) \u{2193} \(second.id) \u{2192}", width: idWidth, wrap: true),
            XLSXColumn("Title", width: 36, wrap: true),
        ] + targets.map { XLSXColumn($0.id, width: 18, wrap: true) }
    return (columns, rows)
}

/// The tab name of a framework pair's sheet: `first x second`, kept within Excel's rules.
///
/// Characters a tab name cannot hold (`[ ] : * ? / \`, control characters, an apostrophe at
/// either end) become `-`; ids too long for 31 characters are cut in the middle, the longer one
/// first, each cut marked with `…`; a name already in `taken` (compared without regard to case)
/// gets ` (2)`, ` (3)`… The name returned is added to `taken`, lower-cased.
func pairSheetName(_ first: String, _ second: String, taken: inout Set<String>) -> String {
    let limit = 31
    func clean(_ id: String) -> String {
        String(
            id.map { character in
                character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
                    || "[]:*?/\\".contains(character) ? "-" : character
            }
        )
    }
    /// The text in at most `length` UTF-16 units: its start, `…` and its last third (where versions
    /// such as `-2026` or `-2.0` that tell ids apart are).
    func cut(_ text: String, to length: Int) -> String {
        guard text.utf16.count > length else { return text }
        let characters = Array(text)
        var tail: [Character] = []
        while let next = characters.dropLast(tail.count).last,
            (tail.reduce(0) { $0 + $1.utf16.count }) + next.utf16.count <= (length - 1) / 3
        {
            tail.insert(next, at: 0)
        }
        var head = ""
        for character in characters {
            guard head.utf16.count + character.utf16.count + 1 + String(tail).utf16.count <= length else { break }
            head.append(character)
        }
        return head + "\u{2026}" + String(tail)
    }
    /// `first x second` in at most `length` UTF-16 units.
    func joined(within length: Int) -> String {
        let (a, b) = (clean(first), clean(second))
        let room = length - 3
        var (roomA, roomB) = (room / 2, room - room / 2)
        if a.utf16.count < roomA {
            roomB += roomA - a.utf16.count
            roomA = a.utf16.count
        } else if b.utf16.count < roomB {
            roomA += roomB - b.utf16.count
            roomB = b.utf16.count
        }
        var name = cut(a, to: max(roomA, 1)) + " x " + cut(b, to: max(roomB, 1))
        if name.hasPrefix("'") { name = "-" + name.dropFirst() }
        if name.hasSuffix("'") { name = name.dropLast() + "-" }
        return name
    }
    var name = joined(within: limit)
    var number = 1
    while taken.contains(name.lowercased()) {
        number += 1
        let suffix = " (\(number))"
        name = joined(within: limit - suffix.utf16.count) + suffix
    }
    taken.insert(name.lowercased())
    return name
}

// MARK: - quire soa

/// Writes the ISO/IEC 27001:2022 Statement of Applicability: every Annex A control, whether it
/// applies and why, the controls that implement it, their status and evidence.
public func writeStatementOfApplicability(_ context: LibraryContext, asOf: String?, destination: String) throws {
    let index = context.index
    let day = try parseDay(asOf)
    let iso = try context.framework("iso27001-2022")
    let gdpr = index.framework(named: "gdpr")
    var rows: [[XLSXValue]] = []
    var tally = ApplicabilityTally()
    for requirement in iso.assessable where requirement.kind == "annex-control" {
        let reference = RequirementReference(framework: iso.id, id: requirement.id)
        let controls = index.controls(covering: reference).map(\.control)
        let records = controls.compactMap { index.implementation(of: $0) }
        let excluded =
            !records.isEmpty && records.count == controls.count
            && records.allSatisfy { $0.status == .notApplicable }
        let reasons = excluded ? "" : reasonsForInclusion(of: controls, index: index, gdpr: gdpr)
        let justification: String
        if excluded {
            justification = "Excluded: " + records.compactMap(\.justification).joined(separator: " ")
        } else {
            var distinct: [String] = []
            for control in controls where !distinct.contains(control) { distinct.append(control) }
            let recorded = distinct.compactMap { control in
                index.implementation(of: control).flatMap { $0.status == .notApplicable ? nil : $0.justification }
            }
            justification =
                (reasons.isEmpty ? "Included: reason for inclusion not recorded." : "Included for: \(reasons).")
                + (distinct.isEmpty
                    ? " No control implements it yet." : " Implemented through \(distinct.joined(separator: ", ")).")
                + recorded.map { " " + $0 }.joined()
        }
        let statuses = controls.map { "\($0): \(index.implementation(of: $0)?.status.rawValue ?? "no status")" }
        let items = controls.flatMap { index.evidence(for: $0) }
        let evidence = items.map {
            "\($0.id)\($0.isExpired(asOf: day) ? " (expired)" : "")\($0.result == .fail ? " (failing)" : "")"
        }
        tally.count(
            excluded: excluded,
            statuses: controls.map { index.implementation(of: $0)?.status },
            reasons: reasons,
            weakEvidence: items.contains { $0.isExpired(asOf: day) || $0.result == .fail }
        )
        rows.append([
            .text(requirement.id), .text(requirement.title),
            .text(iso.requirements.first { $0.id == requirement.parent }?.title ?? ""),
            .text(excluded ? "No" : "Yes"), .text(reasons), .text(justification),
            .text(controls.joined(separator: ", ")),
            .text(statuses.joined(separator: "; ")), .text(Array(Set(evidence)).sorted().joined(separator: ", ")),
        ])
    }
    var writer = XLSXWorkbookWriter()
    writer.addSheet(
        XLSXSheet(
            name: "Statement of Applicability",
            columns: [
                XLSXColumn("Annex A", width: 9), XLSXColumn("Control", width: 36, wrap: true),
                XLSXColumn("Theme", width: 22), XLSXColumn("Applicable", width: 11, allowedValues: ["Yes", "No"]),
                XLSXColumn("Reason for inclusion", width: 30, wrap: true),
                XLSXColumn("Justification", width: 50, wrap: true), XLSXColumn("Implemented by", width: 18),
                XLSXColumn("Implementation status", width: 30, wrap: true),
                XLSXColumn("Evidence", width: 30, wrap: true),
            ],
            rows: rows
        ),
    )
    writer.addSheet(
        XLSXSheet(
            name: "Summary",
            columns: [XLSXColumn("Measure", width: 58), XLSXColumn("Value", width: 16)],
            rows: [
                [.text("Framework"), .text("\(iso.name), Annex A")],
                [.text("As of"), .date(year: day.year, month: day.month, day: day.day)],
            ] + tally.rows
        )
    )
    try deliver(try writer.data(), to: .file(destination))
}

/// The counts on a Statement of Applicability's Summary sheet.
private struct ApplicabilityTally {
    var controls = 0
    var excluded = 0
    var implemented = 0
    var partly = 0
    var notImplemented = 0
    var withoutReason = 0
    var weakEvidence = 0

    /// Counts one Annex A control: excluded, or applicable and implemented (every implementing
    /// control that applies is implemented), partly (some are implemented or partial) or not
    /// (none is, or no control implements it).
    mutating func count(
        excluded isExcluded: Bool,
        statuses: [ImplementationStatus?],
        reasons: String,
        weakEvidence weak: Bool
    ) {
        controls += 1
        if weak { weakEvidence += 1 }
        guard !isExcluded else {
            excluded += 1
            return
        }
        if reasons.isEmpty { withoutReason += 1 }
        let applying = statuses.filter { $0 != .notApplicable }
        if !applying.isEmpty, applying.allSatisfy({ $0 == .implemented }) {
            implemented += 1
        } else if applying.contains(where: { $0 == .implemented || $0 == .partial }) {
            partly += 1
        } else {
            notImplemented += 1
        }
    }

    var rows: [[XLSXValue]] {
        [
            ("Annex A controls", controls), ("Applicable", controls - excluded), ("Excluded", excluded),
            ("Applicable and implemented", implemented), ("Applicable and partly implemented", partly),
            ("Applicable and not yet implemented", notImplemented),
            ("Applicable without a recorded reason for inclusion", withoutReason),
            ("With expired or failing evidence", weakEvidence),
        ]
        .map { [.text($0.0), .number(Double($0.1))] }
    }
}

/// Why an applicable Annex A control is included, as the library records it.
///
/// The reasons of the implementing controls' records (`risk treatment; legal; contractual; best
/// practice`), and `legal` also when an implementing control maps to a GDPR requirement, naming it
/// (`legal (GDPR Art.32)`). Controls whose record says not-applicable do not count. Empty when
/// nothing is recorded: a reason is never made up.
func reasonsForInclusion(of controls: [String], index: LibraryIndex, gdpr: Framework?) -> String {
    var recorded: Set<InclusionReason> = []
    var articles: Set<String> = []
    for control in controls {
        let record = index.implementation(of: control)
        guard record?.status != .notApplicable else { continue }
        recorded.formUnion(record?.reasons ?? [])
        for mapping in index.control(control)?.mappings ?? []
        where mapping.requirement.framework == gdpr?.id && mapping.relationship != .notRelated {
            articles.insert(mapping.requirement.id)
        }
    }
    let order = gdpr?.requirements.map(\.id) ?? []
    let laws = articles.sorted { (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1) }
    return InclusionReason.allCases.compactMap { reason in
        if reason == .legal, !laws.isEmpty { return "legal (GDPR \(laws.joined(separator: ", ")))" }
        return recorded.contains(reason) ? reason.label : nil
    }.joined(separator: "; ")
}

/// Writes a workbook of one sheet to a file, atomically.
func deliverWorkbook(_ sheet: XLSXSheet, to path: String) throws {
    var writer = XLSXWorkbookWriter()
    writer.addSheet(sheet)
    try deliver(try writer.data(), to: .file(path))
}

// MARK: - quire gaps

/// Prints the requirements of a framework that no implemented control covers, or whose
/// implemented controls have only expired or failing evidence.
public func listGaps(
    _ context: LibraryContext,
    framework name: String,
    asOf: String?,
    format: ListingFormat,
    destination: OutputDestination
) throws {
    let framework = try context.framework(name)
    let day = try parseDay(asOf)
    var rows: [[String]] = []
    for requirement in framework.assessable {
        let (state, reason, controls) = coverage(
            of: RequirementReference(framework: framework.id, id: requirement.id),
            in: context.index,
            asOf: day
        )
        guard state != .covered else { continue }
        rows.append([requirement.id, state.rawValue, requirement.title, controls.joined(separator: ", "), reason])
    }
    let listing = Listing(columns: ["requirement", "coverage", "title", "controls", "why"], rows: rows)
    switch format {
    case .table: try deliver(Array(listing.text().utf8), to: destination)
    case .csv: try deliver(listing.csv(), to: destination)
    case .json:
        let document = GapsDocument(
            framework: framework.id,
            asOf: day.description,
            gaps: rows.map { row in
                GapsDocument.Gap(
                    requirement: row[0],
                    coverage: row[1],
                    title: row[2],
                    controls: row[3].isEmpty ? [] : row[3].split(separator: ",").map { $0.trimmingSpaces() },
                    why: row[4]
                )
            }
        )
        try deliver(Array(canonicalJSON(document).utf8), to: destination)
    }
}

private struct GapsDocument: Encodable {
    struct Gap: Encodable {
        var requirement: String
        var coverage: String
        var title: String
        var controls: [String]
        var why: String
    }
    var framework: String
    var asOf: String
    var gaps: [Gap]

    enum CodingKeys: String, CodingKey {
        case framework, gaps
        case asOf = "as_of"
    }
}

func parseDay(_ text: String?) throws -> Day {
    guard let text else { return today() }
    guard let day = Day(parsing: text) else {
        throw PipelineError.usage("--as-of \"\(text)\" is not a date; write YYYY-MM-DD")
    }
    return day
}
