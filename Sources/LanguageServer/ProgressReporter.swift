import Foundation
import JSONRPC

/// Reports one background run as LSP work-done progress: asks the client to create a token,
/// then sends `begin`, throttled `report`s and `end` with `$/progress`. Nothing is sent before
/// the client has created the token; an `end` that comes first waits for it. Thread-safe.
final class ProgressReporter: @unchecked Sendable {
    private enum State {
        case creating
        case active
        case failed
    }

    private let lock = NSLock()
    private let connection: Connection
    private let token: JSONValue
    private let title: String
    private var state = State.creating
    private var beginMessage: String
    private var pendingEnd: String?
    private var lastReport = 0.0

    /// Starts reporting: asks the client to create `token` (a string or integer), or, without
    /// `requests`, uses a token the client gave (`workDoneToken` of a request) and begins at once.
    init(connection: Connection, requests: ClientRequests?, token: JSONValue, title: String, message: String) {
        self.connection = connection
        self.token = token
        self.title = title
        self.beginMessage = message
        guard let requests else {
            created(success: true)
            return
        }
        requests.send("window/workDoneProgress/create", params: ["token": token]) { [self] result in
            created(success: (try? result.get()) != nil)
        }
    }

    private func created(success: Bool) {
        lock.lock()
        guard success else {
            state = .failed
            lock.unlock()
            return
        }
        state = .active
        let end = pendingEnd
        lock.unlock()
        send(["kind": "begin", "title": .string(title), "message": .string(beginMessage), "cancellable": false, "percentage": 0])
        if let end { send(["kind": "end", "message": .string(end)]) }
    }

    /// Reports `done` of `total`, at most five times a second.
    func report(done: Int, total: Int) {
        let now = Date().timeIntervalSince1970
        lock.lock()
        guard state == .active, pendingEnd == nil, now - lastReport >= 0.2 || done == total else {
            lock.unlock()
            return
        }
        lastReport = now
        lock.unlock()
        let percentage = total == 0 ? 100 : min(100, done * 100 / total)
        send(["kind": "report", "message": .string("\(done)/\(total) proofs"), "percentage": .integer(percentage)])
    }

    /// Ends the progress with a final message.
    func end(_ message: String) {
        lock.lock()
        switch state {
        case .creating:
            pendingEnd = message
            lock.unlock()
        case .active:
            guard pendingEnd == nil else {
                lock.unlock()
                return
            }
            pendingEnd = message
            lock.unlock()
            send(["kind": "end", "message": .string(message)])
        case .failed:
            lock.unlock()
        }
    }

    private func send(_ value: JSONValue) {
        try? connection.notify("$/progress", params: ["token": token, "value": value])
    }
}
