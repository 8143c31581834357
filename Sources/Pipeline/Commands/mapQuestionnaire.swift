import Answering
import ControlModel
import Questionnaire
import Reports
import Spreadsheet

/// How `quire map` prints.
public enum MapFormat: String, Sendable, CaseIterable {
    /// One line per item: its best controls and requirements.
    case table
    /// One document (Schemas/map.schema.json).
    case json
}

private struct MapDocument: Encodable {
    struct Control: Encodable {
        var id: String
        var score: Double
    }
    struct PastAnswer: Encodable {
        var id: String
        var similarity: Double
    }
    struct Item: Encodable {
        var id: String
        var sheet: String?
        var row: Int?
        var question: String
        var controls: [Control]
        var requirements: [String: [String]]
        var answers: [PastAnswer]

        enum CodingKeys: String, CodingKey { case id, sheet, row, question, controls, requirements, answers }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(sheet, forKey: .sheet)
            try container.encode(row, forKey: .row)
            try container.encode(question, forKey: .question)
            try container.encode(controls, forKey: .controls)
            try container.encode(requirements, forKey: .requirements)
            try container.encode(answers, forKey: .answers)
        }
    }
    var file: String
    var items: [Item]
}

/// `quire map`: prints, for every item, the controls it is about and the framework requirements
/// they carry.
public func mapQuestionnaire(
    _ request: AnsweringRequest,
    format: MapFormat,
    diagnostics: Diagnostics,
    destination: OutputDestination
) throws {
    let (questionnaire, matcher) = try request.load(diagnostics: diagnostics)
    let items = questionnaire.items.map { item in
        let match = matcher.match(item)
        return MapDocument.Item(
            id: item.id,
            sheet: item.sheet,
            row: item.row,
            question: item.question,
            controls: match.controls.map { .init(id: $0.control, score: ($0.score * 1000).rounded() / 1000) },
            requirements: match.requirements,
            answers: match.library.prefix(3).map {
                .init(
                    id: matcher.index.library.answers[$0.entry].id,
                    similarity: ($0.similarity * 1000).rounded() / 1000
                )
            }
        )
    }
    switch format {
    case .json:
        try deliver(Array(canonicalJSON(MapDocument(file: request.file, items: items)).utf8), to: destination)
    case .table:
        let frameworks = matcher.index.library.frameworks.map(\.id)
        let listing = Listing(
            columns: ["id", "controls"] + frameworks + ["question"],
            rows: items.map { item in
                [item.id, item.controls.prefix(3).map(\.id).joined(separator: " ")]
                    + frameworks.map { (item.requirements[$0] ?? []).prefix(3).joined(separator: " ") }
                    + [item.question]
            }
        )
        try deliver(Array(listing.text().utf8), to: destination)
    }
}
