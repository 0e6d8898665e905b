/// An expected policy's expressions as PostgreSQL prints them back after storing them (the
/// round trip of SPEC 8), or why PostgreSQL refused to store it.
public enum CanonicalPolicy: Hashable, Sendable {
    /// The USING and WITH CHECK expressions as `pg_policies` shows them (`nil` when absent).
    case printed(qual: String?, withCheck: String?)
    /// PostgreSQL refused the expected policy; its message.
    case rejected(String)
}
