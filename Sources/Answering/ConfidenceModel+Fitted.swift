// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh4.yaml (split quire-labelled-split/1, 531 tuning items):
// 439 answers derived from controls, 332 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.9748633368289672
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable, direct, flagged.
    static let weights: [Double] = [
        -0.3739153401068837,
        1.290335367848515,
        -0.19048896348006764,
        0.5259594421199763,
        0.17241567768617982,
        -0.6310970086825983,
        -0.24716418201715126,
        -0.3397230927253116,
        0.19682412395714666,
        0.5632677832208377,
        -2.0226108395410107,
        -0.584700768240336,
        0.8408408587975279,
        -1.277094027317177,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
