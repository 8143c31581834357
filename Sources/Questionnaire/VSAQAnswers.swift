/// Reads VSAQ's answer JSON (answer key → value, as VSAQ's "Save answers" and `quire answer`
/// write it), with the template reader's size limit and parser.
/// - Throws: ``VSAQAnswersError`` when the file cannot be read or is not such an object.
public func readVSAQAnswers(path: String) throws -> [String: String] {
    let bytes: [UInt8]
    do {
        bytes = try readVSAQBytes(path: path)
    } catch QuestionnaireError.tooLarge(_, let limit) {
        throw VSAQAnswersError(path: path, problem: "larger than \(limit >> 20) MiB, more than VSAQ answers are")
    } catch {
        throw VSAQAnswersError(path: path, problem: "cannot read the file; check the path and its permissions")
    }
    guard let root = try? VSAQParser.parse(bytes), let members = root.members else {
        throw VSAQAnswersError(path: path, problem: "not VSAQ answers: a JSON object from answer key to value")
    }
    var answers: [String: String] = [:]
    for member in members {
        guard let text = member.value.string else {
            throw VSAQAnswersError(
                path: path,
                problem: "the value of \"\(member.key)\" is not text, as VSAQ answers are"
            )
        }
        answers[member.key] = text
    }
    return answers
}

/// Why a VSAQ answer file cannot be read.
public struct VSAQAnswersError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong, and what to do.
    public var problem: String

    /// `answers.json: not VSAQ answers: …`.
    public var description: String { "\(path): \(problem)" }
}
