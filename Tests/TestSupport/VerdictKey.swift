/// A session key of a generated verdict-differential project: its name, its declared type, the
/// column of the same name and type that policies pin it to, and whether (and where) it is an
/// isolation key.
public struct VerdictKey: Hashable, Sendable {
    /// The key, such as `app.a`.
    public var name: String
    /// Its declared SQL type: `uuid`, `text`, `integer` or `bigint`.
    public var type: String
    /// The column that holds it in the tables that have one (`a` for `app.a`).
    public var column: String
    /// Whether it is listed under `isolation:`.
    public var isolation: Bool
    /// The `tables:` selector of its isolation entry, when one is written (default ALL).
    public var isolationTables: String?

    /// Creates a key.
    public init(name: String, type: String, column: String, isolation: Bool, isolationTables: String? = nil) {
        self.name = name
        self.type = type
        self.column = column
        self.isolation = isolation
        self.isolationTables = isolationTables
    }

    /// What its values are.
    public var family: DifferentialFamily {
        switch type {
        case "uuid": return .uuid
        case "integer", "bigint": return .int
        case "boolean": return .bool
        default: return .text
        }
    }
}
