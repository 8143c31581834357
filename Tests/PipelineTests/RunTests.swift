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
