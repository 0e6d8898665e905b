import PolicySyntax

/// A value in a row or a session, as the reference evaluator sees it. uuids are lower-case text;
/// timestamps and dates are text in ISO form.
public enum SQLValue: Hashable, Sendable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// Text (also uuid, timestamps, dates).
    case text(String)

    /// Strings compare by UTF-8 bytes, as PostgreSQL does.
    public static func == (lhs: SQLValue, rhs: SQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.text(let a), .text(let b)): return a.utf8.elementsEqual(b.utf8)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .int(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .text(let value):
            hasher.combine(3)
            for byte in value.utf8 { hasher.combine(byte) }
        }
    }

    /// Whether the value is NULL.
    public var isNull: Bool { self == .null }

    /// The value as SQL literal text (`NULL`, `true`, `42`, `'it''s'`).
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .text(let value): return "'" + value.doublingQuotes("'") + "'"
        }
    }

    /// The value of a normal-form literal.
    public init(_ literal: LiteralValue) {
        switch literal {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .string(let value): self = .text(value)
        }
    }
}
