import PostgresClient

/// A failure while talking to the live database, carrying what a person needs to act: what
/// pgpe was doing, what PostgreSQL said and its SQLSTATE.
///
/// Built only from scrubbed `PostgresError`s and pgpe's own text, so it never contains a
/// password; printing it is safe.
public struct DatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure it is.
    public enum Kind: String, Hashable, Sendable {
        /// Connecting failed, or the connection was lost.
        case connection
        /// A lock (on a table, or the apply advisory lock) was not granted within `lock_timeout`.
        case lockTimeout = "lock_timeout"
        /// The connected role lacks a privilege pgpe needs.
        case permission
        /// A statement failed.
        case statement
        /// The database lacks something the policies need (a table, a role).
        case precondition
    }

    /// The kind.
    public let kind: Kind
    /// What pgpe was doing (`apply the plan`, `read the catalog`).
    public let action: String
    /// What went wrong, in one or more sentences.
    public let message: String
    /// The SQLSTATE, when PostgreSQL reported one.
    public let sqlState: String?
    /// Whether the database was left exactly as it was (the transaction was rolled back).
    public let unchanged: Bool

    /// Creates an error from pgpe's own text.
    public init(kind: Kind, action: String, message: String, sqlState: String? = nil, unchanged: Bool = true) {
        self.kind = kind
        self.action = action
        self.message = message
        self.sqlState = sqlState
        self.unchanged = unchanged
    }

    /// Wraps a PostgreSQL failure that happened while doing `action`; `lockTimeoutMilliseconds`
    /// is named in the message when a lock wait timed out.
    public init(_ error: PostgresError, action: String, lockTimeoutMilliseconds: Int? = nil, unchanged: Bool = true) {
        var text = error.message
        if let detail = error.detail { text += " (\(detail))" }
        if let hint = error.hint { text += "; hint: \(hint)" }
        let kind: Kind
        switch (error.kind, error.sqlState) {
        case (.connection, _):
            kind = .connection
        case (_, "55P03"?):
            kind = .lockTimeout
            let limit = lockTimeoutMilliseconds.map { " within \($0) ms" } ?? ""
            text = "a lock was not granted\(limit) (lock_timeout): another session holds it. PostgreSQL said: \(text)"
        case (_, "42501"?):
            kind = .permission
            text +=
                "; pgpe needs the privileges of the governed tables' owner: apply changes the tables, and "
                + "the comparison creates the expected policies in a transaction it rolls back, to read them as "
                + "PostgreSQL prints them"
        case (_, "57P01"?), (_, "57P02"?), (_, "57P03"?), (_, "08000"?), (_, "08003"?), (_, "08006"?):
            kind = .connection
        default:
            kind = .statement
        }
        self.init(kind: kind, action: action, message: text, sqlState: error.sqlState, unchanged: unchanged)
    }

    /// `cannot <action>: <message>`, the SQLSTATE, and whether the database was left unchanged.
    public var description: String {
        var text = "cannot \(action): \(message)"
        if let sqlState { text += " [SQLSTATE \(sqlState)]" }
        if unchanged && kind != .connection { text += "; nothing was changed" }
        return text
    }
}
