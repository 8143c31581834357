// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml, fresh.yaml and fresh2.yaml (split quire-labelled-split/1, 331 tuning items):
// 276 answers derived from controls, 211 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.7039335358236746
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.19984769290690707,
        1.1355949415187059,
        0.05627558247429199,
        0.010912809194554614,
        0.8193067368864894,
        -0.2761933063922793,
        0.1387585295501724,
        -0.7101639692526249,
        -1.1103673166384374,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
