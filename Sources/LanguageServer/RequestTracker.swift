import Foundation
import JSONRPC

/// The requests being answered, by id, so `$/cancelRequest` can find them. Thread-safe.
///
/// A cancellation for an id not seen yet is remembered (the last 256), because some clients
/// write the cancellation before the request it cancels; ids are unique, so it can only be
/// meant for that request.
final class RequestTracker: @unchecked Sendable {
    private static let rememberedCancellations = 256
    private let lock = NSLock()
    private var inFlight: [RequestID: RequestToken] = [:]
    private var early: [RequestID] = []

    /// Registers a request and returns its token (already cancelled when its cancellation came first).
    func begin(_ id: RequestID) -> RequestToken {
        let token = RequestToken()
        lock.lock()
        inFlight[id] = token
        let cancelled = early.firstIndex(of: id).map { early.remove(at: $0) } != nil
        lock.unlock()
        if cancelled { token.cancel() }
        return token
    }

    /// Forgets a request once it is answered.
    func finish(_ id: RequestID) {
        lock.lock()
        inFlight[id] = nil
        lock.unlock()
    }

    /// Cancels the request `id` if it is being answered, or remembers the cancellation.
    func cancel(_ id: RequestID) {
        lock.lock()
        let token = inFlight[id]
        if token == nil {
            early.append(id)
            if early.count > RequestTracker.rememberedCancellations { early.removeFirst() }
        }
        lock.unlock()
        token?.cancel()
    }

    /// The number of requests being answered.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return inFlight.count
    }
}
