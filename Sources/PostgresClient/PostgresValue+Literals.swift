/// Literal syntax for parameters: `["public", 42, true, 1.5, nil]`.
extension PostgresValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByArrayLiteral
{
    /// A `.text` value.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An `.int` value.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A `.bool` value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A `.double` value.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// An `.array` value.
    public init(arrayLiteral elements: String?...) { self = .array(elements) }
}
