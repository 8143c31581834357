import ControlModel
import Foundation
import Testing

@testable import Exchange

/// OSCAL read and written: the corpus's real catalogs, profiles, component definitions and mapping
/// collections, and round trips of what Quire writes.
@Suite struct OSCALTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The OSCAL, BSI and trestle files copied from the corpus (their licences in SOURCES.md there).
    static let exchange = root.appendingPathComponent("Tests/Fixtures/exchange")

    static func document(_ relative: String) throws -> DocumentNode {
        let path = exchange.appendingPathComponent(relative).path
        let data = try #require(
            FileManager.default.contents(atPath: path),
            "\(path) is missing from Tests/Fixtures/exchange"
        )
        return try parseDocument([UInt8](data), file: path)
    }

    static func reparse(_ node: OutputNode, yaml: Bool = false) throws -> DocumentNode {
        try parseDocument(Array((yaml ? node.yaml() : node.json()).utf8), file: "written")
    }

    /// A library written as a mapping collection and read back.
    static func throughMappingCollection(_ library: Library, log: inout MigrationLog) throws -> Library {
        let frameworks = Library.builtIn.frameworks
        let written = OSCAL.writeMappingCollection(library, frameworks: frameworks, name: "x", log: &log)
        return OSCAL.readMappingCollection(try reparse(written), file: "mc.json", frameworks: frameworks, log: &log)
    }

    @Test func theNISTBasicCatalogInJSONAndYAMLGivesOneFramework() throws {
        var log = MigrationLog()
        let json = OSCAL.readCatalog(
            try Self.document("oscal/nist-basic-catalog.json"),
            file: "a.json",
            id: "basic",
            log: &log
        )
        let yaml = OSCAL.readCatalog(
            try Self.document("oscal/nist-basic-catalog.yaml"),
            file: "a.json",
            id: "basic",
            log: &log
        )
        #expect(json.requirements == yaml.requirements)
        #expect(json.requirements.first?.isHeading == true)
        let control = try #require(json.requirements.first { $0.id == "1.1.1" })
        #expect(control.title == "Information security roles and responsibilities" && !control.isHeading)
        #expect(json.aliases["s1.1.1"] == ["1.1.1"])
        #expect(log.notes.contains { $0.field == "parts on controls" && $0.kind == .dropped })
        #expect(log.notes.contains { $0.field == "params on controls" })
    }

    @Test func aCatalogRoundTripsThroughQuire() throws {
        var log = MigrationLog()
        let framework = OSCAL.readCatalog(
            try Self.document("oscal/nist-basic-catalog.json"),
            file: "a.json",
            id: "basic",
            log: &log
        )
        for yaml in [false, true] {
            let written = OSCAL.writeCatalog(framework, log: &log)
            let again = OSCAL.readCatalog(try Self.reparse(written, yaml: yaml), file: "a.json", id: "basic", log: &log)
            #expect(again.requirements == framework.requirements)
            #expect(again.aliases == framework.aliases)
            #expect(again.name == framework.name)
        }
    }

    @Test func aBuiltInFrameworkWrittenAsACatalogReadsBackWithItsIds() throws {
        let iso = try #require(Library.builtIn.frameworks.first { $0.id == "iso27001-2022" })
        var log = MigrationLog()
        let written = OSCAL.writeCatalog(iso, log: &log)
        let again = OSCAL.readCatalog(try Self.reparse(written), file: "iso.json", id: iso.id, log: &log)
        #expect(again.requirements.map(\.id) == iso.requirements.map(\.id))
        #expect(again.requirements.map(\.title) == iso.requirements.map(\.title))
        #expect(again.requirements.map(\.isHeading) == iso.requirements.map(\.isHeading))
        #expect(
            log.notes.contains { $0.kind == .transformed && $0.field == "id" },
            "clause ids such as 4.1 are no OSCAL tokens"
        )
    }

    @Test func aProfileIsResolvedAgainstTheCatalogGivenAlongside() throws {
        var log = MigrationLog()
        let catalog = OSCAL.readCatalog(
            try Self.document("oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json"),
            file: "NIST_SP-800-53_rev5_catalog.json",
            id: "nist-800-53",
            log: &log
        )
        let profile = try OSCAL.readProfile(
            try Self.document("oscal/NIST_SP-800-53_rev5_LOW-baseline_profile.json"),
            file: "low.json",
            id: "nist-800-53-low",
            catalogs: [("NIST_SP-800-53_rev5_catalog.json", catalog)],
            log: &log
        )
        #expect(profile.assessable.count == 149)
        #expect(profile.assessable.contains { $0.id == "AC-2" } && profile.assessable.contains { $0.id == "AT-2(2)" })
        #expect(profile.requirements.contains { $0.isHeading }, "the groups of the included controls come along")
        #expect(!log.notes.contains { $0.kind == .unresolved })
        #expect(throws: ExchangeError.self) {
            try OSCAL.readProfile(
                try Self.document("oscal/NIST_SP-800-53_rev5_LOW-baseline_profile.json"),
                file: "low.json",
                id: nil,
                catalogs: [],
                log: &log
            )
        }
    }

    @Test func theExampleComponentDefinitionGivesControlsWithMappings() throws {
        var log = MigrationLog()
        let nist = Framework(
            id: "nist-800-53",
            name: "NIST SP 800-53",
            version: "5",
            requirements: [
                Requirement(id: "SC-8", title: "Transmission Confidentiality and Integrity", kind: "control"),
                Requirement(id: "SC-8(1)", title: "Cryptographic Protection", kind: "control", parent: "SC-8"),
                Requirement(id: "SA-4(9)", title: "Functions, Ports, Protocols, and Services in Use", kind: "control"),
            ],
            aliases: ["sc-8": ["SC-8"], "sc-8.1": ["SC-8(1)"], "sa-4.9": ["SA-4(9)"]]
        )
        let library = OSCAL.readComponentDefinition(
            try Self.document("oscal/nist-example-component-definition.json"),
            file: "cd.json",
            frameworks: [nist],
            log: &log
        )
        #expect(!library.controls.isEmpty)
        #expect(library.controls.contains { $0.mappings.contains { $0.requirement.id == "SC-8" } })
        #expect(log.notes.contains { $0.field?.hasPrefix("statements") == true })
    }

    @Test func controlsRoundTripThroughAComponentDefinition() throws {
        var log = MigrationLog()
        let library = Library(
            controls: [
                Control(
                    id: "IAM-01",
                    title: "MFA",
                    description: "Staff use a second factor.",
                    domain: "Identity",
                    mappings: [
                        Mapping(
                            requirement: .init(framework: "iso27001-2022", id: "A.8.5"),
                            relationship: .subset,
                            strength: 7
                        ),
                        Mapping(requirement: .init(framework: "soc2-2017", id: "CC6.1"), relationship: .intersects),
                    ]
                )
            ],
            implementation: [Implementation(control: "IAM-01", status: .partial, owner: "IT")]
        )
        let written = OSCAL.writeComponentDefinition(
            library,
            frameworks: Library.builtIn.frameworks,
            name: "Acme",
            log: &log
        )
        let again = OSCAL.readComponentDefinition(
            try Self.reparse(written, yaml: true),
            file: "cd.yaml",
            frameworks: Library.builtIn.frameworks,
            log: &log
        )
        #expect(again.controls == library.controls)
        #expect(again.implementation == library.implementation)
    }

    @Test func theBSIMappingCollectionIsReadPairByPair() throws {
        var log = MigrationLog()
        let library = OSCAL.readMappingCollection(
            try Self.document("oscal-mapping/bsi-ISO27001-AnnexA-to-GS++-mapping_collection.json"),
            file: "bsi.json",
            frameworks: Library.builtIn.frameworks,
            log: &log
        )
        let pairs = library.mappingSets.flatMap(\.mappings)
        #expect(library.mappingSets.count >= 2 && pairs.count > 93)
        #expect(pairs.contains { $0.source == "5.1" && $0.target == "GC.6.1.3" && $0.relationship == .subset })
        #expect(log.notes.contains { $0.kind == .partial }, "many-to-many maps are held as pairs, and said so")
        #expect(log.notes.contains { $0.kind == .unresolved && $0.field == "target-resource" })
    }

    @Test func trestlesMappingCollectionKeepsConfidenceAndCoverage() throws {
        var log = MigrationLog()
        let library = OSCAL.readMappingCollection(
            try Self.document("trestle/mapping-collection.pci.json"),
            file: "pci.json",
            frameworks: [],
            log: &log
        )
        let pair = try #require(library.mappingSets.first?.mappings.first)
        #expect(pair.relationship == .intersects && pair.confidence == 0.5 && pair.coverage == 0.5)
    }

    @Test func mappingSetsRoundTripThroughAMappingCollection() throws {
        var log = MigrationLog()
        let set = MappingSet(
            id: "iso-to-soc2",
            source: "iso27001-2022",
            target: "soc2-2017",
            mappings: [
                RequirementMapping(
                    source: "A.5.15",
                    target: "CC6.1",
                    relationship: .subset,
                    confidence: 0.8,
                    coverage: 0.5,
                    rationale: .semantic,
                    note: "access"
                ),
                RequirementMapping(source: "A.8.5", target: "CC6.1", relationship: .equal),
                RequirementMapping(source: "A.5.1", target: "CC5.3", relationship: .notRelated),
            ]
        )
        let again = try Self.throughMappingCollection(Library(mappingSets: [set]), log: &log)
        #expect(again.mappingSets.first?.mappings == set.mappings)
        #expect(again.mappingSets.first?.source == "iso27001-2022" && again.mappingSets.first?.target == "soc2-2017")
    }

    @Test func controlMappingsRoundTripThroughAMappingCollection() throws {
        var log = MigrationLog()
        let control = Control(
            id: "IAM-01",
            title: "IAM-01",
            mappings: [
                Mapping(
                    requirement: .init(framework: "iso27001-2022", id: "A.8.5"),
                    relationship: .subset,
                    strength: 7,
                    rationale: .functional
                )
            ]
        )
        let again = try Self.throughMappingCollection(Library(controls: [control]), log: &log)
        #expect(again.controls == [control])
        #expect(log.notes.contains { $0.kind == .transformed && $0.field == "strength" })
    }

    @Test func relationshipWordsTranslateBothWays() {
        for relationship in Relationship.allCases {
            #expect(OSCAL.relationship(oscal: OSCAL.word(relationship)) == relationship)
        }
        #expect(OSCAL.relationship(oscal: "equivalent-to") == .equal)
        #expect(
            OSCAL.token("4.1") == "_4.1" && OSCAL.token("A.5.15") == "A.5.15" && OSCAL.token("AC-2(1)") == "AC-2_1_"
        )
        #expect(OSCAL.uuid("x") == OSCAL.uuid("x") && OSCAL.uuid("x") != OSCAL.uuid("y"))
    }
}
