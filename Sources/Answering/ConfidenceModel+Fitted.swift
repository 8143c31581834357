// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml, fresh.yaml and fresh2.yaml (split quire-labelled-split/1, 331 tuning items):
// 273 answers derived from controls, 215 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.1088707658731307
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable.
    static let weights: [Double] = [
        -0.19534123417844462,
        1.2900118302239714,
        -0.4099804129556136,
        0.022049352896201944,
        0.697036153232368,
        -0.28923539520937935,
        0.32286499657008016,
        -0.5385642119811915,
        -0.203424527263266,
        1.027795287987698,
        -1.7720438146431146,
        0.1291391035926991,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
