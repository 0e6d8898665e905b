import PolicyConfig
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@Suite struct ConfigRobustnessTests {
    private static let fragments = [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "#", " #", "'", "\"", "''", "\\", "${", "}", "${X}", "$${",
        "${DATABASE_URL}", "\n", "\r\n", "\r", "\t", "  ", "    ", "&a ", "*a", "*b", "!!int ", "!!str ", "!!map ",
        "!x ", "|", "|-\n", ">", "? ", "---\n", "...\n", "%YAML 1.1\n", "<<: ", "~", "null", "on", "off", "yes",
        "0x1F", "1e9", "-1", "99999999999999999999", "ü", "🙂", "日本", "\u{2028}", "\u{85}", "\u{FEFF}", "\u{0}",
        "\u{7}", "\u{FFFE}", "policies", "schema", "schemas", "session", "isolation", "key", "tables", "functions",
        "args", "returns", "analysis", "proofs", "max_depth", "timeout_ms", "separate_roles", "apply",
        "lock_timeout_ms", "app.tenant_id", "uuid", "ALL", "has_column(", "NOT ", " AND ", ")",
    ]

    /// 2,000 random mutations of the SPEC sample: the loader never crashes, and every range it
    /// reports lies inside the text on character boundaries.
    @Test func mutatedConfigsNeverCrashOrEscapeTheText() throws {
        let sample = try String(
            contentsOf: Fixtures.fixtureDirectory.appendingPathComponent("config/spec-sample.yaml"), encoding: .utf8)
        var rng = SeededGenerator(seed: 0xC0_F1_6)
        let environment = ["X": "x", "DATABASE_URL": "postgresql://u:pw@h/d"]
        var outcomes: [String: Int] = [:]
        for round in 0..<2_000 {
            let input = Self.mutate(sample, using: &rng)
            let (config, file, diagnostics) = ConfigLoader.load(text: input, path: "/p/pgpe.yaml", environment: environment)
            #expect(ConfigFixture.rangesAreInside(diagnostics, of: file), "round \(round): \(input.debugDescription)")
            for location in config.sessionKeys.compactMap(\.location) + config.functions.compactMap(\.location)
                + config.isolation.compactMap(\.location)
            {
                #expect(location.range.end <= file.bytes.count, "round \(round)")
            }
            let outcome = diagnostics.contains { $0.id == "config.invalid-yaml" } ? "invalid" : diagnostics.isEmpty ? "clean" : "diagnosed"
            outcomes[outcome, default: 0] += 1
        }
        // The corpus must reach the reader, not only the YAML error path.
        #expect(outcomes["diagnosed", default: 0] > 200, "\(outcomes)")
        #expect(outcomes["invalid", default: 0] > 200, "\(outcomes)")
        #expect(outcomes["clean", default: 0] > 20, "\(outcomes)")
    }

    @Test func deepNestingDoesNotCrash() {
        for text in [
            "policies: " + String(repeating: "[", count: 5_000),
            "policies: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900),
            String(repeating: "- ", count: 900) + "x\n",
            "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\npolicies: [*c, *c, *c, *c]\n",
        ] {
            let (_, file, diagnostics) = ConfigLoader.load(text: text, path: "/p/pgpe.yaml", environment: [:])
            #expect(!diagnostics.isEmpty)
            #expect(ConfigFixture.rangesAreInside(diagnostics, of: file))
        }
    }

    /// A few random edits on Unicode scalars: insertions of fragments, deletions, duplications
    /// of a line, swaps of two lines.
    private static func mutate(_ text: String, using rng: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<rng.int(1...4) {
            let position = rng.int(0...scalars.count)
            switch rng.int(0...4) {
            case 0, 1:
                scalars.insert(contentsOf: rng.pick(fragments).unicodeScalars, at: position)
            case 2:
                let end = min(scalars.count, position + rng.int(1...12))
                scalars.removeSubrange(position..<end)
            case 3:
                var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
                if !lines.isEmpty {
                    let line = rng.int(0...(lines.count - 1))
                    lines.insert(lines[line], at: rng.int(0...lines.count))
                }
                scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            default:
                var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 1 {
                    let a = rng.int(0...(lines.count - 1))
                    let b = rng.int(0...(lines.count - 1))
                    lines.swapAt(a, b)
                }
                scalars = Array(lines.joined(separator: "\n").unicodeScalars)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
