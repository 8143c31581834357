import Foundation

/// The confidence of an answer derived from controls: an estimate of the chance that it is the
/// answer a careful compliance manager would give, from how well the controls cover the question.
///
/// A logistic model over ``AnswerSignals``: how well the controls cover the question, the verdict
/// read from them (a "Partially" is less often the answer a reviewer keeps than a "Yes" or a
/// "No"), whether the match is direct and whether a problem was found to review; its weights are
/// fitted (`make calibrate`, which runs
/// `bench/calibrate.py`) on the tuning part of the labelled set only, and its calibration is
/// reported on the held-out part by `bench/accuracy.py`. The weights are in
/// `ConfidenceModel+Fitted.swift`, which that script writes.
enum ConfidenceModel {
    /// The model's inputs, in the order of ``weights``.
    static func inputs(_ signals: AnswerSignals) -> [Double] {
        [
            signals.strength,
            signals.coverage,
            signals.weakestPart,
            signals.rareUncovered,
            signals.margin,
            signals.cited ? 1 : 0,
            signals.pastSupport,
            signals.deciding > 1 ? 1 : 0,
            signals.incomplete ? 1 : 0,
            signals.verdict == .no ? 1 : 0,
            signals.verdict == .partial ? 1 : 0,
            signals.verdict == .notApplicable ? 1 : 0,
            signals.direct ? 1 : 0,
            signals.flagged ? 1 : 0,
        ]
    }

    /// The estimated chance the answer is right, 0–1.
    static func probability(_ signals: AnswerSignals) -> Double {
        let inputs = inputs(signals)
        var sum = intercept
        for (weight, input) in zip(weights, inputs) { sum += weight * input }
        return 1 / (1 + exp(-sum))
    }
}
