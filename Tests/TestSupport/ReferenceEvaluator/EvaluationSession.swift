import PolicySemantics

/// A session for the reference evaluator: the role it runs as and its settings as strings, as
/// `set_config` stores them (a key that was never set is absent).
public struct EvaluationSession: Hashable, Sendable {
    /// The role the query runs as.
    public var role: String
    /// Session settings.
    public var settings: [String: String]

    /// Creates a session.
    public init(role: String = PolicySet.publicRole, settings: [String: String] = [:]) {
        self.role = role
        self.settings = settings
    }
}
