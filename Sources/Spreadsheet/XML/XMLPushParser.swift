internal import CLibXML2

/// A borrowed view of an element's attributes as libxml2's SAX2 hands them over.
///
/// Valid only during the ``XMLEventHandler/startElement(_:_:)`` call it is given to.
struct XMLAttributes {
    fileprivate let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// Calls `body` with each attribute's local name and raw value, in document order.
    @inline(__always)
    func forEach(_ body: (UnsafePointer<xmlChar>, UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base else { return }
        for index in 0..<count {
            let entry = base + index * 5
            guard let name = entry[0], let start = entry[3], let end = entry[4] else { continue }
            body(name, UnsafeBufferPointer(start: start, count: end - start))
        }
    }

    /// The raw value of the first attribute with this local name (any namespace).
    func bytes(_ localName: StaticString, namespaced: Bool? = nil) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for index in 0..<count {
            let entry = base + index * 5
            guard let name = entry[0], xmlNameEquals(name, localName) else { continue }
            if let namespaced, namespaced != (entry[2] != nil) { continue }
            guard let start = entry[3], let end = entry[4] else { return nil }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The value of the first attribute with this local name, as a string.
    ///
    /// Without entity substitution libxml2 hands `&amp;` in an attribute over as `&#38;`, to keep
    /// it apart from a literal ampersand; no entity can be declared here (DOCTYPEs are refused),
    /// so the sequence always stands for `&` and is turned back into one.
    func string(_ localName: StaticString, namespaced: Bool? = nil) -> String? {
        guard let value = bytes(localName, namespaced: namespaced) else { return nil }
        let text = String(decoding: value, as: UTF8.self)
        return value.contains(UInt8(ascii: "&")) ? text.replacing("&#38;", with: "&") : text
    }

    /// The value as an integer, or `nil` when absent or not an integer.
    func int(_ localName: StaticString) -> Int? {
        guard let value = bytes(localName), !value.isEmpty else { return nil }
        return parseInt(value)
    }

    /// An XML boolean: `1`/`true` is true, `0`/`false` is false, absent is `defaultValue`.
    func bool(_ localName: StaticString, default defaultValue: Bool) -> Bool {
        guard let value = bytes(localName), let first = value.first else { return defaultValue }
        return first == UInt8(ascii: "1") || first == UInt8(ascii: "t") || first == UInt8(ascii: "T")
    }
}

/// Parses an unsigned decimal integer; `nil` for anything else or on overflow.
func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        let digit = byte &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        value = value &* 10 &+ Int(digit)
    }
    return value
}

/// Whether a NUL-terminated libxml2 name equals an ASCII literal.
@inline(__always)
func xmlNameEquals(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
    let expected = literal.utf8Start
    let count = literal.utf8CodeUnitCount
    for index in 0..<count where name[index] != expected[index] { return false }
    return name[count] == 0
}

/// Receives the events of one part's XML; subclasses read the parts of a workbook.
///
/// Callbacks cannot throw through C, so a handler that meets bad content calls ``fail(_:)``,
/// which stops the parser; the error is rethrown once control is back in Swift.
class XMLEventHandler {
    fileprivate(set) var failure: (any Error)?
    fileprivate var context: xmlParserCtxtPtr?
    /// How many elements are open.
    fileprivate var depth = 0

    /// How deep elements may nest.
    ///
    /// Spreadsheet parts nest a dozen levels; deeper is an attack or damage, refused with the part
    /// and line rather than read in part.
    static let maximumDepth = 1_000

    /// An element opened; `name` is its local name (prefixes and namespaces are ignored).
    func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {}
    /// An element closed.
    func endElement(_ name: UnsafePointer<xmlChar>) {}
    /// Text inside the current element, in one or more pieces; entities already decoded.
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// The line the parser has reached, for messages.
    final var line: Int { Int(clibxml2_line(context)) }

    /// Stops parsing; the part's reader throws `error`.
    final func fail(_ error: any Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }
}

/// Feeds a part's bytes, chunk by chunk, to libxml2's SAX2 push parser.
///
/// Safe for untrusted input: no network, no DTD loading, no entity substitution, and any
/// DOCTYPE is refused outright (which also stops "billion laughs" and external entities).
final class XMLPushParser {
    private let handler: XMLEventHandler
    private let path: String
    private let part: String
    private var context: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()

    init(handler: XMLEventHandler, path: String, part: String) {
        _ = libxml2Initialized
        self.handler = handler
        self.path = path
        self.part = part
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            Unmanaged<XMLEventHandler>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.depth += 1
                guard $0.depth <= XMLEventHandler.maximumDepth else { return $0.fail(XMLRefusal.tooDeep) }
                $0.startElement(localName, XMLAttributes(base: attributes, count: Int(attributeCount)))
            }
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            Unmanaged<XMLEventHandler>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.depth -= 1
                $0.endElement(localName)
            }
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let context, let text, length > 0 else { return }
            Unmanaged<XMLEventHandler>.fromOpaque(context)._withUnsafeGuaranteedRef {
                $0.characters(UnsafeBufferPointer(start: text, count: Int(length)))
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { context, _, _, _ in
            guard let context else { return }
            let handler = Unmanaged<XMLEventHandler>.fromOpaque(context).takeUnretainedValue()
            handler.fail(XMLRefusal.doctype)
        }
        sax.entityDecl = { context, _, _, _, _, _ in
            guard let context else { return }
            Unmanaged<XMLEventHandler>.fromOpaque(context).takeUnretainedValue().fail(XMLRefusal.entity)
        }
        sax.serror = { _, _ in }  // errors are read from the context once parsing returns
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
    }

    /// Parses the next chunk of the part.
    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard !chunk.isEmpty else { return }
        try withExtendedLifetime(handler) {
            let chars = chunk.baseAddress?.assumingMemoryBound(to: CChar.self)
            if context == nil {
                // The first bytes go in at creation so that libxml2 can detect the encoding.
                let head = min(chunk.count, 4)
                context = xmlCreatePushParserCtxt(
                    &sax,
                    Unmanaged.passUnretained(handler).toOpaque(),
                    chars,
                    Int32(head),
                    part
                )
                guard let context else {
                    throw SpreadsheetError.malformedXML(
                        path: path,
                        part: part,
                        line: 0,
                        reason: "libxml2 out of memory"
                    )
                }
                xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
                handler.context = context
                try parse(chars.map { $0 + head }, chunk.count - head, terminate: false)
            } else {
                try parse(chars, chunk.count, terminate: false)
            }
        }
    }

    /// Ends the part; throws if the document is incomplete.
    func finish() throws {
        guard context != nil else {
            throw SpreadsheetError.malformedXML(path: path, part: part, line: 1, reason: "the part is empty")
        }
        do {
            try withExtendedLifetime(handler) { try parse(nil, 0, terminate: true) }
        } catch SpreadsheetError.malformedXML(let path, let part, let line, _) where clibxml2_depth(context) > 0 {
            throw SpreadsheetError.malformedXML(
                path: path,
                part: part,
                line: line,
                reason: "the part ends before its elements are closed; the file is truncated"
            )
        }
    }

    private func parse(_ bytes: UnsafePointer<CChar>?, _ count: Int, terminate: Bool) throws {
        guard let context else { return }
        var offset = 0
        repeat {
            // xmlParseChunk takes an Int32 length.
            let step = min(count - offset, 1 << 30)
            let status = xmlParseChunk(context, bytes.map { $0 + offset }, Int32(step), terminate ? 1 : 0)
            offset += step
            if let failure = handler.failure {
                switch failure {
                case XMLRefusal.doctype:
                    throw SpreadsheetError.forbiddenXML(
                        path: path,
                        part: part,
                        line: handler.line,
                        reason: "the XML declares a DOCTYPE (possible entity expansion or external entity attack)"
                    )
                case XMLRefusal.entity:
                    throw SpreadsheetError.forbiddenXML(
                        path: path,
                        part: part,
                        line: handler.line,
                        reason: "the XML declares entities"
                    )
                case XMLRefusal.tooDeep:
                    throw SpreadsheetError.malformedXML(
                        path: path,
                        part: part,
                        line: handler.line,
                        reason: "elements nested more than \(XMLEventHandler.maximumDepth) deep; "
                            + "no spreadsheet program writes that: the file is damaged or hostile"
                    )
                default:
                    throw failure
                }
            }
            // libxml2 may halt on a fatal error (elements nested past its depth limit, among
            // others) and still return 0 from then on: a document no longer well-formed is an
            // error whatever the status, never a part read only up to that point.
            if status != 0 || context.pointee.wellFormed == 0 {
                let error = xmlCtxtGetLastError(context)
                let message = error?.pointee.message.map { trimmed(String(cString: $0)) } ?? "libxml2 error \(status)"
                let line = error.map { Int($0.pointee.line) } ?? handler.line
                throw SpreadsheetError.malformedXML(path: path, part: part, line: line, reason: message)
            }
        } while offset < count
    }
}

private enum XMLRefusal: Error {
    case doctype
    case entity
    case tooDeep
}

private func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    return String(scalars)
}

/// Parses a whole small part held in memory with a handler.
func parseXML(_ bytes: [UInt8], handler: XMLEventHandler, path: String, part: String) throws {
    let parser = XMLPushParser(handler: handler, path: path, part: part)
    try bytes.withUnsafeBytes { try parser.feed($0) }
    try parser.finish()
}

/// Streams a ZIP entry's XML through a handler without holding the whole part; with
/// `readAhead`, a large entry is inflated on a second thread while this one parses.
func parseXML(_ entry: ZipEntry, in archive: ZipArchive, handler: XMLEventHandler, readAhead: Bool = false) throws {
    let parser = XMLPushParser(handler: handler, path: archive.path, part: entry.name)
    if readAhead {
        try archive.streamReadingAhead(entry) { chunk in try parser.feed(chunk) }
    } else {
        try archive.stream(entry) { chunk in try parser.feed(chunk) }
    }
    try parser.finish()
}

/// libxml2's global state, set up once before any parser exists.
///
/// Parts are parsed on several threads at once (shared strings beside a sheet), and libxml2 asks
/// for `xmlInitParser()` to be called first; a global `let` is initialised exactly once, whichever
/// thread gets there first.
private let libxml2Initialized: Void = xmlInitParser()
