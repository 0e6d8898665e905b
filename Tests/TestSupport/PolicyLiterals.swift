import PolicySemantics

/// The literals a checked policy set compares with, for generated rows and sessions that meet
/// them.
public enum PolicyLiterals {
    /// Every literal (and every item of a literal list) in the normalized USING and WITH CHECK
    /// clauses of `policySet`, traversals included, in first-seen order without repeats.
    public static func values(in policySet: PolicySet) -> [LiteralValue] {
        var seen = Set<LiteralValue>()
        var result: [LiteralValue] = []
        func add(_ value: LiteralValue) {
            if seen.insert(value).inserted { result.append(value) }
        }
        func visit(_ clause: Clause) {
            for atom in clause.atoms {
                switch atom {
                case .compare(let lhs, _, let rhs):
                    for operand in [lhs, rhs] {
                        if case .literal(let value) = operand { add(value) }
                        if case .list(let values) = operand { values.forEach(add) }
                    }
                case .exists(let traversal):
                    visit(traversal.clause)
                default:
                    break
                }
            }
        }
        for policy in policySet.policies {
            for table in policy.tables {
                for normalized in [policy.using[table], policy.check[table]].compactMap({ $0 }) { normalized.clauses.forEach(visit) }
            }
        }
        return result
    }
}
