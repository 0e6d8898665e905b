extension PostgresValue {
    /// Decodes PostgreSQL's text output `text` for a column of type `typeOID`.
    ///
    /// A value that does not parse as its type claims (which the server never sends) is kept
    /// as `.text` rather than lost.
    init(text: String, typeOID: UInt32) {
        switch typeOID {
        case PostgresTypeOID.bool:
            switch text {
            case "t": self = .bool(true)
            case "f": self = .bool(false)
            default: self = .text(text)
            }
        case PostgresTypeOID.int2, PostgresTypeOID.int4, PostgresTypeOID.int8, PostgresTypeOID.oid:
            self = Int(text).map(PostgresValue.int) ?? .text(text)
        case PostgresTypeOID.float4, PostgresTypeOID.float8:
            self = Double(text).map(PostgresValue.double) ?? .text(text)
        case PostgresTypeOID.numeric:
            self = .numeric(text)
        case PostgresTypeOID.uuid:
            self = .text(text.lowercased())
        case PostgresTypeOID.int2vector, PostgresTypeOID.oidvector:
            self = .array(text.split(separator: " ").map { String($0) })
        case _ where PostgresTypeOID.arrays.contains(typeOID):
            self = PostgresArrayLiteral.parse(text).map(PostgresValue.array) ?? .text(text)
        default:
            self = .text(text)
        }
    }
}
