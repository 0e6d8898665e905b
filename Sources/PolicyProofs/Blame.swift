import PolicySyntax

/// The clause (of which policy, where) that let a session in.
public struct Blame: Hashable, Sendable {
    /// The policy's name.
    public var policy: String
    /// The clause's location.
    public var location: FileLocation
    /// Which session (1 or 2) it admitted, when the proof has sessions.
    public var session: Int?

    /// Creates a blame.
    public init(policy: String, location: FileLocation, session: Int?) {
        self.policy = policy
        self.location = location
        self.session = session
    }
}
