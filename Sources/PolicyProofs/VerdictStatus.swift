/// The outcome of one proof.
public enum VerdictStatus: String, Hashable, Sendable {
    /// The property holds (the solver found the negation unsatisfiable).
    case proven = "PROVEN"
    /// The property fails; a counterexample is attached.
    case failed = "FAILED"
    /// Undecided: a timeout, or the answer depends on raw SQL; the reason says which.
    case unknown = "UNKNOWN"
}
