/// Text in double quotes with quotes, backslashes and control characters escaped (`\"`, `\\`,
/// `\n`, `\r`, `\t`, `\u0007`), so that it stays on one line.
///
/// The form reads back as a JSON string and as a YAML double-quoted scalar: `quire diff` prints
/// cell text this way, and learned answers are written into YAML libraries this way.
public func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where scalar.value < 0x20:
            let digits = String(scalar.value, radix: 16)
            result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
