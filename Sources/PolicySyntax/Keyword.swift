/// The reserved and function-style words of the language, matched case-insensitively.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    // Structural keywords (printed upper case).
    case policy = "POLICY"
    case grant = "GRANT"
    case govern = "GOVERN"
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
    case truncate = "TRUNCATE"
    case references = "REFERENCES"
    case trigger = "TRIGGER"
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
    case outer = "OUTER"
    case exists = "EXISTS"
    case rel = "REL"
    case raw = "RAW"
    case now = "NOW"
    case hasColumn = "HAS_COLUMN"
    case inSchema = "IN_SCHEMA"
    case named = "NAMED"
    case tagged = "TAGGED"

    private static let table: [String: Keyword] = {
        var table: [String: Keyword] = [:]
        for keyword in Keyword.allCases { table[keyword.rawValue] = keyword }
        return table
    }()

    /// The keywords with their spelling's bytes, by length and by the low five bits of their
    /// first letter (which a letter's two cases share).
    private static let candidates: [[[(Keyword, [UInt8])]]] = {
        var candidates = [[[(Keyword, [UInt8])]]](repeating: [[(Keyword, [UInt8])]](repeating: [], count: 32), count: 12)
        for keyword in Keyword.allCases {
            let bytes = Array(keyword.rawValue.utf8)
            candidates[bytes.count][Int(bytes[0] & 0x1F)].append((keyword, bytes))
        }
        return candidates
    }()

    /// The keyword spelled by `text`, ignoring case. Every identifier of a file is looked up, so
    /// ASCII words are compared byte by byte with the few keywords of their length and initial
    /// (no upper-cased copy, no hashing); other text goes through Unicode upper-casing.
    public static func lookup(_ text: String) -> Keyword? {
        let utf8 = text.utf8
        let count = utf8.count
        guard count >= 2, count <= 11, let first = utf8.first else { return nil }
        guard !utf8.contains(where: { $0 >= 0x80 }) else { return table[text.uppercased()] }
        for (keyword, spelling) in candidates[count][Int(first & 0x1F)]
        where spelling.elementsEqual(utf8, by: { $0 == ($1 >= 0x61 && $1 <= 0x7A ? $1 - 0x20 : $1) }) {
            return keyword
        }
        return nil
    }

    /// Whether the word is written like a function (`col(...)`) and printed in lower case.
    public var isFunctionStyle: Bool {
        switch self {
        case .col, .session, .lit, .fn, .outer, .exists, .rel, .raw, .now, .hasColumn, .inSchema, .named, .tagged:
            return true
        default:
            return false
        }
    }

    /// Whether the word is a constant (`true`, `false`, `null` inside `lit(...)`; `true` and
    /// `false` are atoms of their own too).
    public var isLiteralWord: Bool { self == .true || self == .false || self == .null }

    /// The canonical spelling the formatter prints.
    public var canonical: String {
        isFunctionStyle || isLiteralWord ? rawValue.lowercased() : rawValue
    }

    /// The words that begin an atom.
    public var startsAtom: Bool {
        switch self {
        case .col, .session, .lit, .fn, .outer, .now, .exists, .raw, .true, .false: return true
        default: return false
        }
    }
}
