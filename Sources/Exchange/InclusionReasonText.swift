import ControlModel

/// Reasons for inclusion as users write them: the canonical names (`risk-treatment`, `legal`,
/// `contractual`, `business`) or common other words for them, matched loosely.
enum InclusionReasonText {
    /// Other words for each reason, by loose key.
    private static let otherNames: [String: InclusionReason] = [
        "risk": .riskTreatment, "risktreatment": .riskTreatment, "riskassessment": .riskTreatment,
        "regulatory": .legal, "legalregulatory": .legal, "law": .legal, "regulation": .legal,
        "statutory": .legal, "contract": .contractual, "contractualobligation": .contractual,
        "businessrequirement": .business, "bestpractice": .business, "goodpractice": .business,
        "businessrequirementbestpractice": .business,
    ]

    /// The reason a word names, or nil.
    static func reason(_ text: String) -> InclusionReason? {
        let key = looseKey(text)
        return InclusionReason.allCases.first { looseKey($0.rawValue) == key } ?? otherNames[key]
    }

    /// The message and hint for a word that names no reason.
    static func unknown(_ text: String) -> (message: String, hint: String) {
        let allowed = InclusionReason.allCases.map(\.rawValue)
        let key = looseKey(text)
        var near: [InclusionReason] = []
        let candidates =
            InclusionReason.allCases.map { (looseKey($0.rawValue), $0) }
            + otherNames.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
        // A short word is near only one edit away: `foo` is not a misspelt `law`.
        let limit = min(max(key.count / 3, 1), 3)
        for (name, reason) in candidates where editDistance(name, key, limit: limit) <= limit && !near.contains(reason)
        {
            near.append(reason)
        }
        let message = "reason \"\(text)\" is not one of " + allowed.joined(separator: ", ")
        let hint =
            near.isEmpty
            ? "legal covers regulatory requirements, business covers best practice; separate several with ;"
            : "did you mean \(near.map(\.rawValue).joined(separator: " or "))?"
        return (message, hint)
    }
}
