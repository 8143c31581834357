import Foundation
import Testing

@testable import Pipeline

/// Warnings and summaries travel one way: through a ``Diagnostics`` collector, in order.
@Suite struct DiagnosticsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-pipeline-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func linesReachTheSinkInOrderAndAreKept() {
        final class Box: @unchecked Sendable {
            var seen: [(Diagnostics.Kind, String)] = []
        }
        let box = Box()
        let diagnostics = Diagnostics { kind, line in box.seen.append((kind, line)) }
        diagnostics.warn("first")
        diagnostics.note("summary")
        diagnostics.warn("second")
        #expect(box.seen.map(\.1) == ["first", "summary", "second"])
        #expect(box.seen.map(\.0) == [.warning, .note, .warning])
        #expect(diagnostics.lines == ["first", "summary", "second"])
        #expect(diagnostics.warnings == ["first", "second"])
    }

    @Test func aLibrarysWarningsGoToTheCollector() throws {
        let folder = try Self.scratch()
        let file = folder.appendingPathComponent("status.yaml")
        try Data(
            """
            implementation:
              - control: PHY-03
                status: not-applicable
                justification: No premises of our own.
                reasons: [legal]
            """.utf8
        ).write(to: file)
        let diagnostics = Diagnostics.collecting()
        _ = try LibraryContext(libraryFiles: [file.path], diagnostics: diagnostics)
        #expect(diagnostics.warnings.count == 1)
        #expect(
            diagnostics.warnings.first?.hasPrefix("\(file.path):2:5 (implementation[0]): warning: ") == true,
            "\(diagnostics.warnings)"
        )
        #expect(diagnostics.warnings.first?.contains("gives reasons for inclusion") == true)
    }

    @Test func answeringSaysWhatItWroteInOneSummary() throws {
        let folder = try Self.scratch()
        let filled = folder.appendingPathComponent("globex-filled.xlsx").path
        let diagnostics = Diagnostics.collecting()
        try answerQuestionnaire(
            AnsweringRequest(
                file: Self.root.appendingPathComponent("samples/globex-vendor-assessment.xlsx").path,
                libraryFiles: [Self.root.appendingPathComponent("samples/library").path]
            ),
            asOf: "2026-11-29",
            overwrite: false,
            format: .json,
            outputs: AnswerOutputs(output: filled),
            diagnostics: diagnostics
        )
        #expect(diagnostics.warnings.isEmpty, "\(diagnostics.warnings)")
        let summary = try #require(diagnostics.lines.last)
        #expect(summary.contains(": 47 items: "), "\(summary)")
        #expect(summary.contains("; wrote ") && summary.contains(" cells into \(filled)"), "\(summary)")
        #expect(summary.hasSuffix("; review list \(folder.appendingPathComponent("globex-filled.review.csv").path)"))
        #expect(FileManager.default.fileExists(atPath: filled))
        // Before it, why the answers derived from controls were proposed, not written.
        let why = diagnostics.lines.dropLast().last ?? ""
        #expect(why.contains("derived from controls and otherwise ready are proposed for review, not written"))
    }
}
