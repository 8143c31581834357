// Written by bench/calibrate.py (`make calibrate`); do not edit by hand.
// Fitted on the tuning part of bench/labelled/questions.yaml and fresh.yaml to fresh3.yaml (split quire-labelled-split/1, 431 tuning items):
// 361 answers derived from controls, 275 of them right; L2 penalty 1.0.
extension ConfidenceModel {
    /// The model's intercept.
    static let intercept = -0.03205161320767768
    /// The weights of strength, coverage, weakest_part, rare_uncovered, margin, cited, past_support, several, incomplete, verdict no, verdict partial, verdict not applicable.
    static let weights: [Double] = [
        -0.2488630188715776,
        1.411690188711989,
        0.28322254905967564,
        0.5755880330604399,
        0.49220134050499903,
        -0.23253609023263971,
        0.024657429278312753,
        -0.5326935636179956,
        0.539893772530833,
        0.24132982368393394,
        -2.27154091493673,
        -0.36544106171388213,
    ]
    /// Answers derived from controls are written without review from this confidence up: the
    /// lowest at which the tuning part's writable answers are >= 98% right, with at least
    /// 150 of them at or above it; nil when there is none, and then none is written.
    static let writeFrom: Double? = nil
}
