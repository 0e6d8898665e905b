import PolicySchema
import PolicySemantics
import PolicySyntax
import SMT

/// One question to the solver (or one answer that needs none), with what it is about.
struct ProofQuery: Sendable {
    /// Builds a question's assertions with an encoder.
    typealias Build = @Sendable (QueryEncoder) throws -> [Term]

    /// Which proof.
    var proof: ProofID
    /// The table.
    var table: QualifiedName
    /// The command, when the proof is about one.
    var command: PolicyCommand?
    /// The role.
    var role: String
    /// The isolation key.
    var key: String?
    /// USING or WITH CHECK.
    var side: EffectivePredicate.Side
    /// Everything the answer depends on.
    var cacheKey: String
    /// True when a satisfiable query means the property fails (isolation, fail-closed…);
    /// false when an unsatisfiable one does (contradiction, traversal, redundancy).
    var failsWhenSatisfiable: Bool
    /// Builds the assertions with an encoder.
    var build: Build?
    /// Further questions asked after `build`'s, each with its own reason: the property holds
    /// only if every question gives the answer that means it holds (both directions of an
    /// equivalence).
    var alternatives: [(build: Build, failureReason: String)] = []
    /// For comparisons, the direction each question asks (`build`'s, then the alternatives'):
    /// a failure is reported in the direction of the question that failed; a query of one
    /// question reports its direction whatever the answer.
    var directions: [ComparisonDirection] = []
    /// An answer without the solver (coverage, default deny, shortcut).
    var fixed: (status: VerdictStatus, reason: String?, byShortcut: Bool)?
    /// The reason given when the property fails.
    var failureReason: String
    /// Blame when the property fails without a model (contradiction of a clause, a policy…).
    var failureBlame: [Blame]
    /// The policies whose clauses a model's blame can name, to locate blame answered from the
    /// cache (which remembers clause texts, not places).
    var blameCandidates: [PolicyPredicate] = []
}
