/// What the file says about a user-defined type.
enum UserTypeInfo: Sendable {
    /// `CREATE TYPE ... AS ENUM`: compares like text.
    case enumeration
    /// `CREATE DOMAIN ... AS base`: behaves like its base type.
    case domain(DomainDraft)
    /// Composite, range, base or shell types.
    case other
}
