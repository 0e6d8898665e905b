import JSON
import Testing

/// Parsing with spans: the byte range of every value and member name, for readers that point at
/// the offending value (the schema snapshot reader).
@Suite struct JSONDocumentTests {
    private func text(_ source: String, _ range: Range<Int>) -> String {
        String(decoding: Array(source.utf8)[range], as: UTF8.self)
    }

    @Test func everyValueAndNameHasItsByteRange() throws {
        let source = #" {"a": [1, "é", {"b": null}], "c": {} , "d": -2.5e3}"#
        let root = try JSONDocument(parsing: Array(source.utf8)).root
        #expect(text(source, root.range) == #"{"a": [1, "é", {"b": null}], "c": {} , "d": -2.5e3}"#)
        #expect(root.members.map(\.key) == ["a", "c", "d"])
        #expect(root.members.map { text(source, $0.keyRange) } == [#""a""#, #""c""#, #""d""#])
        let a = try #require(root.member("a")).value
        #expect(text(source, a.range) == #"[1, "é", {"b": null}]"#)
        #expect(a.elements.map { text(source, $0.range) } == ["1", #""é""#, #"{"b": null}"#])
        #expect(a.elements[2].member("b").map { text(source, $0.value.range) } == "null")
        #expect(root.member("c").map { text(source, $0.value.range) } == "{}")
        #expect(root.member("d").map { text(source, $0.value.range) } == "-2.5e3")
        #expect(root.member("d")?.value.value == .double(-2500))
        #expect(root.member("zz") == nil)
        // The same value as the plain parser gives.
        #expect(root.value == (try JSONValue(parsing: source)))
    }

    @Test func repeatedNamesKeepTheFirstPlaceAndTheLastValueUnlessRejected() throws {
        let source = #"{"a": 1, "b": 2, "a": [3]}"#
        let root = try JSONDocument(parsing: Array(source.utf8)).root
        #expect(root.members.map(\.key) == ["a", "b"])
        #expect(root.member("a").map { text(source, $0.value.range) } == "[3]")
        #expect(root.member("a").map { text(source, $0.keyRange) } == #""a""#)
        #expect(root.member("a")?.keyRange.lowerBound == 1)
        let strict = JSONParseOptions(rejectsDuplicateKeys: true)
        #expect(throws: JSONParseError(.duplicateKey("a"), at: 17)) {
            try JSONDocument(parsing: Array(source.utf8), options: strict)
        }
    }

    @Test func byteOrderMarkOnlyWhenAllowed() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)
        #expect(throws: JSONParseError(.unexpectedByte(0xEF), at: 0)) { try JSONDocument(parsing: bytes) }
        let root = try JSONDocument(parsing: bytes, options: JSONParseOptions(allowsByteOrderMark: true)).root
        #expect(root.range == 3..<bytes.count)
        #expect(root.value == ["a": 1])
    }

    @Test func errorsCarryTheByteOffsetAndDepthIsCapped() {
        #expect(throws: JSONParseError(.unexpectedByte(UInt8(ascii: "]")), at: 7)) {
            try JSONDocument(parsing: Array(#"{"a": 1]"#.utf8))
        }
        let deep = Array((String(repeating: "[", count: 10) + String(repeating: "]", count: 10)).utf8)
        #expect(throws: JSONParseError(.nestingTooDeep(limit: 4), at: 4)) {
            try JSONDocument(parsing: deep, options: JSONParseOptions(maximumDepth: 4))
        }
        #expect(throws: JSONParseError(.unexpectedEnd, at: 0)) { try JSONDocument(parsing: []) }
    }
}
