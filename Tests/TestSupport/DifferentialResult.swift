/// The result of running one differential case.
public struct DifferentialResult: Sendable {
    /// Error diagnostics of the checker; a case with any is invalid and was not run.
    public var errors: [String]
    /// The compiled SQL (empty for an invalid case).
    public var compiledSQL: String
    /// How many checks ran (casts, reads, writes).
    public var checks: Int
    /// The checks on which PostgreSQL and the evaluator disagree.
    public var mismatches: [DifferentialMismatch]
    /// How often each kind of expected outcome occurred (`read: some rows hidden`,
    /// `write: denied`, ...), to show that the checks are not vacuous.
    public var statistics: [String: Int]

    /// Creates a result.
    public init(
        errors: [String], compiledSQL: String, checks: Int, mismatches: [DifferentialMismatch],
        statistics: [String: Int] = [:]
    ) {
        self.errors = errors
        self.compiledSQL = compiledSQL
        self.checks = checks
        self.mismatches = mismatches
        self.statistics = statistics
    }

    /// Whether the case passed the checker and was run.
    public var isValid: Bool { errors.isEmpty }
}
