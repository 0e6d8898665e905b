import PolicySyntax

/// Why a verdict is ACCEPTED: the status it had and the `accept:` entry that accepts it.
public struct Acceptance: Hashable, Sendable {
    /// The verdict's own status (FAILED or UNKNOWN).
    public var status: VerdictStatus
    /// The entry's reason.
    public var reason: String
    /// The entry in pgpe.yaml.
    public var location: FileLocation

    /// Creates an acceptance.
    public init(status: VerdictStatus, reason: String, location: FileLocation) {
        self.status = status
        self.reason = reason
        self.location = location
    }
}
