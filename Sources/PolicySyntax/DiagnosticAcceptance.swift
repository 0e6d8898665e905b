/// The `accept:` entry of pgpe.yaml that accepts a finding (SPEC 11.8): its reason and where it
/// is. An accepted finding is shown as information and fails no run.
public struct DiagnosticAcceptance: Hashable, Sendable {
    /// Why the finding is accepted.
    public var reason: String
    /// Where the entry is in pgpe.yaml.
    public var location: FileLocation

    /// Creates an acceptance.
    public init(reason: String, location: FileLocation) {
        self.reason = reason
        self.location = location
    }
}
