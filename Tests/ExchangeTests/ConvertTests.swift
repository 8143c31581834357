import ControlModel
import Foundation
import Testing

@testable import Exchange

/// Controls tables by column profile, Drata's rules, Vanta's objects, format detection and the
/// migration report.
@Suite struct ConvertTests {
    static func write(_ text: String, named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aGuessedProfileReadsAToolsExport() throws {
        let file = try Self.write(
            """
            Control ID,Control Name,Description,Health,Owner,SOC 2,ISO 27001,Internal notes
            AC-01,Access reviews,Quarterly reviews.,Healthy,IT,CC6.1; CC6.2,A.5.18 (subset),x
            AC-01,Access reviews,,,,CC6.3,,
            EN-02,Encryption,,At Risk,,,A.8.24; A.9.9,
            """,
            named: "export.csv"
        )
        var log = MigrationLog()
        let (library, profile) = try ControlTable.read(file: file, profile: nil, index: LibraryIndex.builtIn, log: &log)
        #expect(profile.header("id") == "Control ID" && profile.header("status") == "Health")
        #expect(profile.frameworks.map(\.framework) == ["soc2-2017", "iso27001-2022"])
        #expect(library.controls.map(\.id) == ["AC-01", "EN-02"])
        let first = try #require(library.controls.first)
        #expect(first.mappings.map(\.requirement.id) == ["CC6.1", "CC6.2", "A.5.18", "CC6.3"])
        #expect(first.mappings[2].relationship == .subset)
        #expect(log.notes.contains { $0.kind == .merged && $0.subject == "control AC-01" })
        #expect(log.notes.contains { $0.kind == .dropped && $0.subject == "column Internal notes" })
        // Requirement ids are resolved once the whole library is read.
        var whole = MigrationLog()
        _ = try readExchange(files: [file], options: ConvertOptions(), log: &whole)
        #expect(whole.notes.contains { $0.kind == .unresolved && $0.detail.contains("A.9.9") })
        // "Healthy" is no Quire status, and the guessed profile knows no status words: said, not guessed.
        #expect(library.implementation.isEmpty)
        #expect(log.notes.contains { $0.field == "status" && $0.detail.contains("Healthy") })
        let named = try #require(ColumnProfile.named.first { $0.name == "secureframe" })
        var withProfile = named
        withProfile.columns = [
            ("id", "Control ID"), ("title", "Control Name"), ("status", "Health"), ("owner", "Owner"),
        ]
        var second = MigrationLog()
        let (read, _) = try ControlTable.read(
            file: file,
            profile: withProfile,
            index: LibraryIndex.builtIn,
            log: &second
        )
        #expect(read.implementation.map(\.status) == [.implemented, .partial])
        #expect(read.implementation.first?.owner == "IT")
    }

    @Test func aProfileSavedAsYAMLReadsBackTheSame() throws {
        let profile = try #require(ColumnProfile.named.first { $0.name == "secureframe" })
        var edited = profile
        edited.frameworks = [("soc2-2017", "SOC 2")]
        let file = try Self.write(edited.yaml(), named: "profile.yaml")
        let again = try ColumnProfile.read(file: file)
        #expect(again == edited)
        #expect(again.statusValues.map(\.status) == profile.statusValues.map(\.status))
        let bad = try Self.write("columns: {title: Name}\n", named: "bad.yaml")
        #expect(throws: ExchangeError.self) { try ColumnProfile.read(file: bad) }
    }

    @Test func columnsGivenOnTheCommandLineOverrideTheProfile() throws {
        var profile = try #require(ColumnProfile.named.first { $0.name == "sprinto" })
        try profile.apply(
            ["id=Ref", "iso27001-2022=ISO", "separator=|", "status = State"],
            frameworks: LibraryIndex.builtIn
        )
        #expect(profile.header("id") == "Ref" && profile.header("status") == "State")
        #expect(profile.frameworks.map(\.framework) == ["iso27001-2022"] && profile.separator == "|")
        #expect(throws: ExchangeError.self) { try profile.apply(["nothing"], frameworks: LibraryIndex.builtIn) }
        #expect(throws: ExchangeError.self) { try profile.apply(["bogus=X"], frameworks: LibraryIndex.builtIn) }
        var log = MigrationLog()
        _ = ControlTable.write(
            Library(controls: [Control(id: "A", title: "a", domain: "Ops")]),
            profile: ColumnProfile.drata,
            frameworks: [],
            log: &log
        )
        #expect(log.notes.contains { $0.field == "domain" && $0.ids == ["A"] }, "the report names the controls")
    }

    @Test func drataCodesFollowItsDocumentedRules() {
        var log = MigrationLog()
        let library = Library(
            controls: [
                Control(id: "ACCESS REVIEW QUARTERLY 01", title: "Access reviews"),
                Control(id: "ACCESS-REVIEW-QUARTERLY-02", title: String(repeating: "n", count: 200), description: "d"),
                Control(id: "ACCESS-REVIEW-QUARTERLY-03", title: "t", description: "d"),
            ]
        )
        let rows = ControlTable.writeDrata(library, frameworks: [], log: &log)
        let codes = rows.dropFirst().map { $0[0] }
        var seen: Set<String> = []
        for code in codes {
            #expect(ControlTable.drataProblem(code: code, seen: seen) == nil, "\(code)")
            seen.insert(code.lowercased())
        }
        #expect(rows.first == ["Code", "Name", "Description", "Question", "Activities", "Owner"])
        #expect(rows[2][1].count == 191 && rows[1][2] == "Access reviews")
        #expect(log.notes.filter { $0.field == "id" }.count == 3)
        #expect(ControlTable.drataProblem(code: "A B", seen: []) != nil)
        #expect(ControlTable.drataProblem(code: String(repeating: "x", count: 21), seen: []) != nil)
    }

    @Test func anExportSavedOnWindowsSplitsCellsAtItsLineBreaks() throws {
        // CR LF row ends, and a mapping cell one id a line with CR LF between them.
        let file = try Self.write(
            "Control ID,Control Name,SOC 2\r\nAC-01,Access reviews,\"CC6.1\r\nCC6.2\"\r\n",
            named: "windows-export.csv"
        )
        var log = MigrationLog()
        let (library, _) = try ControlTable.read(file: file, profile: nil, index: LibraryIndex.builtIn, log: &log)
        #expect(library.controls.first?.mappings.map(\.requirement.id) == ["CC6.1", "CC6.2"])
    }

    @Test func csvCellsWithLineBreaksAreQuoted() {
        // A description with CR LF inside (a Windows export read back): before, CR LF was not
        // seen as a line break and the cell went out unquoted, breaking its row in two.
        #expect(
            String(decoding: csvBytes([["a\r\nb", "c\nd", "e,f", "g"]]), as: UTF8.self)
                == "\"a\r\nb\",\"c\nd\",\"e,f\",g\r\n"
        )
    }

    @Test func vantaObjectsRoundTrip() throws {
        var log = MigrationLog()
        let library = Library(
            controls: [Control(id: "VC-1", title: "MFA", description: "Second factor.", domain: "Identity")],
            implementation: [Implementation(control: "VC-1", status: .implemented, owner: "it@acme.example")]
        )
        let written = ControlTable.writeVanta(library, log: &log)
        let root = try parseDocument(Array(written.json().utf8), file: "v.json")
        var again = MigrationLog()
        let read = ControlTable.readVanta(root, file: "v.json", log: &again)
        #expect(read.controls == library.controls)
        #expect(read.implementation == library.implementation)
        #expect(try detect(root, file: "v.json").format == .vanta)
    }

    @Test func aToolGetsTheOrganisationsStatusAndTheReportCountsProductRecords() throws {
        // The product's record comes first in the file; the tool still gets the organisation's.
        let library = Library(
            controls: [Control(id: "VC-1", title: "MFA", description: "Second factor.", domain: "Identity")],
            implementation: [
                Implementation(control: "VC-1", status: .planned, products: ["Harbor Mobile"]),
                Implementation(control: "VC-1", status: .implemented),
            ]
        )
        var log = MigrationLog()
        let read = ControlTable.readVanta(
            try parseDocument(Array(ControlTable.writeVanta(library, log: &log).json().utf8), file: "v.json"),
            file: "v.json",
            log: &log
        )
        #expect(read.implementation.map(\.status) == [.implemented])
        var profileLog = MigrationLog()
        let rows = ControlTable.write(library, profile: ColumnProfile.drata, frameworks: [], log: &profileLog)
        #expect(rows.count == 2)
        for written in [log, profileLog] {
            #expect(
                written.losses.filter { $0.field == "products" }.map(\.subject) == [
                    "1 implementation record for named products"
                ]
            )
        }
    }

    @Test func formatsAreRecognisedAndTheReportSaysHow() throws {
        let quire = try Self.write("format: quire-library/1\ncontrols:\n  - {id: X-1, title: One}\n", named: "lib.yaml")
        let catalog = try Self.write(
            #"{"catalog": {"uuid": "u", "metadata": {"title": "T"}, "controls": []}}"#,
            named: "c.json"
        )
        let neither = try Self.write(#"{"hello": 1}"#, named: "n.json")
        #expect(try detectExchangeFormat(file: quire).format == .quire)
        #expect(try detectExchangeFormat(file: catalog).format == .oscalCatalog)
        #expect(throws: ExchangeError.self) { try detectExchangeFormat(file: neither) }
        #expect(throws: ExchangeError.self) { try detectExchangeFormat(file: try Self.write("<x/>", named: "c.xml")) }
        var log = MigrationLog()
        let content = try readExchange(files: [quire], options: ConvertOptions(), log: &log)
        let bytes = try writeExchange(content, to: .quire, path: "out.yaml", options: ConvertOptions(), log: &log)
        let report = MigrationReport(content: content, output: "out.yaml", format: .quire, log: log)
        #expect(report.losses.isEmpty && report.summary.contains("nothing lost"))
        #expect(report.markdown().contains("lib.yaml: quire"))
        let again = try readExchange(
            files: [try Self.write(String(decoding: bytes, as: UTF8.self), named: "again.yaml")],
            options: ConvertOptions(),
            log: &log
        )
        #expect(again.library.controls.map(\.id) == ["X-1"])
    }

    @Test func libraryFilesMayBeInAToolsFormat() throws {
        let catalog = try Self.write(
            #"{"catalog": {"uuid": "u", "metadata": {"title": "Acme Rules"}, "controls": [{"id": "r-1", "title": "One", "props": [{"name": "label", "value": "R-1"}]}]}}"#,
            named: "acme.json"
        )
        let drata = try Self.write(
            "Code,Name,Description,Question,Activities,Owner\nD-1,Access,Reviews,,,\n",
            named: "drata.csv"
        )
        let loaded = loadLibrary(files: [catalog, drata])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        #expect(loaded.user.frameworks.map(\.id) == ["acme-rules"])
        #expect(loaded.index.framework(named: "acme-rules")?.assessable.map(\.id) == ["R-1"])
        #expect(loaded.user.controls.map(\.id) == ["D-1"])
    }

    @Test func yamlAndJSONOutputReadBackAsTheSameDocument() throws {
        let node = OutputNode.map([
            ("id", .string("A.5.1")), ("n", .integer(3)), ("x", .number(0.25)), ("yes", .string("yes")),
            ("empty", .string("")),
            ("list", .list([.string("1.1"), .map([("k", .string("v: w")), ("k2", .boolean(true))])])),
            ("nested", .map([("deep", .list([.list([.string("#hash")])]))])),
        ])
        let fromJSON = try parseDocument(Array(node.json().utf8), file: "a.json")
        let fromYAML = try parseDocument(Array(node.yaml().utf8), file: "a.yaml")
        #expect(OutputNode(document: fromJSON) == OutputNode(document: fromYAML))
        #expect(fromYAML["yes"]?.string == "yes" && fromYAML["id"]?.string == "A.5.1")
    }
}

/// compliance-trestle's CSV inputs, read.
@Suite struct TrestleCSVTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exchange/trestle")

    @Test func aMappingCSVBecomesMappingSetsWithItsPercentages() throws {
        var log = MigrationLog()
        let file = Self.folder.appendingPathComponent("crosswalks_mappings.pci.csv").path
        #expect(try detectExchangeFormat(file: file).format == .trestleCSV)
        let library = try TrestleCSV.read(file: file, frameworks: [], log: &log)
        let pairs = library.mappingSets.flatMap(\.mappings)
        #expect(pairs.first?.source == "PCI-6.3.1" && pairs.first?.target == "ra-5_smt.a")
        #expect(
            pairs.first?.relationship == .intersects && pairs.first?.confidence == 0.5 && pairs.first?.coverage == 0.5
        )
        #expect(log.notes.contains { $0.kind == .dropped && $0.detail.contains("\"gap\"") }, "the gap rows are said")
        #expect(
            !pairs.contains { $0.source.lowercased().contains("reference to a resource") },
            "the description row is skipped"
        )
    }

    @Test func aComponentCSVBecomesControlsMappedToTheirControls() throws {
        var log = MigrationLog()
        let library = try TrestleCSV.read(
            file: Self.folder.appendingPathComponent("bp.sample.v2.csv").path,
            frameworks: [],
            log: &log
        )
        let first = try #require(library.controls.first)
        #expect(first.id == "account_owner_authorized_ip_range_configured")
        #expect(first.mappings.map(\.requirement.id).prefix(2) == ["sc-7_smt.a", "sc-7_smt.b"])
        #expect(log.notes.contains { $0.subject == "column Check_Id" })
    }
}
