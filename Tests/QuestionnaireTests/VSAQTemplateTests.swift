import Foundation
import Testing

@testable import Questionnaire

// MARK: - Helpers

/// The VSAQ templates in `Tests/Fixtures/questionnaires/vsaq`: byte-identical copies of
/// google/vsaq's `questionnaires/*.json` @ 366d670e (Apache-2.0, Copyright 2016 Google Inc.; see
/// `Tests/Fixtures/SOURCES.md`).
private enum VSAQFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/questionnaires/vsaq")

    static let names = [
        "infrastructure.json", "physical_and_datacenter.json", "security_privacy_programs.json",
        "test_template.json", "test_template_extension.json", "webapp.json",
    ]

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}

/// Parses template text.
private func parse(_ text: String) throws(VSAQSyntaxError) -> VSAQValue {
    try VSAQParser.parse(Array(text.utf8))
}

/// Writes bytes to a file in a fresh temporary directory, passes its path to `body`, then removes the directory.
private func withTemporaryFile<T>(
    _ bytes: [UInt8],
    named name: String = "template.json",
    _ body: (String) throws -> T
) throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quire-vsaq-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return try body(path)
}

/// Reads template text from a temporary file.
private func readTemplate(_ text: String, named name: String = "template.json") throws -> Questionnaire {
    try withTemporaryFile(Array(text.utf8), named: name) { try readVSAQTemplate(path: $0) }
}

/// The error reading template text throws, with the temporary path replaced by `template.json`.
private func readError(_ text: String) -> QuestionnaireError? {
    do {
        _ = try withTemporaryFile(Array(text.utf8)) { path in
            do {
                return try readVSAQTemplate(path: path)
            } catch let error as QuestionnaireError {
                throw error.withPath("template.json")
            }
        }
        return nil
    } catch {
        return error as? QuestionnaireError
    }
}

extension QuestionnaireError {
    /// The same error for another path, so tests can compare whole errors and messages.
    fileprivate func withPath(_ path: String) -> QuestionnaireError {
        switch self {
        case .unreadable(_, let reason): .unreadable(path: path, reason: reason)
        case .tooLarge(_, let limit): .tooLarge(path: path, limit: limit)
        case .notAVSAQTemplate(_, let reason): .notAVSAQTemplate(path: path, reason: reason)
        case .syntax(_, let line, let column, let message):
            .syntax(path: path, line: line, column: column, message: message)
        case .invalidTemplate(_, let line, let reason): .invalidTemplate(path: path, line: line, reason: reason)
        case .invalidProfile(_, let line, let column, let reason):
            .invalidProfile(path: path, line: line, column: column, reason: reason)
        case .unknownProfile: self
        }
    }
}

// MARK: - Parser

/// A syntax error case: template text, and where and why it fails.
struct VSAQSyntaxCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var line: Int
    var column: Int
    var message: String

    var testDescription: String { id }
}

@Suite("VSAQParser")
struct VSAQParserTests {
    @Test func readsCommentsTrailingCommasSingleQuotesAndBareKeys() throws {
        let value = try parse(
            """
            // Copyright line, as in every VSAQ template.
            /* a block
               comment */ {
              "a": 1, // after a value
              'b': 'single "quoted"', c: [true, false, null,],
              "d": -2.5e3,
            }
            """
        )
        #expect(value["a"]?.kind == .number("1"))
        #expect(value["b"]?.string == "single \"quoted\"")
        #expect(value["c"]?.elements?.map(\.kind) == [.bool(true), .bool(false), .null])
        #expect(value["d"]?.kind == .number("-2.5e3"))
        #expect(value.members?.map(\.key) == ["a", "b", "c", "d"])
    }

    @Test func joinsConcatenatedStringsAcrossLines() throws {
        let value = try parse("{\"text\": \"<p>abc</p>\" +\n        \"def\" + // comment\n  'ghi', \"n\": 1}")
        #expect(value["text"]?.string == "<p>abc</p>defghi")
        #expect(value["n"]?.kind == .number("1"))
    }

    @Test func decodesEscapes() throws {
        let value = try parse(#"["\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 \u{1F600} \x41 \' \q \ud800x"]"#)
        #expect(value.elements?.first?.string == "\" \\ / \u{8}\u{C}\n\r\t é 😀 😀 A ' q \u{FFFD}x")
    }

    @Test func keepsLinesAndColumnsInScalars() throws {
        let value = try parse("{\n  \"a\": [1,\n    \"é\", \"x\"]}")
        let array = try #require(value["a"])
        #expect((array.line, array.column) == (2, 8))
        let elements = try #require(array.elements)
        #expect(elements.map(\.line) == [2, 3, 3])
        #expect(elements.map(\.column) == [9, 5, 10])
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let text = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        var value = try parse(text)
        var depth = 1
        while let inner = value.elements?.first {
            value = inner
            depth += 1
        }
        #expect(depth == 128)
    }

    @Test(arguments: [129, 1_000_000])
    func rejectsNestingBeyondTheLimit(depth: Int) {
        #expect(
            throws: VSAQSyntaxError(line: 1, column: 129, message: "objects and arrays are nested more than 128 deep")
        ) {
            try parse(String(repeating: "[", count: depth))
        }
    }

    static let syntaxCases: [VSAQSyntaxCase] = [
        VSAQSyntaxCase(
            id: "unterminated string",
            text: "{\n  \"a\": \"abc\n}",
            line: 2,
            column: 8,
            message: "unterminated string: the \" opened here has no closing \" on this line"
        ),
        VSAQSyntaxCase(
            id: "unterminated single-quoted string at the end",
            text: "['abc",
            line: 1,
            column: 2,
            message: "unterminated string: the ' opened here has no closing ' on this line"
        ),
        VSAQSyntaxCase(
            id: "truncated inside an object",
            text: "{\"questionnaire\": [\n  {\"type\": \"block\"",
            line: 2,
            column: 19,
            message: "the file ends inside the object opened at line 2, column 3; it may be cut short"
        ),
        VSAQSyntaxCase(
            id: "truncated after a comma",
            text: "[1,",
            line: 1,
            column: 4,
            message: "the file ends inside the array opened at line 1, column 1; it may be cut short"
        ),
        VSAQSyntaxCase(
            id: "truncated after a colon",
            text: "{\"a\":",
            line: 1,
            column: 6,
            message: "the file ends where a value should be; it may be cut short"
        ),
        VSAQSyntaxCase(
            id: "empty file",
            text: "",
            line: 1,
            column: 1,
            message: "the file holds no template (it is empty, or only comments)"
        ),
        VSAQSyntaxCase(
            id: "only comments",
            text: "// nothing\n",
            line: 2,
            column: 1,
            message: "the file holds no template (it is empty, or only comments)"
        ),
        VSAQSyntaxCase(
            id: "missing comma",
            text: "{\"a\": 1 \"b\": 2}",
            line: 1,
            column: 9,
            message: "expected `,` or `}` after the value of \"a\" in the object opened at line 1, column 1, found `\"`"
        ),
        VSAQSyntaxCase(
            id: "missing colon",
            text: "{\"a\" 1}",
            line: 1,
            column: 6,
            message: "expected `:` after the key \"a\" but found `1`"
        ),
        VSAQSyntaxCase(
            id: "bare word",
            text: "{\"a\": yes}",
            line: 1,
            column: 7,
            message: "unexpected word `yes`; text must be in quotes"
        ),
        VSAQSyntaxCase(
            id: "bad unicode escape",
            text: "[\"\\u12G4\"]",
            line: 1,
            column: 3,
            message: "invalid \\u escape: expected 4 hex digits, or 1 to 6 in braces"
        ),
        VSAQSyntaxCase(
            id: "unterminated block comment",
            text: "{}\n/* open",
            line: 2,
            column: 1,
            message: "unterminated /* comment: no */ before the end of the file"
        ),
        VSAQSyntaxCase(
            id: "text after the template",
            text: "{} x",
            line: 1,
            column: 4,
            message: "unexpected `x` after the end of the template; a template is one object"
        ),
        VSAQSyntaxCase(
            id: "plus without a string",
            text: "[\"a\" + 1]",
            line: 1,
            column: 8,
            message: "expected a string after `+` but found `1`"
        ),
        VSAQSyntaxCase(
            id: "control character",
            text: "[\u{1}]",
            line: 1,
            column: 2,
            message: "unexpected character U+0001"
        ),
    ]

    @Test(arguments: syntaxCases)
    func reportsSyntaxErrors(_ syntaxCase: VSAQSyntaxCase) {
        #expect(
            throws: VSAQSyntaxError(line: syntaxCase.line, column: syntaxCase.column, message: syntaxCase.message)
        ) {
            try parse(syntaxCase.text)
        }
    }

    @Test func rejectsBytesThatAreNotUTF8() {
        #expect(
            throws: VSAQSyntaxError(line: 1, column: 2, message: "unexpected byte 0xFF (the file is not UTF-8 text)")
        ) {
            try VSAQParser.parse([0x5B, 0xFF, 0x5D])
        }
    }

    @Test func skipsAByteOrderMark() throws {
        let value = try VSAQParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(value["a"]?.kind == .number("1"))
        #expect((value.line, value.column) == (1, 1))
    }
}

// MARK: - Text

@Suite("VSAQText")
struct VSAQTextTests {
    @Test func stripsTagsDecodesEntitiesAndCollapsesWhitespace() {
        let html = """
            <b>Sensitive data</b>: a &amp; b &lt;img&gt; &mdash; &#39;q&#x27; &quot;z&quot;<p>one</p><ul><li>two</li></ul>
              x&nbsp;y a < b &unknown; &amount=1 <a href="https://example.com/">link</a>.
            """
        #expect(
            VSAQText.plain(html)
                == "Sensitive data: a & b <img> — 'q' \"z\" one two x y a < b &unknown; &amount=1 link."
        )
    }

    @Test func handlesManyUnclosedAngleBracketsInLinearTime() {
        let text = String(repeating: "<a", count: 200_000)
        #expect(VSAQText.plain(text) == text)
    }
}

// MARK: - Reading templates

@Suite("readVSAQTemplate")
struct VSAQTemplateReaderTests {
    @Test func mapsEachItemType() throws {
        let questionnaire = try readTemplate(
            """
            {
              "questionnaire": [{
                "type": "block", "text": "Root <i>block</i>", "items": [
                  {"type": "yesno", "id": "mfa", "text": "MFA?", "yes": "<b>Yes</b>, always", "no": "No"},
                  {"type": "tip", "id": "tip_mfa", "cond": "mfa/no", "text": "Turn on <b>MFA</b>.", "warn": "yes",
                   "why": "Explain:"},
                  {"type": "upload", "id": "soc2", "text": "Upload your SOC 2 report."},
                  {"type": "spacer"},
                  {"type": "info", "text": "Which standards apply?"},
                  {"type": "checkgroup", "defaultChoice": false,
                   "items": [{"type": "check", "id": "std_iso", "text": "ISO 27001"},
                             {"type": "check", "id": "std_soc2", "text": "SOC 2"}]},
                  {"type": "block", "text": "", "items": [
                    {"type": "radiogroup", "id": "freq", "text": "How often?", "defaultChoice": true,
                     "choices": [{"freq_often": "Often"}, {"freq_rare": "Rarely"}]},
                    {"type": "slider", "id": "unknown"},
                    {"type": "check", "id": "agree", "text": "I agree."},
                    {"type": "radiogroup", "choices": []},
                    {"type": "line", "id": "name", "text": "Your name:"}
                  ]},
                  {"type": "tip", "cond": "std_iso && !freq_rare", "text": "Good."}
                ]
              }]
            }
            """,
            named: "mini.json"
        )
        #expect(questionnaire.file.hasSuffix("mini.json"))
        #expect(questionnaire.format == .vsaq)
        #expect(
            questionnaire.sheets == [
                SheetLayout(
                    sheet: "mini",
                    status: .questionnaire,
                    reason: "VSAQ template: 7 items in 2 blocks; passed over 1 item of type `slider`, which VSAQ does "
                        + "not know",
                    itemCount: 7
                )
            ]
        )
        let section = ["Root block"]
        #expect(
            questionnaire.items == [
                QuestionnaireItem(
                    id: "mfa",
                    section: section,
                    question: "MFA?",
                    guidance: "Turn on MFA.",
                    answerTarget: .vsaqKeys(["mfa"], kind: .yesno),
                    answerType: .choice,
                    allowedAnswers: ["Yes, always", "No"],
                    allowedAnswersSource: .template
                ),
                QuestionnaireItem(
                    id: "soc2",
                    section: section,
                    question: "Upload your SOC 2 report.",
                    guidance: VSAQTemplateWalker.uploadNote,
                    answerTarget: .vsaqKeys(["soc2"], kind: .upload),
                    answerType: .text
                ),
                QuestionnaireItem(
                    id: "std",
                    idGenerated: true,
                    section: section,
                    question: "Which standards apply?",
                    guidance: "Good.",
                    answerTarget: .vsaqKeys(["std_iso", "std_soc2"], kind: .checkgroup),
                    answerType: .multipleChoice,
                    allowedAnswers: ["ISO 27001", "SOC 2"],
                    allowedAnswersSource: .template
                ),
                QuestionnaireItem(
                    id: "freq",
                    section: section,
                    question: "How often?",
                    answerTarget: .vsaqKeys(["freq_often", "freq_rare"], kind: .radiogroup),
                    answerType: .choice,
                    allowedAnswers: ["Often", "Rarely", "None of the above."],
                    allowedAnswersSource: .template
                ),
                QuestionnaireItem(
                    id: "agree",
                    section: section,
                    question: "I agree.",
                    answerTarget: .vsaqKeys(["agree"], kind: .check),
                    answerType: .choice,
                    allowedAnswers: ["Yes", "No"],
                    allowedAnswersSource: .template
                ),
                QuestionnaireItem(
                    id: "radiogroup-line18",
                    idGenerated: true,
                    section: section,
                    question: "I agree.",
                    answerType: .choice
                ),
                QuestionnaireItem(
                    id: "name",
                    section: section,
                    question: "Your name:",
                    answerTarget: .vsaqKeys(["name"], kind: .line),
                    answerType: .text
                ),
            ]
        )
    }

    @Test func readsAnExtensionWithItsNamespaceAndInsertionPoint() throws {
        let questionnaire = try readTemplate(
            """
            {"version": 1, "namespace": "acme", "extensions": [
              {"type": "block", "insertBefore": "network", "text": "Acme", "items": [
                {"type": "radiogroup", "text": "Pick one",
                 "choices": [{"acme_a": "A"}, {"acme_b": "B"}]}
              ]},
              {"type": "box", "insertAfter": "feedback", "id": "more", "text": "Anything else?"}
            ]}
            """
        )
        #expect(questionnaire.sheets.first?.reason == "VSAQ template extension (namespace acme): 2 items in 1 block")
        #expect(questionnaire.items.map(\.id) == ["acme:acme", "acme:more"])
        #expect(questionnaire.items.map(\.section) == [["insert before network", "Acme"], ["insert after feedback"]])
        #expect(questionnaire.items.map(\.answerTarget?.description) == ["acme:acme_a,acme:acme_b", "acme:more"])
    }

    @Test func acceptsABareArrayOfItems() throws {
        let questionnaire = try readTemplate(
            #"[{"type": "block", "items": [{"type": "line", "id": "x", "text": "X?"}]}]"#
        )
        #expect(questionnaire.items.map(\.id) == ["x"])
        #expect(questionnaire.items.first?.section == [])
    }

    @Test func passesOverATemplateWithoutQuestions() throws {
        let questionnaire = try readTemplate(#"{"questionnaire": [{"type": "block", "text": "T", "items": []}]}"#)
        #expect(questionnaire.items.isEmpty)
        #expect(
            questionnaire.sheets.first.map { ($0.status, $0.reason) }
                ?? (.questionnaire, "") == (.ignored, "VSAQ template: 0 items in 1 block; no questions found")
        )
    }

    @Test func reportsASyntaxErrorWithFileLineColumnAndRemedy() {
        let error = readError("{\n  \"questionnaire\": [\n    {\"type\": \"line\", \"text\": \"abc\n  ]\n}")
        #expect(
            error
                == .syntax(
                    path: "template.json",
                    line: 3,
                    column: 30,
                    message: "unterminated string: the \" opened here has no closing \" on this line"
                )
        )
        #expect(
            error?.description
                == "template.json:3:30: unterminated string: the \" opened here has no closing \" on this line; "
                + "fix the template text there (VSAQ templates are JSON with // comments and \"...\" + \"...\" "
                + "concatenation)"
        )
    }

    @Test func rejectsWhatIsNotATemplate() {
        #expect(
            readError(#"{"foo": 1, "bar": []}"#)?.description
                == "template.json: not a VSAQ template (its top-level object has no \"questionnaire\" or "
                + "\"extensions\" key (it has \"foo\", \"bar\")); pass a VSAQ questionnaire JSON file with a "
                + "top-level \"questionnaire\" array, or a template extension with an \"extensions\" array"
        )
        #expect(
            readError(#""just text""#)
                == .notAVSAQTemplate(path: "template.json", reason: "the file holds a string, not an object")
        )
        #expect(
            readError("{\n\"questionnaire\": {}}")
                == .notAVSAQTemplate(
                    path: "template.json",
                    reason: "\"questionnaire\" on line 2 is an object, not an array"
                )
        )
    }

    @Test func rejectsMalformedItems() {
        #expect(
            readError("{\"questionnaire\": [\n  42\n]}")?.description
                == "template.json:2: an item must be an object with a \"type\", not a number; fix the item there so "
                + "the VSAQ questionnaire would load it"
        )
        #expect(
            readError("{\"extensions\": [\n  {\"type\": \"line\", \"id\": \"x\"}\n]}")
                == .invalidTemplate(
                    path: "template.json",
                    line: 2,
                    reason: "extension 1 must have either \"insertAfter\" or \"insertBefore\" (a string id), not both "
                        + "or neither"
                )
        )
    }

    @Test func reportsMissingFilesAndDirectories() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("quire-no-such-\(UUID()).json").path
        #expect(throws: QuestionnaireError.unreadable(path: missing, reason: "no such file")) {
            try readVSAQTemplate(path: missing)
        }
        #expect(
            QuestionnaireError.unreadable(path: "x.json", reason: "no such file").description
                == "x.json: cannot read the file (no such file); check the path and its permissions"
        )
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: QuestionnaireError.unreadable(path: directory, reason: "it is a directory")) {
            try readVSAQTemplate(path: directory)
        }
    }

    @Test func refusesFilesOverTheSizeLimit() throws {
        try withTemporaryFile(Array("{}".utf8)) { path in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(vsaqMaximumSize + 1))  // sparse: nothing is written
            try handle.close()
            #expect(throws: QuestionnaireError.tooLarge(path: path, limit: 67_108_864)) {
                try readVSAQTemplate(path: path)
            }
        }
        #expect(
            QuestionnaireError.tooLarge(path: "big.json", limit: 67_108_864).description
                == "big.json: the file is larger than 67108864 bytes, the most a questionnaire is read from; "
                + "check that this is the right file"
        )
    }
}

// MARK: - Detection

@Suite("looksLikeVSAQTemplate")
struct VSAQDetectionTests {
    @Test(arguments: VSAQFixtures.names)
    func recognisesEveryCorpusTemplate(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: VSAQFixtures.path(name))))
        #expect(looksLikeVSAQTemplate(bytes))
        #expect(looksLikeVSAQTemplate(Array(bytes.prefix(1024))))
    }

    @Test func answersFromTheFirstKeys() {
        #expect(looksLikeVSAQTemplate(Array("// c\n{\"version\": 1, questionnaire: [".utf8)))
        #expect(looksLikeVSAQTemplate(Array("{'extensions': [".utf8)))
        #expect(!looksLikeVSAQTemplate(Array("{\"questionnaire\": 3}".utf8)))
        #expect(!looksLikeVSAQTemplate(Array("{\"foo\": 1, \"bar\": [2]}".utf8)))
        #expect(!looksLikeVSAQTemplate(Array("{\"version\": {\"deep\": \"x".utf8)))
        #expect(!looksLikeVSAQTemplate(Array("[{\"questionnaire\": []}]".utf8)))
        #expect(!looksLikeVSAQTemplate(Array("PK\u{3}\u{4}".utf8)))
        #expect(!looksLikeVSAQTemplate(Array("id,question\nA.1,Do you?\n".utf8)))
        #expect(!looksLikeVSAQTemplate([]))
    }
}

// MARK: - Corpus

/// One item expected at a position in a corpus template.
struct VSAQSample: Sendable {
    var index: Int
    var id: String
    var question: String
    var answerType: AnswerType
    var allowedAnswers: [String]
}

/// What a corpus template must read as.
struct VSAQCorpusCase: Sendable, CustomTestStringConvertible {
    var file: String
    var itemCount: Int
    var reason: String
    var samples: [VSAQSample]

    var testDescription: String { file }
}

/// The six google/vsaq templates.
///
/// The expected values were not taken from the Swift reader. They come from a separate Python
/// script (kept out of the repository) that turns each template into strict JSON with its own
/// tokenizer (dropping `//` and `/* */` comments, joining `"..." + "..."`, dropping trailing
/// commas), loads it with `json.loads`, and walks the tree with the rules documented in
/// `VSAQTemplateReader.swift`: HTML stripped with a regular expression and entities decoded with
/// `html.entities`. Its output agreed with the Swift reader on every field of all 249 items
/// (id, generated or not, section, question, guidance, answer cell, answer type, allowed answers).
/// The samples are the first item, the item at `count / 2` and the last.
@Suite("VSAQ corpus")
struct VSAQCorpusTests {
    static let cases: [VSAQCorpusCase] = [
        VSAQCorpusCase(
            file: "infrastructure.json",
            itemCount: 96,
            reason: "VSAQ template: 96 items in 28 blocks",
            samples: [
                VSAQSample(
                    index: 0,
                    id: "options",
                    question: """
                        Select the options that describe your project. These settings configure the questionnaire to \
                        fit different scenarios.
                        """,
                    answerType: .multipleChoice,
                    allowedAnswers: [
                        """
                        Sensitive data: This project involves processing Personally Identifiable Information \
                        (PII), Sensitive PII, or other information your customers may consider sensitive.
                        """,
                        """
                        Remote access only: All information processing occurs on your customers' systems, and this \
                        project accesses those systems remotely.
                        """,
                    ]
                ),
                VSAQSample(
                    index: 48,
                    id: "servers_backup_frequency",
                    question: """
                        Do you have procedures in place for working with customers to determine an appropriate backup \
                        frequency?
                        """,
                    answerType: .choice,
                    allowedAnswers: [
                        """
                        Yes, we talk to our customers to gather requirements for backup frequency, and we \
                        implement backup intervals accordingly.
                        """,
                        "No, we have a fixed backup cycle.",
                    ]
                ),
                VSAQSample(
                    index: 95,
                    id: "feedback",
                    question: """
                        Good news! You have made it to the end of this questionnaire. If you can spare another minute, \
                        please let us know how we can improve it. Any feedback is highly appreciated.
                        """,
                    answerType: .text,
                    allowedAnswers: []
                ),
            ]
        ),
        VSAQCorpusCase(
            file: "physical_and_datacenter.json",
            itemCount: 30,
            reason: "VSAQ template: 30 items in 9 blocks",
            samples: [
                VSAQSample(
                    index: 0,
                    id: "office_facilities_excl",
                    question: "Are all facilities used exclusively by your company, or are some shared?",
                    answerType: .choice,
                    allowedAnswers: [
                        "Yes, we are the only tenant of the facilities.",
                        "No, some or all of the facilities are shared with other companies.",
                        "We don't have offices; everyone works from home.",
                    ]
                ),
                VSAQSample(
                    index: 15,
                    id: "dc_facilities_excl",
                    question: "Are all facilities used exclusively by your company, or are some shared?",
                    answerType: .choice,
                    allowedAnswers: [
                        "Yes, we are the only user of all data centers that potentially store confidential data.",
                        "No, some or all of the facilities are shared with other companies.",
                    ]
                ),
                VSAQSample(
                    index: 29,
                    id: "feedback",
                    question: """
                        Good news! You have made it to the end of this questionnaire. If you can spare another minute, \
                        please let us know how we can improve it. Any feedback is highly appreciated.
                        """,
                    answerType: .text,
                    allowedAnswers: []
                ),
            ]
        ),
        VSAQCorpusCase(
            file: "security_privacy_programs.json",
            itemCount: 46,
            reason: "VSAQ template: 46 items in 15 blocks",
            samples: [
                VSAQSample(
                    index: 0,
                    id: "options",
                    question: """
                        Select the options that describe your project. These settings configure the questionnaire to \
                        fit different scenarios.
                        """,
                    answerType: .multipleChoice,
                    allowedAnswers: [
                        """
                        Sensitive data — This project involves processing Personally Identifiable Information \
                        (PII), Sensitive PII, or other information your customers may consider sensitive.
                        """
                    ]
                ),
                VSAQSample(
                    index: 23,
                    id: "secprog_ra_often",
                    question: """
                        Under your risk management process, how often are risk assessments reviewed and updated?
                        """,
                    answerType: .choice,
                    allowedAnswers: [
                        "Multiple times per year.",
                        "Once per year.",
                        "Less frequently.",
                    ]
                ),
                VSAQSample(
                    index: 45,
                    id: "feedback",
                    question: """
                        Good news! You have made it to the end of this questionnaire. If you can spare another minute, \
                        please let us know how we can improve it. Any feedback is highly appreciated.
                        """,
                    answerType: .text,
                    allowedAnswers: []
                ),
            ]
        ),
        VSAQCorpusCase(
            file: "test_template.json",
            itemCount: 3,
            reason: "VSAQ template: 3 items in 4 blocks",
            samples: [
                VSAQSample(
                    index: 0,
                    id: "standard",
                    question: "What security standards do you apply?",
                    answerType: .multipleChoice,
                    allowedAnswers: [
                        "Standard 1",
                        "Standard 2",
                    ]
                ),
                VSAQSample(
                    index: 1,
                    id: "data_warning",
                    question: "Click me to trigger a warning.",
                    answerType: .choice,
                    allowedAnswers: [
                        "Yes",
                        "No",
                    ]
                ),
                VSAQSample(
                    index: 2,
                    id: "declaration",
                    question: """
                        I hereby declare that the above answers are true to the best of my knowledge and belief.
                        """,
                    answerType: .choice,
                    allowedAnswers: [
                        "Yes",
                        "No",
                    ]
                ),
            ]
        ),
        VSAQCorpusCase(
            file: "test_template_extension.json",
            itemCount: 1,
            reason: "VSAQ template extension (namespace mycompany): 1 item in 1 block",
            samples: [
                VSAQSample(
                    index: 0,
                    id: "mycompany:company_specific",
                    question: "Company specific question",
                    answerType: .text,
                    allowedAnswers: []
                )
            ]
        ),
        VSAQCorpusCase(
            file: "webapp.json",
            itemCount: 73,
            reason: "VSAQ template: 73 items in 31 blocks",
            samples: [
                VSAQSample(
                    index: 0,
                    id: "application_name",
                    question: "The name of the application:",
                    answerType: .text,
                    allowedAnswers: []
                ),
                VSAQSample(
                    index: 36,
                    id: "application_auth_cookies_timeout_length",
                    question: "How long is the session timeout?",
                    answerType: .text,
                    allowedAnswers: []
                ),
                VSAQSample(
                    index: 72,
                    id: "feedback",
                    question: """
                        Congratulations! You've made it to the end of this questionnaire. If you can spare another \
                        minute, please let us know how we can improve it. Your feedback is highly appreciated.
                        """,
                    answerType: .text,
                    allowedAnswers: []
                ),
            ]
        ),
    ]

    @Test(arguments: cases)
    func readsTheExpectedItems(_ corpusCase: VSAQCorpusCase) throws {
        let questionnaire = try readVSAQTemplate(path: VSAQFixtures.path(corpusCase.file))
        #expect(questionnaire.format == .vsaq)
        #expect(questionnaire.items.count == corpusCase.itemCount)
        let name = String(corpusCase.file.dropLast(".json".count))
        #expect(
            questionnaire.sheets == [
                SheetLayout(
                    sheet: name,
                    status: .questionnaire,
                    reason: corpusCase.reason,
                    itemCount: corpusCase.itemCount
                )
            ]
        )
        for sample in corpusCase.samples {
            try #require(sample.index < questionnaire.items.count)
            let item = questionnaire.items[sample.index]
            #expect(item.id == sample.id, "item \(sample.index)")
            #expect(item.question == sample.question, "item \(sample.index)")
            #expect(item.answerType == sample.answerType, "item \(sample.index)")
            #expect(item.allowedAnswers == sample.allowedAnswers, "item \(sample.index)")
        }
        #expect(Set(questionnaire.items.map(\.id)).count == questionnaire.items.count, "ids are unique")
        #expect(questionnaire.items.allSatisfy { !$0.question.isEmpty && $0.sheet == nil && $0.row == nil })
        // Markup is gone. A `<` or an entity left is text the template escaped (webapp writes
        // `&lt;script src=...&gt;` and `&amp;quot;` to show them).
        let markup = ["<p>", "<b>", "<i>", "<li>", "<ul>", "<a href", "<code>"]
        for item in questionnaire.items {
            for text in [item.question] + item.allowedAnswers + [item.guidance ?? ""] {
                #expect(!markup.contains { text.contains($0) }, "item \(item.id): \(text)")
            }
        }
    }

    @Test func readsTheTestTemplateInFull() throws {
        let questionnaire = try readVSAQTemplate(path: VSAQFixtures.path("test_template.json"))
        #expect(
            questionnaire.items == [
                QuestionnaireItem(
                    id: "standard",
                    idGenerated: true,
                    section: ["My questionnaire", "Network section"],
                    question: "What security standards do you apply?",
                    answerTarget: .vsaqKeys(["standard_1", "standard_2"], kind: .checkgroup),
                    answerType: .multipleChoice,
                    allowedAnswers: ["Standard 1", "Standard 2"],
                    allowedAnswersSource: .template
                ),
                QuestionnaireItem(
                    id: "data_warning",
                    section: ["My questionnaire", "Data section"],
                    question: "Click me to trigger a warning.",
                    guidance: "You shouldn't click the box above.",
                    answerTarget: .vsaqKeys(["data_warning"], kind: .check),
                    answerType: .choice,
                    allowedAnswers: ["Yes", "No"],
                    allowedAnswersSource: .template
                ),
                QuestionnaireItem(
                    id: "declaration",
                    section: ["My questionnaire", "Final section"],
                    question:
                        "I hereby declare that the above answers are true to the best of my knowledge and belief.",
                    answerTarget: .vsaqKeys(["declaration"], kind: .check),
                    answerType: .choice,
                    allowedAnswers: ["Yes", "No"],
                    allowedAnswersSource: .template
                ),
            ]
        )
    }

    @Test func readsTheExtensionInFull() throws {
        let questionnaire = try readVSAQTemplate(path: VSAQFixtures.path("test_template_extension.json"))
        #expect(
            questionnaire.items == [
                QuestionnaireItem(
                    id: "mycompany:company_specific",
                    section: ["insert after network", "Questions specific to my company come here."],
                    question: "Company specific question",
                    answerTarget: .vsaqKeys(["mycompany:company_specific"], kind: .line),
                    answerType: .text
                )
            ]
        )
    }

    @Test func givesRadioGroupsTheirChoiceIDsAndTipsAsGuidance() throws {
        let questionnaire = try readVSAQTemplate(path: VSAQFixtures.path("infrastructure.json"))
        let item = try #require(questionnaire.items.first { $0.id == "network_firewalls" })
        #expect(item.section == ["Infrastructure Security Questionnaire", "Network"])
        #expect(item.answerTarget == .vsaqKeys(["network_firewalls_yes", "network_firewalls_no"], kind: .radiogroup))
        #expect(
            item.guidance
                == "Even small networks should be protected by firewalls that are configured to filter both incoming "
                + "and outgoing traffic, and to allow only those services that have been explicitly whitelisted. "
                + "Firewalls provide a great basic defense layer, and they are rather easy to configure and maintain."
        )
    }
}
