import Foundation

/// One thing a conversion could not carry as it was: what, about which object, and why.
public struct MigrationNote: Sendable, Hashable, Codable {
    /// What happened to it.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Left out: the target has no place for it, or the source's field is not read.
        case dropped
        /// Joined with another (two records for one control, several ids in one cell).
        case merged
        /// Carried in another form (a relationship word, a strength turned into a confidence).
        case transformed
        /// A reference to something the input does not define (with the nearest ids).
        case unresolved
        /// Only part of it could be held (a many-to-many link the target holds one pair at a time).
        case partial
    }

    /// What happened.
    public var kind: Kind
    /// What it happened to: `control IAM-01`, `mapping A.5.1 → GC.6.1.3`, `framework nist-800-53`.
    public var subject: String
    /// The field, when it is one field (`owner`, `relationship`, `props`).
    public var field: String?
    /// What happened and why, in a sentence.
    public var detail: String
    /// Where in the input (`file:line`), when known.
    public var location: String?
    /// The ids of the objects a note about several of them concerns (`7 controls`: their ids).
    public var ids: [String]

    /// A note.
    public init(
        _ kind: Kind,
        _ subject: String,
        field: String? = nil,
        _ detail: String,
        location: String? = nil,
        ids: [String] = []
    ) {
        self.kind = kind
        self.subject = subject
        self.field = field
        self.detail = detail
        self.location = location
        self.ids = ids
    }
}

/// What a conversion did that was not a plain copy; nothing is dropped without a note.
public struct MigrationLog: Sendable, Hashable {
    /// The notes, in the order they were made.
    public var notes: [MigrationNote] = []
    /// How the input's format was recognised, one line per file.
    public var detection: [String] = []

    /// An empty log.
    public init() {}

    /// Adds a note.
    public mutating func note(
        _ kind: MigrationNote.Kind,
        _ subject: String,
        field: String? = nil,
        _ detail: String,
        location: String? = nil,
        ids: [String] = []
    ) {
        notes.append(MigrationNote(kind, subject, field: field, detail, location: location, ids: ids))
    }

    /// Notes that mean something was lost (dropped, unresolved or held in part).
    public var losses: [MigrationNote] {
        notes.filter { $0.kind == .dropped || $0.kind == .unresolved || $0.kind == .partial }
    }

    /// Notes per kind.
    public var counts: [MigrationNote.Kind: Int] {
        notes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}

/// The formats `quire convert` reads and writes.
public enum ExchangeFormat: String, Sendable, Hashable, CaseIterable {
    /// Quire's own library document (JSON or YAML, by the file's extension).
    case quire
    /// An OSCAL catalog (JSON or YAML): a framework.
    case oscalCatalog = "oscal-catalog"
    /// An OSCAL profile: a framework selected from a catalog given alongside.
    case oscalProfile = "oscal-profile"
    /// An OSCAL component definition: controls and their implementation status.
    case oscalComponentDefinition = "oscal-component-definition"
    /// An OSCAL 1.2 mapping collection: requirement ↔ requirement links.
    case oscalMappingCollection = "oscal-mapping-collection"
    /// A CISO Assistant library (YAML): frameworks, reference controls, requirement mapping sets.
    case cisoAssistant = "ciso-assistant"
    /// OpenControl `component.yaml` (and `opencontrol.yaml` naming components and standards).
    case openControl = "opencontrol"
    /// Vanta control objects as its API returns them (JSON).
    case vanta
    /// A CSV for Drata's bulk control import (its documented rules checked).
    case drata
    /// A CSV or XLSX controls table with a column profile (given, named, or guessed from the headers).
    case table
    /// compliance-trestle's CSV inputs (`csv-to-oscal-mc`, `csv-to-oscal-cd`); read only.
    case trestleCSV = "trestle-csv"

    /// The formats' names for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads a format name loosely (`OSCAL-catalog`, `oscal_catalog`, `ciso`).
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "ciso", "cisoassistant", "ciso-assistant": self = .cisoAssistant
        case "csv", "xlsx", "generic", "table": self = .table
        case "component-definition", "oscal-component", "oscal-component-definition": self = .oscalComponentDefinition
        case "mapping-collection", "oscal-mapping", "oscal-mapping-collection": self = .oscalMappingCollection
        case "catalog", "oscal", "oscal-catalog": self = .oscalCatalog
        case "profile", "oscal-profile": self = .oscalProfile
        case "open-control", "opencontrol": self = .openControl
        case "trestle", "trestle-csv": self = .trestleCSV
        default:
            guard let format = ExchangeFormat(rawValue: key) else { return nil }
            self = format
        }
    }
}
