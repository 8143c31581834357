public import ControlModel
import Exchange
import Foundation
import Spreadsheet

/// The built-in library with a user's files laid over it, checked; what the library commands
/// work on.
public struct LibraryContext: Sendable {
    /// The checked and indexed library.
    public let index: LibraryIndex

    /// Loads the user's files over the built-in library and reports its warnings; throws every
    /// error found, if any.
    /// - Throws: ``PipelineError/missingInput(path:)`` for a file that does not exist,
    ///   ``PipelineError/invalidLibrary(_:)`` with every diagnostic when there is an error.
    public init(libraryFiles: [String], diagnostics: Diagnostics) throws {
        if libraryFiles.isEmpty {
            index = .builtIn
            return
        }
        let loaded = loadLibrary(files: libraryFiles)
        if let missing = loaded.missingFiles.first { throw PipelineError.missingInput(path: missing) }
        guard !loaded.hasErrors else { throw PipelineError.invalidLibrary(loaded.diagnostics) }
        index = loaded.index
        loaded.diagnostics.forEach(diagnostics.warn)
    }

    /// A context over an index already loaded.
    init(index: LibraryIndex) {
        self.index = index
    }

    /// The framework a name stands for (an id, or a loose name such as "ISO 27001").
    /// - Throws: ``PipelineError/unknown(_:)`` with the near names and the known ids.
    func framework(_ name: String) throws -> Framework {
        guard let framework = index.framework(named: name) else {
            let near = index.frameworkSuggestions(for: name)
            throw PipelineError.unknown(
                "unknown framework \"\(name)\""
                    + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                    + " (known: \(index.library.frameworks.map(\.id).joined(separator: ", ")))"
            )
        }
        return framework
    }
}

/// Checks of option values that need no file: the command line runs them before anything is read,
/// so a bad value is a usage error with the usage line.
public enum OptionCheck: Sendable {
    /// Why a date option is not a date, or nil when it is one (`YYYY-MM-DD`).
    public static func problem(withDay text: String, option: String = "--as-of") -> String? {
        Day(parsing: text) == nil ? "\(option) \"\(text)\" is not a date; write YYYY-MM-DD" : nil
    }

    /// Why a comma-separated framework list cannot name a crosswalk, or nil when it can: at least
    /// two names, none empty, none twice.
    public static func problem(withFrameworkList text: String) -> String? {
        let names = frameworkNames(text)
        if names.contains(where: \.isEmpty) {
            return "--frameworks \"\(text)\" has an empty name; separate framework ids with single commas"
        }
        guard names.count >= 2 else {
            return "name at least two frameworks, for example --frameworks soc2-2017,iso27001-2022"
        }
        for (position, name) in names.enumerated() where names[..<position].contains(name) {
            return "\(name) is named twice in --frameworks; name each framework once"
        }
        return nil
    }

    /// Whether text is a column's letters (`C`, `AA`, up to `XFD`).
    public static func isColumnLetter(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isLetter) && CellAddress(a1: text + "1") != nil
    }

    /// The names of a comma-separated framework list, without spaces.
    public static func frameworkNames(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { !$0.isWhitespace }) }
    }
}

/// The day `--as-of` names, or today in UTC.
func parseDay(_ text: String?) throws -> Day {
    guard let text else { return today() }
    guard let day = Day(parsing: text) else {
        throw PipelineError.usage(OptionCheck.problem(withDay: text) ?? "--as-of is not a date")
    }
    return day
}

/// Today's date in UTC.
func today() -> Day {
    let seconds = Int(Date().timeIntervalSince1970)
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    return Day.epoch.adding(days: days)
}
