import Answering
import ControlModel
import Foundation
import Reports

/// What a run did, as `run.json`, `run.md` and a self-contained `report.html`.
///
/// Nothing in it depends on the time of the run or the order tasks finished in, so the same
/// inputs give the same bytes.
struct RunSummary {
    var config: RunConfig
    var asOf: Day
    var files: [FileOutcome]
    var answers: [(file: String, answer: RecordedAnswer)]
    var assessment: AssessmentReport?
    var coverage: [FrameworkCoverage]
    var evidence: [Evidence]
    var written: [String]
    /// What changed since the previous recorded run (nil for the first).
    var changes: HistoryDiff? = nil
    /// Coverage per framework over the recorded runs, this one included.
    var trend: [(run: Int64, framework: String, percent: Double)] = []

    var failed: [FileOutcome] { files.filter { $0.error != nil } }
    /// Every answer a person must look at: proposals to review and items with no answer.
    var reviewQueue: [(file: String, answer: RecordedAnswer)] { answers.filter { $0.answer.review } }
    /// Proposals to review (a value, not written without a person).
    var reviewItems: [(file: String, answer: RecordedAnswer)] {
        answers.filter { $0.answer.review && $0.answer.value != nil }
    }

    var exitCode: Int32 {
        if !failed.isEmpty { return RunExit.inputsFailed }
        let followUps = assessment?.vendors.contains { !$0.followUps.isEmpty } ?? false
        return reviewQueue.isEmpty && !followUps ? RunExit.done : RunExit.review
    }

    /// Answers per basis, over every questionnaire.
    var byBasis: [(String, Int)] {
        AnswerBasis.allCases.map { basis in (basis.rawValue, answers.count { $0.answer.basis == basis.rawValue }) }
            .filter { $0.1 > 0 }
    }

    /// Evidence whose validity ends within 30, 60 and 90 days of the as-of day, and already ended.
    var expiring: [(String, [Evidence])] {
        func within(_ days: Int) -> [Evidence] {
            evidence.filter { item in
                guard let until = item.validUntil else { return false }
                let left = until.daysSinceEpoch - asOf.daysSinceEpoch
                return left >= 0 && left < days
            }
        }
        let expired = evidence.filter { item in item.validUntil.map { $0 < asOf } ?? false }
        return [
            ("expired", expired), ("within 30 days", within(30)), ("within 60 days", within(60)),
            ("within 90 days", within(90)),
        ]
    }

    var line: String {
        let questionnaires = files.filter { $0.kind == "questionnaire" }
        let answered = questionnaires.reduce(0) { $0 + $1.answered }
        return "\(config.file): \(counted(questionnaires.count, "questionnaire")) (\(answered) answered, "
            + "\(reviewItems.count) to review), \(counted(files.count { $0.kind == "vendor" }, "vendor file")), "
            + "\(failed.count) failed; exit \(exitCode)"
    }

    // MARK: JSON

    func json() -> String {
        struct Document: Encodable {
            struct File: Encodable {
                var file, kind: String
                var error: String?
                var items, answered, review, unanswered: Int
                var outputs: [String]
                var reusedFrom: Int64?

                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(file, forKey: .file)
                    try container.encode(kind, forKey: .kind)
                    try container.encode(error, forKey: .error)
                    try container.encode(items, forKey: .items)
                    try container.encode(answered, forKey: .answered)
                    try container.encode(review, forKey: .review)
                    try container.encode(unanswered, forKey: .unanswered)
                    try container.encode(outputs, forKey: .outputs)
                    try container.encode(reusedFrom, forKey: .reusedFrom)
                }
                enum CodingKeys: String, CodingKey {
                    case file, kind, error, items, answered, review, unanswered, outputs
                    case reusedFrom = "reused_from"
                }
            }
            struct Changes: Encodable {
                var from, to: Int64
                var inputsChanged, evidenceLapsed, evidenceRenewed, gapsOpened, gapsClosed: [String]
                var answersChanged, newReview: [String]

                enum CodingKeys: String, CodingKey {
                    case from, to
                    case inputsChanged = "inputs_changed"
                    case evidenceLapsed = "evidence_newly_expired_or_failing"
                    case evidenceRenewed = "evidence_live_again"
                    case gapsOpened = "gaps_opened"
                    case gapsClosed = "gaps_closed"
                    case answersChanged = "answers_changed"
                    case newReview = "new_review_items"
                }
            }
            struct Vendor: Encodable {
                var vendor: String
                var items, followUps: Int
                var scores: [String: Double?]

                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(vendor, forKey: .vendor)
                    try container.encode(items, forKey: .items)
                    try container.encode(followUps, forKey: .followUps)
                    try container.encode(scores, forKey: .scores)
                }
                enum CodingKeys: String, CodingKey {
                    case vendor, items, scores
                    case followUps = "follow_ups"
                }
            }
            var format = "quire-run/1"
            var config: String
            var asOf: String
            var stages: [String]
            var exit: Int32
            var files: [File]
            var answersByBasis: [String: Int]
            var review: Int
            var reports: [String]
            var coverage: [String: Double]
            var evidenceExpiring: [String: [String]]
            var changes: Changes?
            var vendors: [Vendor]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(format, forKey: .format)
                try container.encode(config, forKey: .config)
                try container.encode(asOf, forKey: .asOf)
                try container.encode(stages, forKey: .stages)
                try container.encode(exit, forKey: .exit)
                try container.encode(files, forKey: .files)
                try container.encode(answersByBasis, forKey: .answersByBasis)
                try container.encode(review, forKey: .review)
                try container.encode(reports, forKey: .reports)
                try container.encode(coverage, forKey: .coverage)
                try container.encode(evidenceExpiring, forKey: .evidenceExpiring)
                try container.encode(changes, forKey: .changes)
                try container.encode(vendors, forKey: .vendors)
            }

            enum CodingKeys: String, CodingKey {
                case format, config, stages, exit, files, review, reports, coverage, changes, vendors
                case asOf = "as_of"
                case answersByBasis = "answers_by_basis"
                case evidenceExpiring = "evidence_expiring"
            }
        }
        let document = Document(
            config: config.file,
            asOf: asOf.description,
            stages: config.stages,
            exit: exitCode,
            files: files.map {
                .init(
                    file: $0.file,
                    kind: $0.kind,
                    error: $0.error,
                    items: $0.items,
                    answered: $0.answered,
                    review: $0.review,
                    unanswered: $0.unanswered,
                    outputs: $0.outputs,
                    reusedFrom: $0.reusedFrom
                )
            },
            answersByBasis: Dictionary(uniqueKeysWithValues: byBasis),
            review: reviewItems.count,
            reports: written + (assessment == nil ? [] : ["vendors.xlsx", "vendors.json"]) + [
                "run.json", "run.md", "report.html",
            ],
            coverage: Dictionary(
                uniqueKeysWithValues: coverage.map { ($0.framework.id, ($0.coveredPercent * 10).rounded() / 10) }
            ),
            evidenceExpiring: Dictionary(uniqueKeysWithValues: expiring.map { ($0.0, $0.1.map(\.id)) }),
            changes: changes.map {
                .init(
                    from: $0.from,
                    to: $0.to,
                    inputsChanged: $0.changedInputs,
                    evidenceLapsed: $0.lapsedEvidence,
                    evidenceRenewed: $0.renewedEvidence,
                    gapsOpened: $0.openedGaps,
                    gapsClosed: $0.closedGaps,
                    answersChanged: $0.changedAnswers,
                    newReview: $0.newReview
                )
            },
            vendors: (assessment?.vendors ?? []).map { vendor in
                .init(
                    vendor: vendor.vendor,
                    items: vendor.items.count,
                    followUps: vendor.followUps.count,
                    scores: Dictionary(
                        uniqueKeysWithValues: vendor.scores.map {
                            ($0.framework, $0.score.map { ($0 * 1000).rounded() / 10 })
                        }
                    )
                )
            }
        )
        return canonicalJSON(document) + "\n"
    }

    // MARK: Markdown

    func markdown() -> String {
        var lines = ["# Quire run: \(config.file)", "", "As of \(asOf). Exit \(exitCode) (\(exitMeaning)).", ""]
        let questionnaires = files.filter { $0.kind == "questionnaire" }
        lines.append(
            "- Questionnaires: \(questionnaires.count), \(failed.filter { $0.kind == "questionnaire" }.count) failed"
        )
        lines.append("- Answers: \(answers.count), \(reviewItems.count) to review")
        if let assessment { lines.append("- Vendors assessed: \(assessment.vendors.count)") }
        for framework in coverage {
            lines.append(
                "- \(framework.framework.id): \(percent(points: framework.coveredPercent)) covered, \(framework.gaps.count) gaps"
            )
        }
        for (window, items) in expiring where !items.isEmpty {
            lines.append("- Evidence \(window): \(items.map(\.id).joined(separator: ", "))")
        }
        for file in failed { lines.append("- Failed: \(file.file): \(file.error ?? "")") }
        if let changes {
            lines.append("")
            lines.append("## Since the previous run (\(changes.from))")
            lines.append("")
            if changes.isEmpty { lines.append("Nothing changed.") }
            for (title, items) in changes.sections where !items.isEmpty {
                lines.append(
                    "- \(title): " + items.prefix(20).joined(separator: "; ") + (items.count > 20 ? "; …" : "")
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var exitMeaning: String {
        switch exitCode {
        case RunExit.done: "done"
        case RunExit.review: "done, items need review"
        default: "some inputs failed"
        }
    }

    // MARK: HTML

    /// One page, no external assets or scripts: headings, tables, and inline SVG bar charts whose
    /// numbers are in the table beside each.
    func html() -> String {
        var body: [String] = []
        body.append("<h1>Quire run</h1>")
        body.append(
            "<p>Config <code>\(escape(config.file))</code>, as of \(asOf). Exit \(exitCode): \(escape(exitMeaning)).</p>"
        )
        if Set(trend.map(\.run)).count > 1 {
            body.append("<h2>Coverage over the recorded runs</h2>")
            for framework in orderedFrameworks(trend) {
                let points = trend.filter { $0.framework == framework }
                body.append(
                    chart(
                        title: "\(framework) coverage by run",
                        bars: points.map { ("run \($0.run)", $0.percent) },
                        unit: "%"
                    )
                )
                body.append(
                    table(
                        caption: "\(framework): requirements covered, by run",
                        headers: ["run", "covered"],
                        rows: points.map { ["\($0.run)", percent(points: $0.percent)] }
                    )
                )
            }
        }
        if let changes {
            body.append("<h2>Since the previous run</h2>")
            if changes.isEmpty {
                body.append("<p>Nothing changed since run \(changes.from).</p>")
            } else {
                body.append(
                    chart(
                        title: "Changes since run \(changes.from)",
                        bars: changes.sections.map { ($0.0, Double($0.1.count)) },
                        unit: ""
                    )
                )
                body.append(
                    table(
                        caption: "Changes since run \(changes.from), by kind",
                        headers: ["change", "count"],
                        rows: changes.sections.map { [$0.0, String($0.1.count)] }
                    )
                )
            }
            // Each kind of change as a list, set in columns: a hundred evidence ids stay on a screen.
            for (title, items) in changes.sections where !items.isEmpty {
                body.append("<h3>\(escape(title)) (\(items.count))</h3>")
                body.append(
                    "<ul class=\"changes\">" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
                )
            }
        }
        body.append("<h2>Inputs</h2>")
        body.append(
            table(
                caption: "Files read, and what became of them",
                headers: ["file", "kind", "items", "answered", "to review", "unanswered", "result"],
                rows: files.map {
                    [
                        $0.file, $0.kind, String($0.items), String($0.answered), String($0.review),
                        String($0.unanswered), $0.error ?? "done",
                    ]
                }
            )
        )
        if !answers.isEmpty {
            body.append("<h2>Answers by basis</h2>")
            body.append(chart(title: "Answers by basis", bars: byBasis.map { ($0.0, Double($0.1)) }, unit: ""))
            body.append(
                table(
                    caption: "Answers by basis",
                    headers: ["basis", "answers"],
                    rows: byBasis.map { [$0.0, String($0.1)] }
                )
            )
            let bands = [(0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01)]
            let counts = bands.map { band in
                (
                    "\(band.0)–\(min(band.1, 1.0))",
                    answers.count {
                        $0.answer.value != nil && $0.answer.confidence >= band.0 && $0.answer.confidence < band.1
                    }
                )
            }
            body.append(chart(title: "Answers by confidence", bars: counts.map { ($0.0, Double($0.1)) }, unit: ""))
            body.append(
                table(
                    caption: "Answers with a value, by confidence",
                    headers: ["confidence", "answers"],
                    rows: counts.map { [$0.0, String($0.1)] }
                )
            )
        }
        if !coverage.isEmpty {
            body.append("<h2>Coverage per framework</h2>")
            body.append(
                chart(
                    title: "Requirements covered",
                    bars: coverage.map { ($0.framework.id, $0.coveredPercent) },
                    unit: "%"
                )
            )
            body.append(
                table(
                    caption: "Coverage per framework",
                    headers: ["framework", "requirements", "covered", "gaps"],
                    rows: coverage.map {
                        [
                            $0.framework.id, String($0.requirements.count), percent(points: $0.coveredPercent),
                            String($0.gaps.count),
                        ]
                    }
                )
            )
        }
        body.append("<h2>Review queue</h2>")
        let queued = files.filter { $0.kind == "questionnaire" && $0.error == nil }
        body.append(
            chart(
                title: "Items to review or answer, by questionnaire",
                bars: queued.map {
                    (URL(fileURLWithPath: $0.file).lastPathComponent, Double($0.review + $0.unanswered))
                },
                unit: ""
            )
        )
        body.append(
            table(
                caption: "Items to review or answer, by questionnaire",
                headers: ["questionnaire", "proposals to review", "unanswered"],
                rows: queued.map { [$0.file, String($0.review), String($0.unanswered)] }
            )
        )
        body.append(
            table(
                caption:
                    "Answers that need a person, proposals and unanswered items (first 200 of \(reviewQueue.count))",
                headers: ["file", "item", "question", "proposed", "reason"],
                rows: reviewQueue.prefix(200).map {
                    [$0.file, $0.answer.id, $0.answer.question, $0.answer.value ?? "", $0.answer.reviewReason ?? ""]
                }
            )
        )
        body.append("<h2>Evidence expiring</h2>")
        body.append(chart(title: "Evidence by expiry", bars: expiring.map { ($0.0, Double($0.1.count)) }, unit: ""))
        body.append(
            table(
                caption: "Evidence expired or expiring",
                headers: ["when", "items"],
                rows: expiring.map {
                    [$0.0, $0.1.map { "\($0.id) (\($0.validUntil?.description ?? ""))" }.joined(separator: ", ")]
                }
            )
        )
        if let assessment {
            body.append("<h2>Vendors</h2>")
            body.append(
                chart(
                    title: "Vendor scores",
                    bars: assessment.vendors.flatMap { vendor in
                        vendor.scores.compactMap { score in
                            score.score.map { ("\(vendor.vendor) · \(score.framework)", $0 * 100) }
                        }
                    },
                    unit: "%"
                )
            )
            body.append(
                table(
                    caption: "Vendor assessments: score per framework (\(AssessmentReport.scoreFormula))",
                    headers: ["vendor", "items", "follow-ups"] + (assessment.frameworks.map(\.id)),
                    rows: assessment.vendors.map { vendor in
                        [vendor.vendor, String(vendor.items.count), String(vendor.followUps.count)]
                            + vendor.scores.map { score in score.score.map { percent($0) } ?? "–" }
                    }
                )
            )
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Quire run report</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; max-width: 70rem; }
            table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
            caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
            table { min-width: 24rem; }
            ul.changes { columns: 18rem; column-gap: 2rem; margin: 0.25rem 0 1rem; }
            th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
            th { background: #eee; }
            svg text { font-size: 12px; fill: #111; }
            @media print { body { margin: 0; } h2 { break-after: avoid; } table { break-inside: auto; } }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func orderedFrameworks(_ trend: [(run: Int64, framework: String, percent: Double)]) -> [String] {
        var seen = Set<String>()
        return trend.map(\.framework).filter { seen.insert($0).inserted }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func table(caption: String, headers: [String], rows: [[String]]) -> String {
        let head = headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
        let cells = rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return
            "<table>\n<caption>\(escape(caption))</caption>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(cells)\n</tbody>\n</table>"
    }

    /// A horizontal bar chart: a bar per label, its value written beside it.
    private func chart(title: String, bars: [(String, Double)], unit: String) -> String {
        // A chart of nothing but zeros says so in words; its table beside it still lists them.
        guard bars.contains(where: { $0.1 > 0 }) else { return "<p>\(escape(title)): none.</p>" }
        let maximum = max(bars.map(\.1).max() ?? 0, unit == "%" ? 100 : 1)
        let rowHeight = 22
        let height = bars.count * rowHeight + 10
        // Labels get the room their text needs (about 7 pixels a character at 12 px), up to 320.
        let labelWidth = min((bars.map(\.0.count).max() ?? 0) * 7 + 12, 320)
        let width = labelWidth + 370
        var parts = [
            "<svg role=\"img\" aria-labelledby=\"\(id(title))\" width=\"\(width)\" height=\"\(height)\" "
                + "viewBox=\"0 0 \(width) \(height)\">",
            "<title id=\"\(id(title))\">\(escape(title)): "
                + escape(bars.map { "\($0.0) \(format($0.1))\(unit)" }.joined(separator: ", ")) + "</title>",
        ]
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * rowHeight
            let length = Int((bar.1 / maximum * 300).rounded())
            parts.append("<text x=\"0\" y=\"\(y + 15)\">\(escape(bar.0))</text>")
            if length > 0 {
                parts.append(
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"16\" fill=\"#3a6ea5\"></rect>"
                )
            }
            parts.append("<text x=\"\(labelWidth + 5 + length)\" y=\"\(y + 15)\">\(format(bar.1))\(unit)</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A chart's element id: its title's letters and digits, other runs of characters as `-`
    /// (titles are unique on the page, and so are their ids).
    private func id(_ title: String) -> String {
        var id = "chart"
        for character in title.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                id.append(character)
            } else if id.last != "-" {
                id.append("-")
            }
        }
        return id
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// A share (0–1) in percent.
    private func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// A percentage (0–100) as written.
    private func percent(points: Double) -> String { String(format: "%.1f%%", points) }
}
