/// The output of the lexer: tokens (ending in `endOfFile`), comments and lexical diagnostics.
public struct LexResult: Sendable {
    /// The tokens, the last always `endOfFile`.
    public var tokens: [Token]
    /// The comments, in order.
    public var comments: [Comment]
    /// Unterminated strings, unknown characters and the like.
    public var diagnostics: [Diagnostic]
}
