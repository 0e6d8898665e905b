import Synchronization

/// Remembers the URI spelling the client used for each path, so that replies name documents
/// exactly as the client does. Thread-safe.
final class URIBook: Sendable {
    private let uris = Mutex<[String: String]>([:])

    /// The path of `uri`, remembering the spelling.
    func path(of uri: String) -> String {
        let path = DocumentURI.path(of: uri)
        uris.withLock { $0[path] = uri }
        return path
    }

    /// The URI for `path`: the client's own spelling when it sent one, else a file URI.
    func uri(of path: String) -> String {
        uris.withLock { $0[path] } ?? DocumentURI.uri(ofPath: path)
    }
}
