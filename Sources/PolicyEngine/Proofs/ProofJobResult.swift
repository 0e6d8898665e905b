import PolicyProofs

/// The outcome of a `ProofJob`.
public struct ProofJobResult: Sendable {
    /// The job.
    public let job: ProofJob
    /// The verdicts, sorted as `Analyzer` sorts them.
    public let verdicts: [Verdict]
    /// Whether the run was cancelled before it finished (its verdicts are then incomplete).
    public let cancelled: Bool
    /// Wall time of the run in milliseconds.
    public let milliseconds: Double
    /// Solver queries issued (answers from the cache and the shortcut excluded).
    public let queries: Int
    /// Verdicts answered from the session's cache.
    public let cacheHits: Int

    /// Creates a result.
    public init(job: ProofJob, verdicts: [Verdict], cancelled: Bool, milliseconds: Double = 0, queries: Int = 0, cacheHits: Int = 0) {
        self.job = job
        self.verdicts = verdicts
        self.cancelled = cancelled
        self.milliseconds = milliseconds
        self.queries = queries
        self.cacheHits = cacheHits
    }
}
