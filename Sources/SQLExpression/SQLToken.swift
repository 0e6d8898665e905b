import PolicySyntax

/// One token of SQL text, with its byte range.
public struct SQLToken: Sendable {
    /// What kind of token it is.
    public var kind: SQLTokenKind
    /// The offset of its first byte.
    public var start: Int
    /// The offset one past its last byte.
    public var end: Int
    /// Words folded to lower case, quoted identifiers and strings decoded; empty for punctuation.
    public var text: String

    /// Creates a token of `kind` over `start..<end` with its decoded `text`.
    public init(kind: SQLTokenKind, start: Int, end: Int, text: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
    }

    /// The token's byte range.
    public var range: SourceRange { SourceRange(start: start, end: end) }

    /// Whether the token is an identifier (unquoted or quoted).
    public var isIdentifier: Bool { kind == .word || kind == .quotedIdentifier }

    /// Whether the token is the unquoted word `word` (given in lower case).
    public func isWord(_ word: String) -> Bool {
        kind == .word && text == word
    }
}
