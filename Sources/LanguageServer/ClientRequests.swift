import JSON
import JSONRPC
import Synchronization

/// Requests the server sends to the client (progress tokens, registrations, refreshes) and the
/// callbacks waiting for their responses. Thread-safe.
final class ClientRequests: Sendable {
    /// What a callback gets: the client's result or error.
    typealias Completion = @Sendable (Result<JSONValue, ResponseError>) -> Void

    /// The next id and the callbacks waiting for responses.
    private struct State {
        var next = 1
        var pending: [RequestID: Completion] = [:]
    }

    private let state = Mutex(State())
    private let connection: Connection

    /// Creates the book of requests sent on `connection`.
    init(connection: Connection) {
        self.connection = connection
    }

    /// Sends a request; `completion` gets the response (on the thread that delivers it).
    func send(_ method: String, params: JSONValue?, completion: @escaping Completion = { _ in }) {
        let id = state.withLock { state -> RequestID in
            let id = RequestID.string("pgpe-\(state.next)")
            state.next += 1
            state.pending[id] = completion
            return id
        }
        do {
            try connection.send(.request(RequestMessage(id: id, method: method, params: params)))
        } catch {
            state.withLock { _ = $0.pending.removeValue(forKey: id) }
            completion(.failure(ResponseError(.internalError, "cannot write to the client: \(error)")))
        }
    }

    /// Delivers a response; returns false when no request of the server has its id.
    @discardableResult
    func complete(_ response: ResponseMessage) -> Bool {
        guard let id = response.id else { return false }
        guard let completion = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return false }
        completion(response.result)
        return true
    }
}
