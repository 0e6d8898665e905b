import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

private let tables = [
    TestSchema.table("public.t", ["id uuid", "tenant_id uuid", "owner_id uuid", "status text", "level integer"], primaryKey: ["id"]),
    TestSchema.table("public.u", ["id uuid", "tenant_id uuid", "email text"], primaryKey: ["id"]),
]
private let schema = SchemaModel(tables: tables)

/// A file of `count` items of every kind the checker keeps per item: clean policies, one with
/// raw SQL, one with an unknown column (a diagnostic with a fix-it), a grant, a GOVERN item,
/// session keys whose types are inferred.
private func file(_ count: Int, first: String = "lit('a')") -> String {
    var text = "POLICY p0 PERMISSIVE FOR SELECT SELECTOR named('t') CLAUSE col(status) = \(first)\n"
    for index in 1..<count {
        switch index % 5 {
        case 0:
            text +=
                "POLICY p\(index) PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(tenant_id) = session('app.tenant_id') AND col(level) >= lit(\(index))\n"
        case 1:
            text +=
                "POLICY p\(index) RESTRICTIVE FOR UPDATE SELECTOR named('t') CLAUSE raw('owner_id = current_user') OR CLAUSE col(owner_id) = session('app.user_id')\n"
        case 2: text += "POLICY p\(index) PERMISSIVE FOR SELECT SELECTOR named('u') CLAUSE col(emial) = lit('x\(index)')\n"
        case 3: text += "GRANT SELECT, INSERT TO app_user SELECTOR named('u')\n"
        default: text += "GOVERN SELECTOR named('u') OR named('t')\n"
        }
    }
    return text
}

/// What a check says, positions included (`CheckedPolicy` and `Clause` equality leave them out).
private func summary(_ set: PolicySet) -> [String] {
    var lines = set.diagnostics.map { "\($0.id) \($0.location.range) \($0.message) \($0.fixIts.flatMap(\.edits))" }
    for policy in set.policies {
        lines.append("\(policy.ref.name) \(policy.ref.location.range) \(policy.ref.nameRange) \(policy.syntax.range)")
        for (table, normalized) in policy.using.sorted(by: { $0.key < $1.key }) {
            for clause in normalized.clauses + normalized.contradictory {
                let raws = clause.atoms.compactMap { atom -> String? in
                    if case .raw(let raw) = atom { return "\(raw.location?.range.description ?? "-")" }
                    return nil
                }
                lines.append("  \(table) \(clause) from \(clause.origin?.location.range.description ?? "-") raw at \(raws)")
            }
        }
    }
    lines += set.grants.map { "grant \($0.location.range) \($0.syntax.range) \($0.tables)" }
    lines += set.governs.map { "govern \($0.location.range) \($0.syntax.range) \($0.tables)" }
    lines += set.sessionTypes.sorted { $0.key < $1.key }.map { "session \($0.key) \($0.value)" }
    return lines
}

@Suite struct CheckCacheTests {
    @Test func anEditAboveAnItemMovesItInsteadOfCheckingItAgain() {
        let cache = CheckCache()
        let config = ProjectConfig(baseDirectory: "/tmp")
        let before = Parser.parse(text: file(40), path: "a.policy")
        _ = Checker.check(files: [before], config: config, schema: schema, cache: cache)
        #expect(cache.lastRunChecked == 40)
        // The first policy grows by five bytes: the 39 items after it move, unchanged.
        let after = Parser.parse(text: file(40, first: "lit('abcdef')"), path: "a.policy")
        let incremental = Checker.check(files: [after], config: config, schema: schema, cache: cache)
        #expect(cache.lastRunChecked == 1)
        let fresh = Checker.check(files: [after], config: config, schema: schema)
        #expect(summary(incremental) == summary(fresh))
        #expect(incremental.diagnostics == fresh.diagnostics)
        // An edit in the middle: the items before it stay where they are, those after it move.
        var text = after.source.text
        text = text.replacingOccurrences(of: "lit('x17')", with: "lit('x1700')")
        let middle = Parser.parse(text: text, path: "a.policy")
        let again = Checker.check(files: [middle], config: config, schema: schema, cache: cache)
        #expect(cache.lastRunChecked == 1)
        #expect(summary(again) == summary(Checker.check(files: [middle], config: config, schema: schema)))
    }
}
