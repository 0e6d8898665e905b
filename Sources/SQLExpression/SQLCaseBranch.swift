/// One `WHEN condition THEN result` of a `CASE`.
public struct SQLCaseBranch: Hashable, Sendable {
    /// The condition (or, in `CASE operand WHEN value`, the value compared with the operand).
    public var condition: SQLExpr
    /// The result.
    public var result: SQLExpr

    /// Creates a branch.
    public init(condition: SQLExpr, result: SQLExpr) {
        self.condition = condition
        self.result = result
    }
}
