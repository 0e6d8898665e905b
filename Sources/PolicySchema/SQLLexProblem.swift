import PolicySyntax

/// A lexical problem the tokenizer found (an unterminated string, comment or quoted identifier).
struct SQLLexProblem: Sendable {
    /// What is wrong, as a diagnostic message.
    var message: String
    /// Where the offending token starts.
    var range: SourceRange
}
