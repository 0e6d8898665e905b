/// A table name, optionally schema-qualified (`schema.table`).
public struct TableNameSyntax: Hashable, Sendable {
    /// The schema, when written.
    public var schema: NameSyntax?
    /// The table.
    public var name: NameSyntax
    /// The whole name.
    public var range: SourceRange

    /// Creates a table name.
    public init(schema: NameSyntax?, name: NameSyntax, range: SourceRange) {
        self.schema = schema
        self.name = name
        self.range = range
    }
}
