public import ControlModel
import Spreadsheet

/// The crosswalk between frameworks: the controls with their mappings, a requirement-by-requirement
/// matrix per framework pair, every correspondence as a list, and each framework's coverage and gaps.
///
/// Correspondences are derived through shared controls (``LibraryIndex/correspondences(of:in:)``).
public struct Crosswalk: Sendable, Hashable {
    /// One control and how it maps to each framework.
    public struct ControlRow: Sendable, Hashable {
        /// The control.
        public var control: Control
        /// Its implementation status, if recorded.
        public var status: ImplementationStatus?
        /// Per framework (in ``Crosswalk/frameworks`` order): its mappings, `A.5.15; A.8.2 (subset)`.
        public var mappings: [String]
    }

    /// The matrix of one framework pair.
    public struct PairMatrix: Sendable, Hashable {
        /// The rows' framework.
        public var first: Framework
        /// The columns' framework.
        public var second: Framework
        /// The sheet's tab name, unique and within Excel's rules.
        public var sheetName: String
        /// One row per assessable requirement of ``first``: a cell per assessable requirement of
        /// ``second``, `intersects: IAM-01, IAM-02` where they correspond, empty elsewhere.
        public var cells: [[String]]
    }

    /// One link between two requirements.
    public struct Link: Sendable, Hashable {
        /// The requirement of the first framework.
        public var from: RequirementReference
        /// Its title.
        public var fromTitle: String
        /// The requirement of the second framework.
        public var to: RequirementReference
        /// Its title.
        public var toTitle: String
        /// The relationship the shared controls prove.
        public var relationship: Relationship
        /// The controls that carry it, each once.
        public var controls: [String]
    }

    /// The frameworks, in the order named.
    public var frameworks: [Framework]
    /// The controls that map to at least one of them.
    public var controls: [ControlRow]
    /// One matrix per pair, in the order named.
    public var pairs: [PairMatrix]
    /// Every link shown in the matrices.
    public var links: [Link]
    /// Each framework's coverage.
    public var coverage: [FrameworkCoverage]

    /// Builds the crosswalk of `frameworks` from a library, judging evidence on `asOf`.
    /// - Throws: ``ReportError`` when fewer than two frameworks are given, or one twice.
    public init(index: LibraryIndex, frameworks: [Framework], asOf: Day) throws(ReportError) {
        guard frameworks.count >= 2 else { throw .tooFewFrameworks(count: frameworks.count) }
        for (position, framework) in frameworks.enumerated()
        where frameworks[..<position].contains(where: { $0.id == framework.id }) {
            throw .frameworkNamedTwice(id: framework.id)
        }
        self.frameworks = frameworks
        controls = index.library.controls.compactMap { control in
            let mapped = frameworks.map { framework in
                control.mappings.filter { $0.requirement.framework == framework.id }
                    .map {
                        $0.relationship == .intersects
                            ? $0.requirement.id : "\($0.requirement.id) (\($0.relationship.rawValue))"
                    }
                    .joined(separator: "; ")
            }
            guard mapped.contains(where: { !$0.isEmpty }) else { return nil }
            return ControlRow(control: control, status: index.implementation(of: control.id)?.status, mappings: mapped)
        }
        var taken: Set<String> = ["controls", "correspondences", "coverage", "gaps"]
        var pairs: [PairMatrix] = []
        var links: [Link] = []
        for (position, first) in frameworks.enumerated() {
            for second in frameworks[(position + 1)...] {
                let columnOfTarget = Dictionary(
                    second.assessable.enumerated().map { ($1.id, $0) },
                    uniquingKeysWith: { first, _ in first }
                )
                var cells: [[String]] = []
                for requirement in first.assessable {
                    var row = [String](repeating: "", count: second.assessable.count)
                    let source = RequirementReference(framework: first.id, id: requirement.id)
                    for correspondence in index.correspondences(of: source, in: second.id) {
                        // A mapping to a heading (warned about when the library is read) has no column.
                        guard let column = columnOfTarget[correspondence.requirement.id] else { continue }
                        var controls: [String] = []
                        for link in correspondence.links where !controls.contains(link.control) {
                            controls.append(link.control)
                        }
                        row[column] = "\(correspondence.relationship.rawValue): \(controls.joined(separator: ", "))"
                        links.append(
                            Link(
                                from: source,
                                fromTitle: requirement.title,
                                to: correspondence.requirement,
                                toTitle: index.requirement(correspondence.requirement)?.title ?? "",
                                relationship: correspondence.relationship,
                                controls: controls
                            )
                        )
                    }
                    cells.append(row)
                }
                pairs.append(
                    PairMatrix(
                        first: first,
                        second: second,
                        sheetName: pairSheetName(first.id, second.id, taken: &taken),
                        cells: cells
                    )
                )
            }
        }
        self.pairs = pairs
        self.links = links
        coverage = frameworks.map { index.coverage(of: $0, asOf: asOf) }
    }

    /// The crosswalk as a workbook: Controls, one sheet per pair, Correspondences, Coverage, Gaps.
    public func workbook() throws -> [UInt8] {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(
                name: "Controls",
                columns: [
                    XLSXColumn("Control", width: 10), XLSXColumn("Title", width: 40, wrap: true),
                    XLSXColumn("Domain", width: 24), XLSXColumn("Status", width: 14),
                ] + frameworks.map { XLSXColumn($0.id, width: 28, wrap: true) },
                rows: controls.map { row in
                    [
                        .text(row.control.id), .text(row.control.title), .text(row.control.domain),
                        .text(row.status?.rawValue ?? ""),
                    ] + row.mappings.map { .text($0) }
                }
            )
        )
        for pair in pairs { writer.addSheet(matrixSheet(pair)) }
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
                rows: links.map { link in
                    [
                        .text(link.from.framework), .text(link.from.id), .text(link.fromTitle),
                        .text(link.to.framework), .text(link.to.id), .text(link.toTitle),
                        .text(link.relationship.rawValue), .text(link.controls.joined(separator: ", ")),
                    ]
                }
            )
        )
        writer.addSheet(
            XLSXSheet(
                name: "Coverage",
                columns: [
                    XLSXColumn("Framework", width: 16), XLSXColumn("Requirements"), XLSXColumn("Covered"),
                    XLSXColumn("Partly covered"), XLSXColumn("Not covered"), XLSXColumn("Covered %"),
                ],
                rows: coverage.map { framework in
                    [
                        .text(framework.framework.id), .number(Double(framework.requirements.count)),
                        .number(Double(framework.count(.covered))), .number(Double(framework.count(.partly))),
                        .number(Double(framework.count(.notCovered))), .number(framework.coveredPercent),
                    ]
                }
            )
        )
        writer.addSheet(GapList.sheet(coverage.flatMap(\.gapRows), asOf: coverage[0].asOf))
        return try writer.data()
    }

    private func matrixSheet(_ pair: PairMatrix) -> XLSXSheet {
        let first = pair.first
        let idWidth = Double(min(max(first.assessable.map(\.id.count).max() ?? 0, 10) + 2, 30))
        let columns =
            [
                XLSXColumn("\(first.id) \u{2193} \(pair.second.id) \u{2192}", width: idWidth, wrap: true),
                XLSXColumn("Title", width: 36, wrap: true),
            ] + pair.second.assessable.map { XLSXColumn($0.id, width: 18, wrap: true) }
        let rows: [[XLSXValue]] = zip(first.assessable, pair.cells).map { requirement, cells in
            [.text(requirement.id), .text(requirement.title)] + cells.map { $0.isEmpty ? .empty : .text($0) }
        }
        return XLSXSheet(name: pair.sheetName, columns: columns, rows: rows, freezeColumns: 2)
    }
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
