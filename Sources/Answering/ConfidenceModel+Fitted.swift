// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml (split quire-labelled-split/1, 231 tuning items):
// 195 answers derived from controls, 147 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.372522975193635
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        0.20036288810751499,
        0.42953422244525463,
        -0.4637655199584314,
        0.06744435489329983,
        1.278457958641526,
        -0.5455874070719501,
        0.015142763599065407,
        -1.3897080267691015,
        -0.9517798942142751,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right.
    static let writeFrom = 0.6726671653222396
}
