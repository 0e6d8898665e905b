/// The query would fail in PostgreSQL (an unset key under `missing_context: error`, a setting
/// that does not cast to its type, an uninterpreted function or raw SQL).
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
