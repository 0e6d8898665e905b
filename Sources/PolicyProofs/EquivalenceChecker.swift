import PolicySchema
import PolicySemantics
import PolicySyntax

/// Proves with Z3 that two disjunctions of clauses on a table are true for exactly the same
/// rows, databases and sessions: `p ∧ ¬q` and `q ∧ ¬p` are both unsatisfiable. This is how
/// `p ≡ normalize(p)` is checked; `policy-equivalence` compares whole policy sets the same way.
///
/// Clauses are read in the checked policy set's context: its schema (column types, keys, NOT
/// NULL), session types, declared functions, and the RLS of tables that traversals reach.
/// One checker owns one Z3 context: use it from one thread at a time.
public final class EquivalenceChecker {
    private let index: PredicateIndex
    private let runner: ProofRunner

    /// A checker for clauses of `policySet`'s tables; past `timeoutMilliseconds` a question is UNKNOWN.
    /// - Throws: `SolverError` when Z3 cannot create a context.
    public init(policySet: PolicySet, timeoutMilliseconds: Int = 5_000) throws {
        index = PredicateIndex(set: policySet)
        runner = try ProofRunner(index: index, timeoutMilliseconds: timeoutMilliseconds, cache: ProofCache())
    }

    /// Solver queries asked so far.
    public var queries: Int { runner.queries }

    /// Whether `first` and `second` (each a disjunction of clauses; no clause is false, an empty
    /// clause true) hold for the same rows of `table` and sessions running as `role`.
    ///
    /// The verdict is PROVEN when they are equivalent, FAILED with a counterexample (the row,
    /// the session, the rows traversals reached), a reason saying which side admits it and its
    /// `direction` (`.added`: `first` admits the row, `second` does not; `.removed`: the
    /// reverse), or UNKNOWN with a reason (timeout, raw SQL).
    public func compare(
        _ first: [Clause], _ second: [Clause], on table: QualifiedName,
        role: String = PolicySet.publicRole
    ) -> Verdict {
        var query = question(first, second, on: table, role: role, kind: "clauses")
        query.alternatives = [(direction(second, first, on: table, role: role), "a row satisfies the second predicate but not the first")]
        query.directions = [.added, .removed]
        return answer(query, on: table)
    }

    /// Whether every row `first` admits `second` admits too (for `table` and sessions running as
    /// `role`): `first ∧ ¬second` is unsatisfiable. PROVEN when it is; FAILED with a
    /// counterexample, a row `first` admits and `second` does not; UNKNOWN with a reason
    /// (timeout, raw SQL).
    public func implies(
        _ first: [Clause], _ second: [Clause], on table: QualifiedName,
        role: String = PolicySet.publicRole
    ) -> Verdict {
        answer(question(first, second, on: table, role: role, kind: "implies"), on: table)
    }

    /// The question whether `first ∧ ¬second` is unsatisfiable, keyed by `kind` in the cache.
    private func question(
        _ first: [Clause], _ second: [Clause], on table: QualifiedName, role: String, kind: String
    ) -> ProofQuery {
        ProofQuery(
            proof: .policyEquivalence, table: table, command: nil, role: role, key: nil, side: .using,
            cacheKey: kind + "|\(role)|" + first.map(\.description).joined(separator: " | ") + " || "
                + Fingerprint(index: index).of(second, table: table, role: role) + " |with "
                + Fingerprint(index: index).of(first, table: table, role: role),
            failsWhenSatisfiable: true, build: direction(first, second, on: table, role: role), fixed: nil,
            failureReason: "a row satisfies the first predicate but not the second", failureBlame: [])
    }

    /// Builds `positive ∧ ¬negative` for one row of `table`.
    private func direction(_ positive: [Clause], _ negative: [Clause], on table: QualifiedName, role: String) -> ProofQuery.Build {
        let set = index.set
        return { encoder in
            guard let model = set.schema.table(table) else { return [] }
            let session = encoder.session(0, role: role)
            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: true)
            let admitted = try encoder.encode(positive, row: row, session: session, positive: true, recordBlame: true)
            // Negative part last: its traversals range over the rows the positive part created.
            let refused = try encoder.z3.not(encoder.encode(negative, row: row, session: session, positive: false))
            return [admitted, refused]
        }
    }

    /// Runs `query`, UNKNOWN when `table` is not in the schema.
    private func answer(_ query: ProofQuery, on table: QualifiedName) -> Verdict {
        var query = query
        guard index.set.schema.table(table) != nil else {
            query.build = nil
            query.alternatives = []
            query.fixed = (.unknown, "no table \(table) in the schema", false)
            return runner.run(query).0
        }
        return runner.run(query).0
    }
}
