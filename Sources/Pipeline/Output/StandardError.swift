#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Standard error as a text stream for `print(_:to:)`, written unbuffered so that warnings and
/// the error line appear in the order they happen.
public struct StandardError: TextOutputStream, Sendable {
    /// A stream to standard error.
    public init() {}

    /// Writes the text whole (retrying short writes); a failing standard error is ignored.
    public mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                #if canImport(Glibc)
                    let written = Glibc.write(2, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                #else
                    let written = Darwin.write(2, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                #endif
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
