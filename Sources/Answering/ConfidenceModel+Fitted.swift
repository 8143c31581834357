// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml, fresh.yaml and fresh2.yaml (split quire-labelled-split/1, 331 tuning items):
// 276 answers derived from controls, 215 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.8954146176012158
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.3282662635621512,
        1.2506837957938801,
        -0.07391374044898168,
        0.05601607507826316,
        0.758506471174905,
        -0.29126532335328953,
        0.19861831695466914,
        -0.765718325604861,
        -1.2154909853458324,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
