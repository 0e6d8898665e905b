import PolicySyntax

/// A classified range of one line of a `.policy` file.
public struct SemanticToken: Hashable, Sendable {
    /// The bytes (never across a line break).
    public var range: SourceRange
    /// The type.
    public var type: SemanticTokenType
    /// The modifiers.
    public var modifiers: Set<SemanticTokenModifier>

    /// Creates a token.
    public init(range: SourceRange, type: SemanticTokenType, modifiers: Set<SemanticTokenModifier> = []) {
        self.range = range
        self.type = type
        self.modifiers = modifiers
    }
}
