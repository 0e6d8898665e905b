/// A selector: which tables a policy or grant applies to.
public struct SelectorSyntax: Hashable, Sendable {
    /// What kind of selector.
    public indirect enum Kind: Hashable, Sendable {
        /// `ALL`
        case all
        /// `has_column(name[, type])`
        case hasColumn(NameSyntax, type: NameSyntax?)
        /// `in_schema(name)`
        case inSchema(NameSyntax)
        /// `named('pattern')` (SQL LIKE over the bare table name)
        case named(StringSyntax)
        /// `tagged('tag')`
        case tagged(StringSyntax)
        /// `NOT s`
        case not(SelectorSyntax)
        /// `a AND b AND ...`
        case and([SelectorSyntax])
        /// `a OR b OR ...`
        case or([SelectorSyntax])
        /// `( s )`
        case parenthesized(SelectorSyntax)
        /// Missing or malformed; a diagnostic was reported.
        case missing
    }

    /// The kind and payload.
    public var kind: Kind
    /// Where it is.
    public var range: SourceRange
    /// The leading word (`has_column`, `NOT`, `ALL`…), for highlighting.
    public var keywordRange: SourceRange

    /// Creates a selector.
    public init(kind: Kind, range: SourceRange, keywordRange: SourceRange) {
        self.kind = kind
        self.range = range
        self.keywordRange = keywordRange
    }
}
