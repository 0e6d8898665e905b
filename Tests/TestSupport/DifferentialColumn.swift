/// A column of a generated differential-test table.
public struct DifferentialColumn: Hashable, Sendable {
    /// The column's name as PostgreSQL stores it (it may need quoting).
    public var name: String
    /// Its type as written in `CREATE TABLE` (`integer`, `bigint`, `text`, `uuid`, `boolean`).
    public var type: String
    /// What its values are.
    public var family: DifferentialFamily
    /// Whether it is NOT NULL.
    public var notNull: Bool
    /// The table whose `id` it references, when it is a foreign key.
    public var references: String?

    /// Creates a column.
    public init(name: String, type: String, family: DifferentialFamily, notNull: Bool, references: String? = nil) {
        self.name = name
        self.type = type
        self.family = family
        self.notNull = notNull
        self.references = references
    }
}
