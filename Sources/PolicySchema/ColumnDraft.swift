import PolicySyntax

/// A column as the SQL declares it, before types are resolved.
struct ColumnDraft: Sendable {
    /// The column's name.
    var name: String
    /// Where its name is written.
    var nameRange: SourceRange
    /// Its type; nil for an option-only entry of `PARTITION OF` or a definition missing its type.
    var type: SQLTypeSpec?
    /// Whether it is NOT NULL (declared, serial, identity).
    var notNull: Bool
    /// The search path in force where it was declared (for resolving user types).
    var searchPath: [String]
    /// Whether it only adds options to an inherited column (`name WITH OPTIONS NOT NULL`).
    var isOverride: Bool
    /// Its collation (`COLLATE name`), as `SchemaReaderState.collationName` resolves it.
    var collation: String? = nil
}
