import Foundation
import JSON
import JSONRPC

/// Requests the server sends to the client (progress tokens, registrations, refreshes) and the
/// callbacks waiting for their responses. Thread-safe.
final class ClientRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 1
    private var pending: [RequestID: (Result<JSONValue, ResponseError>) -> Void] = [:]
    private let connection: Connection

    /// Creates the book of requests sent on `connection`.
    init(connection: Connection) {
        self.connection = connection
    }

    /// Sends a request; `completion` gets the response (on the thread that delivers it).
    func send(_ method: String, params: JSONValue?, completion: @escaping (Result<JSONValue, ResponseError>) -> Void = { _ in }) {
        lock.lock()
        let id = RequestID.string("pgpe-\(next)")
        next += 1
        pending[id] = completion
        lock.unlock()
        do {
            try connection.send(.request(RequestMessage(id: id, method: method, params: params)))
        } catch {
            lock.lock()
            pending[id] = nil
            lock.unlock()
            completion(.failure(ResponseError(.internalError, "cannot write to the client: \(error)")))
        }
    }

    /// Delivers a response; returns false when no request of the server has its id.
    @discardableResult
    func complete(_ response: ResponseMessage) -> Bool {
        guard let id = response.id else { return false }
        lock.lock()
        let completion = pending.removeValue(forKey: id)
        lock.unlock()
        guard let completion else { return false }
        completion(response.result)
        return true
    }
}
