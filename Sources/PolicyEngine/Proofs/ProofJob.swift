import PolicySchema

/// What one background proof run proves: some tables of one snapshot.
public struct ProofJob: Sendable {
    /// The snapshot proven.
    public let snapshot: WorkspaceSnapshot
    /// The workspace generation of that snapshot (results of older generations are dropped).
    public let generation: Int
    /// The tables to prove.
    public let tables: Set<QualifiedName>
    /// The signatures of every governed table in the snapshot (see `ProofImpact`).
    public let signatures: [QualifiedName: String]
    /// Tables left alone because a policy governing them has errors (their old results stay).
    public let blocked: Set<QualifiedName>
}
