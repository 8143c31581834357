import ControlModel
import Exchange
import Reports
import Spreadsheet

private struct ValidationDocument: Encodable {
    struct Problem: Encodable {
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var path: String?
        var message: String
        var hint: String?
    }
    struct Counts: Encodable {
        var frameworks: Int
        var controls: Int
        var implementation: Int
        var evidence: Int
        var answers: Int
    }
    var files: [String]
    var valid: Bool
    var errors: Int
    var warnings: Int
    var read: Counts
    var problems: [Problem]
}

/// Checks a user's library files and prints every problem; returns the exit status: 0 when
/// there is no error, 66 when a file is missing, 65 for any other error.
public func validateLibraries(files: [String], format: ListingFormat, destination: OutputDestination) throws -> Int32 {
    let loaded = loadLibrary(files: files)
    let errors = loaded.diagnostics.filter { $0.severity == .error }.count
    let warnings = loaded.diagnostics.count - errors
    let problems = loaded.diagnostics.map { diagnostic in
        ValidationDocument.Problem(
            severity: diagnostic.severity.rawValue,
            file: diagnostic.location.file,
            line: diagnostic.location.line,
            column: diagnostic.location.column,
            path: diagnostic.location.path,
            message: diagnostic.message,
            hint: diagnostic.hint
        )
    }
    let user = loaded.user
    let counts = ValidationDocument.Counts(
        frameworks: user.frameworks.count,
        controls: user.controls.count,
        implementation: user.implementation.count,
        evidence: user.evidence.count,
        answers: user.answers.count
    )
    switch format {
    case .table:
        var text = loaded.diagnostics.map { $0.description + "\n" }.joined()
        text += "\(files.count == 1 ? files[0] : "\(files.count) files"): "
        text += "\(counted(counts.controls, "control")), "
        text += "\(counted(counts.implementation, "implementation record")), "
        text += "\(counted(counts.evidence, "evidence item")), \(counted(counts.answers, "answer"))"
        if counts.frameworks > 0 { text += ", \(counted(counts.frameworks, "framework"))" }
        text += "; \(counted(errors, "error")), \(counted(warnings, "warning"))\n"
        try deliver(Array(text.utf8), to: destination)
    case .csv, .xlsx:
        let listing = Listing(
            columns: ["severity", "file", "line", "column", "path", "message", "hint"],
            rows: problems.map {
                [
                    $0.severity, $0.file, $0.line.map(String.init) ?? "", $0.column.map(String.init) ?? "",
                    $0.path ?? "", $0.message, $0.hint ?? "",
                ]
            }
        )
        if format == .xlsx {
            try emit(listing, json: [String](), format: .xlsx, sheet: "Library problems", to: destination)
        } else {
            try deliver(listing.csv(), to: destination)
        }
    case .json:
        let document = ValidationDocument(
            files: files,
            valid: errors == 0,
            errors: errors,
            warnings: warnings,
            read: counts,
            problems: problems
        )
        try deliver(Array(canonicalJSON(document).utf8), to: destination)
    }
    return errors == 0 ? 0 : loaded.missingFiles.isEmpty ? 65 : 66
}
