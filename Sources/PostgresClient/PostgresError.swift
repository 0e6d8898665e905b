/// A failure to connect to PostgreSQL or of a statement, with what the server said.
///
/// Every text field has been scrubbed of the connection's password (replaced by `***`)
/// before the error is created, so printing or logging it is safe.
public struct PostgresError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the connection or a statement failed.
    public let kind: Kind
    /// The SQLSTATE code (`42P01`), when the server reported one.
    public let sqlState: String?
    /// The severity (`ERROR`, `FATAL`), when the server reported one.
    public let severity: String?
    /// The primary message.
    public let message: String
    /// The detail line, when given.
    public let detail: String?
    /// The hint line, when given.
    public let hint: String?
    /// The 1-based character position in the statement text the error points at, when given.
    public let position: Int?

    /// Builds an error; callers pass text that has already been scrubbed.
    init(
        kind: Kind, sqlState: String? = nil, severity: String? = nil, message: String,
        detail: String? = nil, hint: String? = nil, position: Int? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
    }

    /// One readable paragraph: kind, SQLSTATE, message, position, detail and hint.
    public var description: String {
        var head = kind == .connection ? "PostgreSQL connection error" : "PostgreSQL error"
        if let sqlState { head += " \(sqlState)" }
        var text = "\(head): \(message)"
        if let position { text += " (at character \(position))" }
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        return text
    }
}
