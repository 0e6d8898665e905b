/// A foreign key from columns of one table to columns of another.
public struct ForeignKeyModel: Hashable, Sendable {
    /// The constraint's name, when known.
    public var name: String?
    /// The referencing columns.
    public var columns: [String]
    /// The referenced table.
    public var referencedTable: QualifiedName
    /// The referenced columns (the referenced table's primary key when omitted in SQL).
    public var referencedColumns: [String]

    /// Creates a foreign key.
    public init(name: String?, columns: [String], referencedTable: QualifiedName, referencedColumns: [String]) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
    }
}
