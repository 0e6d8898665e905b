/// A comment, kept beside the token stream so the formatter can put it back.
public struct Comment: Hashable, Sendable {
    /// Which form it has.
    public var kind: CommentKind
    /// The bytes it covers, delimiters included.
    public var range: SourceRange

    /// Creates a comment.
    public init(kind: CommentKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
