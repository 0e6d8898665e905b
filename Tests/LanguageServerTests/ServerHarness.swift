import Foundation
import JSON
import JSONRPC
import PolicyWorkloads
import Synchronization
import TestSupport

@testable import LanguageServer

/// A language server running in this process on two pipes, and a client end that sends
/// messages to it and collects what it answers.
final class ServerHarness: Sendable {
    /// What the server sent, and the next request id.
    private struct Inbox {
        var received: [IncomingMessage] = []
        var nextID = 1
    }

    let server: LanguageServer
    private let toServer: [Int32]
    private let fromServer: [Int32]
    private let client: Connection
    private let inbox = Mutex(Inbox())
    /// Wakes waiters after `inbox` changed: a waiter holds it from its look at `inbox` until it
    /// waits, so no message between the two goes unnoticed.
    private let arrival = NSCondition()
    let directory: URL

    /// Starts a server on a copy of the running example (or an empty directory).
    init(example: Bool = true, options: LanguageServerOptions = LanguageServerOptions()) throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-ls-\(UUID().uuidString)")
        if example {
            try FileManager.default.copyItem(at: Fixtures.exampleDirectory, to: directory)
        } else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        var a: [Int32] = [0, 0]
        var b: [Int32] = [0, 0]
        guard pipe(&a) == 0, pipe(&b) == 0 else { throw CocoaError(.fileWriteUnknown) }
        toServer = a
        fromServer = b
        server = LanguageServer(connection: Connection(input: a[0], output: b[1]), options: options, environment: [:])
        client = Connection(input: b[0], output: a[1])
        client.start { [weak self] message in self?.receive(message) }
        server.start()
    }

    deinit {
        // The pipes stay open: the server's and the client's reader threads may still be reading
        // them, and tests run in parallel, so a closed descriptor's number would soon name another
        // test's pipe and those threads would read (or the server write) someone else's messages.
        // A few descriptors and blocked threads per test are the cheaper price.
        try? FileManager.default.removeItem(at: directory)
    }

    private func receive(_ message: IncomingMessage) {
        arrival.lock()
        if case .request(let request) = message {
            // Registrations, progress tokens, refreshes: accept.
            try? client.reply(to: request.id, result: .null)
        }
        inbox.withLock { $0.received.append(message) }
        arrival.broadcast()
        arrival.unlock()
    }

    /// The path of a file of the project.
    func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// The URI of a file of the project.
    func uri(_ relative: String) -> String { URL(fileURLWithPath: path(relative)).absoluteString }

    /// Sends raw bytes.
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(toServer[1], raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Sends a request and returns its id.
    @discardableResult
    func send(_ method: String, _ params: JSONValue? = nil, id: RequestID? = nil) -> RequestID {
        let requestID = inbox.withLock { inbox -> RequestID in
            defer { inbox.nextID += 1 }
            return id ?? .integer(inbox.nextID)
        }
        try? client.send(.request(RequestMessage(id: requestID, method: method, params: params)))
        return requestID
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue? = nil) {
        try? client.notify(method, params: params)
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: JSONValue? = nil, timeout: Double = 30) -> Result<JSONValue, ResponseError>? {
        let id = send(method, params)
        return response(id, timeout: timeout)
    }

    /// Waits for the response to `id`.
    func response(_ id: RequestID?, timeout: Double = 30) -> Result<JSONValue, ResponseError>? {
        wait(timeout: timeout) { message in
            if case .response(let response) = message, response.id == id { return response.result }
            return nil
        }
    }

    /// Waits until some received message gives a value.
    func wait<T>(timeout: Double = 30, _ match: (IncomingMessage) -> T?) -> T? {
        let deadline = Date().addingTimeInterval(timeout)
        arrival.lock()
        defer { arrival.unlock() }
        while true {
            for message in inbox.withLock({ $0.received }) {
                if let value = match(message) { return value }
            }
            guard arrival.wait(until: deadline) else { return nil }
        }
    }

    /// Waits for diagnostics of `uri` (with `version`, when given) that satisfy `accept`.
    func diagnostics(
        _ uri: String, version: Int? = nil, timeout: Double = 30,
        where accept: ([JSONValue]) -> Bool = { _ in true }
    ) -> [JSONValue]? {
        wait(timeout: timeout) { message in
            guard case .notification(let notification) = message, notification.method == "textDocument/publishDiagnostics",
                notification.params?["uri"]?.string == uri
            else { return nil }
            if let version, notification.params?["version"]?.int != version { return nil }
            let diagnostics = notification.params?["diagnostics"]?.array ?? []
            return accept(diagnostics) ? diagnostics : nil
        }
    }

    /// Every message received so far.
    var messages: [IncomingMessage] {
        inbox.withLock { $0.received }
    }

    /// `initialize` and `initialized` with `capabilities` (and the client's `processId`);
    /// returns the result.
    @discardableResult
    func initialize(
        capabilities: JSONValue = [:], options: JSONValue = ["backgroundProofs": false],
        processId: Int32? = nil
    ) -> JSONValue? {
        let result = request(
            "initialize",
            [
                "processId": processId.map { .integer(Int($0)) } ?? .null,
                "rootUri": .string(directory.absoluteString),
                "capabilities": capabilities, "initializationOptions": options,
            ])
        notify("initialized", [:])
        return try? result?.get()
    }

    /// Opens a file of the project (its text on disk, or `text`).
    func open(_ relative: String, text: String? = nil, version: Int = 1) {
        let content = text ?? ((try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? "")
        notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri(relative)), "languageId": "pgpe",
                    "version": .integer(version), "text": .string(content),
                ]
            ])
    }

    /// The exit code once the server decided to exit.
    func exitCode() -> Int32 { server.waitForExit() }

    /// The exit code if the server decides to exit within `timeout` seconds, else nil.
    func exitCode(timeout: Double) -> Int32? {
        let box = LockedBox<Int32?>(nil)
        let done = DispatchSemaphore(value: 0)
        let server = self.server
        Thread.detachNewThread {
            box.set(server.waitForExit())
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.get()
    }
}
