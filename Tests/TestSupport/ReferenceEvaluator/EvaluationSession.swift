import Foundation
import PolicySemantics

/// A session for the reference evaluator: the role it runs as and its settings as strings, as
/// `set_config` stores them (a key that was never set is absent), and its transaction's
/// timestamp (`now()`).
public struct EvaluationSession: Hashable, Sendable {
    /// The role the query runs as.
    public var role: String
    /// Session settings.
    public var settings: [String: String]
    /// `now()`: canonical timestamptz text (`YYYY-MM-DD HH:MM:SS[.ffffff]+00`).
    public var now: String

    /// Creates a session; `now` defaults to the clock's time when it is made.
    public init(role: String = PolicySet.publicRole, settings: [String: String] = [:], now: String = EvaluationSession.clock()) {
        self.role = role
        self.settings = settings
        self.now = now
    }

    /// The current time as canonical timestamptz text.
    public static func clock() -> String {
        let microseconds = Int64(Date().timeIntervalSince1970 * 1_000_000)
        return TemporalLiteral.timestampTextAnyYear(microseconds, withTimeZone: true)
    }
}
