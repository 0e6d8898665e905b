import PolicySyntax

/// A foreign key as the SQL declares it; the target and default columns are resolved at the end.
struct ForeignKeyDraft: Sendable {
    /// The constraint name (given, or PostgreSQL's default).
    var name: String
    /// The referencing columns.
    var columns: [String]
    /// The referenced table.
    var target: TableReference
    /// The referenced columns; nil means the target's primary key.
    var referencedColumns: [String]?
    /// Where `REFERENCES` is written.
    var range: SourceRange
}
