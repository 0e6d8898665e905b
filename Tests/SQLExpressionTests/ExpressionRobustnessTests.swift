import Foundation
import PolicyWorkloads
import SQLExpression
import TestSupport
import Testing

/// Random token soups and random edits of real expressions: the reader never traps, its
/// diagnostics and nodes lie inside the text, a clean read prints stably, and it is fast.
@Suite struct ExpressionRobustnessTests {
    static let fragments = [
        "SELECT", "FROM", "WHERE", "JOIN", "LEFT", "INNER", "ON", "AS", "EXISTS", "IN", "ANY", "ALL", "ARRAY", "CASE", "WHEN",
        "THEN", "ELSE", "END", "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "DISTINCT", "LIKE", "ILIKE", "BETWEEN",
        "CAST", "ROW", "GROUP", "BY", "LIMIT", "CURRENT_USER", "NULLIF", "COALESCE", "OPERATOR", "(", ")", "[", "]", ",",
        ".", "::", ":", ";", "=", "<>", "!=", "<", "<=", "->>", "#>", "@>", "||", "~~*", "!~~", "+", "-", "*", "/", "=>",
        "'x'", "'it''s'", "E'\\n'", "$$b$$", "$t$q$t$", "$1", "42", "1.5e3", ".5", "\"Mixed\"", "\"a\"\"b\"", "U&\"x\"", "a",
        "t.c", "auth.uid()", "current_setting('k', true)", "--", "/*", "*/", "\n", " ", "'", "\"", "$", "\\", "🙂", "ü",
        "\u{0}",
    ]

    /// Real expressions: the committed fuzz corpus (what PostgreSQL printed, and written ones).
    static func seeds() throws -> [String] {
        let directory = Fixtures.repositoryRoot.appendingPathComponent("fuzz/corpus/sql-expression")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().map {
            try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }

    static func soup(_ rng: inout SeededGenerator) -> String {
        (0..<rng.int(1...40)).map { _ in rng.pick(fragments) }.joined(separator: rng.chance(0.7) ? " " : "")
    }

    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<rng.int(1...4) {
            let position = scalars.isEmpty ? 0 : rng.int(0...scalars.count - 1)
            switch rng.int(0...3) {
            case 0:
                if !scalars.isEmpty { scalars.removeSubrange(position..<min(scalars.count, position + rng.int(1...6))) }
            case 1:
                scalars.insert(contentsOf: rng.pick(fragments).unicodeScalars, at: position)
            case 2:
                let end = min(scalars.count, position + rng.int(1...20))
                scalars.insert(contentsOf: scalars[position..<end], at: end)
            default:
                if !scalars.isEmpty { scalars[position] = rng.pick(Array("()[]',\"$:;-/*".unicodeScalars)) }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    @Test func randomInputsKeepEveryProperty() throws {
        let seeds = try Self.seeds()
        #expect(seeds.count >= 4)
        var rng = SeededGenerator(seed: 0x5EED_5A1)
        let clock = ContinuousClock()
        var inputs: [String] = []
        for index in 0..<6000 {
            inputs.append(index % 2 == 0 ? Self.soup(&rng) : Self.mutate(rng.pick(seeds), &rng))
        }
        var failures: [String] = []
        let elapsed = clock.measure {
            for input in inputs {
                if let violation = FuzzTarget.sqlExpression.violation(Array(input.utf8)) {
                    failures.append("\(violation)\n--- input:\n\(input)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures; first: \(failures.first ?? "")")
        #expect(elapsed < .seconds(60), "\(elapsed)")
    }
}
