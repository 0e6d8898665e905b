/// Where the server is in the LSP lifecycle.
enum ServerPhase: Sendable {
    /// Before `initialize`: only `initialize` and `exit` are accepted.
    case uninitialized
    /// Serving.
    case running
    /// After `shutdown`: only `exit` is accepted.
    case shutDown
}
