/// A domain (`CREATE DOMAIN name AS base ...`): a base type with constraints.
///
/// Columns of a domain type carry the domain's name (`public.tenant_key`) and its base type's
/// family. Compiled SQL casts session values to the base type, never to the domain: a cast of
/// NULL (an unset key) to a NOT NULL domain raises instead of matching nothing.
public struct DomainModel: Hashable, Sendable {
    /// The domain's schema-qualified name.
    public var name: QualifiedName
    /// The base type, followed through domains over domains to a type that is not one.
    public var base: SQLType
    /// Whether the domain is declared NOT NULL (the proofs do not rely on it: PostgreSQL lets a
    /// NULL of the domain type into a column through an empty scalar sub-select).
    public var notNull: Bool
    /// The CHECK constraints, as written or as PostgreSQL prints them (recorded, not modelled).
    public var checks: [String]
    /// The domain's collation, when it declares one (`COLLATE name`).
    public var collation: String?

    /// Creates a domain.
    public init(name: QualifiedName, base: SQLType, notNull: Bool = false, checks: [String] = [], collation: String? = nil) {
        self.name = name
        self.base = base
        self.notNull = notNull
        self.checks = checks
        self.collation = collation
    }

    /// The type name columns of this domain carry (`schema.name`).
    public var typeName: String { "\(name.schema).\(name.name)" }
}
