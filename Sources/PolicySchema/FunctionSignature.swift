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
