// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml (split quire-labelled-split/1, 231 tuning items):
// 190 answers derived from controls, 151 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.5712629470981074
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        -0.12212983587083129,
        0.30918234914858,
        -0.20728858058658778,
        0.1757025784858301,
        1.0173037410154455,
        -0.580045770232005,
        0.13481242230477994,
        -1.6628502587269154,
        -0.5610275557746143,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
