/// How a declared function's result may change (`volatility:` of a `functions:` entry), as
/// PostgreSQL's `IMMUTABLE`, `STABLE` and `VOLATILE` say.
///
/// The compiler wraps a call without `col()` arguments as `(SELECT f(args))`, evaluated once per
/// query, unless the function is volatile. The prover reads an immutable function as one
/// function of its arguments for every session, a stable one as a function of its arguments
/// per session (the two sessions of an isolation query may see different results), and each
/// call of a volatile one as a fresh unknown value.
public enum FunctionVolatility: String, Hashable, Sendable, CaseIterable {
    /// The same arguments always give the same result.
    case immutable
    /// The same arguments give the same result within one query (the default).
    case stable
    /// Each call may give a different result.
    case volatile
}
