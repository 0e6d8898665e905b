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

    /// Appends text that differs between the two forms (placeholders already bound with `bind`).
    mutating func append(sql text: String, inlined literal: String) {
        sql += text
        inlined += literal
    }

    /// Appends another statement: its placeholders are renumbered after this one's.
    mutating func append(_ other: ReproStatement) {
        var text = ""
        var scalars = other.sql.unicodeScalars[...]
        // Placeholders are `$` and digits: the values of `other` are all parameters, and its
        // fixed text (names, casts, `'{}'`) holds no `$` before a digit.
        while let scalar = scalars.popFirst() {
            guard scalar == "$", let first = scalars.first, ("0"..."9").contains(first) else {
                text.unicodeScalars.append(scalar)
                continue
            }
            var digits = ""
            while let digit = scalars.first, ("0"..."9").contains(digit) {
                digits.unicodeScalars.append(digit)
                scalars.removeFirst()
            }
            text += "$\((Int(digits) ?? 0) + parameters.count)"
        }
        sql += text
        inlined += other.inlined
        parameters += other.parameters
    }

    /// Binds a text value without writing it: its placeholder (cast to `cast`, as a function of
    /// any argument type cannot infer one) and its literal, to place once or more with
    /// `append(sql:inlined:)`.
    mutating func bind(_ value: String, cast: String) -> (sql: String, inlined: String) {
        parameters.append(value)
        return ("$\(parameters.count)::\(cast)", ReproStatement.literal(.text(value)))
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
