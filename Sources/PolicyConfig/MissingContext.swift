/// What happens when a session key a policy reads is not set (`missing_context:` in pgpe.yaml).
public enum MissingContext: String, Hashable, Sendable, CaseIterable {
    /// An unset or empty key reads as NULL, so comparisons with it are not true: no rows.
    case deny
    /// Reading an unset key fails the query.
    case error
}
