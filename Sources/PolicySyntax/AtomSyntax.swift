/// An atom of a clause.
public struct AtomSyntax: Hashable, Sendable {
    /// What kind of atom.
    public indirect enum Kind: Hashable, Sendable {
        /// `value op value`
        case comparison(ValueSyntax, ComparisonOperator, ValueSyntax)
        /// `value IS NULL` (`isNull` true) or `value IS NOT NULL`.
        case nullTest(ValueSyntax, isNull: Bool)
        /// `exists(rel(...), {clause})`
        case exists(RelationSyntax, ClauseSyntax)
        /// `fn(...)` used as a boolean.
        case function(FunctionCallSyntax)
        /// `raw('sql')`
        case raw(StringSyntax)
        /// `true` (admits every row) or `false` (admits none).
        case constant(Bool)
        /// Missing or malformed; a diagnostic was reported.
        case missing
    }

    /// The kind and payload.
    public var kind: Kind
    /// The whole atom.
    public var range: SourceRange
    /// The operator (`=`, `IS NOT NULL`…) or leading word (`exists`, `raw`, `fn`, `true`, `false`).
    public var operatorRange: SourceRange

    /// Creates an atom.
    public init(kind: Kind, range: SourceRange, operatorRange: SourceRange) {
        self.kind = kind
        self.range = range
        self.operatorRange = operatorRange
    }
}
