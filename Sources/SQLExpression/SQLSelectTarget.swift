/// One entry of a SELECT list: an expression and its alias (`auth.uid() AS uid`).
public struct SQLSelectTarget: Hashable, Sendable {
    /// The expression.
    public var expression: SQLExpr
    /// The alias, when the text names one.
    public var alias: SQLIdentifier?

    /// Creates a target.
    public init(expression: SQLExpr, alias: SQLIdentifier?) {
        self.expression = expression
        self.alias = alias
    }
}
