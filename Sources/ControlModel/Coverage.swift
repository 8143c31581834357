/// How well one requirement is covered by the library's controls.
public enum CoverageState: String, Sendable, Hashable, Codable, CaseIterable {
    /// An implemented control covers it, with live evidence where evidence is recorded.
    case covered
    /// Controls map to it, but none is implemented, or their evidence has expired or failed.
    case partly = "partly covered"
    /// No control maps to it.
    case notCovered = "not covered"
}

/// One requirement's coverage, with the controls that map to it and why it is judged so.
public struct RequirementCoverage: Sendable, Hashable {
    /// The requirement.
    public var requirement: Requirement
    /// How well it is covered.
    public var state: CoverageState
    /// Why, in a phrase (`IAM-03 is implemented`, `IAM-03's evidence has expired or failed`).
    public var reason: String
    /// The controls that map to it, in mapping order.
    public var controls: [String]

    /// Creates a coverage record.
    public init(requirement: Requirement, state: CoverageState, reason: String, controls: [String]) {
        self.requirement = requirement
        self.state = state
        self.reason = reason
        self.controls = controls
    }
}

/// A framework's coverage: one record per assessable requirement, in the framework's order.
public struct FrameworkCoverage: Sendable, Hashable {
    /// The framework.
    public var framework: Framework
    /// The day evidence was judged on.
    public var asOf: Day
    /// One record per assessable requirement.
    public var requirements: [RequirementCoverage]

    /// How many requirements are in each state.
    public func count(_ state: CoverageState) -> Int {
        requirements.count { $0.state == state }
    }

    /// The records of requirements that are not covered or only partly.
    public var gaps: [RequirementCoverage] { requirements.filter { $0.state != .covered } }

    /// The share of requirements covered, in percent with one decimal; 0 for a framework without
    /// assessable requirements.
    public var coveredPercent: Double {
        requirements.isEmpty ? 0 : (Double(count(.covered)) / Double(requirements.count) * 1000).rounded() / 10
    }
}

extension LibraryIndex {
    /// Decides a requirement's coverage on a day, and says why.
    ///
    /// Covered: some implemented control maps to it and has live evidence (``Evidence/isLive(asOf:)``)
    /// or none recorded; or the library records no implementation status at all (then every mapped
    /// requirement counts as covered, and the reason says so). Partly: controls map to it but none
    /// qualifies. Not covered: no control maps to it.
    public func coverage(of requirement: Requirement, in framework: Framework, asOf day: Day) -> RequirementCoverage {
        let reference = RequirementReference(framework: framework.id, id: requirement.id)
        let covering = controls(covering: reference).map(\.control)
        func result(_ state: CoverageState, _ reason: String) -> RequirementCoverage {
            RequirementCoverage(requirement: requirement, state: state, reason: reason, controls: covering)
        }
        guard !covering.isEmpty else { return result(.notCovered, "no control maps to it") }
        guard !library.implementation.isEmpty else {
            return result(.covered, "mapped (no implementation status recorded)")
        }
        var reasons: [String] = []
        for control in covering {
            guard let status = implementation(of: control)?.status else {
                reasons.append("\(control) has no status")
                continue
            }
            switch status {
            case .implemented:
                let items = evidence(for: control)
                if items.isEmpty || items.contains(where: { $0.isLive(asOf: day) }) {
                    return result(.covered, "\(control) is implemented")
                }
                reasons.append("\(control)'s evidence has expired or failed")
            case .notApplicable:
                reasons.append("\(control) is not applicable")
            case .partial, .planned:
                reasons.append("\(control) is \(status.rawValue)")
            }
        }
        return result(.partly, reasons.joined(separator: "; "))
    }

    /// The coverage of every assessable requirement of a framework on a day.
    public func coverage(of framework: Framework, asOf day: Day) -> FrameworkCoverage {
        FrameworkCoverage(
            framework: framework,
            asOf: day,
            requirements: framework.assessable.map { coverage(of: $0, in: framework, asOf: day) }
        )
    }

    /// How many assessable requirements of a framework at least one control maps to, whatever
    /// the controls' status.
    public func mappedCount(of framework: Framework) -> Int {
        framework.assessable.count {
            !controls(covering: RequirementReference(framework: framework.id, id: $0.id)).isEmpty
        }
    }
}
