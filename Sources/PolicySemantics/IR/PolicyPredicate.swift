import PolicySyntax

/// One policy's normalized predicate on one table: a disjunction of clauses (empty = false).
public struct PolicyPredicate: Hashable, Sendable, CustomStringConvertible {
    /// The policy.
    public var policy: PolicyRef
    /// Permissive or restrictive.
    public var kind: PolicyKind
    /// The clauses; `[Clause(atoms: [])]` is `true`, `[]` is `false`.
    public var clauses: [Clause]

    /// Creates a predicate.
    public init(policy: PolicyRef, kind: PolicyKind, clauses: [Clause]) {
        self.policy = policy
        self.kind = kind
        self.clauses = clauses
    }

    /// Whether it is `true` for every row.
    public var isTrue: Bool { clauses.contains { $0.isTrue } }

    /// The disjunction in the policy language, one clause per `OR CLAUSE`.
    public var description: String {
        if clauses.isEmpty { return "false" }
        return clauses.map(\.description).joined(separator: " OR ")
    }
}
