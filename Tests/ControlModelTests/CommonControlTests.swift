import ControlModel
import Testing

/// The built-in common controls: enough of them, well written, and covering every requirement.
@Suite struct CommonControlTests {
    let index = LibraryIndex.builtIn

    @Test func thereAreAtLeast110WellFormedControls() {
        let controls = index.library.controls
        #expect(controls.count >= 110)
        #expect(Set(controls.map(\.id)).count == controls.count)
        for control in controls {
            #expect(control.id.wholeMatch(of: /[A-Z]{2,4}-[0-9]{2}/) != nil, "\(control.id)")
            #expect(!control.title.isEmpty && !control.domain.isEmpty, "\(control.id)")
            let sentences = control.description.split(whereSeparator: { ".!?".contains($0) })
                .filter { $0.contains(where: \.isLetter) }
            #expect((1...3).contains(sentences.count), "\(control.id): \(sentences.count) sentences")
            #expect(!control.keywords.isEmpty, "\(control.id) has no keywords")
            #expect(!control.mappings.isEmpty, "\(control.id) maps to nothing")
            #expect(control.mappings.allSatisfy { $0.source == "quire" })
        }
    }

    /// Every assessable requirement of every built-in framework is covered by a control.
    @Test(arguments: ["iso27001-2022", "soc2-2017", "gdpr", "nist-csf-2.0"])
    func everyRequirementIsCovered(framework id: String) throws {
        let framework = try #require(index.framework(named: id))
        let uncovered = framework.assessable.filter {
            index.controls(covering: RequirementReference(framework: id, id: $0.id)).isEmpty
        }
        #expect(uncovered.isEmpty, "uncovered in \(id): \(uncovered.map(\.id))")
    }

    @Test func noMappingPointsAtAHeading() {
        for control in index.library.controls {
            for mapping in control.mappings {
                let requirement = index.requirement(mapping.requirement)
                #expect(requirement != nil && requirement?.isHeading == false, "\(control.id) → \(mapping.requirement)")
            }
        }
    }
}

/// Evidence counts as live only while it is unexpired and not failing: the one rule every stage uses.
@Suite struct EvidenceLivenessTests {
    @Test func liveMeansUnexpiredAndNotFailing() throws {
        let day = try #require(Day(parsing: "2026-11-29"))
        func evidence(until: String?, result: EvidenceResult?) -> Evidence {
            Evidence(
                id: "EV",
                title: "t",
                controls: [],
                collectedOn: Day(parsing: "2026-01-01"),
                validUntil: until.flatMap(Day.init(parsing:)),
                result: result
            )
        }
        #expect(evidence(until: "2026-11-29", result: .pass).isLive(asOf: day), "valid through its last day")
        #expect(!evidence(until: "2026-11-28", result: .pass).isLive(asOf: day))
        #expect(!evidence(until: nil, result: .fail).isLive(asOf: day))
        #expect(evidence(until: nil, result: nil).isLive(asOf: day))
        #expect(evidence(until: nil, result: .notTested).isLive(asOf: day))
    }
}
