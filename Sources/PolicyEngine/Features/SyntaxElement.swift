import PolicySyntax

/// The construct under the cursor in a `.policy` file.
public enum SyntaxElement: Sendable {
    /// A policy's name in its declaration.
    case policyName(NameSyntax)
    /// Another word of a policy's header (`POLICY`, `PERMISSIVE`, `FOR SELECT`, …).
    case policyHeader
    /// A grant's header (`GRANT SELECT TO …`).
    case grantHeader
    /// The `GOVERN` word of a `GOVERN SELECTOR …` item.
    case governHeader
    /// A role after `TO`.
    case role(NameSyntax)
    /// A selector term (the innermost one at the cursor).
    case selector(SelectorSyntax)
    /// The column of `has_column(name, …)`.
    case selectorColumn(NameSyntax)
    /// The type of `has_column(…, type)`.
    case typeName(NameSyntax)
    /// The column of `col(name)`.
    case column(NameSyntax)
    /// The column of `outer(name)`: a column of the row the enclosing traversal starts from.
    case outerColumn(NameSyntax)
    /// The key of `session('key')`.
    case session(StringSyntax)
    /// A call `fn(name, […])` (on `fn` or the name).
    case function(FunctionCallSyntax)
    /// A literal inside `lit(…)`.
    case literal(LiteralSyntax)
    /// The `rel` or `exists` word of a traversal.
    case relation(RelationSyntax)
    /// A table of `rel(…)`: the source (`isSource`) or the target.
    case relationTable(TableNameSyntax, RelationSyntax, isSource: Bool)
    /// A column of `rel(…)`: the source's (`isSource`) or the target's.
    case relationColumn(NameSyntax, RelationSyntax, isSource: Bool)
    /// The SQL of `raw('…')`.
    case raw(StringSyntax)
    /// A `true` or `false` atom.
    case constant(Bool)
    /// `now()`.
    case now
}
