/// One token: its kind, its byte range and, for names and strings, its value.
public struct Token: Hashable, Sendable {
    /// The kind.
    public var kind: TokenKind
    /// The bytes it covers.
    public var range: SourceRange
    /// The value: an identifier's text, a quoted identifier or string without quotes and with
    /// doubled quotes collapsed, an integer's digits. Empty for punctuation.
    public var value: String

    /// Creates a token.
    public init(kind: TokenKind, range: SourceRange, value: String = "") {
        self.kind = kind
        self.range = range
        self.value = value
    }

    /// Whether this is the bare identifier `keyword`, compared case-insensitively (ASCII).
    public func isKeyword(_ keyword: String) -> Bool {
        guard kind == .identifier, value.utf8.count == keyword.utf8.count else { return false }
        for (a, b) in zip(value.utf8, keyword.utf8) where a | 0x20 != b | 0x20 {
            return false
        }
        return true
    }

    /// The identifier's text in upper case (for keyword dispatch); empty for other kinds.
    public var upperKeyword: String {
        kind == .identifier ? value.uppercased() : ""
    }
}
