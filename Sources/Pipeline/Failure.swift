import ControlModel
import Exchange
import Questionnaire
import Reports
import Spreadsheet

/// What the command line prints and returns when a command fails: the one mapping from errors to
/// exit codes.
///
/// Codes follow sysexits: 64 usage (an option or argument that cannot be carried out), 65 bad
/// input data, 66 an input missing or unreadable, 73 an output that cannot be created, 74 an I/O
/// error while writing, 70 an internal error (a bug: the message asks for a report).
public struct Failure: Sendable, Equatable {
    /// The message, naming the file, the place in it, and what to do.
    public var message: String
    /// The sysexits code.
    public var exitCode: Int32

    /// Usage: the command cannot be carried out as asked.
    public static let usage: Int32 = 64
    /// The input data is wrong.
    public static let dataError: Int32 = 65
    /// An input is missing or cannot be opened.
    public static let noInput: Int32 = 66
    /// Quire itself went wrong.
    public static let software: Int32 = 70
    /// An output cannot be created.
    public static let cannotCreate: Int32 = 73
    /// Reading or writing failed part-way.
    public static let ioError: Int32 = 74

    /// Classifies an error thrown by any stage.
    public init(_ error: any Error) {
        switch error {
        case let error as PipelineError:
            message = error.description
            exitCode =
                switch error {
                case .usage, .unknown: Self.usage
                case .cannotCreateOutput: Self.cannotCreate
                case .io, .history: Self.ioError
                case .invalidLibrary, .invalidOutput, .lossy, .invalidConfig: Self.dataError
                case .missingInput: Self.noInput
                }
        case let error as SpreadsheetError:
            message = error.description
            exitCode =
                switch error {
                case .fileNotFound: Self.noInput
                case .io: Self.ioError
                case .sheetNotFound: Self.usage
                case .cannotPatch: Self.cannotCreate
                case .unsupportedFormat, .passwordProtected, .corruptArchive, .limitExceeded, .missingPart,
                    .malformedXML, .forbiddenXML, .invalidContent, .malformedCSV:
                    Self.dataError
                }
        case let error as QuestionnaireError:
            message = error.description
            exitCode =
                switch error {
                case .unreadable: Self.noInput
                case .unknownProfile: Self.usage
                case .tooLarge, .notAVSAQTemplate, .syntax, .invalidTemplate, .invalidProfile: Self.dataError
                }
        case let error as XLSXWriteError:
            message = "cannot write the workbook: \(error.description)"
            exitCode = Self.dataError
        case let error as ResolutionFailure:
            message = error.description
            exitCode = Self.usage
        case let error as BuiltInCatalog.BuildError:
            message = "the built-in catalog sources have problems:\n\(error.description)"
            exitCode = Self.dataError
        case let error as ReportError:
            message = error.description
            exitCode =
                switch error {
                case .tooFewFrameworks, .frameworkNamedTwice, .cannotCompare: Self.usage
                }
        case let error as FillError:
            message = error.description
            exitCode =
                switch error {
                case .formatMismatch: Self.usage
                case .receiverSheet: Self.dataError
                }
        case let error as ReviewListError:
            message = error.description
            exitCode = Self.dataError
        case let error as VSAQAnswersError:
            message = error.description
            exitCode = Self.dataError
        case let error as AnswerLibraryYAML.EditError:
            message = error.description
            exitCode = Self.dataError
        case let error as ExchangeError:
            message = error.description
            exitCode = Self.dataError
        case let error as ReadLimitsError:
            message = error.description
            exitCode = Self.usage
        default:
            message = "internal error: \(error); please report it with the command that caused it"
            exitCode = Self.software
        }
    }
}
