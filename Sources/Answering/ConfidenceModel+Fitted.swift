// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml, fresh.yaml and fresh2.yaml (split quire-labelled-split/1, 331 tuning items):
// 273 answers derived from controls, 215 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.9684215697349348
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.22532561332200846,
        1.1819387583383418,
        -0.24230231478101535,
        0.1530571455367374,
        0.7030787367416038,
        -0.3189313971485538,
        0.3904727221453256,
        -0.6965938397714562,
        -1.2576384419831557,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
