public import ControlModel
import Foundation
import Spreadsheet

/// What reading a user's library files gave: the library they make together and the problems
/// found in them.
public struct LoadedLibrary: Sendable {
    /// The files' content, combined, before it is laid over the built-in library.
    public var user: Library
    /// The built-in library with the user's laid over it, checked and indexed.
    public var index: LibraryIndex
    /// Every problem found, reading and checking, in file order.
    public var diagnostics: [Diagnostic]

    /// Whether any problem is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// The files named that do not exist.
    public var missingFiles: [String]
}

/// Reads a user's library files (JSON, YAML, CSV, XLSX) and lays them over `base`.
///
/// `base` is the built-in library unless told otherwise. Never throws: every problem, a missing file
/// included, is a diagnostic, so that `quire validate` can report them all at once.
public func loadLibrary(files: [String], over base: Library = .builtIn) -> LoadedLibrary {
    var diagnostics: [Diagnostic] = []
    var user = Library()
    var tableFiles: [String] = []
    var missingFiles: [String] = []
    for file in expandingFolders(files) {
        guard FileManager.default.fileExists(atPath: file) else {
            missingFiles.append(file)
            diagnostics.append(
                Diagnostic(.error, at: SourceLocation(file: file), "file not found", hint: "check the path")
            )
            continue
        }
        switch fileKind(file) {
        case .document(let isJSON):
            guard let bytes = readFileBytes(file, into: &diagnostics) else { continue }
            // A tool's format (OSCAL, CISO Assistant, OpenControl, Vanta) is read as quire convert
            // reads it; its unresolved references are warnings.
            if let root = try? parseDocument(bytes, file: file), let (format, _) = try? detect(root, file: file),
                format != .quire
            {
                user = user.combined(with: readToolFile(file, format: format, into: &diagnostics))
                continue
            }
            let (library, problems) = readLibraryDocument(bytes, file: file, isJSON: isJSON)
            diagnostics += problems
            user = user.combined(with: library)
        case .table:
            tableFiles.append(file)
        case .unknown(let ext):
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: SourceLocation(file: file),
                    "cannot read a library from a .\(ext) file",
                    hint: "library files are .json, .yaml, .yml, .csv, .tsv, .txt, .xlsx or .xlsm"
                )
            )
        }
    }
    // Tables come after documents, so that a column may be headed by a framework a document defines.
    let known = base.frameworks + user.frameworks
    for file in tableFiles {
        // A tool's table (Drata's, compliance-trestle's) is read as quire convert reads it.
        if let (format, _) = try? detectExchangeFormat(file: file), format == .drata || format == .trestleCSV {
            user = user.combined(with: readToolFile(file, format: format, into: &diagnostics))
            continue
        }
        let (library, problems) = readLibraryTables(file: file, frameworks: known, name: user.name)
        diagnostics += problems
        user = user.combined(with: library)
    }
    let index = LibraryIndex(base.overlaid(by: user))
    return LoadedLibrary(
        user: user,
        index: index,
        diagnostics: (diagnostics + index.diagnostics).sorted(),
        missingFiles: missingFiles
    )
}

/// A file in a tool's format, read as `quire convert` reads it: its unresolved references are
/// warnings, a file that cannot be read an error.
private func readToolFile(_ file: String, format: ExchangeFormat, into diagnostics: inout [Diagnostic]) -> Library {
    var log = MigrationLog()
    do throws(ExchangeError) {
        let content = try readExchange(files: [file], options: ConvertOptions(from: format), log: &log)
        for note in log.notes where note.kind == .unresolved {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file), "\(note.subject): \(note.detail)"))
        }
        return content.library
    } catch {
        let location = SourceLocation(file: file, line: error.line)
        diagnostics.append(Diagnostic(.error, at: location, error.message, hint: error.hint))
        return Library()
    }
}

/// The files named, with each folder replaced by the library files directly in it, in name order.
public func expandingFolders(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        let base = path.hasSuffix("/") ? path : path + "/"
        return names.sorted().filter { name in
            guard !name.hasPrefix("."), !name.hasPrefix("~$") else { return false }
            if case .unknown = fileKind(name) { return false }
            return true
        }.map { base + $0 }
    }
}

private enum FileKind {
    case document(isJSON: Bool)
    case table
    case unknown(String)
}

private func fileKind(_ path: String) -> FileKind {
    let ext = (path as NSString).pathExtension.lowercased()
    switch ext {
    case "json": return .document(isJSON: true)
    case "yaml", "yml": return .document(isJSON: false)
    case "csv", "tsv", "txt", "xlsx", "xlsm": return .table
    default: return .unknown(ext)
    }
}

private func readFileBytes(_ file: String, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
    let location = SourceLocation(file: file)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
        diagnostics.append(Diagnostic(.error, at: location, "file not found", hint: "check the path"))
        return nil
    }
    guard !isDirectory.boolValue else {
        diagnostics.append(
            Diagnostic(.error, at: location, "is a folder, not a library file", hint: "name the files in it")
        )
        return nil
    }
    guard let handle = FileHandle(forReadingAtPath: file) else {
        diagnostics.append(Diagnostic(.error, at: location, "cannot be opened", hint: "check its permissions"))
        return nil
    }
    defer { try? handle.close() }
    do {
        let data = try handle.read(upToCount: DocumentLimits.maximumFileSize + 1) ?? Data()
        guard data.count <= DocumentLimits.maximumFileSize else {
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: location,
                    "is larger than \(DocumentLimits.maximumFileSize >> 20) MiB",
                    hint: "split the library into several files"
                )
            )
            return nil
        }
        return [UInt8](data)
    } catch {
        diagnostics.append(Diagnostic(.error, at: location, "cannot be read: \(error.localizedDescription)"))
        return nil
    }
}

/// Reads one JSON or YAML library document.
func readLibraryDocument(_ bytes: [UInt8], file: String, isJSON: Bool) -> (Library, [Diagnostic]) {
    let root: DocumentNode
    do throws(DocumentSyntaxError) {
        if isJSON {
            root = try JSONDocumentParser.parse(bytes)
        } else {
            var start = 0
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            guard let text = String(validating: bytes[start...], as: UTF8.self) else {
                return (
                    Library(),
                    [
                        Diagnostic(
                            .error,
                            at: SourceLocation(file: file),
                            "is not valid UTF-8 text",
                            hint: "save the file as UTF-8"
                        )
                    ]
                )
            }
            root = try YAMLDocumentParser.parse(text)
        }
    } catch {
        return (
            Library(),
            [
                Diagnostic(
                    .error,
                    at: SourceLocation(file: file, line: error.line, column: error.column),
                    "not valid \(isJSON ? "JSON" : "YAML"): \(error.message)"
                )
            ]
        )
    }
    if case .null = root.value { return (Library(), []) }
    var reader = LibraryDocumentReader(file: file)
    let library = reader.read(root)
    return (library, reader.reader.diagnostics)
}

/// Reads every library table in a CSV file or workbook.
func readLibraryTables(file: String, frameworks: [Framework], name: String?) -> (Library, [Diagnostic]) {
    let columnIndex = LibraryIndex(Library(frameworks: frameworks))
    var reader = TableLibraryReader(file: file, frameworkColumns: { columnIndex.framework(heading: $0)?.id })
    var library = Library(name: name)
    do {
        let workbook = try Workbook(path: file)
        var readAny = false
        for sheet in workbook.sheets {
            var rows: [(number: Int, cells: [String])] = []
            _ = try workbook.readRows(of: sheet) { row in
                var cells: [String] = []
                for cell in row.cells {
                    while cells.count < cell.address.column - 1 { cells.append("") }
                    cells.append(cell.value.text)
                }
                if cells.contains(where: { !$0.trimmingSpaces().isEmpty }) {
                    rows.append((row.index, cells))
                }
            }
            let table = LibraryTable(sheet: workbook.format == .csv ? nil : sheet.name, rows: rows)
            if reader.read(table, into: &library) { readAny = true }
        }
        if !readAny {
            reader.diagnostics.append(
                Diagnostic(
                    .error,
                    at: SourceLocation(file: file),
                    "no sheet has a library table header",
                    hint: "a header row names the columns: id, title, … for controls; control, status for "
                        + "implementation; id, title, controls, collected_on for evidence; question, answer for answers"
                )
            )
        }
    } catch {
        reader.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file), "\(error)"))
    }
    library.name = nil
    return (library, reader.diagnostics)
}
