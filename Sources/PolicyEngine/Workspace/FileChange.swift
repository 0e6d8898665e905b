/// A file of a project as the edge read it (the CLI's loader, the language server): its path
/// and bytes, or `nil` when it is gone or could not be read. The engine reads no disk; it is
/// handed these.
public struct FileChange: Sendable {
    /// The file's absolute path.
    public var path: String
    /// The file's bytes, or `nil` when it is gone or unreadable.
    public var bytes: [UInt8]?

    /// Creates a change from bytes.
    public init(path: String, bytes: [UInt8]?) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a change from text.
    public init(path: String, text: String?) {
        self.path = path
        self.bytes = text.map { Array($0.utf8) }
    }

    /// The bytes as text (bytes that are not UTF-8 read as U+FFFD).
    public var text: String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}
