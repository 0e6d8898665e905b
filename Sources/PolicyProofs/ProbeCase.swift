import PolicySemantics

/// One verdict `pgpe analyze --probe` checks on the live database: the plan to run, or why it
/// cannot be checked there.
public struct ProbeCase: Hashable, Sendable {
    /// The verdict.
    public var verdict: Verdict
    /// The statements to run (nil when skipped).
    public var plan: ReproPlan?
    /// Why the verdict is not checked (nil when `plan` is set).
    public var skipped: String?

    /// The proofs whose FAILED counterexample the probe replays: their sessions run one
    /// statement each on the verdict's table.
    public static let replayed: Set<ProofID> = [.tenantIsolation, .failClosed, .writeRestriction]

    /// The cases of a report: each FAILED verdict of a replayed proof (its counterexample must
    /// leak) and each PROVEN tenant-isolation verdict (a row seeded for session 1 must stay out
    /// of session 2's reach); other verdicts are not probed.
    public static func cases(for verdicts: [Verdict], policySet: PolicySet, timeoutMilliseconds: Int = 10_000) -> [ProbeCase] {
        var cases: [ProbeCase] = []
        let index = PredicateIndex(set: policySet)
        for verdict in verdicts {
            if verdict.status == .failed && replayed.contains(verdict.proof)
                || verdict.status == .proven && verdict.proof == .tenantIsolation,
                let command = verdict.command,
                let name = declaredFunction(in: index.effective(verdict.table, command, role: verdict.role, side: verdict.side))
            {
                cases.append(
                    ProbeCase(
                        verdict: verdict, plan: nil,
                        skipped: "the policies call \(name)(), whose value Z3 chooses freely: the rows that make it true are not known"))
                continue
            }
            switch verdict.status {
            case .failed where replayed.contains(verdict.proof):
                guard let example = verdict.counterexample else {
                    cases.append(ProbeCase(verdict: verdict, plan: nil, skipped: "the verdict has no counterexample to replay"))
                    continue
                }
                cases.append(make(verdict, example, policySet))
            case .proven where verdict.proof == .tenantIsolation:
                guard let example = IsolationSeed.example(for: verdict, policySet: policySet, timeoutMilliseconds: timeoutMilliseconds)
                else {
                    cases.append(
                        ProbeCase(
                            verdict: verdict, plan: nil,
                            skipped:
                                "no row to seed: Z3 finds none that session 1 reaches (the policies admit none for role \(verdict.role))"))
                    continue
                }
                cases.append(make(verdict, example, policySet))
            default:
                continue
            }
        }
        return cases
    }

    /// The first declared function (`fn`, a boolean function) a clause of `predicate` calls,
    /// traversals included.
    private static func declaredFunction(in predicate: EffectivePredicate) -> String? {
        func operand(_ value: Operand) -> String? {
            guard case .function(let name, _) = value else { return nil }
            return name
        }
        func clause(_ item: Clause) -> String? {
            for atom in item.atoms {
                switch atom {
                case .predicate(let name, _): return name
                case .compare(let lhs, _, let rhs): if let name = operand(lhs) ?? operand(rhs) { return name }
                case .isNull(let value), .isNotNull(let value): if let name = operand(value) { return name }
                case .exists(let traversal): if let name = clause(traversal.clause) { return name }
                case .raw, .constant: continue
                }
            }
            return nil
        }
        return (predicate.permissive + predicate.restrictive).lazy.flatMap(\.clauses).compactMap(clause).first
    }

    private static func make(_ verdict: Verdict, _ example: Counterexample, _ policySet: PolicySet) -> ProbeCase {
        guard let plan = ReproPlan.make(for: verdict, example: example, policySet: policySet) else {
            return ProbeCase(verdict: verdict, plan: nil, skipped: "the table is not in the schema")
        }
        if let session = plan.sessions.first(where: { $0.unsettable != nil }), let why = session.unsettable {
            return ProbeCase(verdict: verdict, plan: nil, skipped: "session \(session.number): \(why)")
        }
        return ProbeCase(verdict: verdict, plan: plan, skipped: nil)
    }
}
