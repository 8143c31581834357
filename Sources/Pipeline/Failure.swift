import Questionnaire
import Spreadsheet

/// What the command line prints and returns when a command fails.
public struct Failure: Sendable, Equatable {
    /// The message, naming the file, the place in it, and what to do.
    public var message: String
    /// The sysexits code: 64 usage, 65 bad data, 66 missing input, 73 cannot create output,
    /// 74 I/O error, 1 anything else.
    public var exitCode: Int32

    /// Classifies an error thrown by any stage.
    public init(_ error: any Error) {
        switch error {
        case let error as PipelineError:
            message = error.description
            switch error {
            case .usage: exitCode = 64
            case .cannotCreateOutput: exitCode = 73
            case .io: exitCode = 74
            case .invalidLibrary: exitCode = 65
            case .missingInput: exitCode = 66
            case .unknown: exitCode = 64
            }
        case let error as SpreadsheetError:
            message = error.description
            switch error {
            case .fileNotFound: exitCode = 66
            case .io: exitCode = 74
            case .sheetNotFound: exitCode = 64
            default: exitCode = 65
            }
        case let error as QuestionnaireError:
            message = error.description
            switch error {
            case .unreadable: exitCode = 66
            case .tooLarge, .notAVSAQTemplate, .syntax, .invalidTemplate: exitCode = 65
            }
        case let error as QuestionnaireReadError:
            message = error.description
            exitCode = 64
        default:
            message = "\(error)"
            exitCode = 1
        }
    }
}
