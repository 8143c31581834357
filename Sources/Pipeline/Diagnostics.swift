import ControlModel
import Foundation

/// Where a command's warnings and notes go: the one way they travel, whatever stage found them.
///
/// Each line is handed to the sink as it arrives (standard error for the command line), and kept,
/// so a caller can count or show them afterwards. Safe to use from several tasks at once.
public final class Diagnostics: @unchecked Sendable {
    /// What a line is.
    public enum Kind: String, Sendable, Hashable {
        /// Something the user should know about the result: a library warning, a cell not written.
        case warning
        /// A summary of what was done.
        case note
    }

    private let lock = NSLock()
    private let sink: @Sendable (Kind, String) -> Void
    private var kept: [(kind: Kind, line: String)] = []

    /// A collector that hands every line to `sink` as it arrives.
    public init(sink: @escaping @Sendable (Kind, String) -> Void) {
        self.sink = sink
    }

    /// A collector that prints every line on standard error.
    public static func standardError() -> Diagnostics {
        Diagnostics { _, line in
            var stream = StandardError()
            print(line, to: &stream)
        }
    }

    /// A collector that only keeps the lines (for tests and for callers that show them later).
    public static func collecting() -> Diagnostics {
        Diagnostics { _, _ in }
    }

    /// Reports a warning line.
    public func warn(_ line: String) {
        add(.warning, line)
    }

    /// Reports a library diagnostic (`file:line: warning: message (hint)`).
    func warn(_ diagnostic: Diagnostic) {
        add(.warning, diagnostic.description)
    }

    /// Reports a summary line.
    public func note(_ line: String) {
        add(.note, line)
    }

    /// The lines reported so far, in order.
    public var lines: [String] {
        lock.withLock { kept.map(\.line) }
    }

    /// The warnings reported so far, in order.
    public var warnings: [String] {
        lock.withLock { kept.filter { $0.kind == .warning }.map(\.line) }
    }

    private func add(_ kind: Kind, _ line: String) {
        lock.withLock { kept.append((kind, line)) }
        sink(kind, line)
    }
}
