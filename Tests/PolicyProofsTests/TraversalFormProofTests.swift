import PolicyImport
import PolicyProofs
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// The compiled form of a traversal (issue 16: a correlated `EXISTS`) means what the policy
/// means, proven with Z3: generated policies on `items` with traversals to `parents` and on to
/// `grands` (each with its own RLS, which the comparison reads on both sides) are compiled,
/// created on PostgreSQL, read back from `pg_policies`, lifted into the language and proven
/// equivalent to the policy they were compiled from.
@Suite struct TraversalFormProofTests {
    /// The functions the normal-form workspace declares (its schema file has none).
    static let functionsSQL = """
        CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT true $$;
        CREATE FUNCTION public.rank_of(uuid) RETURNS integer LANGUAGE sql STABLE AS $$ SELECT 1 $$;
        """

    @Test func compiledTraversalsLiftBackToEquivalentPolicies() async throws {
        let setup = try NormalFormTests.Setup()
        let set = setup.snapshot.policySet
        let table = try #require(set.schema.table(setup.table))
        let renderer = ExpressionRenderer(policySet: set)
        let checker = try EquivalenceChecker(policySet: set)
        var rng = SeededGenerator(seed: 0x1616_0001)
        var policies: [[Clause]] = []
        while policies.count < 150 {
            let policy = setup.normalizer.normalize(setup.generator.policy(using: &rng)).clauses
            // Raw SQL is opaque to the solver (and `raw('true')` lifts to `true`): left out.
            let text = policy.map(\.description).joined(separator: " OR ")
            if text.contains("exists(rel("), !text.contains("raw(") {
                policies.append(policy)
            }
        }
        var proven = 0
        var skipped = 0
        var mutated = 0
        var caught = 0
        var nested = 0
        var failures: [String] = []
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(try #require(setup.snapshot.schemaSource.file?.text))
            try connection.execute(Self.functionsSQL)
            for (index, policy) in policies.enumerated() {
                let sql = renderer.render(policy, table: setup.table)
                #expect(!sql.contains(" IN (SELECT "), "\(sql)")
                if sql.components(separatedBy: "EXISTS (SELECT").count > 2 { nested += 1 }
                try connection.execute("CREATE POLICY g\(index) ON public.items USING (\(sql))")
                let printed = try connection.query(
                    "SELECT qual FROM pg_policies WHERE tablename = 'items' AND policyname = $1", [.text("g\(index)")]
                ).first?[0]?.string
                let lifted = PolicyLifter.lift(printed ?? "", context: LiftContext(table: table, schema: set.schema, config: set.config))
                // The lifter leaves a comparison of two constants raw (what the generator writes
                // and the normal form keeps for the solver, such as 'a'::text < 'b'::text):
                // nothing to prove for those, whatever the traversal's form.
                if !lifted.notes.isEmpty, lifted.notes.allSatisfy({ $0.reason.contains("comparison of two constants") }) {
                    skipped += 1
                    continue
                }
                guard !lifted.hasRaw, !lifted.clauses.isEmpty else {
                    failures.append("#\(index) did not lift: \(printed ?? "") → \(lifted.notes)")
                    continue
                }
                let text =
                    "POLICY lifted PERMISSIVE FOR SELECT SELECTOR named('items') "
                    + lifted.clauses.map { "CLAUSE " + $0 }.joined(separator: " OR ")
                let liftedSet = CheckHarness.check(text, schema: set.schema, config: set.config)
                guard !liftedSet.hasErrors, let clauses = liftedSet.policies.first?.using[setup.table]?.clauses else {
                    failures.append("#\(index) lifted text does not check: \(text) \(liftedSet.diagnostics.map(\.message))")
                    continue
                }
                let verdict = checker.compare(policy, clauses, on: setup.table)
                if verdict.status == .proven {
                    proven += 1
                    // The proof can fail: the traversal joined on the wrong column of the target is found.
                    let wrong = (printed ?? "").replacingOccurrences(of: "t1.id = items.parent_id", with: "t1.grand_id = items.parent_id")
                    let wrongLift = PolicyLifter.lift(wrong, context: LiftContext(table: table, schema: set.schema, config: set.config))
                    let wrongText =
                        "POLICY wrong PERMISSIVE FOR SELECT SELECTOR named('items') "
                        + wrongLift.clauses.map { "CLAUSE " + $0 }.joined(separator: " OR ")
                    if wrong != printed, !wrongLift.hasRaw,
                        let wrongClauses = CheckHarness.check(wrongText, schema: set.schema, config: set.config).policies.first?.using[
                            setup.table]?.clauses
                    {
                        mutated += 1
                        if checker.compare(policy, wrongClauses, on: setup.table).status == .failed { caught += 1 }
                    }
                } else {
                    failures.append(
                        "#\(index) \(verdict.status.rawValue): \(verdict.reason ?? "")\n  policy: \(policy.map(\.description))\n  SQL: \(printed ?? "")\n  lifted: \(text)"
                    )
                }
            }
        }
        #expect(
            failures.isEmpty, Comment(rawValue: "\(failures.count) of \(policies.count):\n" + failures.joined(separator: "\n")))
        #expect(proven + skipped == policies.count)
        #expect(caught > mutated * 3 / 4, "only \(caught) of \(mutated) wrong joins were found")
        #expect(proven >= 120, "only \(proven) of \(policies.count) policies lifted without raw SQL")
        // Traversals inside traversals (items → parents → grands) are among them.
        #expect(nested > 10, "only \(nested) of \(policies.count) policies nest a traversal")
        print(
            "traversal form: \(policies.count) policies with traversals, \(nested) nested, \(proven) proven equivalent after lifting, \(skipped) left raw by the lifter (constant comparisons); \(caught) of \(mutated) wrong joins found"
        )
    }
}
