import Foundation

/// Remembers the URI spelling the client used for each path, so that replies name documents
/// exactly as the client does. Thread-safe.
final class URIBook: @unchecked Sendable {
    private let lock = NSLock()
    private var uris: [String: String] = [:]

    /// The path of `uri`, remembering the spelling.
    func path(of uri: String) -> String {
        let path = DocumentURI.path(of: uri)
        lock.lock()
        uris[path] = uri
        lock.unlock()
        return path
    }

    /// The URI for `path`: the client's own spelling when it sent one, else a file URI.
    func uri(of path: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        return uris[path] ?? DocumentURI.uri(ofPath: path)
    }
}
