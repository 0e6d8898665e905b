import PolicySchema

extension Array where Element == Clause {
    /// The tables the clauses' traversals reach, directly or nested, in first-seen order.
    public var traversalTargets: [QualifiedName] {
        var result: [QualifiedName] = []
        func visit(_ clause: Clause) {
            for atom in clause.atoms {
                if case .exists(let traversal) = atom {
                    if !result.contains(traversal.target) { result.append(traversal.target) }
                    visit(traversal.clause)
                }
            }
        }
        forEach(visit)
        return result
    }
}
