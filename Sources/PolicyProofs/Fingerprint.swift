import PolicySemantics

/// Canonical text of what a query's answer depends on, for the proof cache.
struct Fingerprint {
    let set: PolicySet

    /// An effective predicate with the types of the columns it reads and, recursively, the
    /// SELECT predicates of the tables its traversals reach.
    func of(_ predicate: EffectivePredicate) -> String {
        var visited = Set<QualifiedName>()
        return of(predicate, visited: &visited)
    }

    private func of(_ predicate: EffectivePredicate, visited: inout Set<QualifiedName>) -> String {
        var text = predicate.description
        let clauses = (predicate.permissive + predicate.restrictive).flatMap(\.clauses)
        text += " |cols " + columns(clauses, table: predicate.table)
        for target in targets(clauses) where visited.insert(target).inserted {
            guard let model = set.schema.table(target) else { continue }
            text += " |via \(target) {" + model.columns.map { "\($0.name):\($0.type.family):\($0.notNull)" }.joined(separator: ",")
            text += " pk=" + model.primaryKey.joined(separator: ",") + " uk=" + model.uniqueKeys.map { $0.joined(separator: ",") }.joined(separator: ";")
            if set.isGoverned(target) {
                text += " rls=" + of(set.effective(target, .select, role: predicate.role, side: .using), visited: &visited)
            }
            text += "}"
        }
        return text
    }

    /// Name, family and nullability of the columns of `table` the clauses read.
    func columns(_ clauses: [Clause], table: QualifiedName) -> String {
        guard let model = set.schema.table(table) else { return "" }
        var names = Set<String>()
        for clause in clauses { for atom in clause.atoms { names.formUnion(atom.columns) } }
        return names.sorted().map { name in
            model.column(name).map { "\(name):\($0.type.family):\($0.notNull)" } ?? "\(name):?"
        }.joined(separator: ",")
    }

    /// The tables traversals in the clauses reach directly or nested.
    func targets(_ clauses: [Clause]) -> [QualifiedName] {
        var result: [QualifiedName] = []
        func visit(_ clause: Clause) {
            for atom in clause.atoms {
                if case .exists(let traversal) = atom {
                    if !result.contains(traversal.target) { result.append(traversal.target) }
                    visit(traversal.clause)
                }
            }
        }
        clauses.forEach(visit)
        return result
    }

    /// The session types and missing-context mode, which change every encoding.
    var environment: String {
        "mc=\(set.config.missingContext.rawValue) st=" + set.sessionTypes.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.family)" }.joined(separator: ",")
    }
}
