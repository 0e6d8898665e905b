import PolicySyntax

/// A code action: edits to apply, or compiled SQL to show.
public struct CodeActionInfo: Hashable, Sendable {
    /// The title, an action phrase.
    public var title: String
    /// What it is.
    public var category: CodeActionCategory
    /// Edits by file (empty for the compiled-SQL actions).
    public var edits: [String: [TextEdit]]
    /// The SQL to show or open, for the compiled-SQL actions.
    public var compiledSQL: CompiledSQLTarget?
    /// The diagnostics it resolves.
    public var diagnostics: [Diagnostic]
    /// Whether it is the obvious fix.
    public var isPreferred: Bool

    /// Creates an action.
    public init(
        title: String, category: CodeActionCategory, edits: [String: [TextEdit]] = [:],
        compiledSQL: CompiledSQLTarget? = nil, diagnostics: [Diagnostic] = [], isPreferred: Bool = false
    ) {
        self.title = title
        self.category = category
        self.edits = edits
        self.compiledSQL = compiledSQL
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
    }
}
