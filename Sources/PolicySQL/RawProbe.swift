import PolicySchema
import PolicySemantics
import PolicySyntax

/// One `raw('...')` as it is compiled for one governed table, to be tried on a live database:
/// the policy expression reduced to the path that reaches the raw atom (the raw itself, or the
/// traversals around it), rendered by the same `ExpressionRenderer` as `CREATE POLICY`.
public struct RawProbe: Hashable, Sendable {
    /// The governed table the expression is evaluated on.
    public var table: QualifiedName
    /// The compiled expression (what `USING (...)` or `WITH CHECK (...)` holds around the raw).
    public var expression: String
    /// The raw SQL as written.
    public var raw: String
    /// Where the raw atom was written (else the policy).
    public var location: FileLocation

    /// Creates a probe.
    public init(table: QualifiedName, expression: String, raw: String, location: FileLocation) {
        self.table = table
        self.expression = expression
        self.raw = raw
        self.location = location
    }

    /// The probes of every raw atom of every policy of `policySet`, in USING and WITH CHECK
    /// position and inside traversals, once per governed table; the same expression on the
    /// same table is probed once. In policy, table and clause order.
    public static func probes(in policySet: PolicySet) -> [RawProbe] {
        let renderer = ExpressionRenderer(policySet: policySet)
        var seen = Set<RawProbe>()
        var result: [RawProbe] = []
        for policy in policySet.policies {
            for table in policy.tables {
                let clauses = (policy.using[table]?.clauses ?? []) + (policy.check[table]?.clauses ?? [])
                for (path, raw) in rawPaths(clauses) {
                    let probe = RawProbe(
                        table: table, expression: renderer.render([path], table: table), raw: raw.text,
                        location: raw.location ?? policy.ref.location)
                    if seen.insert(probe).inserted { result.append(probe) }
                }
            }
        }
        return result
    }

    /// Each raw atom of `clauses` with the clause that keeps only the path to it.
    private static func rawPaths(_ clauses: [Clause]) -> [(Clause, RawSQL)] {
        var result: [(Clause, RawSQL)] = []
        for clause in clauses {
            for atom in clause.atoms {
                switch atom {
                case .raw(let raw):
                    result.append((Clause(atoms: [atom]), raw))
                case .exists(let traversal):
                    for (inner, raw) in rawPaths([traversal.clause]) {
                        var narrowed = traversal
                        narrowed.clause = inner
                        result.append((Clause(atoms: [.exists(narrowed)]), raw))
                    }
                default:
                    continue
                }
            }
        }
        return result
    }
}
