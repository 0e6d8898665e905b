/// A value: `col(name)`, `session('key')`, `lit(literal)`, `fn(...)`, `now()` or `outer(name)`.
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
        /// `outer(name)`: inside an `exists()` block, a column of the row the traversal starts
        /// from (the governed row, or the enclosing traversal's target row).
        case outer(NameSyntax)
        /// `now()`: the transaction's timestamp (timestamptz).
        case now
        /// Missing or malformed; a diagnostic was reported.
        case missing
    }

    /// The kind and payload.
    public var kind: Kind
    /// The whole value.
    public var range: SourceRange
    /// The leading word (`col`, `session`, `lit`, `fn`, `now`, `outer`), for highlighting.
    public var keywordRange: SourceRange

    /// Creates a value.
    public init(kind: Kind, range: SourceRange, keywordRange: SourceRange) {
        self.kind = kind
        self.range = range
        self.keywordRange = keywordRange
    }
}
