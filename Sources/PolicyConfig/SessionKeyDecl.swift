import PolicySchema
import PolicySyntax

/// A session key declared under `session:` with its SQL type.
public struct SessionKeyDecl: Hashable, Sendable {
    /// The key, e.g. `app.tenant_id`.
    public var key: String
    /// Its type.
    public var type: SQLType
    /// Where it is declared in pgpe.yaml.
    public var location: FileLocation?

    /// Creates a declaration.
    public init(key: String, type: SQLType, location: FileLocation? = nil) {
        self.key = key
        self.type = type
        self.location = location
    }
}
