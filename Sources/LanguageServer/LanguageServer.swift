import Foundation
import JSON
import JSONRPC
import PolicyEngine
import PolicySyntax

/// The pgpe language server: LSP over a JSON-RPC connection, answered from the engine.
///
/// Threads: the connection's reader delivers messages in order; `$/cancelRequest` is handled at
/// once on that thread, everything else goes to one serial queue (`queue`) that owns the state
/// (lifecycle, projects, published diagnostics). Document changes are applied there, in order,
/// and their syntax and semantic diagnostics published before the next message is taken.
/// Requests take the current workspace value there and are answered on a concurrent queue, so
/// a slow request never holds up edits; background proofs run on their own threads and report
/// back to `queue`.
public final class LanguageServer: @unchecked Sendable {
    /// The command that returns compiled SQL.
    public static let showCompiledSQLCommand = "pgpe.showCompiledSql"
    /// The command that runs every proof of a project and returns a summary.
    public static let analyzeCommand = "pgpe.analyzeWorkspace"

    /// The connection to the client.
    let connection: Connection
    /// The queue that owns the state below and applies document changes in order.
    let queue = DispatchQueue(label: "pgpe.lsp.state")
    /// Where requests are answered.
    let workers = DispatchQueue(label: "pgpe.lsp.requests", qos: .userInitiated, attributes: .concurrent)
    /// The requests being answered, for cancellation.
    let tracker = RequestTracker()
    /// Requests to the client and their pending responses.
    let clientRequests: ClientRequests
    /// The client's spelling of document URIs.
    let uris = URIBook()
    /// The private files "Open compiled SQL in a new file" hands to the editor.
    let compiledSQLFiles = CompiledSQLFiles()
    /// The environment for `${VAR}` in pgpe.yaml.
    let environment: [String: String]

    // State owned by `queue`.

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

    private let exitCondition = NSCondition()
    private var exitCode: Int32?

    /// Creates a server on `connection`.
    public init(connection: Connection, options: LanguageServerOptions = LanguageServerOptions(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.connection = connection
        self.options = options
        self.environment = environment
        self.clientRequests = ClientRequests(connection: connection)
        self.registry = ProjectRegistry(environment: environment, jobs: options.proofJobs)
    }

    /// Starts reading messages.
    public func start() {
        connection.start { [self] incoming in receive(incoming) }
    }

    /// Blocks until the client sent `exit` (or closed the input) and returns the exit code the
    /// specification asks for: 0 after `shutdown`, 1 otherwise.
    public func waitForExit() -> Int32 {
        exitCondition.lock()
        while exitCode == nil { exitCondition.wait() }
        let code = exitCode ?? 1
        exitCondition.unlock()
        return code
    }

    /// Records the exit code (the first one wins) and wakes `waitForExit`.
    func finish(exitCode code: Int32) {
        exitCondition.lock()
        if exitCode == nil { exitCode = code }
        exitCondition.broadcast()
        exitCondition.unlock()
    }

    // MARK: - Receiving

    /// Called on the reader thread, in input order.
    private func receive(_ incoming: IncomingMessage) {
        switch incoming {
        case .request(let request):
            let token = tracker.begin(request.id)
            queue.async { [self] in handle(request, token: token) }
        case .notification(let notification) where notification.method == "$/cancelRequest":
            if let id = notification.params?["id"].flatMap(RequestID.init(json:)) { tracker.cancel(id) }
        case .notification(let notification):
            queue.async { [self] in handle(notification) }
        case .response(let response):
            if !clientRequests.complete(response) {
                ServerLog.write("response to an unknown request \(response.id?.description ?? "null")")
            }
        case .malformed(let malformed):
            ServerLog.write("\(malformed)")
        case .closed(let error):
            if let error { ServerLog.write("input closed: \(error)") }
            queue.async { [self] in finish(exitCode: phase == .shutDown ? 0 : 1) }
        }
    }

    // MARK: - Answering

    /// Sends the response to `id` unless the client cancelled the request (then -32800).
    func respond(_ id: RequestID, token: RequestToken, _ result: Result<JSONValue, ResponseError>) {
        tracker.finish(id)
        let final: Result<JSONValue, ResponseError> = token.isCancelled ? .failure(.requestCancelled) : result
        do {
            try connection.send(.response(ResponseMessage(id: id, result: final)))
        } catch {
            ServerLog.write("cannot write a response: \(error)")
        }
    }

    /// Computes an answer on a worker and sends it.
    func answer(_ id: RequestID, token: RequestToken, _ compute: @escaping @Sendable () throws(ResponseError) -> JSONValue) {
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
    func notify(_ method: String, _ params: JSONValue) {
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
