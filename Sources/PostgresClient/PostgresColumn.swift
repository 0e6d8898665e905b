/// A result column: its name as the server reports it and its type.
public struct PostgresColumn: Hashable, Sendable {
    /// The column name (`relname`, or the alias given with `AS`).
    public let name: String
    /// The type OID (`pg_type.oid`); see `PostgresTypeOID`.
    public let typeOID: UInt32

    /// A column named `name` of type `typeOID`.
    public init(name: String, typeOID: UInt32) {
        self.name = name
        self.typeOID = typeOID
    }
}
