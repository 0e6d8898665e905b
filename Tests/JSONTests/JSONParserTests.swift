import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

@testable import JSON

/// Parses `text` as JSON, failing the test with the parser's message if it is rejected.
private func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    do {
        return try JSONValue(parsing: Array(text.utf8))
    } catch {
        Issue.record("rejected \(text.debugDescription): \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The reason `bytes` is rejected, or `nil` if it parses.
private func rejection(_ bytes: [UInt8]) -> JSONParseError.Reason? {
    do {
        _ = try JSONValue(parsing: bytes)
        return nil
    } catch {
        return error.reason
    }
}

private func rejection(_ text: String) -> JSONParseError.Reason? {
    rejection(Array(text.utf8))
}

@Suite struct JSONParserTests {
    @Test func scalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("0") == .integer(0))
        #expect(try parse("-0") == .integer(0))
        #expect(try parse("42") == .integer(42))
        #expect(try parse("-17") == .integer(-17))
        #expect(try parse("\"\"") == .string(""))
        #expect(try parse(" \t\r\n 7 \n") == .integer(7))
    }

    @Test func integersThatFitStayIntegers() throws {
        #expect(try parse("9223372036854775807") == .integer(Int.max))
        #expect(try parse("-9223372036854775808") == .integer(Int.min))
        #expect(try parse("999999999999999999") == .integer(999_999_999_999_999_999))
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808.0))
        #expect(try parse("-9223372036854775809") == .double(-9_223_372_036_854_775_809.0))
    }

    @Test func fractionsAndExponentsAreDoubles() throws {
        #expect(try parse("1.5") == .double(1.5))
        #expect(try parse("1.0") == .double(1.0))
        #expect(try parse("-0.25") == .double(-0.25))
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("1E+3") == .double(1000))
        #expect(try parse("25e-1") == .double(2.5))
        #expect(try parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
        #expect(try parse("5e-324") == .double(.leastNonzeroMagnitude))
        #expect(try parse("1e-400") == .double(0))
        #expect(rejection("1e400") == .numberOutOfRange)
        #expect(rejection("-1e400") == .numberOutOfRange)
    }

    @Test func arraysAndObjects() throws {
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{}") == .object([:]))
        #expect(
            try parse("[1, \"two\", [3], {\"four\": 4}, null, true]")
                == [1, "two", [3], ["four": 4], .null, true])
        let object = try parse(#"{"b": 1, "a": {"c": [true, false]}, "": null}"#)
        #expect(object["b"] == 1)
        #expect(object["a"]?["c"]?[1] == false)
        #expect(object[""] == .null)
        #expect(object.object?.keys == ["b", "a", ""])
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let object = try parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(object.object?.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func largeObjectsUseTheIndexCorrectly() throws {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let object = try parse("{\(members), \"k7\": -7}")
        #expect(object.object?.count == 100)
        #expect(object["k7"] == -7)
        #expect(object["k99"] == 99)
        #expect(object["k100"] == nil)
        #expect(object.object?.keys.first == "k0")
    }

    @Test func escapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u0041\u00e9\u4E2D\u0000""#) == .string("Aé中\u{0}"))
    }

    @Test func surrogatePairsAndEmoji() throws {
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse(#""\uD834\uDD1E clef""#) == .string("𝄞 clef"))
        #expect(try parse("\"raw 😀 é 中\"") == .string("raw 😀 é 中"))
        #expect(try parse(#""👩\u200d👩\u200D👧""#) == .string("👩‍👩‍👧"))
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try parse(#""\ud800""#) == .string("\u{FFFD}"))
        #expect(try parse(#""\udc00x""#) == .string("\u{FFFD}x"))
        #expect(try parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
        #expect(try parse(#""\ud800\ud800\udc00""#) == .string("\u{FFFD}𐀀"))
        #expect(try parse(#""a\ud83d""#) == .string("a\u{FFFD}"))
    }

    @Test func invalidUTF8IsRejected() {
        #expect(rejection([0x22, 0xFF, 0x22]) == .invalidUTF8)
        #expect(rejection([0x22, 0xC0, 0x80, 0x22]) == .invalidUTF8, "overlong NUL")
        #expect(rejection([0x22, 0xED, 0xA0, 0x80, 0x22]) == .invalidUTF8, "encoded surrogate")
        #expect(rejection([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]) == .invalidUTF8, "above U+10FFFF")
        #expect(rejection([0x22, 0xE2, 0x82, 0x22]) == .invalidUTF8, "truncated sequence")
        #expect(rejection([0x22, 0x80, 0x22]) == .invalidUTF8, "lone continuation byte")
        let long = [0x22] + Array(repeating: UInt8(ascii: "a"), count: 100) + [0xFE, 0x22]
        #expect(rejection(long) == .invalidUTF8, "long string")
        let escaped = Array(#""\n"#.utf8) + [0xC3, 0x28, 0x22]
        #expect(rejection(escaped) == .invalidUTF8, "after an escape")
    }

    @Test(arguments: [
        ("", JSONParseError.Reason.unexpectedEnd),
        ("   ", .unexpectedEnd),
        ("[1,]", .unexpectedByte(UInt8(ascii: "]"))),
        ("{\"a\":1,}", .unexpectedByte(UInt8(ascii: "}"))),
        ("[1 2]", .unexpectedByte(UInt8(ascii: "2"))),
        ("{'a': 1}", .unexpectedByte(UInt8(ascii: "'"))),
        ("{a: 1}", .unexpectedByte(UInt8(ascii: "a"))),
        ("{\"a\" 1}", .unexpectedByte(UInt8(ascii: "1"))),
        ("{\"a\":}", .unexpectedByte(UInt8(ascii: "}"))),
        ("01", .trailingCharacters),
        ("1.", .invalidNumber),
        (".5", .unexpectedByte(UInt8(ascii: "."))),
        ("+1", .unexpectedByte(UInt8(ascii: "+"))),
        ("-", .invalidNumber),
        ("1e", .invalidNumber),
        ("1e+", .invalidNumber),
        ("NaN", .unexpectedByte(UInt8(ascii: "N"))),
        ("Infinity", .unexpectedByte(UInt8(ascii: "I"))),
        ("tru", .unexpectedEnd),
        ("nul1", .unexpectedByte(UInt8(ascii: "1"))),
        ("\"abc", .unexpectedEnd),
        ("\"a\tb\"", .controlCharacterInString),
        ("\"a\nb\"", .controlCharacterInString),
        ("\"\\x\"", .invalidEscape),
        ("\"\\u12G4\"", .invalidEscape),
        ("\"\\u12\"", .invalidEscape),
        ("\"\\", .unexpectedEnd),
        ("[1] [2]", .trailingCharacters),
        ("{} x", .trailingCharacters),
        ("/* c */ 1", .unexpectedByte(UInt8(ascii: "/"))),
        ("\u{FEFF}1", .unexpectedByte(0xEF)),
    ])
    func invalidDocumentsAreRejected(text: String, reason: JSONParseError.Reason) {
        #expect(rejection(text) == reason, "\(text.debugDescription)")
    }

    @Test func errorsReportTheByteOffset() {
        do {
            _ = try JSONValue(parsing: "[1, 2, x]")
            Issue.record("accepted invalid input")
        } catch {
            #expect(error.offset == 7)
            #expect(error.description == "unexpected character 'x' at byte 7")
        }
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = JSONValue.defaultMaximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try parse(text)
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            value = elements.first ?? .null
        }
        #expect(levels == depth)
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(try parse(objects).object != nil)
    }

    @Test func nestingBeyondTheLimitIsRejected() {
        let depth = JSONValue.defaultMaximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(rejection(text) == .nestingTooDeep(limit: JSONValue.defaultMaximumDepth))
        let mixed = String(repeating: "[{\"a\":", count: depth)
        #expect(rejection(mixed) == .nestingTooDeep(limit: JSONValue.defaultMaximumDepth))
    }

    @Test func hostileDepthDoesNotOverflowTheStack() {
        // A million open brackets: without the cap this recursion would crash the process.
        let text = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(rejection(text) == .nestingTooDeep(limit: JSONValue.defaultMaximumDepth))
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[[[", maximumDepth: 2) }
        #expect((try? JSONValue(parsing: "[[]]", maximumDepth: 2)) == [[]])
    }

    @Test func deepInputParsesOnASmallStack() {
        // The parser keeps open containers on the heap; a recursive parser needs more than
        // 512 KiB of stack for this in a debug build and would crash here.
        let depth = JSONValue.defaultMaximumDepth
        let text = String(repeating: "[{\"a\":", count: depth / 2) + "1" + String(repeating: "}]", count: depth / 2)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var parsed: JSONValue?
        let thread = Thread {
            parsed = try? JSONValue(parsing: text)
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(parsed?[0]?["a"]?[0]?["a"] != nil)
    }

    @Test func parsesFromStringsAndNonContiguousCollections() throws {
        #expect(try JSONValue(parsing: "{\"é\": [1]}") == ["é": [1]])
        let bytes = Array("[true]".utf8)
        #expect(try JSONValue(parsing: bytes.lazy.map { $0 }) == [true])
        #expect(try JSONValue(parsing: bytes[1..<5]) == true)
    }

    @Test func utf8ValidatorAgreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 7)
        let interesting: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<7, using: &generator)
            let bytes = (0..<length).map { _ in interesting.randomElement(using: &generator) ?? 0 }
            let ours = bytes.withUnsafeBufferPointer { JSONParser.isValidUTF8($0) }
            let standard = String(validating: bytes, as: UTF8.self) != nil
            #expect(ours == standard, "\(bytes)")
            if ours != standard { return }
        }
    }
}
