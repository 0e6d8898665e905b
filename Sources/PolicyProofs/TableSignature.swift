import PolicySchema
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
        /// The policy's name and places.
        var ref: PolicyRef
        /// The table it bears on.
        var table: QualifiedName
        /// Permissive or restrictive.
        var kind: PolicyKind
        /// Its commands.
        var commands: [PolicyCommand]
        /// Its `TO` roles.
        var roles: [String]
        /// USING in normal form on the table (nil where the policy has errors).
        var using: [Clause]?
        /// WITH CHECK in normal form on the table.
        var check: [Clause]?
        /// Clause equality ignores where a clause came from; blame does not.
        var origins: [ClauseOrigin?]
    }

    /// The options and the environment (session types, functions, missing context).
    var settings: String
    /// The isolation keys of the table.
    var keys: [String]
    /// The table's model and those of the tables it reaches.
    var tables: [TableModel?]
    /// The policies governing any of them.
    var policies: [Policy]
    /// Per table of `tables`, whether RLS is on and whether a `GOVERN` item names it (RLS on
    /// without a policy, denial by design): neither shows in its policies.
    var governed: [String]

    /// The signature of `table` under `options`, with `keys` its isolation keys.
    init(table: QualifiedName, keys: [String], index: PredicateIndex, options: AnalysisOptions) {
        let set = index.set
        settings =
            Fingerprint(index: index).environment
            + " proofs=" + options.proofs.sorted().map(\.rawValue).joined(separator: ",")
            + " shortcuts=\(options.useShortcuts) timeout=\(options.timeoutMilliseconds)"
            + " separate=" + set.config.analysis.separateRoles.joined(separator: ",")
            + " members=" + set.roleGraph.signature
        self.keys = keys
        var visited = Set<QualifiedName>()
        var queue = [table]
        var models: [TableModel?] = []
        var policies: [Policy] = []
        var governed: [String] = []
        let fingerprint = Fingerprint(index: index)
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard visited.insert(current).inserted else { continue }
            models.append(set.schema.table(current))
            governed.append("\(set.isGoverned(current)):\(set.isDeniedByDesign(current))")
            for policy in index.policies(governing: current) {
                let using = policy.using[current]?.clauses
                let check = policy.check[current]?.clauses
                let clauses = (using ?? []) + (check ?? [])
                policies.append(
                    Policy(
                        ref: policy.ref, table: current, kind: policy.kind, commands: policy.commands, roles: policy.roles,
                        using: using, check: check, origins: clauses.map(\.origin)))
                queue += fingerprint.targets(clauses)
            }
        }
        tables = models
        self.policies = policies
        self.governed = governed
    }
}
