/// Whether a workspace's proof results describe its current text.
public enum ProofState: String, Hashable, Sendable {
    /// They do.
    case current
    /// A background run has yet to catch up with the latest edits.
    case pending
    /// Nothing is proven until syntax errors outside known policies are fixed.
    case paused
}
