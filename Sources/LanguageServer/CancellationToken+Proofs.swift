import Cancellation
import PolicyEngine

extension CancellationToken {
    /// The engine's cancellation of a proof run, cancelled with this token: where the server's
    /// token meets `ProofSession`, until the session takes a `CancellationToken` itself.
    func proofCancellation() -> ProofCancellation {
        let cancellation = ProofCancellation()
        onCancel { cancellation.cancel() }
        return cancellation
    }
}
