// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh3.yaml (split quire-labelled-split/1, 431 tuning items):
// 361 answers derived from controls, 276 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.0027451755649421376
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable.
    static let weights: [Double] = [
        -0.3224412328647258,
        1.3936895185343658,
        0.30854574684792563,
        0.58241574714296,
        0.4677355475174918,
        -0.22657596746505856,
        0.07841117472009192,
        -0.5667419489812687,
        0.5276478438064522,
        0.23997088637749914,
        -2.282534048790644,
        -0.3870187853297435,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
