import PolicySchema
import PolicySyntax

/// A preset of session values (`profile:` in pgpe.yaml).
public enum SessionProfile: String, Hashable, Sendable, CaseIterable {
    /// Supabase/PostgREST: `auth.uid` (uuid, `auth.uid()`), `auth.role` (text, `auth.role()`) and
    /// `auth.jwt` (jsonb, `auth.jwt()`), which PostgREST derives from the request's JWT claims.
    case supabase

    /// The values the profile declares, located at `location` (the `profile:` value).
    public func declarations(at location: FileLocation?) -> [SessionKeyDecl] {
        switch self {
        case .supabase:
            return [
                SessionKeyDecl(key: "auth.uid", type: .uuid, sql: "auth.uid()", location: location),
                SessionKeyDecl(key: "auth.role", type: .text, sql: "auth.role()", location: location),
                SessionKeyDecl(key: "auth.jwt", type: SQLType.normalize("jsonb"), sql: "auth.jwt()", location: location),
            ]
        }
    }

    /// The JWT claim PostgREST's `request.jwt.claims` holds for the Supabase function `sql`
    /// calls: `sub` for `auth.uid()`, `role` for `auth.role()`, and `""` for `auth.jwt()` (the
    /// whole claims object); `nil` for other SQL.
    public static func supabaseClaim(forSQL sql: String) -> String? {
        let compact = sql.filter { !$0.isWhitespace }.lowercased()
        switch compact {
        case "auth.uid()": return "sub"
        case "auth.role()": return "role"
        case "auth.jwt()": return ""
        default: return nil
        }
    }
}
