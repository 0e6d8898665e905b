/// A schema-qualified table or function name, as PostgreSQL stores it (case preserved).
public struct QualifiedName: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The schema.
    public var schema: String
    /// The name within the schema.
    public var name: String

    /// Creates a name.
    public init(schema: String, name: String) {
        self.schema = schema
        self.name = name
    }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        lhs.schema != rhs.schema ? lhs.schema < rhs.schema : lhs.name < rhs.name
    }

    /// `schema.name`, unquoted (for messages and JSON).
    public var description: String { "\(schema).\(name)" }
}
