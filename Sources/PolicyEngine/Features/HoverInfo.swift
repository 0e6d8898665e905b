import PolicySyntax

/// What a hover shows: Markdown text about the range under the cursor.
public struct HoverInfo: Hashable, Sendable {
    /// The text, in Markdown.
    public var markdown: String
    /// The range it is about.
    public var range: SourceRange

    /// Creates a hover.
    public init(markdown: String, range: SourceRange) {
        self.markdown = markdown
        self.range = range
    }
}
