/// What an SQL expression node is.
public indirect enum SQLExprKind: Hashable, Sendable {
    /// A column reference: `a`, `t.a`, `s.t.a`.
    case column([SQLIdentifier])
    /// `*` or `t.*` (in `count(*)` and SELECT lists).
    case star(qualifier: [SQLIdentifier])
    /// A string constant (its value: quotes undoubled, `E'…'` escapes and dollar quotes decoded).
    case string(String)
    /// A numeric constant, as written.
    case number(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// `NULL`
    case null
    /// A positional parameter such as `$1`.
    case parameter(String)
    /// A cast: `x::type`, `CAST(x AS type)` or the typed literal `type 'x'`.
    case cast(SQLExpr, SQLTypeName, syntax: SQLCastSyntax)
    /// A function call; `name` is qualified or not. `COALESCE`, `NULLIF`, `GREATEST` and `LEAST`
    /// are calls whose `keyword` is true (PostgreSQL prints them in upper case); so is
    /// `EXTRACT(field FROM x)`, whose two arguments are the field (a column node) and `x`.
    case call(name: [SQLIdentifier], arguments: [SQLFunctionArgument], keyword: Bool)
    /// A special value written as a keyword: `CURRENT_USER`, `SESSION_USER`, `CURRENT_ROLE`,
    /// `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `LOCALTIME`, … (upper case), with an optional precision.
    case sqlValue(String, precision: String?)
    /// A prefix operator: `NOT x`, `- x`, `+ x`, `~ x`.
    case prefix(String, SQLExpr)
    /// `a AND b AND …` or `a OR b OR …` (`op` is `AND` or `OR`): a chain of one operator is one
    /// node, as PostgreSQL keeps it, so a long chain does not nest.
    case logical(String, [SQLExpr])
    /// A binary operator: comparisons, `LIKE`, `NOT ILIKE`, `~~`, `->>`, `||`,
    /// `OPERATOR(pg_catalog.=)`, … (keywords in upper case; `!=` read as `<>`).
    case binary(String, SQLExpr, SQLExpr)
    /// `x IS [NOT] NULL | TRUE | FALSE | UNKNOWN` (the test in upper case).
    case isTest(SQLExpr, String, negated: Bool)
    /// `x IS [NOT] DISTINCT FROM y`
    case distinctFrom(SQLExpr, SQLExpr, negated: Bool)
    /// `x [NOT] BETWEEN [SYMMETRIC] low AND high`
    case between(SQLExpr, low: SQLExpr, high: SQLExpr, negated: Bool, symmetric: Bool)
    /// `x [NOT] IN (a, b, …)`
    case inList(SQLExpr, [SQLExpr], negated: Bool)
    /// `x [NOT] IN (SELECT …)`
    case inSelect(SQLExpr, SQLSelect, negated: Bool)
    /// `x op ANY|ALL|SOME (array)` or `x op ANY (SELECT …)` (the right side a `.subquery`).
    case quantified(SQLExpr, op: String, quantifier: String, SQLExpr)
    /// `EXISTS (SELECT …)`
    case exists(SQLSelect)
    /// A scalar sub-select `(SELECT …)`.
    case subquery(SQLSelect)
    /// `ARRAY[a, b]`, or a bare `[a, b]` inside one (`bracketsOnly`).
    case array([SQLExpr], bracketsOnly: Bool)
    /// `ARRAY(SELECT …)`
    case arraySelect(SQLSelect)
    /// `ROW(a, b)` or `(a, b)` (`explicit` when the text says `ROW`).
    case row([SQLExpr], explicit: Bool)
    /// `CASE [operand] WHEN … THEN … [ELSE …] END`
    case caseWhen(operand: SQLExpr?, branches: [SQLCaseBranch], elseResult: SQLExpr?)
    /// `x[i]` or `x[a:b]` (`upper` set for a slice).
    case element(SQLExpr, lower: SQLExpr?, upper: SQLExpr?, slice: Bool)
    /// `(x).field`, or `(x).*` when `field` is nil.
    case field(SQLExpr, SQLIdentifier?)
    /// `( x )`: parentheses the text wrote (kept, so the printer gives them back).
    case parenthesized(SQLExpr)
    /// A part the reader could not read, with its source text and what it read inside it.
    case error(String, parts: [SQLExpr])

    /// The nodes directly below this one, sub-selects' expressions included, in text order.
    public var children: [SQLExpr] {
        switch self {
        case .column, .star, .string, .number, .boolean, .null, .parameter, .sqlValue: return []
        case .cast(let inner, let type, _): return [inner] + type.modifiers
        case .call(_, let arguments, _): return arguments.map(\.value)
        case .prefix(_, let operand): return [operand]
        case .binary(_, let left, let right), .distinctFrom(let left, let right, _): return [left, right]
        case .isTest(let operand, _, _): return [operand]
        case .between(let operand, let low, let high, _, _): return [operand, low, high]
        case .inList(let operand, let items, _): return [operand] + items
        case .inSelect(let operand, let select, _): return [operand] + select.expressions
        case .quantified(let left, _, _, let right): return [left, right]
        case .exists(let select), .subquery(let select), .arraySelect(let select): return select.expressions
        case .array(let items, _), .row(let items, _), .logical(_, let items): return items
        case .caseWhen(let operand, let branches, let elseResult):
            return (operand.map { [$0] } ?? []) + branches.flatMap { [$0.condition, $0.result] } + (elseResult.map { [$0] } ?? [])
        case .element(let base, let lower, let upper, _): return [base] + [lower, upper].compactMap { $0 }
        case .parenthesized(let inner), .field(let inner, _): return [inner]
        case .error(_, let parts): return parts
        }
    }
}
