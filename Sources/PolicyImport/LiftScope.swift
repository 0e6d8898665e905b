import PolicySchema
import SQLExpression

/// The row whose columns an expression reads: the policy's table, or a sub-select's table
/// (with the enclosing scope, whose columns PostgreSQL prints qualified by its name).
struct LiftScope {
    /// The table in scope.
    var table: TableModel
    /// The names a column may be qualified by: the alias, else the table's name.
    var qualifiers: Set<String>
    /// The enclosing scope, inside a sub-select.
    var enclosing: [LiftScope]

    /// What a column reference denotes.
    enum Resolution {
        /// A column of this scope's table.
        case own(String)
        /// A column of an enclosing scope's table (`depth` 0 is the nearest).
        case enclosing(String, depth: Int)
    }

    /// Resolves `a`, `t.a` or `s.t.a`; nil when no scope has the column.
    func resolve(_ parts: [SQLIdentifier]) -> Resolution? {
        guard let column = parts.last?.name else { return nil }
        let qualifier = parts.count >= 2 ? parts[parts.count - 2].name : nil
        let scopes = [self] + enclosing
        for (index, scope) in scopes.enumerated() {
            if let qualifier, !scope.qualifiers.contains(qualifier) { continue }
            guard scope.table.column(column) != nil else { continue }
            return index == 0 ? .own(column) : .enclosing(column, depth: index - 1)
        }
        return nil
    }

    /// The scope of a sub-select over `table` (aliased or not) inside this one.
    func entering(_ table: TableModel, alias: String?) -> LiftScope {
        LiftScope(table: table, qualifiers: [alias ?? table.name.name], enclosing: [self] + enclosing)
    }
}
