/// What a completion proposes (the language server maps these to LSP completion item kinds).
public enum CompletionEntryKind: String, Hashable, Sendable {
    /// A keyword of the language.
    case keyword
    /// A function-style word (`col(`, `has_column(`) or a declared function.
    case function
    /// A column.
    case column
    /// A table.
    case table
    /// A session key.
    case sessionKey
    /// A type name.
    case type
    /// A role.
    case role
    /// A schema.
    case schema
    /// A tag of `tagged()`.
    case tag
    /// A constant (`true`, `null`).
    case value
    /// A comparison operator.
    case comparison
}
