import ControlModel
import Foundation
import Testing

@testable import Exchange

/// The frameworks `quire convert` knows before reading: the built-in ones.
private let known = Library.builtIn.frameworks

/// The corpus folder `../shared/corpus/exchange/<name>` beside the repository.
private func corpusFolder(_ name: String, filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/exchange/\(name)").path
}

/// A document parsed from text.
private func document(_ text: String, file: String = "inline.yaml") throws -> DocumentNode {
    try parseDocument(Array(text.utf8), file: file)
}

/// Writes the library, renders it as YAML, parses that and reads it again.
private func roundTrip(_ library: Library, packager: String) throws -> (
    again: Library, written: MigrationLog, yaml: String
) {
    var written = MigrationLog()
    let yaml = writeCISOAssistant(library, known: known, packager: packager, log: &written).yaml()
    var reread = MigrationLog()
    let again = readCISOAssistant(
        try document(yaml, file: "written.yaml"),
        file: "written.yaml",
        known: known,
        log: &reread
    )
    return (again, written, yaml)
}

/// Expects two libraries to hold the same content, section by section so that a failure shows where.
private func expectSameContent(
    _ lhs: Library,
    _ rhs: Library,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let a = normalized(lhs)
    let b = normalized(rhs)
    #expect(a.name == b.name, sourceLocation: sourceLocation)
    #expect(a.frameworks == b.frameworks, sourceLocation: sourceLocation)
    #expect(a.controls == b.controls, sourceLocation: sourceLocation)
    #expect(a.implementation == b.implementation, sourceLocation: sourceLocation)
    #expect(a.mappingSets == b.mappingSets, sourceLocation: sourceLocation)
}

private func details(_ log: MigrationLog, _ kind: MigrationNote.Kind? = nil) -> [String] {
    log.notes.filter { kind == nil || $0.kind == kind }.map { "\($0.subject) [\($0.field ?? "-")] \($0.detail)" }
}

/// The real CISO Assistant libraries of the corpus: read, counted, and carried through a round trip.
///
/// The corpus is kept outside the repository for its licences; a missing corpus fails these tests.
/// Run them alone with `swift test --filter CISOAssistantCorpusTests`.
@Suite struct CISOAssistantCorpusTests {
    let folder = corpusFolder("ciso-assistant")

    func read(_ name: String) throws -> (library: Library, log: MigrationLog, root: DocumentNode) {
        let path = folder + "/" + name
        let data = try #require(
            FileManager.default.contents(atPath: path),
            "corpus file \(path) is missing: the CISO Assistant corpus must be at ../shared/corpus/exchange/ciso-assistant"
        )
        let root = try parseDocument([UInt8](data), file: name)
        var log = MigrationLog()
        let library = readCISOAssistant(root, file: name, known: known, log: &log)
        return (library, log, root)
    }

    @Test func anssiFrameworkLibrary() throws {
        let (library, log, root) = try read("anssi-recommandations-securite-relatives-tls.yaml")
        #expect(looksLikeCISOAssistant(root) != nil)
        let framework = try #require(library.frameworks.first)
        #expect(library.frameworks.count == 1)
        #expect(framework.id == "anssi-recommandations-securite-relatives-tls")
        #expect(framework.publisher == "ANSSI")
        #expect(framework.source == "urn:protocolpaladin:risk:framework:anssi-recommandations-securite-relatives-tls")
        #expect(framework.requirements.count == 56)
        #expect(framework.requirements.filter(\.isHeading).count == 11)
        let r3 = try #require(framework.requirements.first { $0.id == "R3" })
        #expect(r3.parent == "2.1" && !r3.isHeading && r3.title == "Privilégier TLS 1.3 et accepter TLS 1.2")
        let notes = details(log, .dropped)
        #expect(
            notes.contains(
                "framework anssi-recommandations-securite-relatives-tls [implementation_groups] implementation_groups on 45 requirement nodes: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains(
                "framework anssi-recommandations-securite-relatives-tls [description] description on 44 requirement nodes: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains(
                "framework anssi-recommandations-securite-relatives-tls [annotation] annotation on 1 requirement node: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains {
                $0.hasPrefix(
                    "framework anssi-recommandations-securite-relatives-tls [implementation_groups_definition]"
                )
            }
        )
        #expect(
            notes.contains {
                $0.hasPrefix(
                    "library urn:protocolpaladin:risk:library:anssi-recommandations-securite-relatives-tls [copyright]"
                )
            }
        )
        #expect(notes.contains { $0.contains("[locale] locale \"fr\"") })
    }

    @Test func owaspFrameworkLibrary() throws {
        let (library, log, _) = try read("owasp-masvs-v2.1.0.yaml")
        let framework = try #require(library.frameworks.first)
        #expect(framework.id == "owasp-masvs-v2.1.0" && framework.name == "OWASP MASVS 2.1.0")
        #expect(framework.requirements.count == 32)
        #expect(framework.assessable.count == 24)
        #expect(framework.requirements.first { $0.id == "MASVS-STORAGE-1" }?.parent == "MASVS-STORAGE")
        #expect(details(log, .unresolved).isEmpty, "\(details(log, .unresolved))")
        #expect(library.controls.isEmpty && library.mappingSets.isEmpty)
    }

    @Test func mappingWithItsReverse() throws {
        let (library, log, _) = try read("mapping-cis-controls-v8-and-iso27001-2022.yaml")
        #expect(library.frameworks.isEmpty)
        // The file holds the set and its reverse (200 links each); the reverse is read once.
        let set = try #require(library.mappingSets.first)
        #expect(library.mappingSets.count == 1)
        #expect(set.id == "mapping-cis-controls-v8-and-iso27001-2022")
        #expect(set.source == "cis-controls-v8" && set.target == "iso27001-2022" && set.provider == "intuitem")
        #expect(set.mappings.count == 200)
        #expect(set.mappings.first == RequirementMapping(source: "1.1", target: "A.5.9", relationship: .subset))
        #expect(details(log, .merged).count == 1)
        #expect(
            details(log, .merged).first?.hasPrefix(
                "mapping set mapping-cis-controls-v8-and-iso27001-2022-revert [-] the reverse of mapping-cis-controls-v8-and-iso27001-2022 (200 links"
            ) == true
        )
        // Every ISO target resolves to a built-in requirement; CIS Controls are not built in.
        #expect(
            details(log, .unresolved) == [
                "framework cis-controls-v8 [-] named by mapping URNs but defined neither in this library nor among the frameworks Quire knows; its requirement ids are kept as the URNs write them (lower-cased)"
            ]
        )
        let iso = try #require(known.first { $0.id == "iso27001-2022" })
        #expect(set.mappings.allSatisfy { link in iso.requirements.contains { $0.id == link.target } })
    }

    @Test func relationshipCountsMatchTheFile() throws {
        let (library, _, root) = try read("mapping-cis-controls-v8-and-iso27001-2022.yaml")
        let forward = try #require(root["objects"]?["requirement_mapping_sets"]?.items.first)
        let words = forward["requirement_mappings"]?.items.compactMap { $0["relationship"]?.string } ?? []
        let set = try #require(library.mappingSets.first)
        #expect(words.count == set.mappings.count)
        let translated: [String: Relationship] = [
            "equal": .equal, "subset": .subset, "superset": .superset, "intersect": .intersects,
        ]
        #expect(words.map { translated[$0] } == set.mappings.map(\.relationship))
    }

    @Test func olderMappingWithStrengthAndRationale() throws {
        let (library, log, _) = try read("mapping-iso27001-2013-to-iso27001-2022.yaml")
        let set = try #require(library.mappingSets.first)
        #expect(library.mappingSets.count == 1)
        #expect(set.source == "iso27001-2013" && set.target == "iso27001-2022")
        #expect(set.mappings.count == 134)
        #expect(set.mappings.allSatisfy { $0.rationale == .syntactic && $0.strength == nil })
        #expect(
            set.mappings.last
                == RequirementMapping(
                    source: "a.18.2.3",
                    target: "A.5.36",
                    relationship: .subset,
                    rationale: .syntactic
                )
        )
        #expect(
            details(log, .dropped).contains(
                "mapping set mapping-iso27001-2013-to-iso27001-2022 [urn] urn urn:intuitem:risk:req_mapping_set:iso27001-2013: Quire names the set mapping-iso27001-2013-to-iso27001-2022, after its ref_id"
            )
        )
    }

    @Test(arguments: [
        "anssi-recommandations-securite-relatives-tls.yaml", "owasp-masvs-v2.1.0.yaml",
        "mapping-cis-controls-v8-and-iso27001-2022.yaml", "mapping-iso27001-2013-to-iso27001-2022.yaml",
    ])
    func roundTripKeepsTheContent(name: String) throws {
        let (library, _, root) = try read(name)
        let packager = try #require(root["packager"]?.string)
        let (again, _, yaml) = try roundTrip(library, packager: packager)
        expectSameContent(library, again)
        // The written document is itself a CISO Assistant library.
        #expect(looksLikeCISOAssistant(try document(yaml)) != nil)
    }

    @Test func writtenMappingCarriesTheToolsReverse() throws {
        let (library, _, _) = try read("mapping-cis-controls-v8-and-iso27001-2022.yaml")
        var log = MigrationLog()
        let written = writeCISOAssistant(library, known: known, packager: "intuitem", log: &log)
        let root = try document(written.yaml())
        let sets = root["objects"]?["requirement_mapping_sets"]?.items ?? []
        #expect(
            sets.compactMap { $0["ref_id"]?.string } == [
                "mapping-cis-controls-v8-and-iso27001-2022", "mapping-cis-controls-v8-and-iso27001-2022-revert",
            ]
        )
        #expect(
            sets.last?.keys == [
                "urn", "ref_id", "name", "description", "target_framework_urn", "source_framework_urn",
                "requirement_mappings",
            ]
        )
        let first = sets.last?["requirement_mappings"]?.items.first
        #expect(first?["source_requirement_urn"]?.string == "urn:intuitem:risk:req_node:iso27001-2022:a.5.9")
        #expect(first?["target_requirement_urn"]?.string == "urn:intuitem:risk:req_node:cis-controls-v8:1.1")
        #expect(first?["relationship"]?.string == "superset")
    }
}

/// Small documents, one per rule of reading and writing CISO Assistant libraries.
@Suite struct CISOAssistantTests {
    let frameworkLibrary = """
        urn: urn:acme:risk:library:acme-baseline
        locale: en
        ref_id: acme-baseline
        name: Acme baseline
        description: Acme's own baseline.
        copyright: Acme
        version: 3
        provider: Acme
        packager: acme
        objects:
          reference_controls:
          - urn: urn:acme:risk:function:acme-baseline:mfa
            ref_id: MFA
            name: Multi-factor sign-in
            category: technical
            csf_function: protect
            description: Staff sign in with a second factor.
          - urn: urn:acme:risk:function:acme-baseline:pol
            ref_id: POL
            name: Access policy
            category: policy
            csf_function: govern
            annotation: reviewed yearly
          framework:
            urn: urn:acme:risk:framework:acme-baseline
            ref_id: acme-baseline
            name: Acme baseline
            min_score: 0
            requirement_nodes:
            - urn: urn:acme:risk:req_node:acme-baseline:ac
              assessable: false
              depth: 1
              ref_id: AC
              name: Access control
              annotation: a heading
            - urn: urn:acme:risk:req_node:acme-baseline:ac-1
              assessable: true
              depth: 2
              parent_urn: urn:acme:risk:req_node:acme-baseline:ac
              ref_id: AC-1
              name: Sign-in
              description: How staff sign in.
              annotation: first
              implementation_groups: [IG1]
              reference_controls:
              - urn:acme:risk:function:acme-baseline:mfa
              - urn:intuitem:risk:function:doc-pol:pol.access
            - urn: urn:acme:risk:req_node:acme-baseline:ac-2
              assessable: true
              depth: 2
              parent_urn: urn:acme:risk:req_node:acme-baseline:ac
              ref_id: AC-2
              name: Policy
              annotation: second
              implementation_groups: [IG1, IG2]
              typical_evidence: the policy
              reference_controls:
              - urn:acme:risk:function:acme-baseline:mfa
              - urn:acme:risk:function:acme-baseline:pol
        """

    @Test func frameworkNodesAndReferenceControls() throws {
        var log = MigrationLog()
        let library = readCISOAssistant(try document(frameworkLibrary), file: "acme.yaml", known: known, log: &log)
        #expect(library.name == "Acme baseline")
        let framework = try #require(library.frameworks.first)
        #expect(framework.requirements.map(\.id) == ["AC", "AC-1", "AC-2"])
        #expect(framework.requirements.map(\.isHeading) == [true, false, false])
        #expect(framework.requirements.map(\.parent) == [nil, "AC", "AC"])
        #expect(library.controls.map(\.id) == ["MFA", "POL"])
        #expect(
            library.controls[0].domain == "technical"
                && library.controls[0].description == "Staff sign in with a second factor."
        )
        #expect(
            library.controls[0].mappings.map(\.requirement.description) == ["acme-baseline:AC-1", "acme-baseline:AC-2"]
        )
        #expect(library.controls[1].mappings.map(\.requirement.description) == ["acme-baseline:AC-2"])
        #expect(library.controls.allSatisfy { $0.mappings.allSatisfy { $0.relationship == .intersects } })
    }

    @Test func droppedFieldsAreCountedPerField() throws {
        var log = MigrationLog()
        _ = readCISOAssistant(try document(frameworkLibrary), file: "acme.yaml", known: known, log: &log)
        let notes = details(log)
        #expect(
            notes.contains(
                "framework acme-baseline [annotation] annotation on 3 requirement nodes: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains(
                "framework acme-baseline [implementation_groups] implementation_groups on 2 requirement nodes: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains(
                "framework acme-baseline [typical_evidence] typical_evidence on 1 requirement node: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains(
                "framework acme-baseline [description] description on 1 requirement node: Quire's requirements hold an id, a title and a parent"
            )
        )
        #expect(
            notes.contains(
                "framework acme-baseline [min_score] min_score \"0\": Quire's frameworks have no place for it"
            )
        )
        #expect(
            notes.contains(
                "reference controls [csf_function] csf_function on 2 reference controls: Quire's controls have no place for it"
            )
        )
        #expect(
            notes.contains(
                "reference controls [annotation] annotation on 1 reference control: Quire's controls have no place for it"
            )
        )
        #expect(
            notes.contains(
                "framework acme-baseline [reference_controls] reference_controls (urn:intuitem:risk:function:doc-pol) on 1 requirement node: the reference controls they list are defined in other libraries, so there is no control to map"
            )
        )
        #expect(
            notes.contains(
                "library urn:acme:risk:library:acme-baseline [version] version \"3\": library metadata Quire does not hold"
            )
        )
        // Notes say where: the first node that has the field.
        #expect(
            log.notes.first { $0.field == "annotation" && $0.subject == "framework acme-baseline" }?.location
                == "acme.yaml:30"
        )
    }

    @Test func writtenFrameworkListsTheControlsThatMapToIt() throws {
        var log = MigrationLog()
        let library = readCISOAssistant(try document(frameworkLibrary), file: "acme.yaml", known: known, log: &log)
        var written = MigrationLog()
        let root = try document(writeCISOAssistant(library, known: known, packager: "acme", log: &written).yaml())
        #expect(root["urn"]?.string == "urn:acme:risk:library:acme-baseline" && root["provider"]?.string == "Acme")
        #expect(root["objects"]?.keys == ["reference_controls", "framework"])
        let nodes = root["objects"]?["framework"]?["requirement_nodes"]?.items ?? []
        #expect(
            nodes.map { $0["reference_controls"]?.items.compactMap(\.string) ?? [] } == [
                [], ["urn:acme:risk:function:acme-baseline:mfa"],
                ["urn:acme:risk:function:acme-baseline:mfa", "urn:acme:risk:function:acme-baseline:pol"],
            ]
        )
        #expect(nodes.map { $0["depth"]?.string } == ["1", "2", "2"])
        #expect(nodes[1]["parent_urn"]?.string == "urn:acme:risk:req_node:acme-baseline:ac")
        #expect(details(written).isEmpty, "\(details(written))")
        let (again, _, _) = try roundTrip(library, packager: "acme")
        expectSameContent(library, again)
    }

    let mappingLibrary = """
        urn: urn:acme:risk:library:mapping-acme
        locale: en
        ref_id: mapping-acme
        name: Acme to ISO
        provider: Acme
        packager: acme
        objects:
          requirement_mapping_sets:
          - urn: urn:acme:risk:req_mapping_set:mapping-acme
            ref_id: mapping-acme
            name: Acme to ISO
            source_framework_urn: urn:acme:risk:framework:acme-baseline
            target_framework_urn: urn:intuitem:risk:framework:iso27001-2022
            requirement_mappings:
            - source_requirement_urn: urn:acme:risk:req_node:acme-baseline:ac-1
              target_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.8.5
              relationship: subset
              rationale: semantic
              strength_of_relationship: 7
              annotation: close
            - source_requirement_urn: urn:acme:risk:req_node:acme-baseline:ac-2
              target_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.5.99
              relationship: not_related
              strength_of_relationship: 0
            - source_requirement_urn: urn:acme:risk:req_node:acme-baseline:ac-3
              target_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.5.15
              relationship: intersect
              rationale: guesswork
          - urn: urn:acme:risk:req_mapping_set:mapping-acme-revert
            ref_id: mapping-acme-revert
            name: Acme to ISO
            target_framework_urn: urn:acme:risk:framework:acme-baseline
            source_framework_urn: urn:intuitem:risk:framework:iso27001-2022
            requirement_mappings:
            - source_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.8.5
              target_requirement_urn: urn:acme:risk:req_node:acme-baseline:ac-1
              relationship: superset
              rationale: semantic
              strength_of_relationship: 7
              annotation: close
            - source_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.5.99
              target_requirement_urn: urn:acme:risk:req_node:acme-baseline:ac-2
              relationship: not_related
              strength_of_relationship: 0
            - source_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.5.15
              target_requirement_urn: urn:acme:risk:req_node:acme-baseline:ac-3
              relationship: intersect
              rationale: guesswork
        """

    @Test func mappingSetWordsStrengthsAndUnresolvedIDs() throws {
        var log = MigrationLog()
        let library = readCISOAssistant(try document(mappingLibrary), file: "map.yaml", known: known, log: &log)
        let set = try #require(library.mappingSets.first)
        #expect(library.mappingSets.count == 1)
        #expect(set.source == "acme-baseline" && set.target == "iso27001-2022" && set.provider == "Acme")
        #expect(
            set.mappings == [
                RequirementMapping(
                    source: "ac-1",
                    target: "A.8.5",
                    relationship: .subset,
                    strength: 7,
                    rationale: .semantic,
                    note: "close"
                ),
                RequirementMapping(source: "ac-2", target: "a.5.99", relationship: .notRelated, strength: 1),
                RequirementMapping(source: "ac-3", target: "A.5.15", relationship: .intersects),
            ]
        )
        #expect(
            details(log, .unresolved).contains(
                "requirement iso27001-2022:a.5.99 [-] named by 1 mapping of mapping-acme, but iso27001-2022 has no requirement a.5.99; kept as written; did you mean A.5.9, A.5.19, A.5.29?"
            )
        )
        #expect(
            details(log, .transformed).contains(
                "mapping set mapping-acme [strength_of_relationship] strength_of_relationship 0 (read as 1: Quire's run 1 to 10) on 1 mapping: read as Quire can hold it"
            )
        )
        #expect(
            details(log, .dropped).contains(
                "mapping set mapping-acme [rationale] rationale \"guesswork\" (not syntactic, semantic or functional) on 1 mapping: Quire's mappings have no place for it"
            )
        )
        #expect(details(log, .merged).count == 1)
    }

    @Test func notRelatedAndTheReverseAreWrittenBack() throws {
        var log = MigrationLog()
        let library = readCISOAssistant(try document(mappingLibrary), file: "map.yaml", known: known, log: &log)
        var written = MigrationLog()
        let root = try document(writeCISOAssistant(library, known: known, packager: "acme", log: &written).yaml())
        let sets = root["objects"]?["requirement_mapping_sets"]?.items ?? []
        #expect(sets.compactMap { $0["ref_id"]?.string } == ["mapping-acme", "mapping-acme-revert"])
        #expect(
            sets.map { $0["requirement_mappings"]?.items.compactMap { $0["relationship"]?.string } ?? [] } == [
                ["subset", "not_related", "intersect"], ["superset", "not_related", "intersect"],
            ]
        )
        // The frameworks keep the URNs: the target is made with the packager (the built-in ISO
        // framework came from no CISO Assistant library).
        #expect(sets[0]["target_framework_urn"]?.string == "urn:acme:risk:framework:iso27001-2022")
        #expect(details(written, .unresolved).count == 2)
        let (again, _, _) = try roundTrip(library, packager: "acme")
        expectSameContent(library, again)
    }

    @Test func aFrameworkReadFromCISOAssistantKeepsItsURNInMappingSets() throws {
        var log = MigrationLog()
        let acme = readCISOAssistant(try document(frameworkLibrary), file: "acme.yaml", known: known, log: &log)
        let library = Library(
            name: "Other",
            mappingSets: [
                MappingSet(
                    id: "acme-to-iso",
                    source: "acme-baseline",
                    target: "iso27001-2022",
                    mappings: [RequirementMapping(source: "AC-1", target: "A.8.5", relationship: .equal)]
                )
            ]
        )
        var written = MigrationLog()
        let node = writeCISOAssistant(library, known: known + acme.frameworks, packager: "other", log: &written)
        let set = try #require(try document(node.yaml())["objects"]?["requirement_mapping_sets"]?.items.first)
        #expect(set["urn"]?.string == "urn:other:risk:req_mapping_set:acme-to-iso")
        #expect(set["source_framework_urn"]?.string == "urn:acme:risk:framework:acme-baseline")
        #expect(set["target_framework_urn"]?.string == "urn:other:risk:framework:iso27001-2022")
        let link = set["requirement_mappings"]?.items.first
        #expect(link?["source_requirement_urn"]?.string == "urn:acme:risk:req_node:acme-baseline:ac-1")
        #expect(link?["target_requirement_urn"]?.string == "urn:other:risk:req_node:iso27001-2022:a.8.5")
    }

    @Test func aSetThatIsNotTheReverseIsKept() throws {
        let text = mappingLibrary.replacingOccurrences(of: "relationship: superset", with: "relationship: equal")
        var log = MigrationLog()
        let library = readCISOAssistant(try document(text), file: "map.yaml", known: known, log: &log)
        #expect(library.mappingSets.map(\.id) == ["mapping-acme", "mapping-acme-revert"])
        #expect(details(log, .merged).isEmpty)
    }

    @Test func whatALibraryDocumentCannotHoldIsNoted() throws {
        var library = Library.builtIn
        library.name = "Quire built-in"
        library.implementation = [Implementation(control: library.controls[0].id, status: .implemented)]
        library.evidence = [
            Evidence(id: "EV-1", title: "Screenshot", controls: [library.controls[0].id], collectedOn: nil)
        ]
        var log = MigrationLog()
        let root = try document(writeCISOAssistant(library, known: known, packager: "Acme Corp", log: &log).yaml())
        #expect(root["packager"]?.string == "acme-corp")
        #expect(root["objects"]?["framework"]?["urn"]?.string == "urn:acme-corp:risk:framework:iso27001-2022")
        let notes = details(log, .dropped)
        #expect(
            notes.contains(
                "framework soc2-2017 [-] a CISO Assistant library holds one framework; soc2-2017 (86 requirements) is not written: convert it on its own"
            )
        )
        #expect(notes.contains("1 implementation record [-] implementation status is an assessment's, not a library's"))
        #expect(notes.contains("1 evidence item [-] evidence belongs to assessments, not to a library"))
        #expect(notes.contains { $0.hasPrefix("framework iso27001-2022 [name_aliases]") })
        #expect(notes.contains { $0.hasPrefix("framework iso27001-2022 [aliases]") })
        #expect(
            notes.contains {
                $0.hasPrefix("controls [mappings]")
                    && $0.contains("to soc2-2017: only the framework written (iso27001-2022)")
            }
        )
        #expect(notes.contains { $0.hasPrefix("controls [source] source on ") })
        #expect(
            details(log, .transformed).contains {
                $0.hasPrefix(
                    "controls [relationship] relationship subset (written as a plain link, read back as intersects) on "
                )
            }
        )
        // Annex A controls and clauses are not CISO kinds.
        #expect(notes.contains { $0.hasPrefix("framework iso27001-2022 [kind] kind annex-control on 93 requirements") })
    }

    @Test func detection() throws {
        #expect(
            looksLikeCISOAssistant(try document(frameworkLibrary))
                == "CISO Assistant library urn:acme:risk:library:acme-baseline: `objects` holds reference_controls, framework"
        )
        #expect(looksLikeCISOAssistant(try document("name: x\nsatisfies: []\n")) == nil)
        #expect(looksLikeCISOAssistant(try document("objects:\n  framework: {}\n")) == nil)
    }

    @Test(arguments: [
        ("A.5.9", "a.5.9"), ("Réf 1/2", "ref-1_2"), ("GV.OC-01", "gv.oc-01"), ("  R1 ", "r1"),
        ("Art. 32(1)", "art.-32(1)"),
    ])
    func urnSuffixesAreCleanedAsTheConvertToolDoes(id: String, suffix: String) {
        #expect(cisoURNSuffix(id) == suffix)
    }
}
