import PolicySyntax

/// What reading one SQL expression gives: always a tree, and the diagnostics of its mistakes.
public struct SQLParseResult: Sendable {
    /// The tree; parts that could not be read are `.error` nodes holding their text.
    public var expression: SQLExpr
    /// The mistakes, in text order; empty for a well-formed expression.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(expression: SQLExpr, diagnostics: [Diagnostic]) {
        self.expression = expression
        self.diagnostics = diagnostics
    }
}
