// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh3.yaml (split quire-labelled-split/1, 431 tuning items):
// 361 answers derived from controls, 276 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.9983429289885376
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable, direct, flagged.
    static let weights: [Double] = [
        -0.5759040280415751,
        1.167994415036114,
        -0.20905433191924339,
        0.7947834515651901,
        0.23911923539068572,
        -0.4010142943438632,
        -0.3496415577016954,
        -0.3846414991909948,
        0.07338086338998066,
        0.5720452589434393,
        -2.118438750387733,
        -0.2961875992790408,
        0.7262967861513265,
        -1.2802941750383081,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
