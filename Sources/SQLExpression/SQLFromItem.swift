import PolicySyntax

/// One item of a FROM list: a table, a join, a parenthesized join, a sub-select or a function.
public indirect enum SQLFromItem: Hashable, Sendable {
    /// `[ONLY] schema.table [AS] alias`
    case table(name: [SQLIdentifier], alias: SQLIdentifier?, only: Bool, range: SourceRange)
    /// `left JOIN right ON condition`; `kind` is `JOIN`, `LEFT JOIN`, `RIGHT JOIN`, `FULL JOIN`
    /// or `CROSS JOIN` (`INNER` and `OUTER` dropped, as PostgreSQL prints them).
    case join(left: SQLFromItem, kind: String, right: SQLFromItem, on: SQLExpr?, range: SourceRange)
    /// `( item )`
    case parenthesized(SQLFromItem, range: SourceRange)
    /// `(SELECT …) [AS] alias`
    case subquery(SQLSelect, alias: SQLIdentifier?, range: SourceRange)
    /// `f(…) [AS] alias`
    case function(SQLExpr, alias: SQLIdentifier?, range: SourceRange)
    /// Text the reader could not read as a FROM item.
    case error(String, range: SourceRange)

    /// Where it is.
    public var range: SourceRange {
        switch self {
        case .table(_, _, _, let range), .join(_, _, _, _, let range), .parenthesized(_, let range),
            .subquery(_, _, let range), .function(_, _, let range), .error(_, let range):
            return range
        }
    }
}
