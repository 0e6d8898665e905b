import PolicySchema
import PolicySemantics
import PolicySyntax

/// The verdict of one proof on one table, command, role and side.
public struct Verdict: Hashable, Sendable {
    /// Which proof.
    public var proof: ProofID
    /// The table.
    public var table: QualifiedName
    /// The command (nil for proofs about a whole table).
    public var command: PolicyCommand?
    /// The role (`PUBLIC` for any role no policy names).
    public var role: String
    /// The isolation key, when the proof is about one.
    public var key: String?
    /// USING or WITH CHECK.
    public var side: EffectivePredicate.Side
    /// PROVEN, FAILED, UNKNOWN or ACCEPTED.
    public var status: VerdictStatus
    /// Why (always set for UNKNOWN; a short explanation for FAILED).
    public var reason: String?
    /// Values that break the property (FAILED only).
    public var counterexample: Counterexample?
    /// The clauses or policies to blame.
    public var blame: [Blame]
    /// Wall time of the proof in milliseconds.
    public var milliseconds: Double
    /// Time inside the solver in milliseconds.
    public var solverMilliseconds: Double
    /// Whether the answer came from the theorem-style shortcut rather than the solver.
    public var byShortcut: Bool
    /// Whether the answer came from the cache.
    public var cached: Bool
    /// Why the verdict is ACCEPTED (status `.accepted` only).
    public var acceptance: Acceptance? = nil
    /// For `policy-equivalence`: the way the sets differ (FAILED), or, when only one way was
    /// asked (`pgpe diff`), the way that was asked whatever the status.
    public var direction: ComparisonDirection? = nil

    /// A one-line description for people.
    public var summary: String {
        var text = "\(proof.rawValue) \(status.rawValue) on \(table)"
        if let command { text += " \(command.rawValue)" }
        text += " (\(side == .using ? "USING" : "WITH CHECK"), role \(role)"
        if let key { text += ", key \(key)" }
        text += ")"
        if let reason { text += ": \(reason)" }
        if let acceptance { text += " (\(acceptance.status.rawValue), accepted: \(acceptance.reason))" }
        return text
    }
}
