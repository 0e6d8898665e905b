import PolicySchema

/// A value of the policy language lifted from SQL: its text and what is known of its type.
struct LiftedValue {
    /// What kind of value it is.
    enum Kind {
        case column, outer, literal, session, function, now
    }

    /// The policy-language text (`col(a)`, `outer(a)`, `lit('x')`, `session('k')`, `fn(f, […])`, `now()`).
    var dsl: String
    /// The kind of value.
    var kind: Kind
    /// Its SQL type when known (a column's, a cast literal's, a session value's, a function's).
    var type: SQLType?
}
