import PolicySchema
import PolicySyntax

/// One statement of the compiled SQL, with where it came from.
public struct CompiledStatement: Hashable, Sendable {
    /// What the statement does.
    public enum Kind: String, Hashable, Sendable {
        /// `ALTER TABLE ... ENABLE ROW LEVEL SECURITY`
        case enableRLS = "enable_rls"
        /// `ALTER TABLE ... FORCE ROW LEVEL SECURITY`
        case forceRLS = "force_rls"
        /// `CREATE POLICY ...`
        case createPolicy = "create_policy"
        /// `GRANT ... ON TABLE ...`
        case grant
    }

    /// The kind.
    public var kind: Kind
    /// The table.
    public var table: QualifiedName
    /// The SQL text, ending in `;`.
    public var sql: String
    /// For policies: the expected policy as the catalog will hold it.
    public var policy: ExpectedPolicy?
    /// For grants: the privileges and grantees.
    public var grant: ExpectedGrant?
    /// The source policy or grant.
    public var source: FileLocation?
    /// The source policy's name.
    public var sourcePolicy: String?
}
