import PolicySyntax

/// A column of a table.
public struct ColumnModel: Hashable, Sendable {
    /// The column's name (case preserved).
    public var name: String
    /// Its normalized type.
    public var type: SQLType
    /// Whether it is declared NOT NULL (primary key columns are).
    public var notNull: Bool
    /// Where it is declared (schema file), when known.
    public var location: FileLocation?
    /// Its collation when it has one other than the database default: written on the column
    /// (`COLLATE name`) or its domain's (see `SchemaModel.collation(named:)`).
    public var collation: String?

    /// Creates a column.
    public init(name: String, type: SQLType, notNull: Bool, location: FileLocation? = nil, collation: String? = nil) {
        self.name = name
        self.type = type
        self.notNull = notNull
        self.location = location
        self.collation = collation
    }
}
