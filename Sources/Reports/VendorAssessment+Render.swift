import Answering
import ControlModel
import Foundation
import Questionnaire
import Spreadsheet

extension AssessmentReport {
    /// The report in the form a file name asks for: a workbook for `.xlsx`, CSV for `.csv`, else
    /// the JSON document.
    public func rendered(forPath path: String) throws -> [UInt8] {
        let lower = path.lowercased()
        if lower.hasSuffix(".xlsx") { return try workbook() }
        if lower.hasSuffix(".csv") { return csv() }
        return Array(json().utf8)
    }

    // MARK: JSON

    /// The document `Schemas/assessment.schema.json` describes; canonical (sorted keys), so the
    /// same inputs give the same bytes.
    public func json() -> String {
        canonicalJSON(Document(self))
    }

    private struct Document: Encodable {
        struct FrameworkEntry: Encodable {
            var id, name: String
            var requirements: Int
        }
        struct Score: Encodable {
            var framework: String
            var requirements, judged: Int
            var counts: [String: Int]
            var score: Double?
            var coverage: Double

            enum CodingKeys: String, CodingKey { case framework, requirements, judged, counts, score, coverage }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(framework, forKey: .framework)
                try container.encode(requirements, forKey: .requirements)
                try container.encode(judged, forKey: .judged)
                try container.encode(counts, forKey: .counts)
                try container.encode(score, forKey: .score)
                try container.encode(coverage, forKey: .coverage)
            }
        }
        struct Requirement: Encodable {
            var framework, requirement, title, status: String
            var items: [String]
        }
        struct Item: Encodable {
            var file, id, location, question: String
            var sheet: String?
            var row: Int?
            var answer: NormalisedAnswer
            var riskPhrased: Bool
            var outcome: String
            var controls: [String]
            var requirements: [String: [String]]
            var followUp: String?
            var severity: Int?

            enum CodingKeys: String, CodingKey {
                case file, id, location, question, sheet, row, answer, outcome, controls, requirements, severity
                case riskPhrased = "risk_phrased"
                case followUp = "follow_up"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(file, forKey: .file)
                try container.encode(id, forKey: .id)
                try container.encode(location, forKey: .location)
                try container.encode(question, forKey: .question)
                try container.encode(sheet, forKey: .sheet)
                try container.encode(row, forKey: .row)
                try container.encode(answer, forKey: .answer)
                try container.encode(riskPhrased, forKey: .riskPhrased)
                try container.encode(outcome, forKey: .outcome)
                try container.encode(controls, forKey: .controls)
                try container.encode(requirements, forKey: .requirements)
                try container.encode(followUp, forKey: .followUp)
                try container.encode(severity, forKey: .severity)
            }

            init(_ item: AssessedItem) {
                file = item.file
                id = item.item.id
                location = item.location
                question = item.item.question
                sheet = item.item.sheet
                row = item.item.row
                answer = item.answer
                riskPhrased = item.riskPhrased
                outcome = item.outcome.rawValue
                controls = item.controls
                requirements = item.requirements
                followUp = item.followUp
                severity = item.severity
            }
        }
        struct Vendor: Encodable {
            var vendor: String
            var files: [String]
            var answers: [String: Int]
            var scores: [Score]
            var requirements: [Requirement]
            var followUps: [String]
            var topGaps: [String]
            var items: [Item]

            enum CodingKeys: String, CodingKey {
                case vendor, files, answers, scores, requirements, items
                case followUps = "follow_ups"
                case topGaps = "top_gaps"
            }
        }
        var format = "quire-assessment/1"
        var frameworks: [FrameworkEntry]
        var scoreFormula = AssessmentReport.scoreFormula
        var vendors: [Vendor]

        enum CodingKeys: String, CodingKey {
            case format, frameworks, vendors
            case scoreFormula = "score_formula"
        }

        init(_ report: AssessmentReport) {
            frameworks = report.frameworks.map { .init(id: $0.id, name: $0.name, requirements: $0.assessable.count) }
            vendors = report.vendors.map { vendor in
                let counts = vendor.answerCounts
                return Vendor(
                    vendor: vendor.vendor,
                    files: vendor.files,
                    answers: Dictionary(
                        uniqueKeysWithValues: AnswerClass.allCases.map { ($0.rawValue, counts[$0] ?? 0) }
                    ),
                    scores: vendor.scores.map { score in
                        Score(
                            framework: score.framework,
                            requirements: score.requirements,
                            judged: score.judged,
                            counts: Dictionary(
                                uniqueKeysWithValues: RequirementStatus.allCases.map {
                                    ($0.rawValue, score.counts[$0] ?? 0)
                                }
                            ),
                            score: score.score.map(rounded),
                            coverage: rounded(score.coverage)
                        )
                    },
                    requirements: vendor.coverage.filter { $0.status != .notAsked }.map {
                        .init(
                            framework: $0.framework,
                            requirement: $0.requirement,
                            title: $0.title,
                            status: $0.status.rawValue,
                            items: $0.items
                        )
                    },
                    followUps: vendor.followUps.map(Self.key),
                    topGaps: vendor.topGaps.map(Self.key),
                    items: vendor.items.map(Item.init)
                )
            }
        }

        /// How the follow-up lists name an item: its file and id, as `items` holds them.
        static func key(_ item: AssessedItem) -> String { "\(item.file)#\(item.item.id)" }
    }

    // MARK: CSV

    /// Every item of every vendor, one row each, as `Listing` writes CSV (RFC 4180, CRLF, cells a
    /// spreadsheet program would run as a formula written after an apostrophe).
    public func csv() -> [UInt8] {
        Listing(
            columns: [
                "vendor", "file", "location", "id", "question", "raw_answer", "comment", "value", "confidence",
                "read_as", "risk_phrased", "outcome", "follow_up", "severity", "controls",
            ] + frameworks.map(\.id),
            rows: vendors.flatMap { vendor in
                vendor.items.map { item in
                    [
                        vendor.vendor, item.file, item.location, item.item.id, item.item.question,
                        item.answer.raw ?? "",
                        item.answer.comment ?? "", item.answer.value.rawValue, formatConfidence(item.answer.confidence),
                        item.answer.because, item.riskPhrased ? "yes" : "", item.outcome.rawValue, item.followUp ?? "",
                        item.severity.map(String.init) ?? "", item.controls.joined(separator: " "),
                    ] + frameworks.map { (item.requirements[$0.id] ?? []).joined(separator: " ") }
                }
            }
        ).csv()
    }

    // MARK: Workbook

    /// The workbook: "Summary" (answers counted per vendor, and the score formula), "Scores"
    /// (per vendor and framework: requirements per status, the score as a live formula over those
    /// cells, and the formula in words), "Comparison" (requirements × vendors), "Follow-ups" (with
    /// the cell in the vendor's file), then one sheet per vendor with every item.
    public func workbook() throws -> [UInt8] {
        var sheets = [summarySheet(), scoresSheet(), comparisonSheet(), followUpSheet()]
        var used: Set<String> = ["summary", "scores", "comparison", "follow-ups"]
        for vendor in vendors {
            sheets.append(vendorSheet(vendor, name: Self.sheetName(for: vendor.vendor, avoiding: &used)))
        }
        var writer = XLSXWorkbookWriter()
        for var sheet in sheets {
            sheet.printSetup = XLSXPrintSetup(footer: "Vendor assessment: \(sheet.name)")
            writer.addSheet(sheet)
        }
        return try writer.data()
    }

    private func summarySheet() -> XLSXSheet {
        var rows: [[XLSXValue]] = vendors.map { vendor in
            let counts = vendor.answerCounts
            return [
                .text(vendor.vendor), .text(vendor.files.joined(separator: "\n")), .number(Double(vendor.items.count)),
            ]
                + AnswerClass.allCases.map { .number(Double(counts[$0] ?? 0)) }
                + [.number(Double(vendor.followUps.count))]
        }
        rows.append([])
        rows.append([.text("Score"), .text(Self.scoreFormula)])
        rows.append([.text("Requirements"), .text(Self.requirementsNote)])
        return XLSXSheet(
            name: "Summary",
            columns: [XLSXColumn("Vendor", width: 24), XLSXColumn("Files", width: 40, wrap: true), XLSXColumn("Items")]
                + AnswerClass.allCases.map { XLSXColumn(Self.label($0), width: 11) }
                + [XLSXColumn("Follow-ups", width: 11)],
            rows: rows
        )
    }

    /// How an item counts for requirements, in words.
    static let requirementsNote =
        "Each item counts for the top \(requirementsPerItem) requirements per framework that quire map gives it; "
        + "a requirement is contradicted by any bad answer mapped to it, partial by a partial one, supported by a good one."

    private func scoresSheet() -> XLSXSheet {
        let statuses: [RequirementStatus] = [
            .supported, .partial, .contradicted, .unclear, .unanswered, .described, .notApplicable, .notAsked,
        ]
        var rows: [[XLSXValue]] = []
        for vendor in vendors {
            for score in vendor.scores {
                let row = rows.count + 2
                var cells: [XLSXValue] = [
                    .text(vendor.vendor), .text(score.framework), .number(Double(score.requirements)),
                ]
                cells += statuses.map { .number(Double(score.counts[$0] ?? 0)) }
                // D…H hold supported, partial, contradicted, unclear, unanswered; K not asked.
                if let value = score.score {
                    cells.append(.formula("(D\(row)+0.5*E\(row))/SUM(D\(row):H\(row))", cached: value))
                } else {
                    cells.append(.empty)
                }
                cells.append(
                    score.requirements > 0 ? .formula("(C\(row)-K\(row))/C\(row)", cached: score.coverage) : .empty
                )
                cells.append(.text("(D+0.5×E)/(D+E+F+G+H): " + Self.scoreFormula))
                rows.append(cells)
            }
        }
        return XLSXSheet(
            name: "Scores",
            columns: [XLSXColumn("Vendor", width: 24), XLSXColumn("Framework", width: 16), XLSXColumn("Requirements")]
                + statuses.map { XLSXColumn(Self.label($0), width: 12) }
                + [
                    XLSXColumn("Score", width: 8), XLSXColumn("Asked", width: 8),
                    XLSXColumn("How the score is made", width: 60, wrap: true),
                ],
            rows: rows
        )
    }

    private func comparisonSheet() -> XLSXSheet {
        var rows: [[XLSXValue]] = []
        for (index, requirement) in (vendors.first?.coverage ?? []).enumerated() {
            rows.append(
                [.text(requirement.framework), .text(requirement.requirement), .text(requirement.title)]
                    + vendors.map { .text(Self.label($0.coverage[index].status)) }
            )
        }
        return XLSXSheet(
            name: "Comparison",
            columns: [
                XLSXColumn("Framework", width: 16), XLSXColumn("Requirement", width: 12),
                XLSXColumn("Title", width: 50),
            ]
                + vendors.map { XLSXColumn($0.vendor, width: 16) },
            rows: rows,
            freezeColumns: 3
        )
    }

    private func followUpSheet() -> XLSXSheet {
        let rows: [[XLSXValue]] = vendors.flatMap { vendor in
            vendor.followUps.map { item in
                [
                    .text(vendor.vendor), .text(item.file), .text(item.location), .text(item.item.id),
                    .text(item.item.question), .text(item.answer.raw ?? ""), .text(item.answer.comment ?? ""),
                    .text(Self.label(item.answer.value)), .text(item.followUp ?? ""),
                    item.severity.map { .number(Double($0)) } ?? .empty,
                    .text(requirementList(item)),
                ]
            }
        }
        return XLSXSheet(
            name: "Follow-ups",
            columns: [
                XLSXColumn("Vendor", width: 20), XLSXColumn("File", width: 24), XLSXColumn("Where", width: 22),
                XLSXColumn("ID", width: 10), XLSXColumn("Question", width: 60, wrap: true),
                XLSXColumn("Answer", width: 30, wrap: true), XLSXColumn("Comment", width: 40, wrap: true),
                XLSXColumn("Read as", width: 12), XLSXColumn("Why follow up", width: 40, wrap: true),
                XLSXColumn("Severity", width: 8), XLSXColumn("Requirements", width: 30, wrap: true),
            ],
            rows: rows
        )
    }

    private func vendorSheet(_ vendor: VendorAssessment, name: String) -> XLSXSheet {
        let rows: [[XLSXValue]] = vendor.items.map { item in
            [
                .text(item.file), .text(item.location), .text(item.item.id), .text(item.item.question),
                .text(item.answer.raw ?? ""), .text(item.answer.comment ?? ""), .text(Self.label(item.answer.value)),
                .number((item.answer.confidence * 100).rounded() / 100), .text(item.answer.because),
                .text(item.riskPhrased ? "Yes" : ""), .text(item.outcome.rawValue), .text(item.followUp ?? ""),
                .text(item.controls.joined(separator: " ")),
            ] + frameworks.map { .text((item.requirements[$0.id] ?? []).joined(separator: " ")) }
        }
        return XLSXSheet(
            name: name,
            columns: [
                XLSXColumn("File", width: 24), XLSXColumn("Where", width: 22), XLSXColumn("ID", width: 10),
                XLSXColumn("Question", width: 60, wrap: true), XLSXColumn("Answer", width: 30, wrap: true),
                XLSXColumn("Comment", width: 40, wrap: true), XLSXColumn("Read as", width: 12),
                XLSXColumn("Confidence", width: 10), XLSXColumn("How it was read", width: 36, wrap: true),
                XLSXColumn("Risk-phrased", width: 8), XLSXColumn("Outcome", width: 12),
                XLSXColumn("Follow-up", width: 40, wrap: true), XLSXColumn("Controls", width: 18),
            ] + frameworks.map { XLSXColumn($0.id, width: 18) },
            rows: rows
        )
    }

    private func requirementList(_ item: AssessedItem) -> String {
        frameworks.compactMap { framework in
            item.requirements[framework.id].map { "\(framework.id): \($0.joined(separator: " "))" }
        }.joined(separator: "; ")
    }

    /// A sheet name for a vendor: the characters a tab may hold, at most 31, unique without regard
    /// to case among `used`.
    static func sheetName(for vendor: String, avoiding used: inout Set<String>) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(vendor.filter { !forbidden.contains($0) && !$0.isNewline }.prefix(31))
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Vendor" }
        var name = base
        var number = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(number))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        used.insert(name.lowercased())
        return name
    }

    static func label(_ value: AnswerClass) -> String {
        switch value {
        case .yes: "Yes"
        case .no: "No"
        case .partial: "Partial"
        case .notApplicable: "N/A"
        case .unanswered: "Unanswered"
        case .text: "Text"
        case .unclear: "Unclear"
        }
    }

    static func label(_ status: RequirementStatus) -> String {
        switch status {
        case .contradicted: "Contradicted"
        case .partial: "Partial"
        case .supported: "Supported"
        case .described: "Described"
        case .unclear: "Unclear"
        case .unanswered: "Unanswered"
        case .notApplicable: "Not applicable"
        case .notAsked: "Not asked"
        }
    }
}

private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
