import PolicySemantics
import PolicySyntax

/// Everything the verdicts of one table depend on: the analysis options and environment, the
/// table's isolation keys, the models of the table and of every table its policies' traversals
/// reach (directly, nested, or through those tables' own RLS), and every policy governing one
/// of them, with its place in the files. Equal signatures give equal verdicts, so a later run
/// reuses a table's verdicts whole (its blame locations included) when its signature is unchanged.
struct TableSignature: Hashable {
    /// One governing policy as it bears on one table.
    struct Policy: Hashable {
        var ref: PolicyRef
        var table: QualifiedName
        var kind: PolicyKind
        var commands: [PolicyCommand]
        var roles: [String]
        var using: [Clause]?
        var check: [Clause]?
        /// Clause equality ignores where a clause came from; blame does not.
        var origins: [ClauseOrigin?]
    }

    var settings: String
    var keys: [String]
    var tables: [TableModel?]
    var policies: [Policy]

    /// The signature of `table` under `options`, with `keys` its isolation keys.
    init(table: QualifiedName, keys: [String], index: PredicateIndex, options: AnalysisOptions) {
        let set = index.set
        settings = Fingerprint(index: index).environment
            + " proofs=" + options.proofs.sorted().map(\.rawValue).joined(separator: ",")
            + " shortcuts=\(options.useShortcuts) timeout=\(options.timeoutMilliseconds)"
            + " separate=" + set.config.analysis.separateRoles.joined(separator: ",")
        self.keys = keys
        var visited = Set<QualifiedName>()
        var queue = [table]
        var models: [TableModel?] = []
        var policies: [Policy] = []
        let fingerprint = Fingerprint(index: index)
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard visited.insert(current).inserted else { continue }
            models.append(set.schema.table(current))
            for policy in index.policies(governing: current) {
                let using = policy.using[current]?.clauses
                let check = policy.check[current]?.clauses
                let clauses = (using ?? []) + (check ?? [])
                policies.append(Policy(ref: policy.ref, table: current, kind: policy.kind, commands: policy.commands, roles: policy.roles,
                                       using: using, check: check, origins: clauses.map(\.origin)))
                queue.append(contentsOf: fingerprint.targets(clauses))
            }
        }
        tables = models
        self.policies = policies
    }
}
