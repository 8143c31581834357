import Testing

@testable import ControlModel

/// The layout every JSON output shares: short containers on one line, sorted keys, a final line break.
@Suite struct CanonicalJSONTests {
    @Test func layoutKeepsShortContainersOnOneLine() {
        let compact = Array(
            #"{"a":[1,2],"b":{"c":"x,y: z"},"d":[],"long":["aaaaaaaaaaaaaaaaaaaa","bbbbbbbbbbbbbbbbbbbb"]}"#.utf8
        )
        let expected = """
            {
              "a": [1, 2],
              "b": {"c": "x,y: z"},
              "d": [],
              "long": [
                "aaaaaaaaaaaaaaaaaaaa",
                "bbbbbbbbbbbbbbbbbbbb"
              ]
            }

            """
        #expect(JSONLayout.format(compact, width: 30) == expected)
        let bare = Array(#"{"n":[1,true,null],"m":{"x":-2.5e3,"y":false},"z":0}"#.utf8)
        #expect(
            JSONLayout.format(bare, width: 40)
                == "{\n  \"n\": [1, true, null],\n  \"m\": {\"x\": -2.5e3, \"y\": false},\n  \"z\": 0\n}\n"
        )
        #expect(JSONLayout.format(Array("7".utf8)) == "7\n")
    }

    @Test func encodesWithSortedKeysAndAFinalLineBreak() {
        struct Sample: Encodable {
            var zebra = 1
            var alpha = ["b", "a"]
            var path = "a/b"
        }
        #expect(canonicalJSON(Sample()) == "{\"alpha\": [\"b\", \"a\"], \"path\": \"a/b\", \"zebra\": 1}\n")
    }
}
