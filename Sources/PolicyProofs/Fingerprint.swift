import PolicySchema
import PolicySemantics

/// Canonical text of what a query's answer depends on, for the proof cache.
///
/// It never names the table a predicate is on: two tables whose predicates read columns of the
/// same names, types and nullability, with the same keys, get the same answers (the verdict's
/// counterexample is moved to the table asking). Everything else the encoding reads is in it:
/// the predicate's text, the columns it reads, the main table's keys, and for every table a
/// traversal reaches (directly, nested, or through that table's own RLS) its columns, keys and
/// its effective SELECT predicate for the same role.
struct Fingerprint {
    /// The predicates (and policy set) fingerprinted.
    let index: PredicateIndex

    private var set: PolicySet { index.set }

    /// An effective predicate with the types of the columns it reads, its table's keys, and,
    /// recursively, the tables its traversals reach.
    func of(_ predicate: EffectivePredicate) -> String {
        let clauses = (predicate.permissive + predicate.restrictive).flatMap(\.clauses)
        return predicate.description + " |cols " + columns(clauses, table: predicate.table) + " |keys " + keys(predicate.table)
            + reached(targets(clauses), role: predicate.role)
    }

    /// Clauses of `table` (for per-clause proofs) with everything they depend on.
    func of(_ clauses: [Clause], table: QualifiedName, role: String) -> String {
        clauses.map(\.description).joined(separator: " OR ") + " |cols " + columns(clauses, table: table) + " |keys " + keys(table)
            + reached(targets(clauses), role: role)
    }

    /// The tables `targets` and, transitively, the tables their RLS reaches: columns, keys, RLS.
    private func reached(_ start: [QualifiedName], role: String) -> String {
        var visited = Set<QualifiedName>()
        var queue = start
        var text = ""
        while !queue.isEmpty {
            let target = queue.removeFirst()
            guard visited.insert(target).inserted else { continue }
            guard let model = set.schema.table(target) else {
                text += " |via \(target) {missing}"
                continue
            }
            text += " |via \(target) {" + model.columns.map(describe).joined(separator: ",")
            text += " keys=" + keys(target)
            if set.isGoverned(target) {
                let rls = index.effective(target, .select, role: role, side: .using)
                text += " rls=" + rls.description
                queue += targets((rls.permissive + rls.restrictive).flatMap(\.clauses))
            }
            text += "}"
        }
        return text
    }

    /// The primary and unique keys of `table` with their columns' families.
    func keys(_ table: QualifiedName) -> String {
        guard let model = set.schema.table(table) else { return "?" }
        func key(_ columns: [String]) -> String {
            columns.map { name in "\(name):" + (model.column(name).map { "\($0.type.family)" } ?? "?") }.joined(separator: ",")
        }
        return "pk=" + key(model.primaryKey) + " uk=" + model.uniqueKeys.map(key).joined(separator: ";")
            + (model.hasInheritanceChildren ? " inherited" : "")
    }

    /// Name, family and nullability of the columns of `table` the clauses read.
    func columns(_ clauses: [Clause], table: QualifiedName) -> String {
        var names = Set<String>()
        for clause in clauses { for atom in clause.atoms { names.formUnion(atom.columns) } }
        return columns(Array(names), table: table)
    }

    /// Name, family and nullability of the columns `names` of `table`, sorted.
    func columns(_ names: [String], table: QualifiedName) -> String {
        guard let model = set.schema.table(table) else { return "" }
        return Set(names).sorted().map { name in
            model.column(name).map(describe) ?? "\(name):?"
        }.joined(separator: ",")
    }

    /// A column as the encoding reads it: name, family, nullability, and whether its equality is
    /// identity (`~` when a nondeterministic collation or citext makes it not).
    private func describe(_ column: ColumnModel) -> String {
        "\(column.name):\(column.type.family):\(column.notNull)" + (set.schema.hasUnknownEquality(column) ? ":~" : "")
    }

    /// The tables traversals in the clauses reach directly or nested.
    func targets(_ clauses: [Clause]) -> [QualifiedName] {
        clauses.traversalTargets
    }

    /// The session types (and which values are read by their own SQL), declared functions (with
    /// their volatility) and missing-context mode, which change every encoding.
    var environment: String {
        "mc=\(set.config.missingContext.rawValue) st="
            + set.sessionTypes.sorted { $0.key < $1.key }
            .map { "\($0.key):\($0.value.family)" + (set.config.sessionKey($0.key)?.isSetting == false ? ":sql" : "") }
            .joined(separator: ",")
            + " fn="
            + set.config.functions.map {
                "\($0.name)(\($0.arguments.map { "\($0.family)" }.joined(separator: ",")))\($0.returns.family):\($0.volatility.rawValue)"
            }
            .sorted().joined(separator: ",")
    }
}
