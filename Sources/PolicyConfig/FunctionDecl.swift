import PolicySchema
import PolicySyntax

/// A function allowed in `fn(...)`, declared under `functions:`.
public struct FunctionDecl: Hashable, Sendable {
    /// The name used in policies.
    public var name: String
    /// The argument types.
    public var arguments: [SQLType]
    /// The return type.
    public var returns: SQLType
    /// The schema the compiled call is qualified with.
    public var schema: String
    /// Where it is declared in pgpe.yaml.
    public var location: FileLocation?

    /// Creates a declaration.
    public init(name: String, arguments: [SQLType], returns: SQLType, schema: String = "public", location: FileLocation? = nil) {
        self.name = name
        self.arguments = arguments
        self.returns = returns
        self.schema = schema
        self.location = location
    }

    /// `schema.name(arg, ...) returns type`, for hover and messages.
    public var signature: String {
        "\(schema).\(name)(\(arguments.map(\.name).joined(separator: ", "))) returns \(returns.name)"
    }
}
