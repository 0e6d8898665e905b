import PolicySQL
import PolicySyntax

/// The SQL behind "Show compiled SQL": what `pgpe compile` writes, for one policy (its
/// statements on every table it governs) or for the workspace. Policies with errors are left
/// out, and a comment at the top says so.
public enum CompiledSQLProvider {
    /// The SQL for `target`, or `nil` when there is no such policy.
    public static func sql(for target: CompiledSQLTarget, snapshot: WorkspaceSnapshot) -> String? {
        let set = snapshot.policySet
        let errors = snapshot.diagnostics.filter { $0.severity == .error }.count
        var header = ""
        if errors > 0 {
            header = "-- note: the workspace has \(errors) error\(errors == 1 ? "" : "s"); policies with errors are left out\n\n"
        }
        switch target {
        case .workspace:
            return header + snapshot.compile().sql
        case .policy(let name):
            // Policies that govern disjoint tables may share a name (SPEC 11.3): all of them.
            let policies = set.policies.filter { $0.ref.name == name }
            guard !policies.isEmpty else { return nil }
            let tables = policies.flatMap(\.tables).sorted()
            let compiler = PolicyCompiler(policySet: set)
            var output = header + "-- policy \(SQLQuoting.comment(name)): \(tables.count) table\(tables.count == 1 ? "" : "s")\n"
            if policies.contains(where: \.hasErrors) {
                output += "-- the policy has errors and compiles to nothing until they are fixed\n"
            }
            for table in tables {
                let (compiled, _) = compiler.compile(table: table)
                let statements = compiled.statements.filter { $0.sourcePolicy == name }
                guard !statements.isEmpty else { continue }
                output += "\n-- \(SQLQuoting.comment(SQLQuoting.qualified(table)))\n"
                output += statements.map(\.sql).joined(separator: "\n\n") + "\n"
            }
            return output
        }
    }
}
