/// A token of the SQL `jwtClaimPath(forSQL:)` reads.
enum JWTClaimToken: Equatable {
    /// A name (lowercased), dotted names included: `auth.jwt`, `uuid`, `true`.
    case word(String)
    /// A string literal's text.
    case string(String)
    /// `(`, `)`, `,`, `::`, `->`, `->>`.
    case symbol(String)
}
