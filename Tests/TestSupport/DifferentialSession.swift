/// A generated session: the role a query runs as and the settings it makes.
public struct DifferentialSession: Hashable, Sendable, CustomStringConvertible {
    /// The role (`SET ROLE`).
    public var role: String
    /// Settings made with `set_config(key, value, true)`; a key left out is not set by this
    /// session (what PostgreSQL then reports is read back before evaluating).
    public var settings: [String: String]

    /// Creates a session.
    public init(role: String, settings: [String: String]) {
        self.role = role
        self.settings = settings
    }

    /// `role r; k = 'v', ...` in key order.
    public var description: String {
        let pairs = settings.sorted { $0.key < $1.key }.map { "\($0.key) = \(DifferentialSQL.literal($0.value))" }
        return "role \(role)" + (pairs.isEmpty ? "" : "; " + pairs.joined(separator: ", "))
    }
}
