/// How the text wrote a cast.
public enum SQLCastSyntax: Hashable, Sendable {
    /// `x::type`
    case colons
    /// `CAST(x AS type)`
    case castFunction
    /// `type 'literal'` (printed as `'literal'::type`)
    case typedLiteral
}
