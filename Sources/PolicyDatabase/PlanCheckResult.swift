import PolicyProofs
import PolicySchema

/// One governed table's plan, checked by `pgpe analyze --database` (`LiveDatabase.planCheck`).
public struct PlanCheckResult: Hashable, Sendable {
    /// The table and what was set for it.
    public var planCase: PlanCheckCase
    /// INDEX, NO-INDEX or SKIPPED.
    public var status: PlanCheckStatus
    /// The role the query ran as (`nil` when none could be found).
    public var role: String?
    /// The table whose scan lacks an index condition (NO-INDEX): the case's table, or a
    /// traversal's target when the policies filter only through traversals.
    public var unindexed: QualifiedName?
    /// How the table is scanned (`Index Scan using users_tenant_id_idx`, `Seq Scan`), or why it
    /// was not checked.
    public var detail: String
}
