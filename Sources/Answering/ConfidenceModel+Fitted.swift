// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml (split quire-labelled-split/1, 231 tuning items):
// 188 answers derived from controls, 157 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.451890889375005
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.18538432476378774,
        0.7091109636457954,
        -0.024073406856567375,
        0.2903409096761175,
        0.5529251117218895,
        -0.6245486773504785,
        0.33156173396766514,
        -1.3898241111703817,
        -1.024897816314977,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
