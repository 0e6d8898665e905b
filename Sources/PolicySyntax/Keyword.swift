/// The reserved and function-style words of the language, matched case-insensitively.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    // Structural keywords (printed upper case).
    case policy = "POLICY"
    case grant = "GRANT"
    case permissive = "PERMISSIVE"
    case restrictive = "RESTRICTIVE"
    case `for` = "FOR"
    case to = "TO"
    case selector = "SELECTOR"
    case clause = "CLAUSE"
    case with = "WITH"
    case check = "CHECK"
    case and = "AND"
    case or = "OR"
    case not = "NOT"
    case all = "ALL"
    case select = "SELECT"
    case insert = "INSERT"
    case update = "UPDATE"
    case delete = "DELETE"
    case `is` = "IS"
    case null = "NULL"
    case `in` = "IN"
    case like = "LIKE"
    case `true` = "TRUE"
    case `false` = "FALSE"
    // Function-style words (printed lower case).
    case col = "COL"
    case session = "SESSION"
    case lit = "LIT"
    case fn = "FN"
    case exists = "EXISTS"
    case rel = "REL"
    case raw = "RAW"
    case hasColumn = "HAS_COLUMN"
    case inSchema = "IN_SCHEMA"
    case named = "NAMED"
    case tagged = "TAGGED"

    private static let table: [String: Keyword] = {
        var table: [String: Keyword] = [:]
        for keyword in Keyword.allCases { table[keyword.rawValue] = keyword }
        return table
    }()

    /// The keyword spelled by `text`, ignoring case.
    public static func lookup(_ text: String) -> Keyword? {
        let count = text.utf8.count
        guard count >= 2, count <= 11 else { return nil }
        return table[text.uppercased()]
    }

    /// Whether the word is written like a function (`col(...)`) and printed in lower case.
    public var isFunctionStyle: Bool {
        switch self {
        case .col, .session, .lit, .fn, .exists, .rel, .raw, .hasColumn, .inSchema, .named, .tagged:
            return true
        default:
            return false
        }
    }

    /// Whether the word is a literal constant (`true`, `false`, `null` inside `lit(...)`).
    public var isLiteralWord: Bool { self == .true || self == .false || self == .null }

    /// The canonical spelling the formatter prints.
    public var canonical: String {
        isFunctionStyle || isLiteralWord ? rawValue.lowercased() : rawValue
    }

    /// The words that begin an atom.
    public var startsAtom: Bool {
        switch self {
        case .col, .session, .lit, .fn, .exists, .raw: return true
        default: return false
        }
    }
}
