import Reports

/// How `quire diff` prints.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// One line per difference, then a summary line.
    case text
    /// One document with every difference and the summary.
    case json
}

/// `quire diff`: lists everything that differs between a questionnaire and a copy of it
/// (``WorkbookDiff``); returns whether anything differs.
public func diffWorkbooks(
    original: String,
    filled: String,
    format: DiffFormat,
    destination: OutputDestination
) throws -> Bool {
    let diff = try WorkbookDiff(original: original, filled: filled)
    switch format {
    case .text: try deliver(Array(diff.text().utf8), to: destination)
    case .json: try deliver(diff.json(), to: destination)
    }
    return diff.differ
}
