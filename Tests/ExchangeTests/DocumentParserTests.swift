import Testing

@testable import Exchange

/// JSON and YAML parsing into positioned trees, and refusal of what would hurt.
@Suite struct DocumentParserTests {
    func parseJSON(_ text: String) throws(DocumentSyntaxError) -> DocumentNode {
        try JSONDocumentParser.parse(Array(text.utf8))
    }

    @Test func jsonNodesKnowTheirLineAndColumn() throws {
        let root = try parseJSON("{\n  \"a\": [1,\n    \"two\"],\n  \"b\": null\n}")
        guard case .mapping(let members) = root.value else {
            Issue.record("not a mapping")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        guard case .sequence(let items) = members[0].node.value else {
            Issue.record("not a list")
            return
        }
        #expect((items[1].line, items[1].column) == (3, 5))
        if case .scalar(let text) = items[1].value { #expect(text == "two") }
        if case .null = members[1].node.value {} else { Issue.record("b is not null") }
    }

    @Test func jsonEscapesAndSurrogatePairs() throws {
        let root = try parseJSON(#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#)
        guard case .sequence(let items) = root.value, case .scalar(let text) = items[0].value else {
            Issue.record("shape")
            return
        }
        #expect(text == "a\"b\\c/\né😀")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "expected a key"),
        ("[1, 2,]", "unexpected character"),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\""),
        ("[01]", "unexpected word"),
        ("\"abc", "ends inside a string"),
        ("[\"\\ud800\"]", "surrogate"),
        ("[\"\\q\"]", "unknown escape"),
        ("{\"a\": 1} x", "after the end"),
        ("// comment\n{}", "unexpected character"),
        ("[\"tab\there\"]", "control character"),
    ])
    func badJSONIsRefusedWithAReason(text: String, words: String) {
        #expect {
            _ = try parseJSON(text)
        } throws: { error in
            (error as? DocumentSyntaxError)?.message.contains(words) == true
        }
    }

    @Test func jsonNestingIsCapped() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect {
            _ = try parseJSON(deep)
        } throws: { error in
            (error as? DocumentSyntaxError)?.message.contains("nesting deeper") == true
        }
    }

    @Test func yamlScalarsStayAsWritten() throws {
        let root = try YAMLDocumentParser.parse("answer: Yes\nversion: 2022\nid: 4.1\nempty:\nlist: [a, ~]\n")
        guard case .mapping(let members) = root.value else {
            Issue.record("not a mapping")
            return
        }
        let values = members.map { member -> String in
            if case .scalar(let text) = member.node.value { return text }
            if case .null = member.node.value { return "<null>" }
            return "<container>"
        }
        #expect(values == ["Yes", "2022", "4.1", "<null>", "<container>"])
        #expect((members[2].node.line, members[2].node.column) == (3, 5))
    }

    @Test func yamlDuplicateKeysAndSyntaxErrorsNameTheLine() {
        #expect {
            _ = try YAMLDocumentParser.parse("a: 1\nb: 2\na: 3\n")
        } throws: { error in
            (error as? DocumentSyntaxError)?.message.contains("duplicate key") == true
        }
        #expect {
            _ = try YAMLDocumentParser.parse("a: [1, 2\nb: 3\n")
        } throws: { error in
            ((error as? DocumentSyntaxError)?.line ?? 0) >= 1
        }
    }

    /// The "billion laughs" pattern: aliases that multiply are stopped by the node cap, quickly.
    @Test func yamlAliasBombsAreStopped() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect {
            _ = try YAMLDocumentParser.parse(yaml)
        } throws: { error in
            (error as? DocumentSyntaxError)?.message.contains("more than") == true
        }
    }
}
