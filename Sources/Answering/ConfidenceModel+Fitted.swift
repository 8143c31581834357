// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml, fresh.yaml and fresh2.yaml (split quire-labelled-split/1, 331 tuning items):
// 275 answers derived from controls, 206 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.6165030746411152
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.021810332367594245,
        1.1428907257465766,
        0.10078002885156731,
        -0.06849818378772407,
        0.6627466902048935,
        -0.27648528529125693,
        0.12769747470260256,
        -0.7134107010915515,
        -1.028113182866113,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
