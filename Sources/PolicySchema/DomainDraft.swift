/// A domain as `CREATE DOMAIN` declares it, before its base type is resolved.
struct DomainDraft: Sendable {
    /// The base type as written.
    var base: SQLTypeSpec
    /// The search path in force where it was declared.
    var searchPath: [String]
    /// Whether it is declared NOT NULL.
    var notNull = false
    /// Its CHECK constraints, as written.
    var checks: [String] = []
    /// Its collation, as `SchemaReaderState.collationName` resolves it.
    var collation: String?
}
