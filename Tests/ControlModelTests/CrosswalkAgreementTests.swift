import ControlModel
import Foundation
import Testing

/// The SOC 2 ↔ ISO 27001 crosswalk that the built-in controls imply, against the published one
/// (Tests/Fixtures/reference/crosswalk-soc2-iso27001.csv) and against the project's review of the
/// pairs the published one lacks (Catalogs/crosswalk-review.csv).
@Suite struct CrosswalkAgreementTests {
    struct Pair: Hashable, CustomStringConvertible {
        var soc2: String
        var iso: String
        var description: String { "\(soc2)–\(iso)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Rows of a small CSV file without quoted commas in the columns read here.
    static func records(_ relativePath: String) throws -> [[String: String]] {
        let text = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            var fields: [String] = []
            var current = ""
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                } else if character == ",", !quoted {
                    fields.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            fields.append(current)
            return Dictionary(uniqueKeysWithValues: zip(header, fields + Array(repeating: "", count: header.count)))
        }
    }

    /// Every SOC 2 × ISO pair some control maps to both of.
    static func derivedPairs() -> [Pair: Set<String>] {
        var pairs: [Pair: Set<String>] = [:]
        for control in LibraryIndex.builtIn.library.controls {
            let mappings = control.mappings.filter { $0.relationship != .notRelated }
            for soc2 in mappings where soc2.requirement.framework == "soc2-2017" {
                for iso in mappings where iso.requirement.framework == "iso27001-2022" {
                    pairs[Pair(soc2: soc2.requirement.id, iso: iso.requirement.id), default: []].insert(control.id)
                }
            }
        }
        return pairs
    }

    @Test func reproducesTheCorroboratedPublishedPairs() throws {
        let published = try Self.records("Tests/Fixtures/reference/crosswalk-soc2-iso27001.csv")
        #expect(published.count == 193)
        let corroborated = Set(
            published.filter { $0["corroborated_by", default: ""].split(separator: ";").count == 2 }
                .map { Pair(soc2: $0["soc2_id", default: ""], iso: $0["iso_id", default: ""]) }
        )
        #expect(corroborated.count == 90)
        let all = Set(published.map { Pair(soc2: $0["soc2_id", default: ""], iso: $0["iso_id", default: ""]) })
        let derived = Self.derivedPairs()
        let agreed = corroborated.filter { derived[$0] != nil }
        let share = Double(agreed.count) / Double(corroborated.count)
        let allAgreed = all.filter { derived[$0] != nil }.count
        print(
            "crosswalk agreement: \(agreed.count)/\(corroborated.count) corroborated pairs "
                + "(\((share * 1000).rounded() / 10)%), \(allAgreed)/\(all.count) of all published pairs; "
                + "\(derived.count) pairs derived, \(derived.keys.filter { !all.contains($0) }.count) beyond the published set"
        )
        print("corroborated pairs not derived: \(corroborated.subtracting(agreed).map(\.description).sorted())")
        #expect(share >= 0.85)
    }

    /// Every pair the controls imply beyond the published crosswalk has been reviewed and
    /// accepted; a mapping change that adds an unreviewed pair fails here until it is reviewed.
    @Test func everyExtraPairIsReviewedAndAccepted() throws {
        let published = Set(
            try Self.records("Tests/Fixtures/reference/crosswalk-soc2-iso27001.csv")
                .map { Pair(soc2: $0["soc2_id", default: ""], iso: $0["iso_id", default: ""]) }
        )
        let review = try Self.records("Catalogs/crosswalk-review.csv")
        var verdicts: [Pair: String] = [:]
        for row in review {
            let pair = Pair(soc2: row["soc2_id", default: ""], iso: row["iso_id", default: ""])
            #expect(verdicts[pair] == nil, "\(pair) reviewed twice")
            #expect(!row["reason", default: ""].isEmpty, "\(pair) has no reason")
            verdicts[pair] = row["verdict"]
        }
        let extras = Self.derivedPairs().filter { !published.contains($0.key) }
        let unreviewed = extras.keys.filter { verdicts[$0] == nil }.map(\.description).sorted()
        #expect(unreviewed.isEmpty, "derived pairs nobody reviewed: \(unreviewed)")
        let rejected = extras.keys.filter { verdicts[$0] == "reject" }.map(\.description).sorted()
        #expect(rejected.isEmpty, "derived pairs the review rejects: \(rejected)")
        let stale = verdicts.keys.filter { extras[$0] == nil }.map(\.description).sorted()
        #expect(stale.isEmpty, "reviewed pairs the controls no longer imply: \(stale)")
    }
}
