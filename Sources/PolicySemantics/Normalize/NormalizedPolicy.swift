/// A policy's clauses in normal form, with what the normalizer dropped as contradictory.
public struct NormalizedPolicy: Hashable, Sendable {
    /// The clauses: `[]` is false, a clause without atoms is true.
    public var clauses: [Clause]
    /// Source clauses found contradictory and dropped.
    public var contradictory: [Clause]

    /// Creates a result.
    public init(clauses: [Clause], contradictory: [Clause]) {
        self.clauses = clauses
        self.contradictory = contradictory
    }

    /// Whether every clause dropped: the policy can never be true.
    public var isUnsatisfiable: Bool { clauses.isEmpty }

    /// The policy after the text of `path` moved `delta` bytes.
    func shifted(by delta: Int, in path: String) -> NormalizedPolicy {
        NormalizedPolicy(
            clauses: clauses.map { $0.shifted(by: delta, in: path) },
            contradictory: contradictory.map { $0.shifted(by: delta, in: path) })
    }
}
