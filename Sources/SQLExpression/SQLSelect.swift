import PolicySyntax

/// A sub-select: its SELECT list, FROM, WHERE, and the other clauses kept as text.
public struct SQLSelect: Hashable, Sendable {
    /// Whether it says `SELECT DISTINCT`.
    public var distinct: Bool
    /// The SELECT list (empty in `SELECT FROM t`).
    public var targets: [SQLSelectTarget]
    /// The FROM items, comma-separated in the text.
    public var from: [SQLFromItem]
    /// The WHERE condition.
    public var whereCondition: SQLExpr?
    /// `GROUP BY`, `HAVING`, `LIMIT` and the rest, as text.
    public var trailing: [SQLTrailingClause]
    /// Where it is, from `SELECT` to the end of its last clause.
    public var range: SourceRange

    /// Creates a sub-select.
    public init(
        distinct: Bool, targets: [SQLSelectTarget], from: [SQLFromItem], whereCondition: SQLExpr?,
        trailing: [SQLTrailingClause], range: SourceRange
    ) {
        self.distinct = distinct
        self.targets = targets
        self.from = from
        self.whereCondition = whereCondition
        self.trailing = trailing
        self.range = range
    }

    /// The expressions directly inside: targets, ON conditions, WHERE.
    public var expressions: [SQLExpr] {
        var result = targets.map(\.expression)
        var items = from
        while let item = items.popLast() {
            switch item {
            case .table: break
            case .join(let left, _, let right, let on, _):
                items.append(left)
                items.append(right)
                if let on { result.append(on) }
            case .parenthesized(let inner, _): items.append(inner)
            case .subquery(let select, _, let range): result.append(SQLExpr(.subquery(select), range: range))
            case .function(let call, _, _): result.append(call)
            case .error: break
            }
        }
        if let whereCondition { result.append(whereCondition) }
        return result
    }
}
