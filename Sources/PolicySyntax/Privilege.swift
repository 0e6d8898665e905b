/// A privilege of a `GRANT` item.
public enum Privilege: String, Hashable, Sendable, CaseIterable, Comparable {
    case select = "SELECT"
    case insert = "INSERT"
    case update = "UPDATE"
    case delete = "DELETE"
    case all = "ALL"

    private var order: Int {
        switch self {
        case .select: return 0
        case .insert: return 1
        case .update: return 2
        case .delete: return 3
        case .all: return 4
        }
    }

    public static func < (lhs: Privilege, rhs: Privilege) -> Bool { lhs.order < rhs.order }
}
