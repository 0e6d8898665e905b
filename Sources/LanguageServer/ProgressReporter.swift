import Foundation
import JSON
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
    /// Proofs done and planned, as last reported.
    private var done = 0
    private var total = 0
    /// Tables whose results are out, of how many (when the run counts tables).
    private var tablesDone = 0
    private let tables: Int?

    /// Starts reporting: asks the client to create `token` (a string or integer), or, without
    /// `requests`, uses a token the client gave (`workDoneToken` of a request) and begins at once.
    /// `tables`, when given, is how many tables the run proves: reports count them too.
    init(connection: Connection, requests: ClientRequests?, token: JSONValue, title: String, message: String, tables: Int? = nil) {
        self.connection = connection
        self.token = token
        self.title = title
        self.beginMessage = message
        self.tables = tables
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

    /// Reports `done` of `total` proofs, at most five times a second.
    func report(done: Int, total: Int) {
        lock.lock()
        self.done = max(self.done, done)
        self.total = total
        lock.unlock()
        send(force: done == total)
    }

    /// Reports that one more table's results are out (always sent).
    func tableFinished() {
        lock.lock()
        tablesDone += 1
        lock.unlock()
        send(force: true)
    }

    private func send(force: Bool) {
        let now = Date().timeIntervalSince1970
        lock.lock()
        guard state == .active, pendingEnd == nil, force || now - lastReport >= 0.2 else {
            lock.unlock()
            return
        }
        lastReport = now
        var message = "\(done)/\(total) proofs"
        if let tables { message += ", \(tablesDone)/\(tables) tables" }
        let percentage = total > 0 ? min(100, done * 100 / total) : tables.map { $0 == 0 ? 100 : min(100, tablesDone * 100 / $0) } ?? 100
        lock.unlock()
        send(["kind": "report", "message": .string(message), "percentage": .integer(percentage)])
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
