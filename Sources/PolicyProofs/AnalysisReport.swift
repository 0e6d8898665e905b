/// The verdicts of an analysis run and what it cost.
public struct AnalysisReport: Sendable {
    /// Verdicts sorted by table, command, proof, role, side, key.
    public var verdicts: [Verdict]
    /// Solver queries issued for the proofs' questions (cache hits and shortcuts excluded).
    public var queries: Int
    /// Solver queries issued to decide blame on failed verdicts (the question asked again with
    /// clauses left out); their number follows the models the solver happens to find.
    public var blameQueries: Int = 0
    /// Verdicts answered from the cache.
    public var cacheHits: Int
    /// Verdicts answered by the theorem-style shortcut.
    public var shortcuts: Int
    /// Wall time in milliseconds.
    public var milliseconds: Double
    /// Time inside Z3 in milliseconds (summed over workers).
    public var solverMilliseconds: Double
    /// Whether the run was cancelled before it finished.
    public var cancelled: Bool

    /// Verdicts with status FAILED that fail a run (hints never do).
    public var failures: [Verdict] { verdicts.filter { $0.status == .failed && !$0.proof.isHint } }

    /// Verdicts with status UNKNOWN.
    public var unknowns: [Verdict] { verdicts.filter { $0.status == .unknown } }
}
