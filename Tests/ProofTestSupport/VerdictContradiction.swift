import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// A PROVEN tenant-isolation or fail-closed verdict that PostgreSQL refutes: two sessions with
/// different key values reach (or can write) one row, or a session without the key reaches one.
public struct VerdictContradiction: Sendable, CustomStringConvertible {
    /// The verdict, as `Verdict.summary` prints it.
    public var verdict: String
    /// Which proof.
    public var proof: ProofID
    /// The table.
    public var table: QualifiedName
    /// The command.
    public var command: PolicyCommand
    /// USING or WITH CHECK.
    public var side: EffectivePredicate.Side
    /// The verdict's role (`PUBLIC` for every role the analysis did not name for the table).
    public var role: String
    /// The isolation key.
    public var key: String
    /// The database role the sessions ran as.
    public var databaseRole: String
    /// Whether the verdict is PUBLIC's and `databaseRole` is named by policies of other tables
    /// only (the roles issue 11 item 5 says the analysis misses).
    public var roleNamedElsewhere: Bool
    /// The sessions and the rows, in words.
    public var evidence: String

    /// What a person needs to see.
    public var description: String {
        "PostgreSQL contradicts \(verdict)\n  as \(databaseRole)"
            + (roleNamedElsewhere ? " (a role only other tables' policies name: issue 11 item 5)" : "") + ": \(evidence)"
    }

    /// What must stay the same while the project shrinks.
    public var signature: String {
        "\(proof.rawValue) \(table) \(key)"
    }
}
