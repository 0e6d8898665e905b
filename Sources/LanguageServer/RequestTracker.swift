import Foundation
import JSONRPC

/// The requests being answered, by id, so `$/cancelRequest` can find them. Thread-safe.
final class RequestTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var inFlight: [RequestID: RequestToken] = [:]

    /// Registers a request and returns its token.
    func begin(_ id: RequestID) -> RequestToken {
        let token = RequestToken()
        lock.lock()
        inFlight[id] = token
        lock.unlock()
        return token
    }

    /// Forgets a request once it is answered.
    func finish(_ id: RequestID) {
        lock.lock()
        inFlight[id] = nil
        lock.unlock()
    }

    /// Cancels the request `id`, if it is still being answered.
    func cancel(_ id: RequestID) {
        lock.lock()
        let token = inFlight[id]
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
