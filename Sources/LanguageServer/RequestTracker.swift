import Cancellation
import JSONRPC
import Synchronization

/// The requests being answered, by id, each with the `CancellationToken` that
/// `$/cancelRequest` cancels (the same token stops the engine's and the proofs' work for it).
/// Thread-safe.
///
/// A cancellation for an id not seen yet is remembered (the last 256), because some clients
/// write the cancellation before the request it cancels; ids are unique, so it can only be
/// meant for that request.
final class RequestTracker: Sendable {
    private static let rememberedCancellations = 256

    /// The tokens of the requests being answered, and the cancellations that came first.
    private struct State {
        var inFlight: [RequestID: CancellationToken] = [:]
        var early: [RequestID] = []
    }

    private let state = Mutex(State())

    /// Registers a request and returns its token (already cancelled when its cancellation came first).
    func begin(_ id: RequestID) -> CancellationToken {
        let token = CancellationToken()
        let cancelled = state.withLock { state in
            state.inFlight[id] = token
            return state.early.firstIndex(of: id).map { state.early.remove(at: $0) } != nil
        }
        if cancelled { token.cancel() }
        return token
    }

    /// Forgets a request once it is answered.
    func finish(_ id: RequestID) {
        state.withLock { _ = $0.inFlight.removeValue(forKey: id) }
    }

    /// Cancels the request `id` if it is being answered, or remembers the cancellation.
    func cancel(_ id: RequestID) {
        let token = state.withLock { state -> CancellationToken? in
            let token = state.inFlight[id]
            if token == nil {
                state.early.append(id)
                if state.early.count > RequestTracker.rememberedCancellations { state.early.removeFirst() }
            }
            return token
        }
        token?.cancel()
    }

    /// The number of requests being answered.
    var count: Int {
        state.withLock { $0.inFlight.count }
    }
}
