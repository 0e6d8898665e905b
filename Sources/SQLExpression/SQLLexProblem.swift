import PolicySyntax

/// A lexical problem the tokenizer found (an unterminated string, comment or quoted identifier).
public struct SQLLexProblem: Sendable {
    /// What is wrong, as a diagnostic message.
    public var message: String
    /// Where the offending token starts.
    public var range: SourceRange

    /// Creates a problem with `message` at `range`.
    public init(message: String, range: SourceRange) {
        self.message = message
        self.range = range
    }
}
