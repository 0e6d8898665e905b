import Cancellation

/// Stops a proof run from another thread: pending proofs are skipped and running solver
/// queries are interrupted. The one token the server, the engine and the proofs share.
public typealias ProofCancellation = CancellationToken
