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

    /// The privileges the language writes one by one (every case but `ALL`), in the order they
    /// are listed: the one list of them, which `pgpe import` takes from a table's grants and
    /// `monitor` compares with the live ones (PostgreSQL 17's MAINTAIN is not among them).
    public static let written: [Privilege] = allCases.filter { $0 != .all }

    /// The privilege of `written` that `name` spells (as PostgreSQL lists a table's grants, in
    /// upper case); nil for `ALL` and for privileges the language does not write.
    public init?(written name: String) {
        guard let privilege = Privilege(rawValue: name), privilege != .all else { return nil }
        self = privilege
    }

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
