// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml (split quire-labelled-split/1, 141 tuning items):
// 120 answers derived from controls, 96 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.2992344937088536
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        0.34711272105394253,
        0.3035108321008897,
        -0.44110417519402945,
        0.41763030009423024,
        0.9855198330669643,
        0.11572396980327578,
        0.005787766650455241,
        -1.2088163233426112,
        -1.1924373325545408,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right.
    static let writeFrom = 0.8842760301967244
}
