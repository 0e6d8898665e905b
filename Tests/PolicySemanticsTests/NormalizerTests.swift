import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@testable import PolicySchema
@testable import PolicySemantics

private let table = TestSchema.table(
    "public.t",
    [
        "tenant_id uuid", "active boolean", "role text", "is_deleted boolean not null", "x integer", "y integer",
        "nn integer not null", "name text",
    ])
private let schema = SchemaModel(tables: [table])

/// Normalizes the single clause-set of a policy written inline on `public.t`.
private func normalized(_ clauses: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let set = CheckHarness.check("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL \(clauses)", schema: schema)
    let errors = set.diagnostics.filter { $0.severity == .error && $0.id != "semantic.unsatisfiable-policy" }
    #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
    guard let policy = set.policies.first, let result = policy.using[table.name] else { return "<errors>" }
    return result.clauses.map { "{\($0)}" }.joined(separator: " | ")
}

@Suite struct NormalizerTests {
    @Test func specWorkedExample() {
        let result = normalized(
            """
            CLAUSE col(tenant_id) = session('tid')
              OR CLAUSE col(tenant_id) = session('tid') AND col(active) = lit(true)
              OR CLAUSE col(role) = lit('admin') AND col(role) = lit('viewer')
              OR CLAUSE col(is_deleted) = lit(false)
            """)
        #expect(result == "{col(is_deleted) = lit(false)} | {col(tenant_id) = session('tid')}")
    }

    @Test func rule1AtomForm() {
        #expect(normalized("CLAUSE lit(5) < col(x)") == "{col(x) > lit(5)}")
        #expect(normalized("CLAUSE col(y) <= col(x)") == "{col(x) >= col(y)}")
        #expect(normalized("CLAUSE col(x) <> lit(1)") == "{col(x) != lit(1)}")
        #expect(normalized("CLAUSE session('k') = col(x)") == "{col(x) = session('k')}")
        #expect(
            normalized("CLAUSE lit('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11') = col(tenant_id)")
                == "{col(tenant_id) = lit('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')}")
    }

    @Test func rule2DuplicateAtoms() {
        #expect(normalized("CLAUSE col(x) = lit(1) AND lit(1) = col(x) AND col(x) = lit(1)") == "{col(x) = lit(1)}")
    }

    @Test func rule3Contradictions() {
        // Each contradictory clause drops; the clause that remains shows the policy survived.
        let keep = " OR CLAUSE col(name) = lit('keep')"
        #expect(normalized("CLAUSE col(x) = lit(1) AND col(x) = lit(2)" + keep) == "{col(name) = lit('keep')}")
        #expect(normalized("CLAUSE col(x) IS NULL AND col(x) = col(y)" + keep) == "{col(name) = lit('keep')}")
        #expect(normalized("CLAUSE col(x) = session('k') AND col(x) != session('k')" + keep) == "{col(name) = lit('keep')}")
        #expect(normalized("CLAUSE col(x) IN lit([1, 2]) AND col(x) IN lit([3, 4])" + keep) == "{col(name) = lit('keep')}")
        #expect(normalized("CLAUSE col(role) = lit('admin') AND col(role) = lit('viewer')" + keep) == "{col(name) = lit('keep')}")
        #expect(normalized("CLAUSE col(nn) IS NULL" + keep) == "{col(name) = lit('keep')}")
        // Ranges are the solver's business, not the normalizer's.
        #expect(normalized("CLAUSE col(x) > lit(65) AND col(x) < lit(18)") == "{col(x) < lit(18) AND col(x) > lit(65)}")
    }

    @Test func aPolicyWhoseClausesAllDropIsAnError() {
        let set = CheckHarness.check(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1) AND col(x) = lit(2)", schema: schema)
        #expect(set.diagnostics.map(\.id) == ["semantic.unsatisfiable-policy"])
        #expect(set.policies[0].using[table.name]?.isUnsatisfiable == true)
    }

    @Test func rule4Tautologies() {
        #expect(normalized("CLAUSE col(nn) = col(nn) AND col(x) = lit(1)") == "{col(x) = lit(1)}")
        #expect(normalized("CLAUSE col(x) = col(x)") == "{col(x) IS NOT NULL}")
        #expect(normalized("CLAUSE col(nn) IS NOT NULL OR CLAUSE col(x) = lit(1)") == "{true}")
        #expect(normalized("CLAUSE col(x) = lit(1) OR CLAUSE col(nn) = col(nn)") == "{true}")
        #expect(normalized("CLAUSE col(x) != col(x) OR CLAUSE col(y) = lit(2)") == "{col(y) = lit(2)}")
    }

    @Test func rule5Absorption() {
        #expect(normalized("CLAUSE col(x) = lit(1) AND col(y) = lit(2) OR CLAUSE col(x) = lit(1)") == "{col(x) = lit(1)}")
        #expect(normalized("CLAUSE col(x) = lit(1) OR CLAUSE col(x) = lit(1)") == "{col(x) = lit(1)}")
    }

    /// Absorption keeps exactly the clauses no other clause's atoms are a subset of (the first of
    /// equal ones), whatever the clauses: compared with checking every pair.
    @Test func absorptionAgreesWithComparingEveryPair() {
        var rng = SeededGenerator(seed: 0xAB50)
        let universe: [Atom] = (0..<6).map { .compare(.column("c\($0)"), .equal, .literal(.int($0))) }
        for round in 0..<300 {
            let clauses = (0..<rng.int(0...40)).map { _ in
                Clause(atoms: universe.filter { _ in rng.chance(0.35) })
            }
            var expected: [Clause] = []
            let sets = clauses.map { Set($0.atoms) }
            for (index, clause) in clauses.enumerated() {
                let absorbed = sets.indices.contains { other in
                    other != index && sets[other].isSubset(of: sets[index]) && (sets[other] != sets[index] || other < index)
                }
                if !absorbed { expected.append(clause) }
            }
            expected.sort { $0.sortKey.utf8.lexicographicallyPrecedes($1.sortKey.utf8) }
            #expect(Normalizer.absorb(clauses).map(\.atoms) == expected.map(\.atoms), "round \(round)")
        }
    }

    /// Absorption compares a clause only with clauses that can be inside it: 8,000 clauses that
    /// share an atom cost a few comparisons each, not 8,000.
    @Test func absorptionComparesFewPairs() {
        let shared = Atom.compare(.column("tenant_id"), .equal, .session("app.tenant_id"))
        let clauses = (0..<8_000).map { index in
            Clause(
                atoms: [shared, .compare(.column("status"), .equal, .literal(.string("s\(index)")))]
                    + (index % 3 == 1 ? [.compare(.column("owner_id"), .equal, .session("app.user_id"))] : []))
        }
        var comparisons = 0
        let kept = Normalizer.absorb(clauses, comparisons: &comparisons)
        #expect(kept.count == 8_000)
        #expect(comparisons <= 3 * clauses.count, "\(comparisons) comparisons")
    }

    @Test func rule6InLists() {
        #expect(normalized("CLAUSE col(x) = lit(2) AND col(x) IN lit([1, 2, 3])") == "{col(x) = lit(2)}")
        #expect(normalized("CLAUSE col(x) IN lit([1, 2, 3]) AND col(x) IN lit([2, 3, 4])") == "{col(x) IN lit([2, 3])}")
        #expect(normalized("CLAUSE col(x) IN lit([3, 1, 1])") == "{col(x) IN lit([1, 3])}")
        #expect(normalized("CLAUSE col(x) IN lit([1, 2]) AND col(x) IN lit([2, 5])") == "{col(x) = lit(2)}")
        let keep = " OR CLAUSE col(name) = lit('keep')"
        #expect(normalized("CLAUSE col(x) = lit(7) AND col(x) IN lit([1, 2])" + keep) == "{col(name) = lit('keep')}")
    }

    @Test func traversalClausesAreNormalizedInside() {
        let projects = TestSchema.table("public.projects", ["id uuid", "tenant_id uuid", "level integer"], primaryKey: ["id"])
        let tasks = TestSchema.table(
            "public.tasks", ["id uuid", "project_id uuid"], primaryKey: ["id"],
            foreignKeys: [(["project_id"], "projects", ["id"])])
        let set = CheckHarness.check(
            """
            POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks')
              CLAUSE exists(rel(_, project_id, projects, id), {lit(3) = col(level) AND col(level) = lit(3) AND col(id) = col(id)})
              OR CLAUSE exists(rel(_, project_id, projects, id), {col(level) = lit(1) AND col(level) = lit(2)})
            """, schema: SchemaModel(tables: [projects, tasks]))
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty, "\(set.diagnostics.map(\.message))")
        let result = set.policies[0].using[tasks.name]?.clauses.map(\.description)
        #expect(result == ["exists(rel(_, project_id, projects, id), {col(level) = lit(3)})"])
    }

    @Test func normalizingTwiceChangesNothing() {
        let text = "CLAUSE col(x) IN lit([3, 1]) AND lit(2) < col(y) OR CLAUSE col(tenant_id) = session('k') AND col(active) = lit(true)"
        let once = normalized(text)
        let clauses = once.split(separator: "|").map { $0.trimmingCharacters(in: " {}") }
        let again = normalized("CLAUSE " + clauses.joined(separator: " OR CLAUSE "))
        #expect(again == once)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var result = self
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
