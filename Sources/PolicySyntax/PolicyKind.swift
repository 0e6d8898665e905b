/// Whether a policy widens (permissive) or narrows (restrictive) what is visible.
public enum PolicyKind: String, Hashable, Sendable {
    case permissive = "PERMISSIVE"
    case restrictive = "RESTRICTIVE"
}
