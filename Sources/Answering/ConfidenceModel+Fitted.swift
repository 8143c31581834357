// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh3.yaml (split quire-labelled-split/1, 431 tuning items):
// 361 answers derived from controls, 276 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.0019981854497992915
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable.
    static let weights: [Double] = [
        -0.3243651887331317,
        1.3925184731914284,
        0.30855166984743065,
        0.5812467741734653,
        0.4758460240988918,
        -0.22580222801817576,
        0.07867330450577764,
        -0.564847097438554,
        0.5278393976239761,
        0.24012766170456784,
        -2.2819069569713855,
        -0.38743047162789335,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
