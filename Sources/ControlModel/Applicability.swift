/// How far an applicable requirement is implemented, judged over the controls that implement it.
public enum ImplementationLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every implementing control that applies is implemented.
    case implemented
    /// Some implementing control is implemented or partial, but not all.
    case partly
    /// None is, or no control implements it.
    case notImplemented = "not-implemented"
}

/// Whether a requirement applies to the organisation and why: one row of a Statement of
/// Applicability, decided from the library alone.
public struct Applicability: Sendable, Hashable {
    /// The requirement (an ISO/IEC 27001 Annex A control, for the SoA).
    public var requirement: Requirement
    /// The title of its parent heading (the Annex A theme), empty when it has none.
    public var theme: String
    /// The controls that map to it, in mapping order (a control may stand twice when it maps twice).
    public var controls: [String]
    /// Each control's status, nil when none is recorded; in the order of ``controls``.
    public var statuses: [ImplementationStatus?]
    /// Whether it is excluded.
    ///
    /// Excluded when every implementing control has a record and every record says not
    /// applicable; a requirement no control implements is never excluded.
    public var excluded: Bool
    /// The reason for inclusion (see ``LibraryIndex/reasonsForInclusion(of:)``); empty when
    /// excluded or when nothing is recorded.
    public var reasons: String
    /// The justification: why it is excluded, or why included and through which controls.
    public var justification: String
    /// The evidence of the implementing controls.
    public var evidence: [Evidence]
    /// How far it is implemented; nil when excluded.
    public var level: ImplementationLevel?
    /// Whether some of its evidence has expired or failed on the day it was judged.
    public var hasWeakEvidence: Bool
}

extension LibraryIndex {
    /// Decides whether a requirement applies, why, and how far it is implemented.
    ///
    /// Excluded only when every implementing control's record says not applicable (the
    /// justification then quotes their justifications); otherwise included, for the recorded
    /// reasons, and the justification says so, names the distinct implementing controls and
    /// adds their own justifications. A reason is never made up: when none is recorded the
    /// justification says "reason for inclusion not recorded".
    public func applicability(of requirement: Requirement, in framework: Framework, asOf day: Day) -> Applicability {
        let reference = RequirementReference(framework: framework.id, id: requirement.id)
        let controls = controls(covering: reference).map(\.control)
        let records = controls.compactMap { implementation(of: $0) }
        let excluded =
            !records.isEmpty && records.count == controls.count && records.allSatisfy { $0.status == .notApplicable }
        let reasons = excluded ? "" : reasonsForInclusion(of: controls)
        let justification: String
        if excluded {
            justification = "Excluded: " + records.compactMap(\.justification).joined(separator: " ")
        } else {
            var distinct: [String] = []
            for control in controls where !distinct.contains(control) { distinct.append(control) }
            let recorded = distinct.compactMap { control in
                implementation(of: control).flatMap { $0.status == .notApplicable ? nil : $0.justification }
            }
            justification =
                (reasons.isEmpty ? "Included: reason for inclusion not recorded." : "Included for: \(reasons).")
                + (distinct.isEmpty
                    ? " No control implements it yet." : " Implemented through \(distinct.joined(separator: ", ")).")
                + recorded.map { " " + $0 }.joined()
        }
        let statuses = controls.map { implementation(of: $0)?.status }
        let evidence = controls.flatMap { self.evidence(for: $0) }
        var level: ImplementationLevel?
        if !excluded {
            let applying = statuses.filter { $0 != .notApplicable }
            if !applying.isEmpty, applying.allSatisfy({ $0 == .implemented }) {
                level = .implemented
            } else if applying.contains(where: { $0 == .implemented || $0 == .partial }) {
                level = .partly
            } else {
                level = .notImplemented
            }
        }
        return Applicability(
            requirement: requirement,
            theme: framework.requirements.first { $0.id == requirement.parent }?.title ?? "",
            controls: controls,
            statuses: statuses,
            excluded: excluded,
            reasons: reasons,
            justification: justification,
            evidence: evidence,
            level: level,
            hasWeakEvidence: evidence.contains { !$0.isLive(asOf: day) }
        )
    }

    /// Why applicable controls are in place, as the library records it.
    ///
    /// The reasons of the controls' implementation records (`risk treatment; legal; contractual;
    /// best practice`), and `legal` also when a control maps to a GDPR requirement, naming it
    /// (`legal (GDPR Art.32)`). Controls whose record says not applicable do not count. Empty when
    /// nothing is recorded: a reason is never made up.
    public func reasonsForInclusion(of controls: [String]) -> String {
        let gdpr = framework(named: "gdpr")
        var recorded: Set<InclusionReason> = []
        var articles: Set<String> = []
        for control in controls {
            let record = implementation(of: control)
            guard record?.status != .notApplicable else { continue }
            recorded.formUnion(record?.reasons ?? [])
            for mapping in self.control(control)?.mappings ?? []
            where mapping.requirement.framework == gdpr?.id && mapping.relationship != .notRelated {
                articles.insert(mapping.requirement.id)
            }
        }
        let order = gdpr?.requirements.map(\.id) ?? []
        let laws = articles.sorted {
            (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1)
        }
        return InclusionReason.allCases.compactMap { reason in
            if reason == .legal, !laws.isEmpty { return "legal (GDPR \(laws.joined(separator: ", ")))" }
            return recorded.contains(reason) ? reason.label : nil
        }.joined(separator: "; ")
    }
}
