import Cancellation
import Foundation
import JSON
import JSONRPC
import PolicyEngine
import PolicySyntax
import Synchronization

/// The pgpe language server: LSP over a JSON-RPC connection, answered from the engine.
///
/// Threads: the connection's reader delivers messages in order; `$/cancelRequest` is handled at
/// once on that thread, everything else goes to one serial queue (`queue`), the executor of
/// this actor, whose isolated state it is (lifecycle, projects, published diagnostics).
/// Document changes are applied there, in order, and their syntax and semantic diagnostics
/// published before the next message is taken.
/// Requests take the current workspace value there and are answered on a concurrent queue, so
/// a slow request never holds up edits; background proofs run on their own threads and report
/// back to `queue` (`enqueue`).
public actor LanguageServer {
    /// The command that returns compiled SQL.
    public static let showCompiledSQLCommand = "pgpe.showCompiledSql"
    /// The command that runs every proof of a project and returns a summary.
    public static let analyzeCommand = "pgpe.analyzeWorkspace"

    /// The connection to the client.
    nonisolated let connection: Connection
    /// The queue that owns the state below and applies document changes in order.
    nonisolated let queue: DispatchQueue
    /// Runs the actor's jobs on `queue`.
    private let executor: QueueExecutor
    /// Where requests are answered.
    nonisolated let workers = DispatchQueue(label: "pgpe.lsp.requests", qos: .userInitiated, attributes: .concurrent)
    /// The requests being answered, for cancellation.
    nonisolated let tracker = RequestTracker()
    /// Requests to the client and their pending responses.
    nonisolated let clientRequests: ClientRequests
    /// The client's spelling of document URIs.
    nonisolated let uris = URIBook()
    /// The private files "Open compiled SQL in a new file" hands to the editor.
    nonisolated let compiledSQLFiles = CompiledSQLFiles()
    /// The environment for `${VAR}` in pgpe.yaml.
    nonisolated let environment: [String: String]

    // State owned by `queue`: the actor's isolated state.

    /// The settings (command line, then `initializationOptions`).
    var options: LanguageServerOptions
    /// Where the server is in the lifecycle.
    var phase = ServerPhase.uninitialized
    /// What the client can do.
    var capabilities = ClientCapabilities()
    /// The negotiated position encoding.
    var encoding = PositionEncoding.utf16
    /// The projects.
    var registry: ProjectRegistry
    /// What was published, per file.
    let publisher = DiagnosticPublisher()
    /// The text and version of every document the client has open, whichever projects read it
    /// (a document no project reads any more, after a pgpe.yaml or folder change, keeps in sync
    /// here and is handed to the project that reads it next). The one copy of each text: the
    /// projects' workspaces share these documents (`Workspace.open`, `Workspace.change`).
    var openTexts: [String: OpenDocument] = [:]
    /// The fallback file watcher, when the client cannot watch files.
    var poller: FilePoller?
    /// Watches the client's process, when `initialize` named it.
    var parentWatcher: ParentProcessWatcher?
    /// Numbers progress tokens.
    var progressCounter = 0

    /// The exit code, once known (the first one wins).
    private let exitCode = Mutex<Int32?>(nil)
    /// Signalled when the exit code is known.
    private let exited = DispatchSemaphore(value: 0)

    /// Creates a server on `connection`.
    public init(
        connection: Connection, options: LanguageServerOptions = LanguageServerOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        let queue = DispatchQueue(label: "pgpe.lsp.state")
        self.queue = queue
        self.executor = QueueExecutor(queue: queue)
        self.connection = connection
        self.options = options
        self.environment = environment
        self.clientRequests = ClientRequests(connection: connection)
        self.registry = ProjectRegistry(environment: environment, jobs: options.proofJobs)
    }

    /// The actor runs on `queue`.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// Starts reading messages.
    public nonisolated func start() {
        connection.start { [self] incoming in receive(incoming) }
    }

    /// Blocks until the client sent `exit` (or closed the input) and returns the exit code the
    /// specification asks for: 0 after `shutdown`, 1 otherwise.
    public nonisolated func waitForExit() -> Int32 {
        exited.wait()
        exited.signal()
        return exitCode.withLock { $0 } ?? 1
    }

    /// Records the exit code (the first one wins) and wakes `waitForExit`.
    nonisolated func finish(exitCode code: Int32) {
        let first = exitCode.withLock { exitCode -> Bool in
            guard exitCode == nil else { return false }
            exitCode = code
            return true
        }
        if first { exited.signal() }
    }

    /// Runs `body` on `queue`, isolated to the server, after everything queued before it: how
    /// the reader thread, timers and background work hand work to the server in order.
    nonisolated func enqueue(_ body: @escaping @Sendable (isolated LanguageServer) -> Void) {
        queue.async { [self] in assumeIsolated { body($0) } }
    }

    // MARK: - Receiving

    /// Called on the reader thread, in input order.
    private nonisolated func receive(_ incoming: IncomingMessage) {
        switch incoming {
        case .request(let request):
            let token = tracker.begin(request.id)
            enqueue { $0.handle(request, token: token) }
        case .notification(let notification) where notification.method == "$/cancelRequest":
            if let id = notification.params?["id"].flatMap(RequestID.init(json:)) { tracker.cancel(id) }
        case .notification(let notification):
            enqueue { $0.handle(notification) }
        case .response(let response):
            if !clientRequests.complete(response) {
                ServerLog.write("response to an unknown request \(response.id?.description ?? "null")")
            }
        case .malformed(let malformed):
            ServerLog.write("\(malformed)")
        case .closed(let error):
            if let error { ServerLog.write("input closed: \(error)") }
            enqueue { $0.finish(exitCode: $0.phase == .shutDown ? 0 : 1) }
        }
    }

    // MARK: - Answering

    /// Sends the response to `id` unless the client cancelled the request (then -32800).
    nonisolated func respond(_ id: RequestID, token: CancellationToken, _ result: Result<JSONValue, ResponseError>) {
        tracker.finish(id)
        let final: Result<JSONValue, ResponseError> = token.isCancelled ? .failure(.requestCancelled) : result
        do {
            try connection.send(.response(ResponseMessage(id: id, result: final)))
        } catch {
            ServerLog.write("cannot write a response: \(error)")
        }
    }

    /// Computes an answer on a worker and sends it.
    nonisolated func answer(_ id: RequestID, token: CancellationToken, _ compute: @escaping @Sendable () throws(ResponseError) -> JSONValue)
    {
        workers.async { [self] in
            guard !token.isCancelled else {
                respond(id, token: token, .failure(.requestCancelled))
                return
            }
            do throws(ResponseError) {
                respond(id, token: token, .success(try compute()))
            } catch {
                respond(id, token: token, .failure(error))
            }
        }
    }

    /// Sends a notification to the client.
    nonisolated func notify(_ method: String, _ params: JSONValue) {
        do {
            try connection.notify(method, params: params)
        } catch {
            ServerLog.write("cannot write a notification: \(error)")
        }
    }

    /// A conversion for `workspace`'s files.
    func conversion(_ workspace: Workspace) -> EngineConversion {
        EngineConversion(source: { workspace.source($0) }, encoding: encoding, uris: uris)
    }
}
