/// One argument of a function call, positional or named (`name => value`).
public struct SQLFunctionArgument: Hashable, Sendable {
    /// The parameter name of a named argument.
    public var name: SQLIdentifier?
    /// The value (`*` in `count(*)` is a `.star` node).
    public var value: SQLExpr

    /// Creates an argument.
    public init(name: SQLIdentifier?, value: SQLExpr) {
        self.name = name
        self.value = value
    }
}
