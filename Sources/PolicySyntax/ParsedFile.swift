/// A parsed `.policy` file: its source, tree, tokens and syntax diagnostics.
public struct ParsedFile: Sendable {
    /// The source.
    public let source: SourceFile
    /// The tree; always present, whatever the text.
    public let tree: FileSyntax
    /// The tokens (for semantic highlighting and completion context).
    public let tokens: [Token]
    /// Lexical and syntax diagnostics, in source order.
    public let diagnostics: [Diagnostic]

    /// Creates a parsed file.
    public init(source: SourceFile, tree: FileSyntax, tokens: [Token], diagnostics: [Diagnostic]) {
        self.source = source
        self.tree = tree
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    /// Whether there is any error-level diagnostic.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
