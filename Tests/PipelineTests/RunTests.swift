import Foundation
import Testing

@testable import Pipeline

/// Pieces of `quire run`: input hashes, output names, bounded concurrency in order.
@Suite struct RunTests {
    @Test func sha256MatchesTheStandardsVectors() {
        #expect(sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(sha256(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func outputNamesStayUniqueWhenFoldersShareANameOrder() {
        #expect(outputNames(["a/x.xlsx", "b/x.xlsx", "c/y.csv"]) == ["x", "x-2", "y"])
    }

    @Test func concurrentWorkComesBackInIndexOrderAndAtMostJobsAtOnce() {
        let running = ManagedCounter()
        let results = concurrently(40, jobs: 3) { index in
            running.enter()
            usleep(UInt32(1000 * ((index * 7) % 5)))
            running.leave()
            return index * index
        }
        #expect(results == (0..<40).map { $0 * $0 })
        #expect(running.peak <= 3 && running.peak >= 1)
    }

    @Test func stagedOutputsAppearOnlyWhenPublishedAndADeadRunsStagingIsSweptOnceNoRunWrites() throws {
        let manager = FileManager.default
        let output = NSTemporaryDirectory() + "staging-\(UUID().uuidString)"
        try manager.createDirectory(atPath: output + "/answers", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: output) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: output + "/report.html"))
        let dead = output + "/.staging.quire-dead01"
        do {
            let staging = try RunStaging(output: output)
            try staging.stage(Array("new".utf8), as: "report.html")
            try staging.stage(Array("filled".utf8), as: "answers/a.filled.csv")
            #expect(staging.digest(of: "report.html") == sha256(Array("new".utf8)))
            #expect(try String(contentsOfFile: output + "/report.html", encoding: .utf8) == "old")
            #expect(!manager.fileExists(atPath: output + "/answers/a.filled.csv"))

            // What a dead run left: its staging folder, an old temporary file; and a recent one,
            // which may be a write in progress.
            try manager.createDirectory(atPath: dead + "/answers", withIntermediateDirectories: true)
            try Data("half".utf8).write(to: URL(fileURLWithPath: dead + "/answers/x.csv"))
            try Data("x".utf8).write(to: URL(fileURLWithPath: output + "/.run.json.quire-old001"))
            try manager.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)],
                ofItemAtPath: output + "/.run.json.quire-old001"
            )
            try Data("x".utf8).write(to: URL(fileURLWithPath: output + "/.run.json.quire-new001"))

            // While a run writes into the folder (as a shard beside others), a sweep removes nothing.
            RunStaging.sweep(output)
            #expect(manager.fileExists(atPath: staging.folder))
            #expect(manager.fileExists(atPath: dead))
            try staging.publish()
            #expect(try String(contentsOfFile: output + "/report.html", encoding: .utf8) == "new")
            #expect(try String(contentsOfFile: output + "/answers/a.filled.csv", encoding: .utf8) == "filled")
            #expect(!manager.fileExists(atPath: staging.folder))
        }
        // The run is over (its lock released, as its death would release it): the sweep clears up.
        RunStaging.sweep(output)
        #expect(!manager.fileExists(atPath: dead))
        #expect(!manager.fileExists(atPath: output + "/.run.json.quire-old001"))
        #expect(manager.fileExists(atPath: output + "/.run.json.quire-new001"))
    }
}

/// Counts how many bodies run at once.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0

    func enter() {
        lock.lock()
        current += 1
        peak = max(peak, current)
        lock.unlock()
    }

    func leave() {
        lock.lock()
        current -= 1
        lock.unlock()
    }
}

/// The history's schema across versions and databases.
@Suite struct HistorySchemaTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/history/written-before-shards.sqlite").path

    @Test func aHistoryWrittenBeforeShardsIsMigratedAndReadsOn() throws {
        let copy = NSTemporaryDirectory() + "history-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let history = try RunHistory(location: copy)
        let runs = try history.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.inputs == 6 && runs.first?.review == 104)
        // The answers recorded before keep their order, now by position.
        let applied = try history.database.read { sql in
            try sql.fetch("SELECT identifier FROM grdb_migrations", []).compactMap { $0["identifier"].string }
        }
        #expect(applied == HistorySchema.migrations(.sqlite).map(\.name))
        let positions = try history.database.read { sql in
            try sql.fetch("SELECT COUNT(*) AS n FROM answer WHERE position IS NULL", [])
        }
        #expect(positions.first?["n"].integer == 0)
        // Opening it again applies nothing twice.
        _ = try RunHistory(location: copy)
    }

    @Test func everyDialectHasTheSameMigrationsInTheSameOrder() {
        let sqlite = HistorySchema.migrations(.sqlite).map(\.name)
        let postgres = HistorySchema.migrations(.postgres).map(\.name)
        #expect(sqlite == postgres)
        #expect(sqlite.first == "v1" && Set(sqlite).count == sqlite.count)
    }
}
