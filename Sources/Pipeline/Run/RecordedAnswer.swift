import Answering

/// What a run keeps of an answer: enough for its summary, its report and the next run's diff, and
/// for a later run to reuse it when nothing it rests on changed.
struct RecordedAnswer: Sendable, Hashable {
    var id: String
    var question: String
    var value: String?
    var basis: String
    var confidence: Double
    var review: Bool
    var reviewReason: String?

    init(
        id: String,
        question: String,
        value: String?,
        basis: String,
        confidence: Double,
        review: Bool,
        reviewReason: String?
    ) {
        self.id = id
        self.question = question
        self.value = value
        self.basis = basis
        self.confidence = confidence
        self.review = review
        self.reviewReason = reviewReason
    }

    init(_ answer: Answer) {
        self.init(
            id: answer.id,
            question: answer.question,
            value: answer.value,
            basis: answer.basis.rawValue,
            confidence: answer.confidence,
            review: answer.review,
            reviewReason: answer.reviewReason
        )
    }
}
