import PolicyProofs

/// What a FAILED verdict's repro script (`ReproScript`) prints on PostgreSQL when it shows the
/// leak it stands for.
public enum ReproExpectation {
    /// The `pgpe-repro:` notice prefixes the script of `verdict` must print: both sessions
    /// reach (or can write) the row, for isolation and role separation; the one session does,
    /// for fail-closed; it writes but cannot read back, for write-restriction.
    public static func notices(for verdict: Verdict) -> [String] {
        let writes = verdict.side == .check
        let outcome = writes ? "can write the row" : "reaches the row"
        switch verdict.proof {
        case .tenantIsolation, .roleSeparation: return ["session 1 \(outcome)", "session 2 \(outcome)"]
        case .failClosed: return ["session 1 \(outcome)"]
        case .writeRestriction: return ["session 1 can write the row", "session 1 cannot read the row back"]
        default: return []
        }
    }

    /// The expected notices `printed` (notices without their `pgpe-repro: ` prefix) lacks.
    public static func missing(for verdict: Verdict, in printed: [String]) -> [String] {
        notices(for: verdict).filter { expected in !printed.contains { $0.hasPrefix(expected) } }
    }
}
