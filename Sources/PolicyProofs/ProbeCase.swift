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
        for verdict in verdicts {
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
                    cases.append(ProbeCase(verdict: verdict, plan: nil, skipped: "Z3 finds no row that session 1 reaches"))
                    continue
                }
                cases.append(make(verdict, example, policySet))
            default:
                continue
            }
        }
        return cases
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
