import ControlModel
import Foundation
import Testing

@testable import Exchange

/// Reading users' library files: every form they may be written in, and every problem reported
/// with its place.
@Suite struct LibraryReadingTests {
    /// Writes files into a fresh folder and loads them.
    func load(_ files: [String: String]) throws -> LoadedLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        return loadLibrary(files: paths)
    }

    func messages(_ loaded: LoadedLibrary) -> [String] {
        loaded.diagnostics.map {
            "\($0.location.line.map(String.init) ?? "-") \($0.location.path ?? "-") \($0.message)"
        }
    }

    @Test func yamlControlsInEveryMappingForm() throws {
        let loaded = try load([
            "lib.yaml": """
            format: quire-library/1
            name: Acme
            controls:
              - id: ACME-01
                title: MFA everywhere
                description: Staff sign in with a second factor.
                keywords: [mfa, 2fa]
                mappings:
                  - requirement: iso27001-2022:A.8.5
                    relationship: subset
                    strength: 8
                    rationale: semantic
                    source: acme-grc
                  - "soc2-2017:CC6.1 (subset)"
              - id: ACME-02
                title: Encryption
                mappings:
                  ISO 27001: [A.8.24 (equal), "A.10.1.1"]
                  gdpr: "Art. 32; Art. 5(1)(f)"
            """
        ])
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        let first = try #require(loaded.index.control("ACME-01"))
        #expect(first.mappings.map(\.requirement.description) == ["iso27001-2022:A.8.5", "soc2-2017:CC6.1"])
        #expect(first.mappings[0].strength == 8 && first.mappings[0].rationale == .semantic)
        #expect(first.mappings[0].source == "acme-grc" && first.mappings[1].source == "Acme")
        let second = try #require(loaded.index.control("ACME-02"))
        // A.10.1.1 (2013) resolves to A.8.24, which is already there as equal: both kept, as
        // their relationships differ.
        #expect(
            second.mappings.map { "\($0.requirement) \($0.relationship.rawValue)" } == [
                "iso27001-2022:A.8.24 equal", "iso27001-2022:A.8.24 intersects", "gdpr:Art.32 intersects",
                "gdpr:Art.5 intersects",
            ]
        )
        // Merged over the built-in controls, and covering requirements.
        #expect(loaded.index.library.controls.count == Library.builtIn.controls.count + 2)
        #expect(
            loaded.index.controls(covering: .init(framework: "gdpr", id: "Art.32")).contains { $0.control == "ACME-02" }
        )
    }

    @Test func replaceModeDropsTheBuiltInControls() throws {
        let loaded = try load([
            "lib.json":
                #"{"mode": "replace", "controls": [{"id": "X-1", "title": "Only", "mappings": ["gdpr:Art.32"]}]}"#
        ])
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        #expect(loaded.index.library.controls.map(\.id) == ["X-1"])
        #expect(loaded.index.library.frameworks.count == 4)
    }

    @Test func aUserControlWithABuiltInIdTakesItsPlace() throws {
        let builtInID = try #require(Library.builtIn.controls.first?.id)
        let loaded = try load([
            "lib.yaml": "controls:\n  - id: \(builtInID)\n    title: Our own wording\n    mappings: {gdpr: [Art.24]}\n"
        ])
        #expect(!loaded.hasErrors)
        let control = try #require(loaded.index.control(builtInID))
        #expect(control.title == "Our own wording")
        #expect(loaded.index.library.controls.count == Library.builtIn.controls.count)
    }

    /// One file with many problems: every one is reported, each with its line and path.
    @Test func everyProblemIsReportedAtOnce() throws {
        let loaded = try load([
            "bad.yaml": """
            controls:
              - id: ACME-01
                title: One
                mappings:
                  iso27001-2022: [A.5.99, A.5.1 (sometimes)]
                  soc3: [CC1.1]
              - id: ACME-01
                title: Again
              - id: ACME-02
                titel: Typo
            implementation:
              - control: ACME-01
                status: not-applicable
              - control: ACME-09
                status: done
            evidence:
              - id: EV-1
                title: Report
                controls: [ACME-99]
                collected_on: 2026-13-45
                valid_until: 2020-01-01
              - id: EV-2
                title: Old
                controls: [ACME-01]
                collected_on: 2026-05-01
                valid_until: 2026-04-01
            answers:
              - id: A-1
                question: Do you?
                answer: "Yes"
                controls: [ACME-01]
                evidence: [EV-404]
                approved_on: yesterday
            """
        ])
        let all = messages(loaded)
        func has(_ line: Int, _ words: String) -> Bool {
            all.contains { $0.hasPrefix("\(line) ") && $0.contains(words) }
        }
        #expect(has(5, "unknown requirement A.5.99 in iso27001-2022"), "\(all)")
        #expect(loaded.diagnostics.contains { $0.hint?.contains("A.5.1 to A.5.37") == true })
        #expect(has(5, "unknown relationship \"sometimes\""), "\(all)")
        #expect(has(6, "unknown framework \"soc3\""), "\(all)")
        #expect(has(7, "duplicate control id ACME-01"), "\(all)")
        #expect(has(10, "unknown field \"titel\""), "\(all)")
        #expect(has(9, "missing required field title"), "\(all)")
        #expect(has(12, "not-applicable without a justification"), "\(all)")
        #expect(has(15, "\"done\" is not one of implemented, partial, planned, not-applicable"), "\(all)")
        #expect(has(20, "\"2026-13-45\" is not a date"), "\(all)")
        // The item with the bad date is still checked for the rest.
        #expect(has(17, "evidence EV-1 points at control ACME-99"), "\(all)")
        #expect(has(22, "valid until 2026-04-01, before it was collected on 2026-05-01"), "\(all)")
        #expect(has(33, "\"yesterday\" is not a date"), "\(all)")
        #expect(has(28, "cites evidence EV-404, which is not in the library"), "\(all)")
        // Paths name the place in the document.
        #expect(loaded.diagnostics.contains { $0.location.path == "controls[0].mappings.iso27001-2022[0]" })
        #expect(loaded.diagnostics.allSatisfy { $0.location.file.hasSuffix("bad.yaml") })
        #expect(loaded.hasErrors)
    }

    @Test func jsonProblemsCarryLineAndPath() throws {
        let loaded = try load([
            "bad.json": """
            {
              "controls": [
                {"id": "J-1", "title": "x",
                 "mappings": [{"requirement": "soc2-2017:CC9.9", "relationship": "maybe", "strength": 11}]}
              ],
              "evidence": [{"id": "E", "title": "t", "controls": ["NOPE-1"], "collected_on": "2026-01-01"}]
            }
            """
        ])
        let all = messages(loaded)
        #expect(
            all.contains { $0.hasPrefix("4 controls[0].mappings[0].relationship unknown relationship \"maybe\"") },
            "\(all)"
        )
        #expect(all.contains { $0.contains("\"11\" is not a whole number from 1 to 10") }, "\(all)")
        #expect(all.contains { $0.hasPrefix("6 evidence[0] evidence E points at control NOPE-1") }, "\(all)")
        let syntax = try load(["broken.json": "{\n  \"controls\": [\n    {\"id\": 1,}\n  ]\n}"])
        #expect(messages(syntax) == ["3 - not valid JSON: expected a key in double quotes"])
    }

    @Test func csvControlTableWithFrameworkColumns() throws {
        let loaded = try load([
            "controls.csv": """
            ID,Title,Description,Domain,Keywords,ISO 27001,SOC 2,GDPR,NIST CSF 2.0,Owner
            LA-01,Tenant isolation,Each tenant's data is kept apart.,Data,"isolation; tenant",A.8.3 (subset); A.8.22,CC6.1,Art. 32,PR.DS-01
            LA-02,Bad one,,,,A.5.99,CC6.1 (often),,
            ,No id,,,,,,,

            """
        ])
        let all = messages(loaded)
        let control = try #require(loaded.index.control("LA-01"))
        #expect(control.keywords == ["isolation", "tenant"])
        #expect(
            control.mappings.map { "\($0.requirement) \($0.relationship.rawValue)" } == [
                "iso27001-2022:A.8.3 subset", "iso27001-2022:A.8.22 intersects", "soc2-2017:CC6.1 intersects",
                "gdpr:Art.32 intersects", "nist-csf-2.0:PR.DS-01 intersects",
            ]
        )
        #expect(all.contains { $0.hasPrefix("1 J1 column \"Owner\" is not a controls column") }, "\(all)")
        #expect(all.contains { $0.hasPrefix("3 F3 unknown requirement A.5.99") }, "\(all)")
        #expect(all.contains { $0.hasPrefix("3 G3 unknown relationship \"often\"") }, "\(all)")
        #expect(all.contains { $0.hasPrefix("4 A4 id is empty") }, "\(all)")
    }

    @Test func csvTablesOfEvidenceStatusAndAnswers() throws {
        let loaded = try load([
            "status.csv": "Control,Status,Justification\nIAM-01,Implemented,\nIAM-02,Not applicable,No staff\n",
            "evidence.csv":
                "id,title,kind,controls,collected on,valid until,result\nEV-1,Policy,policy,IAM-01; IAM-02,2026-01-05,2027-01-05,pass\n",
            "answers.csv": "question,answer,controls,approved_on\nDo you use MFA?,Yes,IAM-01,2026-02-01\n",
        ])
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        #expect(loaded.user.implementation.map(\.status) == [.implemented, .notApplicable])
        #expect(loaded.user.evidence.first?.controls == ["IAM-01", "IAM-02"])
        #expect(loaded.user.evidence.first?.validUntil == Day(year: 2027, month: 1, day: 5))
        #expect(loaded.user.answers.first?.id == "row-2")
        #expect(loaded.index.evidence(for: "IAM-02").map(\.id) == ["EV-1"])
    }

    @Test("an answer's products are read from YAML and from a table's Product column")
    func answerProducts() throws {
        let loaded = try load([
            "answers.yaml": """
            answers:
              - id: ANS-1
                question: Is data encrypted on the device?
                answer: "No"
                products: [Harbor Mobile]
              - id: ANS-2
                question: Is MFA enforced?
                answer: "Yes"
            """,
            "more.csv": "question,answer,product\nIs the app pen-tested?,Yes,Harbor Web; Harbor Mobile\n",
        ])
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        let products = Dictionary(uniqueKeysWithValues: loaded.user.answers.map { ($0.question, $0.products) })
        #expect(products["Is data encrypted on the device?"] == ["Harbor Mobile"])
        #expect(products["Is MFA enforced?"] == [])
        #expect(products["Is the app pen-tested?"] == ["Harbor Web", "Harbor Mobile"])
    }

    @Test("an evidence item's products are read from YAML and from a table's Product column")
    func evidenceProducts() throws {
        let loaded = try load([
            "evidence.yaml": """
            evidence:
              - id: EV-1
                title: Mobile app penetration test
                controls: [IAM-01]
                collected_on: 2026-10-01
                products: [Harbor Mobile]
              - id: EV-2
                title: MFA policy
                controls: [IAM-01]
                collected_on: 2026-10-01
            """,
            "more.csv": "id,title,controls,collected_on,product\nEV-3,Portal scan,IAM-01,2026-10-02,Harbor Web\n",
        ])
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        let products = Dictionary(uniqueKeysWithValues: loaded.user.evidence.map { ($0.id, $0.products) })
        #expect(products == ["EV-1": ["Harbor Mobile"], "EV-2": [], "EV-3": ["Harbor Web"]])
    }

    @Test("an implementation record's products are read from YAML and a table; a product twice is an error")
    func implementationProducts() throws {
        let loaded = try load([
            "status.yaml": """
            implementation:
              - control: IAM-01
                status: implemented
              - control: IAM-01
                status: planned
                products: [Harbor Mobile]
            """,
            "more.csv": "control,status,product\nIAM-01,partial,Harbor Web; harbor  mobile\n",
        ])
        #expect(
            loaded.user.implementation.map(\.products) == [[], ["Harbor Mobile"], ["Harbor Web", "harbor  mobile"]]
        )
        let errors = loaded.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(
            errors == ["control IAM-01 has a second implementation record for harbor  mobile"],
            "\(messages(loaded))"
        )
        #expect(loaded.index.implementation(of: "IAM-01")?.status == .implemented)
        #expect(loaded.index.implementation(of: "IAM-01", forProduct: "HARBOR WEB")?.status == .partial)
        #expect(loaded.index.implementation(of: "IAM-01", forProduct: "Harbor Desktop")?.status == .implemented)
        #expect(loaded.index.implementation(of: "IAM-01", forProduct: nil)?.status == .implemented)
        // Statuses for products only: the organisation has none, and is told so.
        let only = try load(["s.csv": "control,status,products\nIAM-01,planned,Harbor Mobile\n"])
        #expect(only.index.implementation(of: "IAM-01") == nil)
        #expect(
            only.diagnostics.map(\.message) == [
                "control IAM-01 has a status only for Harbor Mobile; the organisation's questions, coverage and the "
                    + "Statement of Applicability see none"
            ]
        )
    }

    @Test func reasonsForInclusionInEveryForm() throws {
        let loaded = try load([
            "status.yaml": """
            implementation:
              - control: IAM-01
                status: implemented
                reasons: [risk-treatment, Contractual, risk treatment]
              - control: IAM-02
                status: partial
                reasons: "legal/regulatory; best practice"
              - control: IAM-03
                status: implemented
            """,
            "status.csv": "Control,Status,Reason for inclusion\nIAM-04,implemented,business\nIAM-05,planned,\n",
            "more.csv": "control,status,Inclusion reasons\nIAM-06,implemented,\"contract, regulatory\"\n",
        ])
        #expect(loaded.diagnostics.isEmpty, "\(messages(loaded))")
        let reasons = Dictionary(uniqueKeysWithValues: loaded.user.implementation.map { ($0.control, $0.reasons) })
        #expect(reasons["IAM-01"] == [.riskTreatment, .contractual])
        #expect(reasons["IAM-02"] == [.legal, .business])
        #expect(reasons["IAM-03"] == [])
        #expect(reasons["IAM-04"] == [.business])
        #expect(reasons["IAM-05"] == [])
        #expect(reasons["IAM-06"] == [.contractual, .legal])
        #expect(InclusionReason.allCases.map(\.label) == ["risk treatment", "legal", "contractual", "best practice"])
    }

    @Test func unknownReasonsAreErrorsWithTheirPlace() throws {
        let loaded = try load([
            "status.yaml": """
            implementation:
              - control: IAM-01
                status: implemented
                reasons: [risk-treatment, legl]
              - control: IAM-02
                status: implemented
                reasons: "contractual; because"
              - control: PHY-03
                status: not-applicable
                justification: No premises of our own.
                reasons: [legal]
            """,
            "status.csv": "Control,Status,Reasons\nIAM-04,implemented,riks-treatment; business\n",
        ])
        let all = messages(loaded)
        let allowed = "is not one of risk-treatment, legal, contractual, business"
        #expect(all.contains("4 implementation[0].reasons[1] reason \"legl\" \(allowed)"), "\(all)")
        #expect(all.contains("7 implementation[1].reasons reason \"because\" \(allowed)"), "\(all)")
        #expect(all.contains("2 C2 reason \"riks-treatment\" \(allowed)"), "\(all)")
        let hints = loaded.diagnostics.filter { $0.severity == .error }.map { $0.hint ?? "" }
        #expect(hints.contains("did you mean legal?") && hints.contains("did you mean risk-treatment?"), "\(hints)")
        #expect(loaded.diagnostics.filter { $0.severity == .error }.count == 3, "\(all)")
        // The good reasons beside a bad one are kept.
        #expect(loaded.user.implementation.first { $0.control == "IAM-04" }?.reasons == [.business])
        let warning = try #require(loaded.diagnostics.first { $0.severity == .warning }, "\(all)")
        #expect(warning.message.contains("PHY-03 is not-applicable but gives reasons for inclusion (legal)"))
        #expect(warning.location.line == 8)
    }

    @Test func missingAndUnreadableFilesAreDiagnosticsNotCrashes() throws {
        let loaded = loadLibrary(files: ["/nonexistent/lib.yaml"])
        #expect(loaded.diagnostics.map(\.message) == ["file not found"])
        #expect(loaded.missingFiles == ["/nonexistent/lib.yaml"])
        let wrongKind = try load(["notes.pdf": "%PDF-1.4"])
        #expect(wrongKind.diagnostics.map(\.message) == ["cannot read a library from a .pdf file"])
        let headerless = try load(["notes.csv": "a,b\n1,2\n"])
        #expect(messages(headerless).first?.contains("no sheet has a library table header") == true)
    }

    @Test(arguments: ["2026-02-29", "2026-04-31", "26-01-01", "2026/01/01", "2026-1-1", "2026-00-10"])
    func impossibleDatesAreRefused(text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func dayArithmeticAndFormatting() throws {
        let day = try #require(Day(parsing: "2024-02-28"))
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(day.adding(days: -59).description == "2023-12-31")
        #expect(Day(parsing: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(Day(parsing: "2026-03-01T10:00:00Z")?.description == "2026-03-01")
    }
}
