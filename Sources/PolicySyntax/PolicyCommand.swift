/// The commands a policy governs.
public enum PolicyCommand: String, Hashable, Sendable, CaseIterable, Comparable {
    case select = "SELECT"
    case insert = "INSERT"
    case update = "UPDATE"
    case delete = "DELETE"

    /// The position in SELECT, INSERT, UPDATE, DELETE order.
    public var order: Int {
        switch self {
        case .select: return 0
        case .insert: return 1
        case .update: return 2
        case .delete: return 3
        }
    }

    /// Whether the command evaluates USING (on existing rows).
    public var usesUsing: Bool { self != .insert }
    /// Whether the command evaluates WITH CHECK (on new rows).
    public var usesCheck: Bool { self == .insert || self == .update }

    public static func < (lhs: PolicyCommand, rhs: PolicyCommand) -> Bool { lhs.order < rhs.order }
}
