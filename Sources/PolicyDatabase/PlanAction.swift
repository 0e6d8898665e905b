import PolicySchema

/// One statement of an apply plan or a repair.
public struct PlanAction: Hashable, Sendable {
    /// What the statement does; the cases are in execution order within a table.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `ALTER TABLE ... ENABLE ROW LEVEL SECURITY`
        case enableRLS = "enable_rls"
        /// `ALTER TABLE ... FORCE ROW LEVEL SECURITY`
        case forceRLS = "force_rls"
        /// `ALTER TABLE ... NO FORCE ROW LEVEL SECURITY` (a governed table `force:` leaves out)
        case noForceRLS = "no_force_rls"
        /// `DROP POLICY` (a policy to recreate, or an unmanaged one with `--prune`)
        case dropPolicy = "drop_policy"
        /// `ALTER POLICY` (only roles or expressions changed)
        case alterPolicy = "alter_policy"
        /// `CREATE POLICY`
        case createPolicy = "create_policy"
        /// `GRANT ... ON TABLE`
        case grant
        /// `REVOKE ... ON TABLE` (with `--prune`)
        case revoke

        /// The position of this kind in a table's statements.
        var phase: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    }

    /// What it does.
    public var kind: Kind
    /// The table it changes.
    public var table: QualifiedName
    /// The policy it creates, alters or drops.
    public var policy: String?
    /// The statement, ending in `;`.
    public var sql: String

    /// Creates an action.
    public init(kind: Kind, table: QualifiedName, policy: String? = nil, sql: String) {
        self.kind = kind
        self.table = table
        self.policy = policy
        self.sql = sql
    }
}
