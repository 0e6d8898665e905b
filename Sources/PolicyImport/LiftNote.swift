/// A sub-expression that stayed `raw('…')`, with the reason it could not be lifted.
public struct LiftNote: Hashable, Sendable {
    /// The SQL text kept raw.
    public var sql: String
    /// Why it could not be said in the policy language.
    public var reason: String

    /// Creates a note.
    public init(sql: String, reason: String) {
        self.sql = sql
        self.reason = reason
    }
}
