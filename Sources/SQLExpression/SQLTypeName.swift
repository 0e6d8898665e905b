import PolicySyntax

/// A type name as a cast or typed literal writes it: `uuid`, `public.status`, `text[]`,
/// `character varying(10)`, `timestamp with time zone`.
public struct SQLTypeName: Hashable, Sendable {
    /// The schema, when the name is qualified.
    public var schema: SQLIdentifier?
    /// The type's name; built-in multi-word names are one name (`double precision`), and common
    /// aliases are spelled as PostgreSQL prints them (`int4` is `integer`, `varchar` is
    /// `character varying`).
    public var name: SQLIdentifier
    /// The type modifiers in parentheses (`10` in `varchar(10)`), empty without them.
    public var modifiers: [SQLExpr]
    /// How many `[]` follow.
    public var arrayDepth: Int
    /// Where it is.
    public var range: SourceRange

    /// Creates a type name.
    public init(schema: SQLIdentifier?, name: SQLIdentifier, modifiers: [SQLExpr], arrayDepth: Int, range: SourceRange) {
        self.schema = schema
        self.name = name
        self.modifiers = modifiers
        self.arrayDepth = arrayDepth
        self.range = range
    }
}
