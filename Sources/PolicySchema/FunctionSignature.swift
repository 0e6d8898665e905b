import PolicySyntax

/// A function's signature as the schema declares it.
public struct FunctionSignature: Hashable, Sendable {
    /// The qualified name.
    public var name: QualifiedName
    /// The argument types.
    public var argumentTypes: [SQLType]
    /// The return type.
    public var returnType: SQLType
    /// Whether it is SECURITY DEFINER.
    public var securityDefiner: Bool
    /// Where it is declared, when known.
    public var location: FileLocation?
    /// The owning role, when known (a SECURITY DEFINER function runs with its rights).
    public var owner: String?
    /// The roles that may execute it (`public` for PUBLIC, which holds EXECUTE on a new
    /// function until it is revoked), sorted.
    public var executors: [String] = ["public"]
    /// The tables and views its body reads or writes (after FROM, JOIN, INTO, UPDATE), sorted;
    /// `nil` when the body cannot be read (a language other than SQL and PL/pgSQL).
    public var bodyTables: [QualifiedName]? = []

    /// Creates a signature.
    public init(
        name: QualifiedName, argumentTypes: [SQLType], returnType: SQLType, securityDefiner: Bool = false,
        location: FileLocation? = nil
    ) {
        self.name = name
        self.argumentTypes = argumentTypes
        self.returnType = returnType
        self.securityDefiner = securityDefiner
        self.location = location
    }
}
