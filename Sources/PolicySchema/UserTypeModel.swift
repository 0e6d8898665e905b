/// A user-defined type that is not a domain (domains are `DomainModel`s): an enum with its
/// labels, a composite type, or another kind (range, extension base type).
///
/// Function declarations in pgpe.yaml may name these types (`args: [uuid, app.role]`); the
/// checker resolves such a name against the schema's types and checks literals passed to an
/// enum argument against its labels.
public struct UserTypeModel: Hashable, Sendable {
    /// What kind of type it is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `CREATE TYPE ... AS ENUM (...)`: compares like text; its labels are known.
        case enumeration = "enum"
        /// `CREATE TYPE ... AS (...)`: a row type.
        case composite
        /// A range, base or shell type.
        case other
    }

    /// The type's schema-qualified name.
    public var name: QualifiedName
    /// Its kind.
    public var kind: Kind
    /// An enum's labels in declaration order (empty for other kinds).
    public var labels: [String]

    /// Creates a type.
    public init(name: QualifiedName, kind: Kind, labels: [String] = []) {
        self.name = name
        self.kind = kind
        self.labels = labels
    }

    /// The type name columns and functions of this type carry (`schema.name`).
    public var typeName: String { "\(name.schema).\(name.name)" }

    /// The type as policies see it: an enum compares like text, the other kinds are opaque.
    public var sqlType: SQLType {
        SQLType(name: typeName, family: kind == .enumeration ? .text : .other)
    }
}
