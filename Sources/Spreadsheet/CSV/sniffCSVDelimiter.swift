/// The delimiters a CSV file may use, in order of preference when the sample cannot tell them apart.
let csvDelimiterCandidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

/// Picks the delimiter (comma, semicolon, tab or pipe) that splits a file's first records most
/// consistently into more than one field.
///
/// Each candidate splits the sample into records, honouring quotes; blank lines are skipped. A
/// candidate's score is the share of records that have its most common field count, and only
/// candidates whose most common count is above 1 take part. The highest share wins, then the higher
/// field count (a tab-separated file whose every line holds one comma in its text is still
/// tab-separated), then the order comma, semicolon, tab, pipe. With no candidate (a single-column
/// file), the answer is comma.
/// - Parameters:
///   - sample: The file's first bytes, in an ASCII-compatible form, without a byte-order mark.
///   - isWholeFile: Whether the sample holds the whole file; if not, its last record, which may be
///     cut off, is ignored (unless it is the only one).
/// - Returns: The delimiter byte.
func sniffCSVDelimiter(in sample: [UInt8], isWholeFile: Bool) -> UInt8 {
    var best: (delimiter: UInt8, share: Double, fields: Int)?
    for delimiter in csvDelimiterCandidates {
        let counts = fieldCounts(in: sample, delimiter: delimiter, isWholeFile: isWholeFile)
        guard !counts.isEmpty else { continue }
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        // The most common count; on a tie, the larger count.
        guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode.key > 1 else {
            continue
        }
        let share = Double(mode.value) / Double(counts.count)
        if let current = best, (current.share, current.fields) >= (share, mode.key) { continue }
        best = (delimiter, share, mode.key)
    }
    return best?.delimiter ?? UInt8(ascii: ",")
}

/// The number of fields in each non-blank record of the sample, split at `delimiter`.
private func fieldCounts(in sample: [UInt8], delimiter: UInt8, isWholeFile: Bool) -> [Int] {
    let quote = UInt8(ascii: "\"")
    let cr = UInt8(ascii: "\r")
    let lf = UInt8(ascii: "\n")
    var counts: [Int] = []
    var fields = 1
    var isBlank = true
    var inQuotes = false
    var atFieldStart = true
    var index = 0
    while index < sample.count {
        let byte = sample[index]
        index += 1
        if inQuotes {
            if byte == quote {
                if index < sample.count, sample[index] == quote { index += 1 } else { inQuotes = false }
            }
            continue
        }
        switch byte {
        case quote where atFieldStart:
            inQuotes = true
            isBlank = false
            atFieldStart = false
        case delimiter:
            fields += 1
            isBlank = false
            atFieldStart = true
        case cr, lf:
            if byte == cr, index < sample.count, sample[index] == lf { index += 1 }
            if !isBlank { counts.append(fields) }
            fields = 1
            isBlank = true
            atFieldStart = true
        default:
            isBlank = false
            atFieldStart = false
        }
    }
    // The last record runs to the end of the sample: whole if the sample is the whole file.
    if !isBlank && (isWholeFile || counts.isEmpty) { counts.append(fields) }
    return counts
}
