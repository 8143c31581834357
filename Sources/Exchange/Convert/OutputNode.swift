import Foundation
import Synchronization

/// A document to write as JSON or YAML: ordered mappings, so the same library gives the same bytes.
public indirect enum OutputNode: Sendable, Hashable {
    case string(String)
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    case null
    case list([OutputNode])
    case map([(String, OutputNode)])

    public static func == (lhs: OutputNode, rhs: OutputNode) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.boolean(let a), .boolean(let b)): a == b
        case (.null, .null): true
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .integer(let value): hasher.combine(value)
        case .boolean(let value): hasher.combine(value)
        case .null: hasher.combine(0)
        case .list(let values): hasher.combine(values)
        case .map(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }

    /// A mapping without the members whose value is nil, an empty list or an empty mapping.
    static func compact(_ members: [(String, OutputNode?)]) -> OutputNode {
        .map(
            members.compactMap { key, value in
                guard let value else { return nil }
                switch value {
                case .list(let items) where items.isEmpty: return nil
                case .map(let items) where items.isEmpty: return nil
                default: return (key, value)
                }
            }
        )
    }

    // MARK: JSON

    /// Pretty JSON, two-space indent, keys in the order given, a final line feed.
    public func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

    /// ``json()`` as UTF-8 bytes.
    public func jsonBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        writeJSON(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 256)
    /// A list this long is written on several cores.
    static let parallelItems = 8192

    private static func pad(_ out: inout [UInt8], _ depth: Int) {
        let count = depth * 2
        if count <= spaces.count {
            out.append(contentsOf: spaces[0..<count])
        } else {
            out.append(contentsOf: [UInt8](repeating: 0x20, count: count))
        }
    }

    private func writeJSON(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let value): Self.appendJSONString(value, to: &out)
        case .number(let value): out += Self.number(value).utf8
        case .integer(let value): out += String(value).utf8
        case .boolean(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .list(let items):
            if items.isEmpty {
                out += "[]".utf8
                return
            }
            out += "[\n".utf8
            if items.count >= Self.parallelItems {
                // A long list (the maps of a large collection) is written in pieces on every core,
                // then joined in order: the same bytes as one pass.
                let pieces = ProcessInfo.processInfo.activeProcessorCount * 2
                let size = (items.count + pieces - 1) / pieces
                let buffers = Mutex([[UInt8]](repeating: [], count: pieces))
                DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                    var buffer: [UInt8] = []
                    let range = (piece * size)..<min(items.count, (piece + 1) * size)
                    guard !range.isEmpty else { return }
                    buffer.reserveCapacity(range.count * 256)
                    for index in range {
                        Self.pad(&buffer, indent + 1)
                        items[index].writeJSON(into: &buffer, indent: indent + 1)
                        buffer += (index == items.count - 1 ? "\n" : ",\n").utf8
                    }
                    buffers.withLock { $0[piece] = buffer }
                }
                for buffer in buffers.withLock({ $0 }) { out += buffer }
            } else {
                for (index, item) in items.enumerated() {
                    Self.pad(&out, indent + 1)
                    item.writeJSON(into: &out, indent: indent + 1)
                    out += (index == items.count - 1 ? "\n" : ",\n").utf8
                }
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .map(let members):
            if members.isEmpty {
                out += "{}".utf8
                return
            }
            out += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                Self.pad(&out, indent + 1)
                Self.appendJSONString(key, to: &out)
                out += ": ".utf8
                value.writeJSON(into: &out, indent: indent + 1)
                out += (index == members.count - 1 ? "\n" : ",\n").utf8
            }
            Self.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func jsonString(_ value: String) -> String {
        var out: [UInt8] = []
        appendJSONString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendJSONString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = value
        // Most strings need no escape: copied whole.
        let plain = text.withUTF8 { buffer in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            out.append(contentsOf: buffer)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0..<0x20:
                out += "\\u00".utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number in its shortest form: `1`, `0.5`, never `1.0` or an exponent for ordinary values.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    // MARK: YAML

    /// Block YAML, two-space indent, strings quoted when a plain scalar would read otherwise.
    public func yaml() -> String {
        var out = ""
        switch self {
        case .map(let members) where !members.isEmpty:
            Self.writeMembers(members, into: &out, indent: 0)
        case .list(let items) where !items.isEmpty:
            Self.writeItems(items, into: &out, indent: 0)
        default:
            out += inlineYAML() + "\n"
        }
        return out
    }

    private var isBlock: Bool {
        switch self {
        case .map(let members): !members.isEmpty
        case .list(let items): !items.isEmpty
        default: false
        }
    }

    private func inlineYAML() -> String {
        switch self {
        case .string(let value): Self.yamlScalar(value)
        case .number(let value): Self.number(value)
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        case .list: "[]"
        case .map: "{}"
        }
    }

    private static func writeMembers(_ members: [(String, OutputNode)], into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        for (key, value) in members {
            out += pad + yamlScalar(key) + ":"
            if value.isBlock {
                out += "\n"
                switch value {
                case .map(let inner): writeMembers(inner, into: &out, indent: indent + 1)
                case .list(let items): writeItems(items, into: &out, indent: indent)
                default: break
                }
            } else {
                out += " " + value.inlineYAML() + "\n"
            }
        }
    }

    private static func writeItems(_ items: [OutputNode], into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        for item in items {
            switch item {
            case .map(let members) where !members.isEmpty:
                // The first member on the dash's line, the rest aligned under it.
                var block = ""
                writeMembers(members, into: &block, indent: indent + 1)
                let inner = String(repeating: "  ", count: indent + 1)
                out += pad + "- " + block.dropFirst(inner.count)
            case .list(let inner) where !inner.isEmpty:
                out += pad + "-\n"
                writeItems(inner, into: &out, indent: indent + 1)
            default:
                out += pad + "- " + item.inlineYAML() + "\n"
            }
        }
    }

    /// A string as a YAML scalar: plain when it cannot be read as anything else, else double-quoted.
    static func yamlScalar(_ value: String) -> String {
        let reserved: Set<String> = [
            "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
        ]
        let plainSafe =
            !reserved.contains(value.lowercased())
            && value.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || " -_./()+'".unicodeScalars.contains(scalar)
            }
            && !value.hasPrefix(" ") && !value.hasSuffix(" ") && !value.hasPrefix("-") && !value.hasPrefix(".")
            && !value.hasPrefix("'") && Double(value) == nil && !value.contains(": ") && !value.contains(" #")
            && !(value.first?.isNumber ?? false)
        return plainSafe ? value : jsonString(value)
    }
}
