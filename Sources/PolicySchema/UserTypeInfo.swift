/// What the file says about a user-defined type.
enum UserTypeInfo: Sendable {
    /// `CREATE TYPE ... AS ENUM ('a', ...)`: compares like text; its labels in order.
    case enumeration([String])
    /// `CREATE TYPE ... AS (...)`: a row type.
    case composite
    /// `CREATE DOMAIN ... AS base`: behaves like its base type.
    case domain(DomainDraft)
    /// Range, base or shell types.
    case other
}
