import PolicySchema
import SMT

/// A SQL value in the solver: a null flag and a value of the family's sort.
struct EncodedValue {
    /// True when the value is NULL.
    var null: Term
    /// The value (meaningless when null).
    var value: Term
    /// Its type family.
    var family: TypeFamily
}
