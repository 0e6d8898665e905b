import PolicySQL
import PolicySchema
import PolicySemantics

/// One governed table for the plan check of `pgpe analyze --database` (SPEC 11.11,
/// docs/index-coverage.md): the SELECT policies that filter it by a session value, the roles
/// they apply to, and the statements that give a session typed values for those keys. The
/// database side (`LiveDatabase.planCheck`) becomes such a role, sets the values, turns
/// `enable_seqscan` off and reads the plan of `SELECT * FROM` the table.
public struct PlanCheckCase: Hashable, Sendable {
    /// The governed table.
    public var table: QualifiedName
    /// Where a finding goes: the first SELECT policy on the table that reads a session value.
    public var policy: PolicyRef
    /// The roles those policies name, in order (a member of one would do too, but the check
    /// looks for the role itself).
    public var roles: [String]
    /// Whether one of them applies to every role (no `TO`, or `TO public`).
    public var anyRole: Bool
    /// The session values (a value of each key's type), by key.
    public var settings: [String: String]
    /// The statements that set them, run as the role, one at a time, with their values bound.
    public var settingStatements: [ReproStatement]
    /// Whether a policy compares a column of the table itself with a session value (else they
    /// filter only through traversals).
    public var direct: Bool
    /// Its partitions and inheritance children in the schema, nested ones included, sorted: a
    /// query on the table scans them (a partitioned table has no scan of its own), under its
    /// policies.
    public var children: [QualifiedName]
    /// The tables the policies' traversals read, in order of first use.
    public var targets: [QualifiedName]
    /// The schemas of the governed tables (a role made for `anyRole` is granted their tables,
    /// which a traversal's sub-select reads too).
    public var schemas: [String]

    /// A case per governed table (in the schema) whose SELECT policies read a session value,
    /// in table order. Keys whose value is read by other SQL that no statement sets (`sql:`
    /// other than JWT claims, `now()`) are left as they are: the plan does not depend on them.
    public static func cases(_ policySet: PolicySet) -> [PlanCheckCase] {
        let schemas = Set(policySet.governedTables.map(\.schema)).sorted()
        var result: [PlanCheckCase] = []
        for table in policySet.governedTables where policySet.schema.table(table) != nil {
            var filtering: [CheckedPolicy] = []
            var keys: [String] = []
            var direct = false
            var targets: [QualifiedName] = []
            for policy in policySet.policies(governing: table) where policy.commands.contains(.select) {
                guard let using = policy.using[table] else { continue }
                let read = using.clauses.flatMap { sessionKeys($0, depth: 0) }
                guard !read.isEmpty else { continue }
                filtering.append(policy)
                keys += read
                for clause in using.clauses {
                    direct = direct || clause.atoms.contains { !$0.sessionKeysRead.isEmpty }
                    for target in traversalTargets(clause, depth: 0) where !targets.contains(target) { targets.append(target) }
                }
            }
            guard let first = filtering.first else { continue }
            var filler = ReproPlan.Filler()
            var settings: [String: String] = [:]
            for key in Set(keys).sorted() where key != Operand.nowKey {
                guard let value = ValueRenderer.setting(filler.value(for: policySet.sessionType(key))) else { continue }
                // A key that no statement can set keeps its own value.
                guard ReproSessionValues.probeStatements(for: [key: value], policySet: policySet).unsettable == nil else { continue }
                settings[key] = value
            }
            let statements = ReproSessionValues.probeStatements(for: settings.mapValues { Optional($0) }, policySet: policySet).statements
            var roles: [String] = []
            for role in filtering.flatMap(\.roles) where role != "public" && !roles.contains(role) { roles.append(role) }
            var children: [QualifiedName] = []
            var parents = [table]
            while let parent = parents.popLast(), children.count < 10_000 {
                for child in policySet.schema.tables where child.parents.contains(parent) && !children.contains(child.name) {
                    children.append(child.name)
                    parents.append(child.name)
                }
            }
            result.append(
                PlanCheckCase(
                    table: table, policy: first.ref, roles: roles,
                    anyRole: filtering.contains { $0.roles.isEmpty || $0.roles.contains("public") },
                    settings: settings, settingStatements: statements, direct: direct, children: children.sorted(), targets: targets,
                    schemas: schemas))
        }
        return result
    }

    /// The tables `clause`'s traversals read, nested ones included.
    private static func traversalTargets(_ clause: Clause, depth: Int) -> [QualifiedName] {
        clause.atoms.flatMap { atom -> [QualifiedName] in
            guard case .exists(let traversal) = atom, depth < 64 else { return [] }
            return [traversal.target] + traversalTargets(traversal.clause, depth: depth + 1)
        }
    }

    /// The session keys `clause` reads, those inside its traversals included.
    private static func sessionKeys(_ clause: Clause, depth: Int) -> [String] {
        clause.atoms.flatMap { atom -> [String] in
            if case .exists(let traversal) = atom, depth < 64 { return sessionKeys(traversal.clause, depth: depth + 1) }
            return atom.sessionKeysRead
        }
    }
}
