// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml (split quire-labelled-split/1, 231 tuning items):
// 190 answers derived from controls, 150 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.5937100914114544
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.03589180354698115,
        0.38231513330398037,
        -0.2368821599037083,
        0.13018005605518834,
        0.9072296557264209,
        -0.5872545772099024,
        0.11915989513506996,
        -1.6563030505837264,
        -0.7683715823184528,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
