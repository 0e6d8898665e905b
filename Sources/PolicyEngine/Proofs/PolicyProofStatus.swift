import PolicyProofs
import PolicySemantics

/// How a policy's tables fared in the latest proofs, for code lenses and hovers.
public struct PolicyProofStatus: Hashable, Sendable {
    /// Whether the latest verdicts describe the current text.
    public var isCurrent: Bool
    /// Whether proofs wait for errors to be fixed.
    public var isPaused: Bool
    /// FAILED verdicts (hints excluded) that blame the policy or its tables as a whole.
    public var failed: Int
    /// UNKNOWN verdicts on its tables.
    public var unknown: Int
    /// PROVEN verdicts on its tables.
    public var proven: Int

    /// A short text: `proven`, `2 failed, 1 unknown`, `pending`, `paused: fix the errors first`.
    public var summary: String {
        if isPaused { return "paused until the errors are fixed" }
        if !isCurrent { return "pending" }
        if failed == 0 && unknown == 0 { return proven == 0 ? "nothing to prove" : "proven" }
        var parts: [String] = []
        if failed > 0 { parts.append("\(failed) failed") }
        if unknown > 0 { parts.append("\(unknown) unknown") }
        return parts.joined(separator: ", ")
    }

    /// The status of `policy` in `snapshot`.
    public init(policy: CheckedPolicy, snapshot: WorkspaceSnapshot) {
        let state = snapshot.proofState
        isPaused = state == .paused || policy.hasErrors
        isCurrent = state == .current
        var failed = 0
        var unknown = 0
        var proven = 0
        for table in policy.tables {
            for verdict in snapshot.proofs.verdicts[table] ?? [] where !verdict.proof.isHint {
                let blamed = verdict.blame.isEmpty || verdict.blame.contains { $0.policy == policy.ref.name }
                switch verdict.status {
                case .failed: if blamed { failed += 1 }
                case .unknown: if blamed { unknown += 1 }
                case .proven: proven += 1
                case .accepted: break
                }
            }
        }
        self.failed = failed
        self.unknown = unknown
        self.proven = proven
    }
}
