import JSON
import Testing

@Suite struct JSONSerializerTests {
    @Test func compactOutputInInsertionOrder() {
        let value: JSONValue = ["z": 1, "a": [true, false, .null], "m": ["y": "x", "b": 2.5], "e": [:], "f": []]
        #expect(value.serializedString() == #"{"z":1,"a":[true,false,null],"m":{"y":"x","b":2.5},"e":{},"f":[]}"#)
    }

    @Test func stringEscapes() {
        let value = JSONValue.string("q\" b\\ n\n r\r t\t b\u{8} f\u{C} nul\u{0} us\u{1F} del\u{7F} / é 😀 \u{2028}")
        #expect(
            value.serializedString()
                == #""q\" b\\ n\n r\r t\t b\b f\f nul\u0000 us\u001f del"# + "\u{7F} / é 😀 \u{2028}\"")
    }

    @Test func keysAreEscapedToo() {
        let value: JSONValue = ["a\"b\n": 1]
        #expect(value.serializedString() == #"{"a\"b\n":1}"#)
    }

    @Test func numbers() {
        #expect(JSONValue.integer(0).serializedString() == "0")
        #expect(JSONValue.integer(-7).serializedString() == "-7")
        #expect(JSONValue.integer(1_234_567_890).serializedString() == "1234567890")
        #expect(JSONValue.integer(Int.max).serializedString() == "9223372036854775807")
        #expect(JSONValue.integer(Int.min).serializedString() == "-9223372036854775808")
        #expect(JSONValue.double(2.5).serializedString() == "2.5")
        #expect(JSONValue.double(3).serializedString() == "3.0")
        #expect(JSONValue.double(1e-5).serializedString() == "1e-05")
        #expect(JSONValue.double(1e300).serializedString() == "1e+300")
        #expect(JSONValue.double(-0.0).serializedString() == "-0.0")
    }

    @Test func nonFiniteDoublesBecomeNull() {
        let value: JSONValue = [.double(.nan), .double(.infinity), .double(-.infinity)]
        #expect(value.serializedString() == "[null,null,null]")
    }

    @Test func objectEqualityIgnoresOrderButSerializationKeepsIt() throws {
        let ab: JSONValue = ["a": 1, "b": 2]
        let ba: JSONValue = ["b": 2, "a": 1]
        #expect(ab == ba)
        #expect(ab.hashValue == ba.hashValue)
        #expect(ab.serializedString() != ba.serializedString())
        #expect(try JSONValue(parsing: ba.serialized()).object?.keys == ["b", "a"])
        #expect(JSONValue.integer(1) != JSONValue.double(1))
    }

    @Test func objectEditingKeepsPositions() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        object["d"] = 4
        object["a"] = nil
        #expect(object.keys == ["b", "c", "d"])
        #expect(JSONValue.object(object).serializedString() == #"{"b":"two","c":3,"d":4}"#)
        var large = JSONObject((0..<40).map { ("k\($0)", JSONValue.integer($0)) })
        large.removeValue(forKey: "k3")
        large["k5"] = "five"
        #expect(large.count == 39)
        #expect(large["k4"] == 4)
        #expect(large["k5"] == "five")
        #expect(large["k3"] == nil)
        #expect(large.keys.prefix(5) == ["k0", "k1", "k2", "k4", "k5"])
    }

    @Test func accessors() {
        let value: JSONValue = ["textDocument": ["uri": "file:///a.policy", "version": 3], "items": [1, 2.5, "x"], "flag": true]
        #expect(value["textDocument"]?["uri"]?.string == "file:///a.policy")
        #expect(value["textDocument"]?["version"]?.int == 3)
        #expect(value["items"]?[1]?.double == 2.5)
        #expect(value["items"]?[1]?.int == nil)
        #expect(value["items"]?[0]?.double == 1)
        #expect(value["items"]?[3] == nil)
        #expect(value["items"]?[-1] == nil)
        #expect(value["flag"]?.bool == true)
        #expect(value["missing"] == nil)
        #expect(value["items"]?["uri"] == nil)
        #expect(value["items"]?.array?.count == 3)
        #expect(JSONValue.double(4).int == 4)
        #expect(JSONValue.null.isNull)
        #expect(value.description.hasPrefix("{\"textDocument\":"))
    }
}

/// The pretty format: deterministic documents for people and version control (schema snapshots,
/// bench results).
@Suite struct JSONPrettyTests {
    @Test func layout() {
        let value: JSONValue = [
            "scalars": ["a": 1, "b": "x", "c": .null, "d": true, "e": 2.5],
            "flat": [1, [2, [3]], [], "s"],
            "nested": [["k": 1], [:], []],
            "empty": [:],
            "emptyArray": [],
            "deep": ["list": ["x"], "object": ["y": [1]]],
        ]
        #expect(
            value.serializedString(.pretty) == """
                {
                  "scalars": {"a": 1, "b": "x", "c": null, "d": true, "e": 2.5},
                  "flat": [1, [2, [3]], [], "s"],
                  "nested": [
                    {"k": 1},
                    {},
                    []
                  ],
                  "empty": {},
                  "emptyArray": [],
                  "deep": {
                    "list": ["x"],
                    "object": {
                      "y": [1]
                    }
                  }
                }

                """)
    }

    @Test func scalarsAndEmptyContainersAtTheTop() {
        #expect(JSONValue.integer(3).serializedString(.pretty) == "3\n")
        #expect(JSONValue.object([:]).serializedString(.pretty) == "{}\n")
        #expect(JSONValue.array([]).serializedString(.pretty) == "[]\n")
        #expect(JSONValue.string("a\"\n\u{1}").serializedString(.pretty) == #""a\"\n\u0001""# + "\n")
    }

    @Test func prettyReadsBackAsTheSameValue() throws {
        let value: JSONValue = ["a": [["b": [1, 2, ["c": "d\t"]]]], "e": [[], [:]], "f": -0.5]
        #expect(try JSONValue(parsing: value.serializedString(.pretty)) == value)
    }
}
