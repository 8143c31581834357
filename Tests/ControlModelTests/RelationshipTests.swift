import ControlModel
import Testing

@Suite struct RelationshipTests {
    @Test func reversingSwapsSubsetAndSuperset() {
        #expect(Relationship.subset.reversed == .superset)
        #expect(Relationship.superset.reversed == .subset)
        #expect(Relationship.equal.reversed == .equal)
        #expect(Relationship.intersects.reversed == .intersects)
        #expect(Relationship.notRelated.reversed == .notRelated)
        #expect(Relationship.allCases.allSatisfy { $0.reversed.reversed == $0 })
    }

    @Test func composition() {
        #expect(Relationship.subset.composed(with: .subset) == .subset)
        #expect(Relationship.superset.composed(with: .superset) == .superset)
        #expect(Relationship.equal.composed(with: .subset) == .subset)
        #expect(Relationship.superset.composed(with: .equal) == .superset)
        #expect(Relationship.subset.composed(with: .superset) == .intersects)
        #expect(Relationship.intersects.composed(with: .equal) == .intersects)
        #expect(Relationship.notRelated.composed(with: .equal) == nil)
        #expect(Relationship.equal.composed(with: .notRelated) == nil)
    }

    @Test(arguments: [
        ("equal", Relationship.equal), ("Subset", .subset), ("superset of", .superset), ("intersect", .intersects),
        ("not related", .notRelated), ("not-related", .notRelated), ("⊂", .subset),
    ])
    func lenientReading(text: String, expected: Relationship) {
        #expect(Relationship(lenient: text) == expected)
    }

    @Test func unknownRelationshipsAreNotGuessed() {
        #expect(Relationship(lenient: "sometimes") == nil)
        #expect(Relationship(lenient: "") == nil)
    }

    /// Looking a correspondence up from the other side gives the reverse relationship and the
    /// same controls.
    @Test func crosswalkIsSymmetric() throws {
        let index = LibraryIndex.builtIn
        let soc2 = try #require(index.framework(named: "soc2-2017"))
        for criterion in soc2.assessable {
            let source = RequirementReference(framework: "soc2-2017", id: criterion.id)
            for forward in index.correspondences(of: source, in: "iso27001-2022") {
                let back = index.correspondences(of: forward.requirement, in: "soc2-2017")
                let match = try #require(back.first { $0.requirement == source }, "\(forward.requirement) → \(source)")
                #expect(match.relationship == forward.relationship.reversed)
                #expect(Set(match.links.map(\.control)) == Set(forward.links.map(\.control)))
            }
        }
    }

    /// A library of two hand-made controls: subset chains stay subset, and a not-related mapping
    /// carries no link.
    @Test func derivedRelationships() throws {
        let framework = { (id: String) in
            Framework(id: id, name: id, version: "1", requirements: [Requirement(id: "R1", title: "R1", kind: "r")])
        }
        let library = Library(
            frameworks: [framework("a"), framework("b"), framework("c")],
            controls: [
                Control(
                    id: "C-1",
                    title: "narrow",
                    mappings: [
                        Mapping(requirement: .init(framework: "a", id: "R1"), relationship: .superset),
                        Mapping(requirement: .init(framework: "b", id: "R1"), relationship: .subset),
                        Mapping(requirement: .init(framework: "c", id: "R1"), relationship: .notRelated),
                    ]
                )
            ]
        )
        let index = LibraryIndex(library)
        #expect(index.diagnostics.isEmpty)
        let forward = index.correspondences(of: .init(framework: "a", id: "R1"), in: "b")
        #expect(forward.map(\.relationship) == [.subset])
        let backward = index.correspondences(of: .init(framework: "b", id: "R1"), in: "a")
        #expect(backward.map(\.relationship) == [.superset])
        #expect(index.correspondences(of: .init(framework: "a", id: "R1"), in: "c").isEmpty)
        #expect(index.controls(covering: .init(framework: "c", id: "R1")).isEmpty)
    }
}
