import ControlModel
import Foundation
import Testing

@testable import Exchange

/// The JSON compiled into the binary is exactly what `make catalog` makes of Catalogs/ today.
@Suite struct BuiltInGenerationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theEmbeddedLibraryIsUpToDate() throws {
        let library = try BuiltInCatalog.build(from: Self.root.appendingPathComponent("Catalogs").path)
        let json = BuiltInCatalog.canonicalJSON(library)
        #expect(json == Library.builtInJSON, "run `make catalog` and commit the result")

        let source = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/ControlModel/BuiltInLibraryData.swift"),
            encoding: .utf8
        )
        #expect(source == BuiltInCatalog.swiftSource(embedding: json))
    }

    @Test func theEmbeddedJSONDecodesToWhatWasBuilt() throws {
        let library = try BuiltInCatalog.build(from: Self.root.appendingPathComponent("Catalogs").path)
        #expect(library == Library.builtIn)
    }

    @Test func aBrokenCatalogFailsTheBuildWithItsProblems() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in [
            "frameworks.yaml", "iso27001-2022.csv", "soc2-tsc-2017.csv", "gdpr.csv", "nist-csf-2.0.csv",
            "iso27001-2013-aliases.csv",
        ] {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Catalogs/\(file)"),
                to: folder.appendingPathComponent(file)
            )
        }
        let controls = """
            format: quire-library/1
            controls:
              - id: GOV-01
                title: A control
                mappings:
                  iso27001-2022: [A.5.99]
            """
        try controls.write(to: folder.appendingPathComponent("controls.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try BuiltInCatalog.build(from: folder.path)
        } throws: { error in
            "\(error)".contains("unknown requirement A.5.99 in iso27001-2022")
        }
    }
}
