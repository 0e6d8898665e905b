import PolicySyntax

/// A JSON syntax error: what was expected and where the parser stopped.
struct JSONSyntaxError: Error, Sendable {
    /// The message.
    var message: String
    /// Where the parser stopped.
    var range: SourceRange
}
