/// How a control relates to a requirement, or one requirement to another: the set-theory
/// relationships of NIST IR 8477, read "left is … of right".
public enum Relationship: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Both ask for the same thing.
    case equal
    /// The left covers part of what the right asks.
    case subset
    /// The left covers all the right asks, and more.
    case superset
    /// They overlap; neither contains the other.
    case intersects
    /// Recorded on purpose: they look alike but are not related.
    case notRelated = "not-related"

    /// The same relationship read from the other side: `subset` and `superset` swap.
    public var reversed: Relationship {
        switch self {
        case .subset: .superset
        case .superset: .subset
        case .equal, .intersects, .notRelated: self
        }
    }

    /// What `a ∘ b` says of the outer pair when `a` relates x to y and `b` relates y to z.
    ///
    /// Equality passes the other side through; two subsets (or two supersets) chain; any other
    /// pair can only be said to intersect, and `not-related` breaks the chain (nil).
    public func composed(with next: Relationship) -> Relationship? {
        switch (self, next) {
        case (.notRelated, _), (_, .notRelated): nil
        case (.equal, _): next
        case (_, .equal): self
        case (.subset, .subset): .subset
        case (.superset, .superset): .superset
        default: .intersects
        }
    }

    /// Reads a relationship as users write it: `equal`, `Subset`, `intersect`, `not related`,
    /// `=`, `⊂`, `⊃`.
    public init?(lenient text: String) {
        let key = String(text.lowercased().filter { $0.isLetter || "=⊂⊃∩".contains($0) })
        switch key {
        case "equal", "equals", "equivalent", "=": self = .equal
        case "subset", "subsetof", "⊂": self = .subset
        case "superset", "supersetof", "⊃": self = .superset
        case "intersects", "intersect", "intersectswith", "overlaps", "∩": self = .intersects
        case "notrelated", "notrelatedto", "unrelated", "none": self = .notRelated
        default: return nil
        }
    }

    private var order: Int {
        switch self {
        case .equal: 0
        case .superset: 1
        case .subset: 2
        case .intersects: 3
        case .notRelated: 4
        }
    }

    /// Orders from the strongest correspondence (`equal`) to the weakest.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// Why a mapping was made (NIST IR 8477).
public enum MappingRationale: String, Sendable, Hashable, Codable, CaseIterable {
    /// The words are alike.
    case syntactic
    /// The meanings are alike.
    case semantic
    /// They achieve the same result.
    case functional
}
