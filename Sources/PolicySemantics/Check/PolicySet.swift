import PolicyConfig
import PolicySchema
import PolicySyntax

/// The checked policy set of a workspace: every policy and grant with what it governs, the
/// diagnostics, and the effective predicates. Immutable; built by `Checker`.
public struct PolicySet: Sendable {
    /// The configuration used.
    public let config: ProjectConfig
    /// The schema used (empty when none was available).
    public let schema: SchemaModel
    /// Whether a schema was available (without one only schema-free checks ran).
    public let hasSchema: Bool
    /// Policies in order (files by path, then source order).
    public let policies: [CheckedPolicy]
    /// Grants in order.
    public let grants: [CheckedGrant]
    /// `GOVERN` items in order: their tables get row-level security and no policy from them.
    public let governs: [CheckedGovern]
    /// Tables some policy's or `GOVERN` item's selector matches, sorted.
    public let governedTables: [QualifiedName]
    /// Tables of the governed schemas that no policy matches, sorted.
    public let ungovernedTables: [QualifiedName]
    /// Semantic diagnostics (syntax diagnostics stay with their parsed files).
    public let diagnostics: [Diagnostic]
    /// The type of every session key used: declared, else inferred from the columns it is compared with, else text.
    public let sessionTypes: [String: SQLType]
    /// Roles named in `TO` clauses, sorted, followed by `PUBLIC` (any other role).
    public let roles: [String]
    /// The schema's role memberships (a policy `TO a` applies to members of `a`).
    public let roleGraph: RoleGraph

    /// The name the role dimension uses for "any role no policy names".
    public static let publicRole = "PUBLIC"

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether `table` is governed (RLS is enabled on it).
    public func isGoverned(_ table: QualifiedName) -> Bool {
        governedTables.binarySearchContains(table)
    }

    /// Whether `table` is governed and `force:` selects it, so it gets `FORCE ROW LEVEL
    /// SECURITY` (SPEC 11.5; without `force:`, every governed table).
    public func isForced(_ table: QualifiedName) -> Bool {
        guard isGoverned(table) else { return false }
        guard let force = config.force, let model = schema.table(table) else { return true }
        return SelectorEvaluator.matches(force, table: model)
    }

    /// Whether a `GOVERN` item names `table`: commands no policy allows are denied by design.
    public func isDeniedByDesign(_ table: QualifiedName) -> Bool {
        governs.contains { $0.tables.contains(table) }
    }

    /// The isolation keys (`isolation:` entries of pgpe.yaml) whose `tables:` selector matches `table`.
    public func isolationKeys(for table: QualifiedName) -> [String] {
        guard let model = schema.table(table) else { return [] }
        return config.isolation.filter { entry in
            entry.tables.map { SelectorEvaluator.matches($0, table: model) } ?? true
        }.map(\.key)
    }

    /// Policies whose selector matches `table`, in order.
    public func policies(governing table: QualifiedName) -> [CheckedPolicy] {
        policies.filter { $0.tables.contains(table) }
    }

    /// The effective predicate of `table` for `command`, `role` and `side`.
    ///
    /// `role` is a role named in some `TO` clause or `PUBLIC` (any other role). Policies with
    /// errors on the table are left out.
    public func effective(
        _ table: QualifiedName, _ command: PolicyCommand, role: String,
        side: EffectivePredicate.Side
    ) -> EffectivePredicate {
        var permissive: [PolicyPredicate] = []
        var restrictive: [PolicyPredicate] = []
        let applicable = roleGraph.privileges(of: role)
        // Indexes, not `for policy in policies`: binding each element would copy every policy.
        for index in policies.indices where policies[index].commands.contains(command) && policies[index].applies(toAnyOf: applicable) {
            let normalized = side == .using ? policies[index].using[table] : policies[index].check[table]
            guard let normalized else { continue }
            let kind = policies[index].kind
            let predicate = PolicyPredicate(policy: policies[index].ref, kind: kind, clauses: normalized.clauses)
            if kind == .permissive {
                permissive.append(predicate)
            } else {
                restrictive.append(predicate)
            }
        }
        return EffectivePredicate(
            table: table, command: command, role: role, side: side,
            permissive: permissive, restrictive: restrictive)
    }

    /// The sides a command evaluates: SELECT/DELETE USING, INSERT WITH CHECK, UPDATE both.
    public static func sides(of command: PolicyCommand) -> [EffectivePredicate.Side] {
        switch command {
        case .select, .delete: return [.using]
        case .insert: return [.check]
        case .update: return [.using, .check]
        }
    }

    /// The roles whose effective predicates can differ on `table`: see `roles(for:governing:)`.
    public func roles(for table: QualifiedName) -> [String] {
        roles(for: table, governing: policies(governing:))
    }

    /// The roles whose verdicts on `table` can differ, given the policies governing each table:
    /// the roles named by the policies on `table` and by the SELECT policies of every table its
    /// traversals reach (their RLS applies inside the traversal), transitively; one schema role
    /// for each other combination of those roles that memberships give (a member of two named
    /// roles has the policies of both); and PUBLIC.
    public func roles(for table: QualifiedName, governing: (QualifiedName) -> [CheckedPolicy]) -> [String] {
        var named = Set<String>()
        var visited: Set<QualifiedName> = [table]
        var queue = [table]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for policy in governing(current) where current == table || policy.commands.contains(.select) {
                for role in policy.roles where role != "public" { named.insert(role) }
                var clauses = policy.using[current]?.clauses ?? []
                if current == table { clauses += policy.check[current]?.clauses ?? [] }
                for target in clauses.traversalTargets where visited.insert(target).inserted && isGoverned(target) {
                    queue.append(target)
                }
            }
        }
        return roleGraph.representatives(of: named)
    }

    /// The role dimension a session running as `role` falls under: `role` itself when a policy
    /// names it or a role it has the privileges of, else PUBLIC.
    public func dimension(of role: String) -> String {
        guard role != PolicySet.publicRole else { return role }
        let named = Set(roles)
        return roleGraph.privileges(of: role).contains(where: named.contains) ? role : PolicySet.publicRole
    }

    /// The session type of `key` (text when nothing says otherwise).
    public func sessionType(_ key: String) -> SQLType {
        sessionTypes[key] ?? .text
    }

    /// Creates a policy set (used by `Checker`).
    init(
        config: ProjectConfig, schema: SchemaModel, hasSchema: Bool, policies: [CheckedPolicy], grants: [CheckedGrant],
        governs: [CheckedGovern], governedTables: [QualifiedName], ungovernedTables: [QualifiedName], diagnostics: [Diagnostic],
        sessionTypes: [String: SQLType], roles: [String]
    ) {
        self.config = config
        self.schema = schema
        self.hasSchema = hasSchema
        self.policies = policies
        self.grants = grants
        self.governs = governs
        self.governedTables = governedTables
        self.ungovernedTables = ungovernedTables
        self.diagnostics = diagnostics
        self.sessionTypes = sessionTypes
        self.roles = roles
        self.roleGraph = RoleGraph(roles: schema.roles)
    }
}

extension Array where Element == QualifiedName {
    /// Binary search in a sorted array.
    func binarySearchContains(_ value: QualifiedName) -> Bool {
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = (low + high) / 2
            if self[mid] == value { return true }
            if self[mid] < value { low = mid + 1 } else { high = mid - 1 }
        }
        return false
    }
}
