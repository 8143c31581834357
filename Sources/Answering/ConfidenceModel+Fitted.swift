// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml (split quire-labelled-split/1, 231 tuning items):
// 194 answers derived from controls, 151 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = 1.5235507449144055
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete.
    static let weights: [Double] = [
        0.0002681210485035964,
        0.3612458658993079,
        -0.33202696625926537,
        0.06880700458315522,
        1.2536563301441974,
        -0.5558503566209778,
        -0.18564595474441264,
        -1.4944974073069937,
        -0.4373357899842687,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right.
    static let writeFrom = 0.7453310894989168
}
