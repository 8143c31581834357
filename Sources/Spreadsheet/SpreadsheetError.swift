/// Why a spreadsheet could not be read: each case names the file, the place in it, and what to do.
public enum SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The operating system refused a read.
    case io(path: String, reason: String)
    /// The file is neither an XLSX workbook nor text that reads as CSV.
    case unsupportedFormat(path: String, reason: String)
    /// The workbook is encrypted with a password.
    case passwordProtected(path: String)
    /// The ZIP container is damaged or does not follow the format.
    case corruptArchive(path: String, entry: String?, reason: String)
    /// A limit that guards against hostile files was reached; `setting` names it when
    /// `QUIRE_READ_LIMITS` can raise it (a sheet's grid cannot be raised).
    case limitExceeded(path: String, entry: String?, reason: String, setting: ReadLimits.Setting? = nil)
    /// A part the workbook needs is missing or of the wrong kind.
    case missingPart(path: String, part: String, reason: String)
    /// A part's XML is not well formed.
    case malformedXML(path: String, part: String, line: Int, reason: String)
    /// A part's XML has content the reader will not process (a DOCTYPE, entity declarations).
    case forbiddenXML(path: String, part: String, line: Int, reason: String)
    /// A value in a part is not what the format allows.
    case invalidContent(path: String, part: String, location: String?, reason: String)
    /// A CSV file could not be decoded or parsed.
    case malformedCSV(path: String, line: Int, column: Int, reason: String)
    /// No sheet has the requested name.
    case sheetNotFound(path: String, name: String, available: [String])
    /// A copy of the file with the requested changes cannot be written so that it still reads as
    /// the original does (a CSV file whose delimiter would no longer be recognised, text its
    /// encoding cannot hold).
    case cannotPatch(path: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(path): no such file; check the path"
        case .io(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .unsupportedFormat(let path, let reason):
            "\(path): \(reason)"
        case .passwordProtected(let path):
            "\(path): the workbook is password-protected; open it in your spreadsheet program and save it "
                + "without a password (File > Info > Protect Workbook > Encrypt with Password, clear it)"
        case .corruptArchive(let path, let entry, let reason):
            "\(path)\(entry.map { ": \($0)" } ?? ""): \(reason); the file is damaged or not a real XLSX "
                + "workbook: open it in your spreadsheet program and save it again as .xlsx"
        case .limitExceeded(let path, let entry, let reason, let setting):
            "\(path)\(entry.map { ": \($0)" } ?? ""): \(reason); refusing the file as hostile or "
                + "too large: if it is genuine, split it"
                + (setting.map { " or raise the limit (\(ReadLimits.environmentVariable)=\($0.rawValue)=…)" } ?? "")
        case .missingPart(let path, let part, let reason):
            "\(path): \(part): \(reason); save the file again from a spreadsheet program"
        case .malformedXML(let path, let part, let line, let reason):
            "\(path): \(part) line \(line): malformed XML: \(reason); save the file again from a spreadsheet program"
        case .forbiddenXML(let path, let part, let line, let reason):
            "\(path): \(part) line \(line): \(reason); workbooks never need this, so the file is refused"
        case .invalidContent(let path, let part, let location, let reason):
            "\(path): \(part)\(location.map { " \($0)" } ?? ""): \(reason)"
        case .malformedCSV(let path, let line, let column, let reason):
            "\(path): line \(line), column \(column): \(reason)"
        case .sheetNotFound(let path, let name, let available):
            "\(path): no sheet named \"\(name)\"; the sheets are: "
                + available.map { "\"\($0)\"" }.joined(separator: ", ")
        case .cannotPatch(let path, let reason):
            "\(path): cannot write a filled copy: \(reason)"
        }
    }
}
