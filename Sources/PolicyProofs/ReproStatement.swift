import PolicySQL
import PolicySemantics

/// One SQL statement of a repro, as data: its text with the values as placeholders (`$1`, `$2`…)
/// and the values, for `pgpe analyze --probe`, which sends them as bound parameters; and the same
/// text with the values written as literals, for the repro script a person runs with psql.
public struct ReproStatement: Hashable, Sendable {
    /// The text with `$n` placeholders (NULL is written as `NULL`, not bound).
    public private(set) var sql = ""
    /// The text with every value written as an SQL literal.
    public private(set) var inlined = ""
    /// The values of the placeholders, in order, as the text PostgreSQL reads them from.
    public private(set) var parameters: [String] = []

    /// An empty statement.
    init() {}

    /// A statement of fixed text (no values).
    init(_ text: String) {
        append(text)
    }

    /// Appends text that holds no value.
    mutating func append(_ text: String) {
        sql += text
        inlined += text
    }

    /// Appends a value: a placeholder in `sql`, a literal in `inlined`.
    mutating func append(value: SQLValue) {
        let text: String
        switch value {
        case .null:
            append("NULL")
            return
        case .bool(let flag): text = flag ? "true" : "false"
        case .int(let number): text = String(number)
        case .text(let string): text = string
        }
        parameters.append(text)
        sql += "$\(parameters.count)"
        inlined += ReproStatement.literal(value)
    }

    /// The SQL literal of a value.
    static func literal(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return SQLQuoting.literal(text)
        }
    }
}
