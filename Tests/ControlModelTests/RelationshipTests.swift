import ControlModel
import Testing

@Suite struct RelationshipTests {
    @Test func reversingSwapsSubsetAndSuperset() {
        #expect(Relationship.subset.reversed == .superset)
        #expect(Relationship.superset.reversed == .subset)
        #expect(Relationship.equal.reversed == .equal)
        #expect(Relationship.intersects.reversed == .intersects)
        #expect(Relationship.notRelated.reversed == .notRelated)
    }

    @Test func composition() {
        #expect(Relationship.subset.composed(with: .subset) == .subset)
        #expect(Relationship.superset.composed(with: .superset) == .superset)
        #expect(Relationship.equal.composed(with: .subset) == .subset)
        #expect(Relationship.superset.composed(with: .equal) == .superset)
        #expect(Relationship.subset.composed(with: .superset) == .intersects)
        #expect(Relationship.intersects.composed(with: .equal) == .intersects)
        #expect(Relationship.notRelated.composed(with: .equal) == nil)
    }
}
