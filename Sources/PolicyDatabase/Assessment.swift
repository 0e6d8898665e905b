import PolicySQL
import PolicySchema

/// The result of comparing the policies with the live database once: the catalog read, the
/// compiled program it was compared with, the canonical forms, the drift and the posture.
public struct Assessment: Sendable {
    /// The live catalog.
    public let catalog: LiveCatalog
    /// The desired state.
    public let program: CompiledProgram
    /// The canonical forms of the expected policies that exist under the same name.
    public let canonical: [PolicyKey: CanonicalPolicy]
    /// The drift items (cosmetic changes left out: they are not drift).
    public let drift: [DriftItem]
    /// Managed policies spelled differently from the compiled text but proven to mean the same
    /// (`cosmetic_change`, SPEC 11.7): reported as info, never repaired.
    public let cosmetic: [DriftItem]
    /// The posture findings.
    public let posture: [PostureFinding]
    /// Round trips to the server the whole check took (BEGIN to ROLLBACK).
    public let queryCount: Int
    /// Wall time of the check, in milliseconds.
    public let milliseconds: Double

    /// Creates an assessment; items of `drift` with severity info go to `cosmetic`.
    public init(
        catalog: LiveCatalog, program: CompiledProgram, canonical: [PolicyKey: CanonicalPolicy],
        drift: [DriftItem], posture: [PostureFinding], queryCount: Int, milliseconds: Double
    ) {
        self.catalog = catalog
        self.program = program
        self.canonical = canonical
        self.drift = drift.filter { $0.severity != .info }
        self.cosmetic = drift.filter { $0.severity == .info }
        self.posture = posture
        self.queryCount = queryCount
        self.milliseconds = milliseconds
    }

    /// The plan that repairs the drift (extra policies and grants only with `prune`).
    public func plan(prune: Bool) -> ApplyPlan {
        ApplyPlan(repairing: drift, prune: prune)
    }

    /// What stops `plan` from running: tables that do not exist, and roles that the statements
    /// it would run name but the database lacks. Empty when it can run.
    public func problems(with plan: ApplyPlan) -> [String] {
        var problems: [String] = []
        var seenTables = Set<QualifiedName>()
        for item in drift where item.repair.isEmpty && catalog.table(item.table) == nil {
            if seenTables.insert(item.table).inserted {
                problems.append("table \(item.table) does not exist in the database (pgpe creates no tables)")
            }
        }
        let touched = Set(
            plan.actions.filter { $0.kind == .createPolicy || $0.kind == .alterPolicy || $0.kind == .grant }
                .map { PolicyKey(table: $0.table, name: $0.policy ?? "") })
        var missingRoles: [String: [String]] = [:]
        for table in program.tables {
            for statement in table.statements {
                let roles: [String]
                let user: String
                if let policy = statement.policy, touched.contains(PolicyKey(table: table.table, name: policy.name)) {
                    roles = policy.roles
                    user = "policy \(policy.name) on \(table.table)"
                } else if let grant = statement.grant, touched.contains(PolicyKey(table: table.table, name: "")) {
                    roles = grant.roles
                    user = "a GRANT on \(table.table)"
                } else {
                    continue
                }
                for role in roles where role != "public" && catalog.role(role) == nil {
                    missingRoles[role, default: []].append(user)
                }
            }
        }
        for role in missingRoles.keys.sorted() {
            let users = missingRoles[role] ?? []
            let shown = users.prefix(3).joined(separator: ", ") + (users.count > 3 ? " and \(users.count - 3) more" : "")
            problems.append("role \(role) does not exist in the database (named by \(shown)); create it first")
        }
        return problems
    }
}
