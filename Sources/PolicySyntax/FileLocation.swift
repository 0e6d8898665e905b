/// A range in a named file.
public struct FileLocation: Hashable, Sendable {
    /// The file's path (or URI), as `SourceFile.path`.
    public var file: String
    /// The byte range in that file.
    public var range: SourceRange

    /// Creates a location.
    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    /// The location after the text of `path` moved `delta` bytes (a location in another file
    /// stays).
    public func shifted(by delta: Int, in path: String) -> FileLocation {
        file == path ? FileLocation(file: file, range: range.shifted(by: delta)) : self
    }
}
