import PolicyProofs

/// The result of comparing an observed policy expression with an expected one by meaning.
public struct MeaningComparison: Hashable, Sendable {
    /// How the observed rows relate to the expected ones.
    public var relation: MeaningRelation
    /// For `wider` and `incomparable`: a row the observed expression admits and the expected
    /// one does not (with the session values that make it so).
    public var witness: Counterexample?
    /// Whether canonical text equality decided, without the solver.
    public var byText: Bool
    /// Why the answer is `unknown`, or a note on how it was reached.
    public var reason: String?

    /// Creates a comparison.
    public init(relation: MeaningRelation, witness: Counterexample? = nil, byText: Bool = false, reason: String? = nil) {
        self.relation = relation
        self.witness = witness
        self.byText = byText
        self.reason = reason
    }

    /// Whether the observed expression admits a row the expected one does not (wider or
    /// incomparable).
    public var admitsMore: Bool { relation == .wider || relation == .incomparable }
}
