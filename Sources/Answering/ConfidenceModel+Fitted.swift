// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh3.yaml (split quire-labelled-split/1, 431 tuning items):
// 361 answers derived from controls, 273 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 0.009540223306439269
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable.
    static let weights: [Double] = [
        -0.2848795623075428,
        1.4719735385604804,
        0.19861726739458155,
        0.5048694154181278,
        0.479972496795672,
        -0.21590721836493232,
        0.036165033523815886,
        -0.49528063580659315,
        0.49679353346013466,
        0.5442204840816444,
        -2.185794899533223,
        -0.3034213476040957,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
