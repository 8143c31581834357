// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml, fresh.yaml and fresh2.yaml (split quire-labelled-split/1, 331 tuning items):
// 273 answers derived from controls, 215 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.9681495460957409
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.22279695853289827,
        1.187224991781829,
        -0.24163766983993779,
        0.15616323134457352,
        0.6905390746145942,
        -0.32018126121890805,
        0.38518168676245895,
        -0.7002666847074777,
        -1.2589239284357991,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
