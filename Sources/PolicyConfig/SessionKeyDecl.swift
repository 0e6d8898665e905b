import PolicySchema
import PolicySyntax

/// A session value declared under `session:` (or by a `profile:`, or built in) with its SQL type:
/// a `current_setting` key (v1 form, `app.tenant_id: uuid`) or any SQL expression fixed for one
/// session (v2 form, `auth.uid: {type: uuid, sql: auth.uid()}`).
public struct SessionKeyDecl: Hashable, Sendable {
    /// The key policies name in `session('…')`, e.g. `app.tenant_id` or `auth.uid`.
    public var key: String
    /// Its type.
    public var type: SQLType
    /// The SQL expression that reads it, or `nil` for `current_setting(key)`.
    public var sql: String?
    /// Where it is declared in pgpe.yaml (the `profile:` value for a profile's values; `nil` for
    /// the built-in ones).
    public var location: FileLocation?

    /// Creates a declaration.
    public init(key: String, type: SQLType, sql: String? = nil, location: FileLocation? = nil) {
        self.key = key
        self.type = type
        self.sql = sql
        self.location = location
    }

    /// Whether the value is read with `current_setting(key)` (where `''` means unset under
    /// `missing_context: deny`, and an unset key fails the query under `error`).
    public var isSetting: Bool { sql == nil }

    /// The session values every project has: `session('current_user')` and
    /// `session('session_user')`, PostgreSQL's `current_user` and `session_user` (type text).
    public static let builtIn: [SessionKeyDecl] = [
        SessionKeyDecl(key: "current_user", type: .text, sql: "current_user"),
        SessionKeyDecl(key: "session_user", type: .text, sql: "session_user"),
    ]
}
