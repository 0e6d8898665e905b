import PolicyProofs

/// Stops a proof run from another thread: pending proofs are skipped and running solver
/// queries are interrupted.
public final class ProofCancellation: @unchecked Sendable {
    /// The analyzer's token.
    let token = CancellationToken()

    /// A token that is not cancelled.
    public init() {}

    /// Stops the run.
    public func cancel() { token.cancel() }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { token.isCancelled }
}
