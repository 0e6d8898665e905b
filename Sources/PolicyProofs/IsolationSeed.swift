import PolicySchema
import PolicySemantics
import SMT

/// The row `pgpe analyze --probe` seeds for a PROVEN tenant-isolation verdict: Z3 is asked for
/// a model of "session 1 (its isolation key set) reaches the row (or, for WITH CHECK, can write
/// it)", with a second session whose key is set and different; for UPDATE's WITH CHECK each
/// session also gets an old row its UPDATE USING admits (the row it updates). The proof says
/// session 2 cannot reach (or write) that row; the probe checks it on the database.
public enum IsolationSeed {
    /// Two sessions, the row session 1 reaches and the rows its traversals need, as a
    /// counterexample the repro plan seeds; `nil` when the verdict is not a PROVEN isolation
    /// verdict or the predicate admits no row for any session (the solver finds no model).
    public static func example(for verdict: Verdict, policySet: PolicySet, timeoutMilliseconds: Int = 10_000) -> Counterexample? {
        guard verdict.proof == .tenantIsolation, verdict.status == .proven, let key = verdict.key, let command = verdict.command
        else { return nil }
        let index = PredicateIndex(set: policySet)
        let predicate = index.effective(verdict.table, command, role: verdict.role, side: verdict.side)
        let planner = ProofPlanner(index: index, options: AnalysisOptions(config: policySet.config, only: [.tenantIsolation]))
        let table = verdict.table
        let build: ProofQuery.Build = { encoder in
            guard let model = policySet.schema.table(table) else { return [] }
            let first = encoder.session(0, role: predicate.role)
            let second = encoder.session(1, role: predicate.role)
            let row = try encoder.newRow(model, label: "row", session: nil, inDatabase: predicate.side == .using)
            let a = try encoder.sessionValue(key, first)
            let b = try encoder.sessionValue(key, second)
            var assertions = [
                try encoder.z3.not(a.null), try encoder.z3.not(b.null), try encoder.z3.not(encoder.z3.eq(a.value, b.value)),
            ]
            if predicate.command == .update && predicate.side == .check {
                for session in [first, second] {
                    assertions += try planner.oldRow(encoder, table: model, session: session, role: predicate.role)
                }
            }
            assertions.append(try encoder.encode(predicate, row: row, session: first, positive: true))
            return assertions
        }
        guard let runner = try? ProofRunner(index: index, timeoutMilliseconds: timeoutMilliseconds, cache: ProofCache()) else {
            return nil
        }
        return runner.example(build)
    }
}
