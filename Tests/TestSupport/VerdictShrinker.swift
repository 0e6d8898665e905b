/// Makes a verdict-differential project small while it still fails: removes policies, clauses,
/// atoms (nested ones too), WITH CHECK blocks, `TO` roles, commands, tables, columns and keys one
/// at a time, keeping each removal after which the project still fails.
public struct VerdictShrinker {
    /// The most candidate projects tried.
    public var budget: Int

    /// Creates a shrinker.
    public init(budget: Int = 300) {
        self.budget = budget
    }

    /// The smallest project found for which `fails` holds (`project` itself when no smaller
    /// one does), and how many candidates were tried.
    public func shrink(_ project: VerdictProject, fails: (VerdictProject) -> Bool) -> (project: VerdictProject, tries: Int) {
        var current = project
        var tries = 0
        var improved = true
        while improved && tries < budget {
            improved = false
            for candidate in VerdictShrinker.variants(of: current) where tries < budget {
                tries += 1
                if fails(candidate) {
                    current = candidate
                    improved = true
                    break
                }
            }
        }
        return (current, tries)
    }

    /// Smaller variants of `project`, the biggest cuts first. Some do not check (a column an
    /// atom reads is gone); those simply do not fail.
    static func variants(of project: VerdictProject) -> [VerdictProject] {
        var result: [VerdictProject] = []
        func variant(_ change: (inout VerdictProject) -> Void) {
            var copy = project
            change(&copy)
            if copy != project { result.append(copy) }
        }
        for table in project.tables where project.tables.count > 1 {
            variant { $0 = removing(table.name, from: $0) }
        }
        for index in project.governs.indices {
            variant { $0.governs.remove(at: index) }
        }
        for index in project.policies.indices {
            variant { $0.policies.remove(at: index) }
        }
        for (index, policy) in project.policies.enumerated() {
            if policy.check != nil { variant { $0.policies[index].check = nil } }
            for role in policy.roles.indices { variant { $0.policies[index].roles.remove(at: role) } }
            if policy.commands.count > 1 {
                for command in policy.commands.indices { variant { $0.policies[index].commands.remove(at: command) } }
            }
            for (_, smaller) in DifferentialShrinker.clauseVariants(policy.using) { variant { $0.policies[index].using = smaller } }
            if let check = policy.check {
                for (_, smaller) in DifferentialShrinker.clauseVariants(check) { variant { $0.policies[index].check = smaller } }
            }
        }
        for (index, key) in project.keys.enumerated() {
            variant { $0.keys.remove(at: index) }
            if key.isolation { variant { $0.keys[index].isolation = false } }
            if key.isolationTables != nil { variant { $0.keys[index].isolationTables = nil } }
        }
        for (index, table) in project.tables.enumerated() {
            for column in table.columns.indices.dropFirst() { variant { $0.tables[index].columns.remove(at: column) } }
        }
        return result
    }

    /// `project` without the table `name`, the columns of other tables that reference it, and
    /// the policies that select it by name.
    static func removing(_ name: String, from project: VerdictProject) -> VerdictProject {
        var result = project
        result.tables = project.tables.filter { $0.name != name }.map { table in
            var copy = table
            copy.columns = table.columns.filter { $0.references != name }
            return copy
        }
        result.policies = project.policies.filter { $0.selector != "named(\(DifferentialSQL.literal(name)))" }
        return result
    }
}
