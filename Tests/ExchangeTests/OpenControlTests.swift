import ControlModel
import Foundation
import Testing

@testable import Exchange

/// The frameworks `quire convert` knows before reading: the built-in ones.
private let known = Library.builtIn.frameworks

/// The OpenControl files copied from the corpus into `Tests/Fixtures/exchange/opencontrol`
/// (their licences in `Tests/Fixtures/exchange/SOURCES.md`).
private func openControlCorpus(filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exchange/opencontrol").path
}

private func document(_ text: String, file: String = "component.yaml") throws -> DocumentNode {
    try parseDocument(Array(text.utf8), file: file)
}

private func details(_ log: MigrationLog, _ kind: MigrationNote.Kind? = nil) -> [String] {
    log.notes.filter { kind == nil || $0.kind == kind }.map { "\($0.subject) [\($0.field ?? "-")] \($0.detail)" }
}

/// Writes the library as a component, renders it as YAML, parses that and reads it again.
private func roundTrip(_ library: Library) throws -> (again: Library, written: MigrationLog, yaml: String) {
    var written = MigrationLog()
    let yaml = writeOpenControlComponent(library, known: known, log: &written).yaml()
    var reread = MigrationLog()
    let again = readOpenControlComponent(
        try document(yaml, file: "written.yaml"),
        file: "written.yaml",
        known: known,
        log: &reread
    )
    return (again, written, yaml)
}

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

/// The real OpenControl files of the corpus: cloud.gov's and freedonia's projects and masonry's fixture.
///
/// A missing corpus fails these tests. Run them alone with `swift test --filter OpenControlCorpusTests`.
@Suite struct OpenControlCorpusTests {
    let folder = openControlCorpus()

    func parsed(_ name: String) throws -> DocumentNode {
        let path = folder + "/" + name
        let data = try #require(
            FileManager.default.contents(atPath: path),
            "corpus file \(path) is missing: the OpenControl corpus must be at ../shared/corpus/exchange/opencontrol"
        )
        return try parseDocument([UInt8](data), file: path)
    }

    func component(_ name: String) throws -> (library: Library, log: MigrationLog) {
        var log = MigrationLog()
        let library = readOpenControlComponent(try parsed(name), file: folder + "/" + name, known: known, log: &log)
        return (library, log)
    }

    @Test func masonryFixture() throws {
        let root = try parsed("masonry-fixture-v3_1_0-EC2-component.yaml")
        #expect(
            looksLikeOpenControl(root)
                == "OpenControl component \"Amazon Elastic Compute Cloud\" (schema 3.1.0): satisfies 4 controls"
        )
        let (library, log) = try component("masonry-fixture-v3_1_0-EC2-component.yaml")
        let control = try #require(library.controls.first)
        #expect(library.controls.count == 1)
        #expect(control.id == "Amazon-Elastic-Compute-Cloud" && control.title == "Amazon Elastic Compute Cloud")
        #expect(
            control.mappings.map(\.requirement.description) == [
                "NIST-800-53:CM-2", "PCI-DSS-MAY-2015:1.1", "PCI-DSS-MAY-2015:1.1.1", "PCI-DSS-MAY-2015:2.1",
            ]
        )
        #expect(control.mappings.allSatisfy { $0.relationship == .subset })
        #expect(
            control.description.hasPrefix(
                "CM-2: a) Justification in narrative form A for CM-2\n\nb) Justification in narrative form B for CM-2\n\n1.1: a) "
            )
        )
        #expect(control.description.hasSuffix("2.1: Justification in narrative form for 2.1"))
        #expect(library.implementation == [Implementation(control: control.id, status: .partial, owner: "AWS Staff")])
        let notes = details(log)
        #expect(
            notes.contains(
                "component Amazon-Elastic-Compute-Cloud [key] no key given; named Amazon-Elastic-Compute-Cloud after its name"
            )
        )
        #expect(
            notes.contains {
                $0.hasPrefix("component Amazon-Elastic-Compute-Cloud [covered_by] covered_by on 2 satisfied controls")
            }
        )
        #expect(
            notes.contains {
                $0.hasPrefix("component Amazon-Elastic-Compute-Cloud [parameters] parameters on 2 satisfied controls")
            }
        )
        #expect(
            notes.contains {
                $0.hasPrefix(
                    "component Amazon-Elastic-Compute-Cloud [control_origin] control_origin on 4 satisfied controls"
                )
            }
        )
        #expect(
            notes.contains {
                $0.hasPrefix(
                    "component Amazon-Elastic-Compute-Cloud [control_origins] control_origins on 2 satisfied controls"
                )
            }
        )
        #expect(
            notes.contains(
                "component Amazon-Elastic-Compute-Cloud [verifications] verifications (2 items): Quire's controls have no place for it"
            )
        )
        #expect(
            notes.contains(
                "component Amazon-Elastic-Compute-Cloud [documentation_complete] documentation_complete (\"false\"): Quire's controls have no place for it"
            )
        )
        #expect(
            notes.contains(
                "component Amazon-Elastic-Compute-Cloud [references] references (1 item): Quire's controls have no place for it"
            )
        )
        // The first entry's statuses (partial and planned) make partial; so do the others.
        #expect(details(log, .merged).isEmpty)
    }

    @Test func jumpBoxComponentIsNamedAfterItsFolder() throws {
        let (library, log) = try component("cloud.gov/JumpBox/component.yaml")
        let control = try #require(library.controls.first)
        #expect(control.id == "JumpBox")
        #expect(control.mappings.count == 8)
        #expect(control.mappings.map(\.requirement.id).prefix(2) == ["AC-17", "AC-17 (2)"])
        // complete (2 controls) and none (4, read as planned) make partial; two controls give no status.
        #expect(library.implementation.map(\.status) == [.partial])
        #expect(
            details(log, .merged) == [
                "component JumpBox [implementation_status] its satisfied controls' statuses (implemented 2, planned 4) make one status for the control: partial"
            ]
        )
        #expect(
            details(log, .transformed).contains(
                "component JumpBox [key] no key given; named JumpBox after its folder, as compliance-masonry does"
            )
        )
        #expect(
            details(log, .transformed).contains(
                "component JumpBox [implementation_status] none (4 controls), OpenControl's \"not implemented\", read as planned"
            )
        )
    }

    @Test func freedoniaProject() throws {
        let root = try parsed("freedonia/opencontrol.yaml")
        #expect(
            looksLikeOpenControl(root)
                == "OpenControl project (opencontrol.yaml) \"freedonia.fd\": 3 components, 1 standards, 1 certifications"
        )
        var log = MigrationLog()
        let library = try readOpenControlProject(
            root,
            file: folder + "/freedonia/opencontrol.yaml",
            known: known,
            log: &log
        )
        #expect(library.name == "freedonia.fd")
        let framework = try #require(library.frameworks.first)
        #expect(framework.id == "FRIST-800-53")
        #expect(framework.assessable.map(\.id) == ["AU-1", "AU-2", "AU-2 (3)", "PE-2", "SC-1", "SC-7", "XX-1"])
        #expect(framework.requirements.filter(\.isHeading).map(\.id) == ["AU", "PE", "SC", "XX"])
        #expect(framework.requirements.first { $0.id == "AU-2 (3)" }?.parent == "AU")
        #expect(library.controls.map(\.id) == ["AU_policy", "AWS_core", "AWS_implementation"])
        #expect(
            library.controls.map { $0.mappings.map(\.requirement.description) } == [
                ["FRIST-800-53:AU-1", "FRIST-800-53:AU-2"], ["FRIST-800-53:PE-2"],
                ["FRIST-800-53:AU-2", "FRIST-800-53:SC-1", "FRIST-800-53:SC-7"],
            ]
        )
        #expect(
            library.implementation.map { "\($0.control) \($0.status.rawValue)" } == [
                "AU_policy partial", "AWS_core implemented", "AWS_implementation planned",
            ]
        )
        #expect(details(log, .unresolved).isEmpty, "\(details(log, .unresolved))")
        #expect(
            details(log, .dropped).contains(
                "certification FredRAMP-low [-] it selects 5 of FRIST-800-53; Quire holds no selections of a framework"
            )
        )
        #expect(details(log, .dropped).contains { $0.hasPrefix("project freedonia.fd [metadata]") })
    }

    @Test func cloudGovProjectNamesEveryMissingComponent() throws {
        let path = folder + "/cloud.gov/opencontrol.yaml"
        let root = try parsed("cloud.gov/opencontrol.yaml")
        var log = MigrationLog()
        do {
            _ = try readOpenControlProject(root, file: path, known: known, log: &log)
            Issue.record("expected an error for the 21 components that are not in the corpus")
        } catch {
            #expect(error.file == path && error.line == 8)
            #expect(
                error.message.hasPrefix(
                    "lists 21 files that are not there: \(folder)/cloud.gov/AC_Policy/component.yaml, "
                )
            )
            #expect(!error.message.contains("JumpBox"))
            #expect(error.hint?.contains("compliance-masonry get") == true)
        }
    }

    @Test(arguments: [
        "masonry-fixture-v3_1_0-EC2-component.yaml", "cloud.gov/JumpBox/component.yaml",
        "freedonia/components/AU_policy/component.yaml", "freedonia/components/AWS_core/component.yaml",
        "freedonia/components/AWS_implementation/component.yaml",
    ])
    func roundTripKeepsTheContent(name: String) throws {
        let (library, _) = try component(name)
        let (again, _, yaml) = try roundTrip(library)
        expectSameContent(library, again)
        #expect(looksLikeOpenControl(try document(yaml)) != nil)
    }
}

/// Small documents, one per rule of reading and writing OpenControl components.
@Suite struct OpenControlTests {
    @Test func version2NarrativeIsText() throws {
        let text = """
            name: Audit Policy
            key: AU_policy
            schema_version: 2.0
            satisfies:
            - standard_key: NIST-800-53
              control_key: AU-1
              narrative: Logs are kept for a year.
              implementation_status: complete
            """
        var log = MigrationLog()
        let library = readOpenControlComponent(try document(text), file: "c.yaml", known: known, log: &log)
        #expect(library.controls.map(\.description) == ["Logs are kept for a year."])
        #expect(library.controls.first?.id == "AU_policy")
        #expect(library.implementation.map(\.status) == [.implemented])
        #expect(log.notes.isEmpty, "\(details(log))")
    }

    @Test func standardKeysResolveToKnownFrameworks() throws {
        let text = """
            name: Identity
            key: IAM
            schema_version: 3.1.0
            satisfies:
            - standard_key: ISO-27001-2022
              control_key: a.5.15
              narrative:
              - text: Access is role based.
            - standard_key: ISO-27001-2022
              control_key: A.5.99
              narrative:
              - text: Access is role based.
              implementation_status: sometimes
            """
        var log = MigrationLog()
        let library = readOpenControlComponent(try document(text), file: "c.yaml", known: known, log: &log)
        let control = try #require(library.controls.first)
        #expect(control.mappings.map(\.requirement.description) == ["iso27001-2022:A.5.15", "iso27001-2022:A.5.99"])
        #expect(control.description == "Access is role based.")
        #expect(library.implementation.isEmpty)
        #expect(
            details(log, .unresolved) == [
                "mapping IAM → iso27001-2022:A.5.99 [-] iso27001-2022 has no requirement A.5.99; kept as written; did you mean A.5.9, A.5.19, A.5.29?"
            ]
        )
        #expect(
            details(log, .transformed) == [
                "component IAM [standard_key] standard ISO-27001-2022 read as the framework iso27001-2022"
            ]
        )
        #expect(
            details(log, .dropped) == [
                "component IAM [implementation_status] implementation_status \"sometimes\" (not partial, complete, planned or none) on 1 satisfied control: Quire's controls and mappings have no place for it"
            ]
        )
    }

    @Test func firstSchemaFormOfSatisfies() throws {
        let text = """
            name: EC2
            satisfies:
              NIST-800-53:
                CM-2:
                  narrative: Baselines are kept in code.
                  implementation_status: planned
            """
        var log = MigrationLog()
        let library = readOpenControlComponent(try document(text), file: "c.yaml", known: known, log: &log)
        #expect(library.controls.first?.mappings.map(\.requirement.description) == ["NIST-800-53:CM-2"])
        #expect(library.implementation.map(\.status) == [.planned])
    }

    @Test func whatAComponentCannotHoldIsNoted() throws {
        func mapping(_ id: String, _ relationship: Relationship) -> Mapping {
            Mapping(
                requirement: RequirementReference(framework: "iso27001-2022", id: id),
                relationship: relationship,
                strength: 5
            )
        }
        let library = Library(
            name: "Acme",
            controls: [
                Control(
                    id: "IAM-01",
                    title: "MFA",
                    description: "A second factor.",
                    keywords: ["mfa"],
                    mappings: [
                        mapping("A.8.5", .subset), mapping("A.5.17", .equal), mapping("A.5.15", .intersects),
                        mapping("A.5.16", .intersects),
                        mapping("A.8.2", .superset), mapping("A.5.1", .notRelated),
                    ]
                ),
                Control(id: "LOG-01", title: "Logging", mappings: [mapping("A.8.15", .subset)]),
            ],
            implementation: [
                Implementation(control: "IAM-01", status: .notApplicable, justification: "No staff", owner: "IT"),
                Implementation(control: "LOG-01", status: .implemented, owner: "IT"),
            ],
            evidence: [Evidence(id: "EV-1", title: "Config", controls: ["IAM-01"], collectedOn: nil)],
            mappingSets: [MappingSet(id: "x", source: "a", target: "b", mappings: [])]
        )
        var log = MigrationLog()
        let root = try document(writeOpenControlComponent(library, known: known, log: &log).yaml())
        #expect(
            root["schema_version"]?.string == "3.1.0" && root["name"]?.string == "Acme" && root["key"]?.string == "Acme"
        )
        #expect(root["responsible_role"]?.string == "IT")
        let entries = root["satisfies"]?.items ?? []
        #expect(
            entries.map { $0["control_key"]?.string ?? "" } == [
                "A.8.5", "A.5.17", "A.5.15", "A.5.16", "A.8.2", "A.8.15",
            ]
        )
        #expect(
            entries.map { $0["implementation_status"]?.string ?? "" } == [
                "none", "none", "none", "none", "none", "complete",
            ]
        )
        #expect(entries.first?["narrative"]?.items.first?["text"]?.string == "IAM-01: MFA\n\nA second factor.")
        let notes = details(log)
        #expect(
            notes.contains(
                "2 controls [-] written as one component, Acme; each satisfied control's narrative opens with the Quire control's id and title"
            )
        )
        #expect(
            notes.contains(
                "1 mapping [relationship] relationship equal written as a plain satisfies entry, which says no relationship (read back as subset)"
            )
        )
        #expect(
            notes.contains(
                "1 mapping [relationship] relationship superset written as a plain satisfies entry, which says no relationship (read back as subset)"
            )
        )
        #expect(
            notes.contains(
                "2 mappings [relationship] relationship intersects written as a plain satisfies entry, which says no relationship (read back as subset)"
            )
        )
        #expect(!notes.contains { $0.contains("relationship subset") })
        #expect(
            notes.contains(
                "mappings [relationship] relationship not-related (a component does not satisfy what it is not related to) on 1 mapping: a satisfies entry has no place for it"
            )
        )
        #expect(notes.contains("mappings [strength] strength on 6 mappings: a satisfies entry has no place for it"))
        #expect(notes.contains("controls [keywords] keywords on 1 control: a component has no place for it"))
        #expect(
            notes.contains(
                "implementation [justification] justification on 1 implementation record: a component has no place for it"
            )
        )
        #expect(notes.contains("1 evidence item [-] a component's verifications are not Quire's evidence"))
        #expect(notes.contains("1 mapping set [-] a component holds no framework-to-framework mappings"))
        #expect(
            notes.contains(
                "implementation [implementation_status] not-applicable written as none (\"not implemented\") on 5 satisfied controls: OpenControl has no word for not applicable, and reads back as planned"
            )
        )
    }

    @Test func oneControlUnderTheLibrarysName() throws {
        let library = Library(
            name: "Acme",
            controls: [
                Control(
                    id: "IAM-01",
                    title: "MFA",
                    description: "A second factor.",
                    mappings: [
                        Mapping(requirement: .init(framework: "iso27001-2022", id: "A.8.5"), relationship: .subset)
                    ]
                )
            ]
        )
        let (again, written, yaml) = try roundTrip(library)
        #expect(
            details(written) == [
                "control IAM-01 [title] the component is named Acme, after the library; the title MFA opens each narrative instead (and is read back as part of the description)"
            ]
        )
        #expect(try document(yaml)["key"]?.string == "IAM-01")
        #expect(
            again.controls.map { "\($0.id) | \($0.title) | \($0.description)" } == [
                "IAM-01 | Acme | MFA\n\nA second factor."
            ]
        )
        #expect(again.controls.first?.mappings.map(\.requirement.description) == ["iso27001-2022:A.8.5"])
    }

    @Test func detection() throws {
        #expect(
            looksLikeOpenControl(try document("name: FRIST\nAU-1:\n  family: AU\n  name: Policy\n"))
                == "OpenControl standard \"FRIST\": 1 control"
        )
        #expect(
            looksLikeOpenControl(try document("name: low\nstandards:\n  FRIST:\n    AU-1: {}\n"))
                == "OpenControl certification \"low\": a selection of standards' controls"
        )
        #expect(looksLikeOpenControl(try document("name: x\ncontrols: []\n")) == nil)
        #expect(looksLikeOpenControl(try document("urn: urn:x:risk:library:y\nobjects:\n  framework: {}\n")) == nil)
    }
}
