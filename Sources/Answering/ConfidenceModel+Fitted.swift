// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh4.yaml (split quire-labelled-split/1, 531 tuning items):
// 439 answers derived from controls, 333 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.8750528946638586
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable, direct, flagged.
    static let weights: [Double] = [
        -0.2834655554472712,
        1.3187422595770815,
        -0.15567515872111481,
        0.5681627844011433,
        0.19615806089105728,
        -0.6451466478031812,
        -0.3215678125561312,
        -0.35002627437764555,
        0.19370676022433037,
        0.5687591867641375,
        -2.0195417479975375,
        -0.6006860554334199,
        0.8052605548506284,
        -1.2433351559504977,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
