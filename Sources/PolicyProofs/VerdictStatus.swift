/// The outcome of one proof.
public enum VerdictStatus: String, Hashable, Sendable {
    /// The property holds (the solver found the negation unsatisfiable).
    case proven = "PROVEN"
    /// The property fails; a counterexample is attached.
    case failed = "FAILED"
    /// Undecided: a timeout, or the answer depends on raw SQL; the reason says which.
    case unknown = "UNKNOWN"
    /// FAILED or UNKNOWN, but an `accept:` entry of pgpe.yaml accepts it (SPEC 11.8); the
    /// verdict's `acceptance` says which status it had and why it is accepted. It never fails a run.
    case accepted = "ACCEPTED"
}
