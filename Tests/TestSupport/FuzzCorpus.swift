import PolicyWorkloads

/// Random and randomly mutated policy texts for robustness tests (fixed seeds).
public enum FuzzCorpus {
    private static let fragments = [
        "POLICY", "GRANT", "PERMISSIVE", "RESTRICTIVE", "FOR", "ALL", "SELECT", "INSERT", "UPDATE", "DELETE", "TO",
        "SELECTOR", "CLAUSE", "OR", "AND", "NOT", "WITH", "CHECK", "IS", "NULL", "IN", "LIKE", "col(", "session(",
        "lit(", "fn(", "exists(", "rel(", "raw(", "has_column(", "in_schema(", "named(", "tagged(", "_", "(", ")",
        "{", "}", "[", "]", ",", ".", "=", "!=", "<>", "<", ">", "<=", ">=", "'", "\"", "'x'", "\"Y\"", "42", "-7",
        "true", "false", "null", "tenant_id", "projects", "id", "'app.tenant_id'", "//", "--", "/*", "*/", "\n",
        "\r\n", "\r", " ", "\t", "🙂", "日本", "ü", "\u{0}", "\u{FEFF}", "§", "$$", "\\", "9999999999999999999999",
    ]

    /// `count` inputs: generated valid files, mutations of them and of `seeds`, token soup, and
    /// pathological shapes (deep nesting, huge lines).
    public static func inputs(count: Int, seed: UInt64, seeds: [String]) -> [String] {
        var rng = SeededGenerator(seed: seed)
        let generator = PolicyTextGenerator()
        var bases = seeds
        for index in 0..<40 {
            bases.append(generator.file(items: rng.int(1...5), prefix: "f\(index)_", using: &rng))
        }
        var result: [String] = []
        result.reserveCapacity(count)
        while result.count < count {
            switch rng.int(0...9) {
            case 0...5:
                result.append(mutate(rng.pick(bases), &rng))
            case 6...7:
                result.append(soup(&rng))
            case 8:
                result.append(generator.file(items: rng.int(1...3), prefix: "r\(result.count)_", using: &rng))
            default:
                result.append(pathological(&rng))
            }
        }
        return result
    }

    /// A few random edits of `text` (insertions, deletions, duplications, replacements), on
    /// Unicode scalars so the result stays valid text.
    public static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<rng.int(1...6) {
            let position = scalars.isEmpty ? 0 : rng.int(0...scalars.count)
            switch rng.int(0...4) {
            case 0:
                scalars.insert(contentsOf: rng.pick(fragments).unicodeScalars, at: position)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, position + rng.int(1...20))
                scalars.removeSubrange(min(position, end)..<end)
            case 2 where !scalars.isEmpty:
                let end = min(scalars.count, position + rng.int(1...40))
                let slice = Array(scalars[min(position, end)..<end])
                scalars.insert(contentsOf: slice, at: rng.int(0...scalars.count))
            case 3 where position < scalars.count:
                scalars[position] = rng.pick(Array("(){}[],.'\"=<>!-/*_ aZ0🙂\n".unicodeScalars))
            default:
                scalars.insert(
                    contentsOf: String(repeating: rng.pick(["(", "NOT ", "[", "exists(rel(_,a,b,c),{", "'"]), count: rng.int(1...200))
                        .unicodeScalars, at: position)
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func soup(_ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<rng.int(1...120) {
            text += rng.pick(fragments)
            if rng.chance(0.6) { text += " " }
        }
        return text
    }

    private static func pathological(_ rng: inout SeededGenerator) -> String {
        let head = "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE "
        switch rng.int(0...6) {
        case 0: return head + String(repeating: "exists(rel(_, a, b, c), {", count: rng.int(50...300))
        case 1: return "POLICY p PERMISSIVE FOR SELECT SELECTOR " + String(repeating: "(", count: rng.int(50...2000))
        case 2: return head + "col(x) IN lit(" + String(repeating: "[", count: rng.int(50...2000))
        case 3: return head + "col(x) = lit('" + String(repeating: "🙂x", count: rng.int(100...3000)) + "')"
        case 4: return String(repeating: "/*", count: rng.int(1...500))
        case 5: return head + String(repeating: "col(x) = lit(1) AND ", count: rng.int(20...300)) + "col(x) = lit(1)"
        default: return String(repeating: "POLICY ", count: rng.int(100...500))
        }
    }
}
