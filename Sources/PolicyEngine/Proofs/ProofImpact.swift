import PolicySchema
import PolicySemantics
import PolicySyntax

/// Which tables an edit affects, for proving only those again: a table's verdicts depend on the
/// policies governing it (their clauses in normal form, kinds, commands, roles and where they
/// are written, for blame), on the tables its traversals reach (their own row-level security
/// applies inside the traversal), and on the configuration and schema.
public enum ProofImpact {
    /// A signature per governed table that changes whenever something its verdicts depend on
    /// changes (apart from traversal targets, which `affected` follows). `context` stands for the
    /// configuration and schema (`Workspace.contextGeneration`).
    public static func signatures(of set: PolicySet, context: Int) -> [QualifiedName: String] {
        var prefix = "\(context)"
        for (key, type) in set.sessionTypes.sorted(by: { $0.key < $1.key }) { prefix += "|\(key):\(type.name)" }
        var result: [QualifiedName: String] = [:]
        for table in set.governedTables { result[table] = prefix }
        for policy in set.policies {
            let head =
                "\n\(policy.ref.name)|\(policy.kind.rawValue)|\(policy.commands.map(\.rawValue))|\(policy.roles)|"
                + "\(policy.ref.location.file)|\(policy.ref.location.range)|\(policy.hasErrors)"
            for table in policy.tables {
                var text = head
                if let using = policy.using[table] { text += "|U:" + describe(using.clauses) }
                if let check = policy.check[table] { text += "|C:" + describe(check.clauses) }
                result[table, default: prefix] += text
            }
        }
        return result
    }

    /// For each table, the governed tables whose policies traverse to it (at any depth).
    public static func dependents(in set: PolicySet) -> [QualifiedName: Set<QualifiedName>] {
        var result: [QualifiedName: Set<QualifiedName>] = [:]
        func visit(_ clauses: [Clause], from table: QualifiedName) {
            for clause in clauses {
                for atom in clause.atoms {
                    guard case .exists(let traversal) = atom else { continue }
                    result[traversal.target, default: []].insert(table)
                    visit([traversal.clause], from: table)
                }
            }
        }
        for policy in set.policies {
            for table in policy.tables {
                if let using = policy.using[table] { visit(using.clauses, from: table) }
                if let check = policy.check[table] { visit(check.clauses, from: table) }
            }
        }
        return result
    }

    /// The governed tables whose verdicts may differ from those proven under `proven`
    /// signatures: new or changed signatures, and every table that traverses to one of them.
    public static func affected(proven: [QualifiedName: String], current: [QualifiedName: String], set: PolicySet) -> Set<QualifiedName> {
        var changed = Set<QualifiedName>()
        for (table, signature) in current where proven[table] != signature { changed.insert(table) }
        // A table that is no longer governed changes what traverses to it, too.
        for table in proven.keys where current[table] == nil { changed.insert(table) }
        guard !changed.isEmpty else { return [] }
        let dependents = dependents(in: set)
        var result = changed
        var queue = Array(changed)
        while let table = queue.popLast() {
            for dependent in dependents[table] ?? [] where result.insert(dependent).inserted {
                queue.append(dependent)
            }
        }
        return result.filter { current[$0] != nil }
    }

    private static func describe(_ clauses: [Clause]) -> String {
        clauses.map { clause in
            let origin = clause.origin.map { "@\($0.location.file):\($0.location.range)" } ?? ""
            return clause.description + origin
        }.joined(separator: " OR ")
    }
}
