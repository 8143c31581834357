import Answering
import ControlModel
import Questionnaire

/// What `quire map` and `quire answer` read: the questionnaire, the library files, earlier
/// filled questionnaires, and how to read the questionnaire.
public struct AnsweringRequest: Sendable {
    /// The questionnaire.
    public var file: String
    /// Library files (controls, status, evidence, answers), laid over the built-in library.
    public var libraryFiles: [String]
    /// Filled questionnaires whose answers count as past answers.
    public var previousQuestionnaires: [String]
    /// How to read the questionnaire.
    public var reading: ReadingOptions

    /// Creates a request.
    public init(
        file: String,
        libraryFiles: [String],
        previousQuestionnaires: [String] = [],
        reading: ReadingOptions = ReadingOptions()
    ) {
        self.file = file
        self.libraryFiles = libraryFiles
        self.previousQuestionnaires = previousQuestionnaires
        self.reading = reading
    }

    /// Reads everything, reporting the library's warnings, or throws the first problem.
    func load(diagnostics: Diagnostics) throws -> (Questionnaire, Matcher) {
        let context = try LibraryContext(libraryFiles: libraryFiles, diagnostics: diagnostics)
        var library = context.index.library
        for path in previousQuestionnaires {
            library.answers += previousAnswers(in: try readQuestionnaire(path: path))
        }
        let index = previousQuestionnaires.isEmpty ? context.index : LibraryIndex(library)
        let questionnaire = try reading.read(file)
        return (questionnaire, Matcher(index: index))
    }
}
