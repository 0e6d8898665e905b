import JSON
import PolicyWorkloads
import TestSupport
import Testing

/// Builds random JSON values and byte strings from a seeded generator.
private struct RandomJSON {
    var generator: SeededGenerator

    private static let pieces: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
        "é", "中", "😀", "👩‍👩‍👧", "\u{2028}", "\u{FFFD}", "\u{10FFFF}", "policy", "tenant_id",
    ]

    mutating func int(_ range: Range<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }

    mutating func string() -> String {
        (0..<int(0..<12)).map { _ in Self.pieces[int(0..<Self.pieces.count)] }.joined()
    }

    mutating func double() -> Double {
        switch int(0..<4) {
        case 0:
            return [0.0, -0.0, 0.1, 1e-7, 1e22, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1.5][int(0..<8)]
        case 1:
            return Double(int(-1_000_000..<1_000_000)) / 64
        default:
            while true {
                let candidate = Double(bitPattern: generator.next())
                if candidate.isFinite {
                    return candidate
                }
            }
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        let kinds = depth > 4 ? 5 : 7
        switch int(0..<kinds) {
        case 0:
            return .null
        case 1:
            return .bool(int(0..<2) == 0)
        case 2:
            switch int(0..<3) {
            case 0: return .integer(int(-10..<10))
            case 1: return .integer(Int(truncatingIfNeeded: generator.next()))
            default: return .integer([Int.min, Int.max, 0][int(0..<3)])
            }
        case 3:
            return .double(double())
        case 4:
            return .string(string())
        case 5:
            return .array((0..<int(0..<6)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<int(0..<6) {
                object[string()] = value(depth: depth + 1)
            }
            return .object(object)
        }
    }
}

@Suite struct JSONRandomTests {
    @Test func serializationRoundTripsGeneratedValues() throws {
        var random = RandomJSON(generator: SeededGenerator(seed: 0x5EED))
        for _ in 0..<2_000 {
            let value = random.value()
            let bytes = value.serialized()
            let reparsed = try JSONValue(parsing: bytes)
            #expect(reparsed == value, "\(value)")
            #expect(reparsed.serialized() == bytes, "serialization must be deterministic and keep key order")
            if reparsed != value { return }
        }
    }

    @Test func randomAndMutatedInputsNeverCrash() {
        var random = RandomJSON(generator: SeededGenerator(seed: 20_261_120))
        var corpus: [[UInt8]] = [
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.policy"},"position":{"line":3,"character":14}}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"contentChanges":[{"text":"POLICY p ON \"t\"\n\tUSING (a = 1) -- é😀"}]}}"#,
            #"[1,-2.5e-3,true,false,null,"\u00e9\ud83d\ude00\\\"",{"":[[[{}]]]}]"#,
            #"{"a":-0,"b":1E+2,"c":"\b\f\n\r\t\/","d":123456789012345678901234567890}"#,
        ].map { Array($0.utf8) }
        for _ in 0..<20 {
            corpus.append(random.value().serialized())
        }
        let interesting: [UInt8] =
            Array("{}[]\",:\\-+.eE0123456789tfnu \n\r\t".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xED, 0xF0, 0xF4, 0xFF]
        var parsed = 0
        var rejected = 0
        for round in 0..<5_000 {
            var input: [UInt8]
            if round % 10 == 0 {
                input = (0..<random.int(0..<64)).map { _ in
                    random.int(0..<2) == 0
                        ? interesting[random.int(0..<interesting.count)] : UInt8(truncatingIfNeeded: random.generator.next())
                }
            } else {
                input = corpus[random.int(0..<corpus.count)]
                for _ in 0..<random.int(1..<4) {
                    let position = input.isEmpty ? 0 : random.int(0..<input.count)
                    switch random.int(0..<6) {
                    case 0 where !input.isEmpty:
                        input[position] ^= UInt8(1 << random.int(0..<8))
                    case 1:
                        input.insert(interesting[random.int(0..<interesting.count)], at: position)
                    case 2 where !input.isEmpty:
                        input.removeSubrange(position..<min(input.count, position + random.int(1..<8)))
                    case 3:
                        input = Array(input[..<position])
                    case 4 where !input.isEmpty:
                        let end = min(input.count, position + random.int(1..<16))
                        input.insert(contentsOf: input[position..<end], at: position)
                    default:
                        if !input.isEmpty {
                            input[position] = interesting[random.int(0..<interesting.count)]
                        }
                    }
                }
            }
            do {
                let value = try JSONValue(parsing: input)
                parsed += 1
                // Whatever parses must serialize to something that parses back the same.
                #expect((try? JSONValue(parsing: value.serialized())) == value, "\(input)")
            } catch {
                rejected += 1
                #expect(error.offset >= 0 && error.offset <= input.count)
            }
        }
        #expect(parsed + rejected == 5_000)
        #expect(parsed > 250, "mutations should leave some inputs valid")
        #expect(rejected > 2_500, "most mutations should break the input")
    }
}
