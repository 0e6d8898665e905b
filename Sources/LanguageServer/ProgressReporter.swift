import Foundation
import JSON
import JSONRPC
import Synchronization

/// Reports one background run as LSP work-done progress: asks the client to create a token,
/// then sends `begin`, throttled `report`s and `end` with `$/progress`. Nothing is sent before
/// the client has created the token; an `end` that comes first waits for it. Thread-safe.
final class ProgressReporter: Sendable {
    private enum Phase {
        case creating
        case active
        case failed
    }

    /// What changes while the run goes on.
    private struct State {
        var phase = Phase.creating
        var pendingEnd: String?
        var lastReport = 0.0
        /// Proofs done and planned, as last reported.
        var done = 0
        var total = 0
        /// Tables whose results are out, of how many (when the run counts tables).
        var tablesDone = 0
    }

    private let state = Mutex(State())
    private let connection: Connection
    private let token: JSONValue
    private let title: String
    private let beginMessage: String
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
        let end = state.withLock { state -> String?? in
            guard success else {
                state.phase = .failed
                return nil
            }
            state.phase = .active
            return .some(state.pendingEnd)
        }
        guard let end else { return }
        send(["kind": "begin", "title": .string(title), "message": .string(beginMessage), "cancellable": false, "percentage": 0])
        if let end { send(["kind": "end", "message": .string(end)]) }
    }

    /// Reports `done` of `total` proofs, at most five times a second.
    func report(done: Int, total: Int) {
        state.withLock { state in
            state.done = max(state.done, done)
            state.total = total
        }
        send(force: done == total)
    }

    /// Reports that one more table's results are out (always sent).
    func tableFinished() {
        state.withLock { $0.tablesDone += 1 }
        send(force: true)
    }

    private func send(force: Bool) {
        let now = Date().timeIntervalSince1970
        let tables = self.tables
        let report = state.withLock { state -> (message: String, percentage: Int)? in
            guard state.phase == .active, state.pendingEnd == nil, force || now - state.lastReport >= 0.2 else { return nil }
            state.lastReport = now
            var message = "\(state.done)/\(state.total) proofs"
            if let tables { message += ", \(state.tablesDone)/\(tables) tables" }
            let percentage =
                state.total > 0
                ? min(100, state.done * 100 / state.total)
                : tables.map { $0 == 0 ? 100 : min(100, state.tablesDone * 100 / $0) } ?? 100
            return (message, percentage)
        }
        guard let report else { return }
        send(["kind": "report", "message": .string(report.message), "percentage": .integer(report.percentage)])
    }

    /// Ends the progress with a final message.
    func end(_ message: String) {
        let sendNow = state.withLock { state -> Bool in
            switch state.phase {
            case .creating:
                state.pendingEnd = message
                return false
            case .active:
                guard state.pendingEnd == nil else { return false }
                state.pendingEnd = message
                return true
            case .failed:
                return false
            }
        }
        if sendNow { send(["kind": "end", "message": .string(message)]) }
    }

    private func send(_ value: JSONValue) {
        try? connection.notify("$/progress", params: ["token": token, "value": value])
    }
}
