/// One value sent to or read from PostgreSQL; SQL NULL is `nil` around it.
///
/// Results are decoded by the column's type OID (see `PostgresTypeOID`): `bool` is `.bool`;
/// `int2`, `int4`, `int8`, `oid` are `.int`; `float4`, `float8` are `.double`; `numeric` is
/// `.numeric` (its exact text); arrays of any element type and the `int2vector`/`oidvector`
/// types are `.array`; everything else (`text`, `name`, `varchar`, `bpchar`, `"char"`, `uuid`,
/// `json`, `jsonb`, timestamps, `regclass`, ...) is `.text` with PostgreSQL's text output.
public enum PostgresValue: Hashable, Sendable {
    /// A boolean.
    case bool(Bool)
    /// An integer (`int2`, `int4`, `int8`, `oid`).
    case int(Int)
    /// A binary floating-point number (`float4`, `float8`).
    case double(Double)
    /// An arbitrary-precision `numeric`, kept as PostgreSQL prints it (`12.50`, `NaN`).
    case numeric(String)
    /// Any value in its text form.
    case text(String)
    /// The elements of a one-dimensional array (nested arrays flattened), `nil` for NULL.
    case array([String?])

    /// The text of a `.text` or `.numeric` value.
    public var string: String? {
        switch self {
        case .text(let value), .numeric(let value): return value
        default: return nil
        }
    }

    /// The integer of an `.int` value.
    public var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The boolean of a `.bool` value.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number of a `.double`, `.numeric` or `.int` value as a `Double`.
    public var double: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        case .numeric(let text): return Double(text)
        default: return nil
        }
    }

    /// The elements of an `.array` value.
    public var stringArray: [String?]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text form PostgreSQL's input functions read, used to bind this value as a parameter.
    public var parameterText: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value):
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
            return String(value)
        case .numeric(let text), .text(let text): return text
        case .array(let elements): return PostgresArrayLiteral.encode(elements)
        }
    }
}
