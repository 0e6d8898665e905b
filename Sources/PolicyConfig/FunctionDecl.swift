import PolicySchema
import PolicySyntax

/// A function allowed in `fn(...)`, declared under `functions:`.
public struct FunctionDecl: Hashable, Sendable {
    /// The name used in policies.
    public var name: String
    /// The argument types (user types are resolved against the schema by the checker).
    public var arguments: [SQLType]
    /// How many leading arguments a call must pass: the arguments after them have defaults
    /// (`{type: T, default: true}`) and may be left out.
    public var requiredArgumentCount: Int
    /// The return type.
    public var returns: SQLType
    /// The schema the compiled call is qualified with.
    public var schema: String
    /// How its result may change (`volatility:`, stable by default).
    public var volatility: FunctionVolatility
    /// Where it is declared in pgpe.yaml.
    public var location: FileLocation?
    /// Where each argument's type is written in pgpe.yaml, in argument order.
    public var argumentLocations: [FileLocation?]
    /// Where the return type is written in pgpe.yaml.
    public var returnsLocation: FileLocation?

    /// Creates a declaration; every argument is required unless `requiredArgumentCount` says fewer.
    public init(
        name: String, arguments: [SQLType], returns: SQLType, schema: String = "public", location: FileLocation? = nil,
        requiredArgumentCount: Int? = nil, volatility: FunctionVolatility = .stable,
        argumentLocations: [FileLocation?] = [], returnsLocation: FileLocation? = nil
    ) {
        self.name = name
        self.arguments = arguments
        self.requiredArgumentCount = min(requiredArgumentCount ?? arguments.count, arguments.count)
        self.returns = returns
        self.schema = schema
        self.volatility = volatility
        self.location = location
        self.argumentLocations = argumentLocations
        self.returnsLocation = returnsLocation
    }

    /// `schema.name(arg, ...) returns type`, for hover and messages; an argument with a default
    /// reads `type DEFAULT`, a volatility other than stable is added at the end.
    public var signature: String {
        let arguments = self.arguments.enumerated().map { index, type in
            index < requiredArgumentCount ? type.name : type.name + " DEFAULT"
        }
        let volatility = self.volatility == .stable ? "" : " " + self.volatility.rawValue
        return "\(schema).\(name)(\(arguments.joined(separator: ", "))) returns \(returns.name)\(volatility)"
    }

    /// How many arguments a call may pass: `2`, or `1 to 2` with defaults.
    public var arityDescription: String {
        requiredArgumentCount == arguments.count
            ? "\(arguments.count)" : "\(requiredArgumentCount) to \(arguments.count)"
    }
}
