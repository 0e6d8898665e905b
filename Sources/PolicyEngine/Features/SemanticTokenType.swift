/// The semantic token types, in legend order (agreed with the editor integrations, so TextMate
/// and Vim highlighting match; `docs/semantic-tokens.md` describes each).
public enum SemanticTokenType: String, CaseIterable, Hashable, Sendable {
    /// Structural words: POLICY, PERMISSIVE, FOR, SELECT, AND, IS, NULL, …
    case keyword
    /// Function-style words (`col`, `session`, `rel`, `has_column`, …) and declared functions in `fn`.
    case function
    /// String literals.
    case string
    /// Integers.
    case number
    /// Comments.
    case comment
    /// Comparison operators.
    case `operator`
    /// A policy's name in its declaration (with the `declaration` modifier).
    case `class`
    /// Type names in `has_column(x, type)`.
    case type
    /// Column names inside `col()`, `rel()` and `has_column()`.
    case property
    /// `true`, `false` and `null` inside `lit()`.
    case enumMember

    /// The legend index sent to editors.
    public var index: Int { SemanticTokenType.allCases.firstIndex(of: self) ?? 0 }
}
