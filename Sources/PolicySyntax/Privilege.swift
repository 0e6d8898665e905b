/// A privilege of a `GRANT` item. `ALL` stands for the four row commands RLS governs (SELECT,
/// INSERT, UPDATE, DELETE), as in v1; TRUNCATE, REFERENCES and TRIGGER are granted only when
/// named (docs/database.md, "Grants").
public enum Privilege: String, Hashable, Sendable, CaseIterable, Comparable {
    case select = "SELECT"
    case insert = "INSERT"
    case update = "UPDATE"
    case delete = "DELETE"
    case truncate = "TRUNCATE"
    case references = "REFERENCES"
    case trigger = "TRIGGER"
    case all = "ALL"

    /// The privileges `ALL` stands for.
    public static let rowCommands: [Privilege] = [.select, .insert, .update, .delete]

    private var order: Int {
        switch self {
        case .select: return 0
        case .insert: return 1
        case .update: return 2
        case .delete: return 3
        case .truncate: return 4
        case .references: return 5
        case .trigger: return 6
        case .all: return 7
        }
    }

    public static func < (lhs: Privilege, rhs: Privilege) -> Bool { lhs.order < rhs.order }
}
