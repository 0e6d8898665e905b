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
}
