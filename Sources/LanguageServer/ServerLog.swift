import Foundation

/// The server's log: standard error only (standard output carries protocol messages).
enum ServerLog {
    /// Writes one line to standard error.
    static func write(_ message: String) {
        FileHandle.standardError.write(Data(("pgpe lsp: " + message + "\n").utf8))
    }
}
