/// What `pgpe analyze --probe` found for one verdict.
public enum ProbeStatus: String, Hashable, Sendable {
    /// The database behaves as the verdict says.
    case agree = "AGREE"
    /// The database does not: a FAILED counterexample does not leak, or a PROVEN isolation seed
    /// reaches the other session (or not its own).
    case mismatch = "MISMATCH"
    /// Not checked, with the reason.
    case skipped = "SKIPPED"
}
