/// The comparison form of a requirement id: `Art. 32`, `art.32` and `ART 32` are one key, as are
/// `PR.AA-01` and `pr.aa-1`.
///
/// The id is split into runs of letters and runs of digits (any other character separates runs);
/// letters are upper-cased and leading zeros dropped, and `ARTICLE` is read as `ART`.
struct RequirementKey: Hashable, Sendable, CustomStringConvertible {
    let parts: [String]

    init(_ id: some StringProtocol) {
        var parts: [String] = []
        var current = ""
        var currentIsDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigits {
                let trimmed = current.drop { $0 == "0" }
                parts.append(trimmed.isEmpty ? "0" : String(trimmed))
            } else {
                parts.append(current == "ARTICLE" ? "ART" : current)
            }
            current = ""
        }
        for character in id {
            if character.isASCII, character.isNumber {
                if !currentIsDigits { flush() }
                currentIsDigits = true
                current.append(character)
            } else if character.isLetter {
                if currentIsDigits { flush() }
                currentIsDigits = false
                current += character.uppercased()
            } else {
                flush()
            }
        }
        flush()
        self.parts = parts
    }

    var description: String { parts.joined(separator: ".") }

    /// Natural order: `A.5.2` before `A.5.10`, `CC1.5` before `CC2.1`, letters before digits.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = RequirementKey(lhs).parts
        let right = RequirementKey(rhs).parts
        for (a, b) in zip(left, right) where a != b {
            switch (Int(a), Int(b)) {
            case let (x?, y?): return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a < b
            }
        }
        if left.count != right.count { return left.count < right.count }
        return lhs < rhs
    }

    /// The number of single-character edits between two keys, capped at `limit + 1`.
    static func distance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        editDistance(lhs, rhs, limit: limit)
    }
}

/// The number of single-character edits (Levenshtein) between two short texts, capped at
/// `limit + 1`; for "did you mean" suggestions.
public func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    if abs(a.count - b.count) > limit { return limit + 1 }
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var best = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            best = min(best, current[j])
        }
        if best > limit { return limit + 1 }
        swap(&previous, &current)
    }
    return min(previous[b.count], limit + 1)
}
