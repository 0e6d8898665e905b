extension PostgresError {
    /// What failed.
    public enum Kind: Hashable, Sendable {
        /// Connecting failed, or the connection was lost or closed.
        case connection
        /// A statement failed (the connection is still usable).
        case query
    }
}
