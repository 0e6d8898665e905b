import PolicySyntax

/// One token of SQL text, with its byte range.
struct SQLToken: Sendable {
    /// What kind of token it is.
    var kind: SQLTokenKind
    /// The offset of its first byte.
    var start: Int
    /// The offset one past its last byte.
    var end: Int
    /// Words folded to lower case, quoted identifiers and strings decoded; empty for punctuation.
    var text: String

    /// The token's byte range.
    var range: SourceRange { SourceRange(start: start, end: end) }

    /// Whether the token is an identifier (unquoted or quoted).
    var isIdentifier: Bool { kind == .word || kind == .quotedIdentifier }

    /// Whether the token is the unquoted word `word` (given in lower case).
    func isWord(_ word: String) -> Bool {
        kind == .word && text == word
    }
}
