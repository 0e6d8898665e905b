/// A value: `col(name)`, `session('key')`, `lit(literal)`, `fn(...)` or `now()`.
public struct ValueSyntax: Hashable, Sendable {
    /// What kind of value.
    public indirect enum Kind: Hashable, Sendable {
        /// `col(name)`: a column of the table being governed (or traversed to).
        case column(NameSyntax)
        /// `session('key')`: a session setting.
        case session(StringSyntax)
        /// `lit(...)`: a constant.
        case literal(LiteralSyntax)
        /// `fn(...)`: a declared function's result.
        case function(FunctionCallSyntax)
        /// `now()`: the transaction's timestamp (timestamptz).
        case now
        /// Missing or malformed; a diagnostic was reported.
        case missing
    }

    /// The kind and payload.
    public var kind: Kind
    /// The whole value.
    public var range: SourceRange
    /// The leading word (`col`, `session`, `lit`, `fn`, `now`), for highlighting.
    public var keywordRange: SourceRange

    /// Creates a value.
    public init(kind: Kind, range: SourceRange, keywordRange: SourceRange) {
        self.kind = kind
        self.range = range
        self.keywordRange = keywordRange
    }
}
