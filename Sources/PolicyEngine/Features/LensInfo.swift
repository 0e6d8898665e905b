import PolicySyntax

/// A code lens: a line of text above a policy, optionally running a command when clicked.
public struct LensInfo: Hashable, Sendable {
    /// Where it is shown.
    public var range: SourceRange
    /// The text.
    public var title: String
    /// The SQL to show when clicked, if it is the "Show compiled SQL" lens.
    public var compiledSQL: CompiledSQLTarget?

    /// Creates a lens.
    public init(range: SourceRange, title: String, compiledSQL: CompiledSQLTarget? = nil) {
        self.range = range
        self.title = title
        self.compiledSQL = compiledSQL
    }
}
