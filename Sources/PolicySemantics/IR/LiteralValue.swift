import PolicySyntax

/// A constant of the normalized form. Strings keep their text; after typing, uuid literals are
/// lower case, and string literals compared with integer or boolean columns become integers
/// or booleans.
public enum LiteralValue: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `null`
    case null
    /// `true` / `false`
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A string.
    case string(String)

    private var rank: Int {
        switch self {
        case .null: return 0
        case .bool: return 1
        case .int: return 2
        case .string: return 3
        }
    }

    /// Strings are equal when their UTF-8 bytes are (as PostgreSQL compares them), not under
    /// Swift's canonical equivalence.
    public static func == (lhs: LiteralValue, rhs: LiteralValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
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
        case .string(let value):
            hasher.combine(3)
            for byte in value.utf8 { hasher.combine(byte) }
        }
    }

    public static func < (lhs: LiteralValue, rhs: LiteralValue) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.int(let a), .int(let b)): return a < b
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: return lhs.rank < rhs.rank
        }
    }

    /// The literal as the policy language writes it (`'it''s'`, `42`, `true`, `null`).
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .string(let value): return "'" + value.doublingQuotes("'") + "'"
        }
    }
}
