/// What a symbol is (the language server maps these to LSP symbol kinds).
public enum SymbolCategory: String, Hashable, Sendable {
    /// A policy.
    case policy
    /// A grant.
    case grant
    /// A `GOVERN SELECTOR …` item.
    case govern
    /// A policy's selector.
    case selector
    /// A clause of a policy.
    case clause
    /// A table of the schema.
    case table
}
