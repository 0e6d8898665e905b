/// A literal inside `lit(...)`: string, integer, boolean, null or a list.
public struct LiteralSyntax: Hashable, Sendable {
    /// What kind of literal.
    public indirect enum Kind: Hashable, Sendable {
        /// `'text'`
        case string(String)
        /// `42`, `-7`
        case integer(Int)
        /// `true`, `false`
        case boolean(Bool)
        /// `null`
        case null
        /// `[a, b, ...]`
        case list([LiteralSyntax])
        /// Missing or malformed; a diagnostic was reported.
        case missing
    }

    /// The kind and value.
    public var kind: Kind
    /// Where it is.
    public var range: SourceRange

    /// Creates a literal.
    public init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
