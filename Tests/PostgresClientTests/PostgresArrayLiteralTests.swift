import PostgresClient
import Testing

/// PostgreSQL's array text format, parsed and encoded without a server.
@Suite struct PostgresArrayLiteralTests {
    /// Server-printed and hand-written literals parse into their elements.
    @Test(
        arguments: [
            ("{}", []),
            ("{a,b,c}", ["a", "b", "c"]),
            ("{NULL,null,\"NULL\",NuLl}", [nil, nil, "NULL", nil]),
            (#"{"a,b","c\"d","e\\f","{x}",""}"#, ["a,b", #"c"d"#, #"e\f"#, "{x}", ""]),
            ("{  spaced  , \" kept \" }", ["spaced", " kept "]),
            (#"{a\,b,c\ d,\NULL}"#, ["a,b", "c d", "NULL"]),
            ("{with space inside}", ["with space inside"]),
            ("[0:1]={x,y}", ["x", "y"]),
            ("{{1,2},{3,NULL}}", ["1", "2", "3", nil]),
            ("{é,\"日本\"}", ["é", "日本"]),
            ("{a\"b c\"d}", ["ab cd"]),
        ] as [(String, [String?])])
    func parses(literal: String, expected: [String?]) {
        #expect(PostgresArrayLiteral.parse(literal) == expected)
    }

    /// Malformed literals are rejected, not guessed at.
    @Test(arguments: ["", "a,b", "{a,b", "{a,,b}", "{\"a}", "{a}x", "{a,{b}", "{a\\", "[1:2]{a}", "{a b\"c}"])
    func rejectsMalformed(literal: String) {
        #expect(PostgresArrayLiteral.parse(literal) == nil, "\(literal) should not parse")
    }

    /// Encoding quotes every element, so only `nil` becomes NULL.
    @Test func encodesEveryElementQuotedAndNullBare() {
        #expect(PostgresArrayLiteral.encode([]) == "{}")
        #expect(PostgresArrayLiteral.encode(["a", nil, "NULL", "", #"q"b\"#]) == #"{"a",NULL,"NULL","","q\"b\\"}"#)
    }

    /// Awkward elements survive encode then parse unchanged.
    @Test func encodeThenParseIsIdentity() {
        let elements: [String?] = ["", " ", "NULL", nil, "a,b", "{}", #"\"#, #"""#, "'; DROP TABLE x; --", "é\n\t"]
        #expect(PostgresArrayLiteral.parse(PostgresArrayLiteral.encode(elements)) == elements)
    }
}
