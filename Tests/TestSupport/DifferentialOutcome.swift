import PolicySemantics
import PostgresClient

/// What one side of the differential test said about one check.
public enum DifferentialOutcome: Hashable, Sendable, CustomStringConvertible {
    /// The ids a read returned, sorted.
    case rows([Int])
    /// The number of rows a write changed.
    case affected(Int)
    /// A value (a session setting cast to its type).
    case value(SQLValue)
    /// "new row violates row-level security policy".
    case denied
    /// Any other error, with its message.
    case failed(String)

    /// The outcome for messages.
    public var description: String {
        switch self {
        case .rows(let ids): return "rows " + (ids.isEmpty ? "(none)" : ids.map(String.init).joined(separator: ", "))
        case .affected(let count): return "\(count) row\(count == 1 ? "" : "s") changed"
        case .value(let value): return "value \(value)"
        case .denied: return "error: new row violates row-level security policy"
        case .failed(let message): return "error: \(message)"
        }
    }

    /// The outcome of a statement PostgreSQL failed: `.denied` for a row-level security
    /// violation, else `.failed` with the message.
    public init(_ error: PostgresError) {
        if error.sqlState == "42501" && error.message.contains("row-level security") {
            self = .denied
        } else {
            self = .failed(error.message)
        }
    }
}
