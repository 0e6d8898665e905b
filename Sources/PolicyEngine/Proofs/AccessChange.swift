import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// One line of `pgpe diff` (SPEC 11.9): how access changed on one table, command, role and side
/// between a base policy set and the current one.
public struct AccessChange: Hashable, Sendable {
    /// How access changed.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Rows now admitted that were not (a witness row, the session, the clause that admits it).
        case added
        /// Rows admitted before that are not now (a witness row, the clause that admitted it).
        case removed
        /// Proven the same rows for every session.
        case unchanged
        /// Not decided: raw SQL, a timeout.
        case unknown
    }

    /// How access changed.
    public var kind: Kind
    /// The table.
    public var table: QualifiedName
    /// The command.
    public var command: PolicyCommand
    /// The role (`PUBLIC`: any role no policy of either set names).
    public var role: String
    /// USING (rows reached) or WITH CHECK (rows written).
    public var side: EffectivePredicate.Side
    /// The comparison's verdict behind an added, removed or unknown change: its counterexample
    /// is the witness (the row, the session's settings, rows traversals reached), its blame the
    /// clauses that admit the row (of the current set for added, of the base set for removed),
    /// its reason why it is unknown. `nil` for unchanged.
    public var verdict: Verdict?

    /// Creates a change.
    public init(
        kind: Kind, table: QualifiedName, command: PolicyCommand, role: String, side: EffectivePredicate.Side,
        verdict: Verdict?
    ) {
        self.kind = kind
        self.table = table
        self.command = command
        self.role = role
        self.side = side
        self.verdict = verdict
    }

    /// The witness row and session (added and removed).
    public var witness: Counterexample? { verdict?.counterexample }

    /// Why the change is unknown.
    public var reason: String? { kind == .unknown ? verdict?.reason : nil }

    /// "widens SELECT on public.tasks for PUBLIC", "narrows INSERT (WITH CHECK) on …".
    public var phrase: String {
        let verb: String
        switch kind {
        case .added: verb = "widens"
        case .removed: verb = "narrows"
        case .unchanged: verb = "keeps"
        case .unknown: verb = "may change"
        }
        let which = command == .update ? " (\(side == .using ? "USING" : "WITH CHECK"))" : ""
        return "\(verb) \(command.rawValue)\(which) on \(table) for \(role)"
    }
}
