/// A JSON value as RFC 8259 defines it, with integers kept apart from other numbers.
///
/// Numbers that are written without a fraction or an exponent and fit in `Int` are
/// `.integer`; every other number is `.double`. Objects keep their members in the order
/// they were parsed or inserted, so serialization is deterministic. Two values are equal
/// when they have the same kind and contents; object member order does not matter for
/// equality, and `.integer(1)` is not equal to `.double(1)`.
public enum JSONValue: Sendable, Hashable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number. Serializing a non-finite value writes `null`.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose members keep their insertion order.
    case object(JSONObject)
}
