/// A replacement of the bytes in `range` (of one file) with `newText`.
public struct TextEdit: Hashable, Sendable {
    /// The bytes replaced.
    public var range: SourceRange
    /// The new text.
    public var newText: String

    /// Creates an edit.
    public init(range: SourceRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}
