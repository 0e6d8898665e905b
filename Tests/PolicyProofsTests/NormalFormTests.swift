import Foundation
import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicyWorkloads
import TestSupport
import Testing

/// Normal form keeps meaning, proven by Z3: `p ≡ normalize(p)` on generated policies.
@Suite struct NormalFormTests {
    /// The workspace policies are generated in, its generator and normalizer.
    struct Setup {
        var snapshot: WorkspaceSnapshot
        var generator: ProofPolicyGenerator
        var normalizer: Normalizer
        var table: QualifiedName

        init() throws {
            snapshot = try ProofHarness.load(configPath: ProofCatalogue.directory.appendingPathComponent("normal-form/pgpe.yaml").path)
            let set = snapshot.policySet
            table = QualifiedName(schema: "public", name: "items")
            let keys = set.config.sessionKeys.map { (key: $0.key, family: $0.type.family) }
            let functions = set.config.functions.map {
                ProofPolicyGenerator.Function(name: $0.name, arguments: $0.arguments.map(\.family), returns: $0.returns.family)
            }
            generator = ProofPolicyGenerator(
                schema: set.schema, table: table, sessionKeys: keys, functions: functions, allowConstantsAndNow: true)
            let schema = set.schema
            let table = self.table
            normalizer = Normalizer { target, column in
                schema.table(target ?? table)?.column(column)?.notNull ?? false
            }
        }
    }

    /// 1,000 generated policies (10,000 in `make bench`): zero counterexamples, nothing undecided.
    @Test func normalFormKeepsMeaning() throws {
        let setup = try Setup()
        #expect(!setup.snapshot.hasErrors)
        let checker = try EquivalenceChecker(policySet: setup.snapshot.policySet)
        var rng = SeededGenerator(seed: 0x4E0F_0001)
        var rewritten = 0
        var correlated = 0
        var constants = 0
        var nows = 0
        var failures: [String] = []
        for index in 0..<1_000 {
            let policy = setup.generator.policy(using: &rng)
            let text = policy.map(\.description).joined(separator: " OR ")
            if policy.contains(where: { $0.atoms.contains { if case .constant = $0 { return true } else { return false } } }) {
                constants += 1
            }
            if text.contains("now()") { nows += 1 }
            let normalized = setup.normalizer.normalize(policy).clauses
            if normalized != policy { rewritten += 1 }
            if policy.contains(where: { $0.description.contains("outer(") }) { correlated += 1 }
            let verdict = checker.compare(policy, normalized, on: setup.table)
            if verdict.status != .proven {
                failures.append(
                    "#\(index) \(verdict.status.rawValue): \(verdict.reason ?? "")\n  p = \(policy.map(\.description))\n  normalize(p) = \(normalized.map(\.description))"
                        + (verdict.counterexample.map { "\n  counterexample: \($0)" } ?? ""))
            }
        }
        #expect(
            failures.isEmpty,
            Comment(rawValue: "\(failures.count) policies changed meaning:\n" + failures.prefix(5).joined(separator: "\n")))
        // The generator exercises the normal form: most policies are rewritten.
        #expect(rewritten > 700, "only \(rewritten) of 1,000 policies were rewritten")
        // SPEC 11.3's `true`/`false` atoms and now() are generated too, and traversals that read
        // the row they start from (`outer(c)`).
        #expect(constants > 100 && nows > 100, "true/false in \(constants), now() in \(nows) of 1,000 policies")
        #expect(correlated > 50, "only \(correlated) of 1,000 policies use outer()")
        print(
            "normal form: 1,000 policies, \(rewritten) rewritten, true/false in \(constants), now() in \(nows), outer() in \(correlated), \(failures.count) changed meaning"
        )
    }

    /// The comparison finds a rewriting that changes meaning (so the test above can fail).
    @Test func aWrongRewritingIsFound() throws {
        let setup = try Setup()
        let checker = try EquivalenceChecker(policySet: setup.snapshot.policySet)
        var rng = SeededGenerator(seed: 0x4E0F_0002)
        var found = 0
        var tried = 0
        while tried < 60 {
            let policy = setup.generator.policy(using: &rng)
            let normalized = setup.normalizer.normalize(policy).clauses
            // Drop the last atom of the first clause that has two or more: usually a weaker predicate.
            guard let position = normalized.firstIndex(where: { $0.atoms.count > 1 }) else { continue }
            tried += 1
            var wrong = normalized
            wrong[position].atoms.removeLast()
            if checker.compare(normalized, wrong, on: setup.table).status == .failed { found += 1 }
        }
        #expect(found > 30, "only \(found) of 60 wrong rewritings were found")
        // Worked example of SPEC 5: true by the normal form, proven by the solver too.
        let tenant = Clause(atoms: [.compare(.column("tenant_id"), .equal, .session("app.tenant_id"))])
        let deleted = Clause(atoms: [.compare(.column("active"), .equal, .literal(.bool(false)))])
        let written = [
            tenant,
            Clause(atoms: tenant.atoms + [.compare(.column("flag"), .equal, .literal(.bool(true)))]),
            Clause(atoms: [
                .compare(.column("status"), .equal, .literal(.string("admin"))),
                .compare(.column("status"), .equal, .literal(.string("viewer"))),
            ]),
            deleted,
        ]
        #expect(setup.normalizer.normalize(written).clauses == [deleted, tenant])
        #expect(checker.compare(written, [deleted, tenant], on: setup.table).status == .proven)
        let leak = checker.compare([tenant], [tenant, deleted], on: setup.table)
        #expect(leak.status == .failed && leak.counterexample != nil)
    }
}
