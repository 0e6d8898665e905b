/// A notice or warning the server sent (`RAISE NOTICE`, "table does not exist, skipping"),
/// kept on the connection instead of being printed.
public struct PostgresNotice: Hashable, Sendable {
    /// The severity (`NOTICE`, `WARNING`, `INFO`, `DEBUG`, `LOG`).
    public let severity: String
    /// The SQLSTATE code (`00000`, `01000`, ...).
    public let sqlState: String?
    /// The primary message.
    public let message: String
    /// The detail line, when given.
    public let detail: String?
    /// The hint line, when given.
    public let hint: String?
}
