import PolicySchema
import PolicySemantics
import SMT

/// Turns model values into SQL values a database accepts: integers below 2^128 standing for
/// uuids become uuid text, reals become decimals, day and microsecond numbers become dates and
/// timestamps (in UTC: repro scripts set `TimeZone` to UTC), and a string that is the value of a
/// literal of a family with several spellings (json, times…) is written as that literal.
struct ValueRenderer {
    /// The model's value of each such literal → its text.
    private var literals: [String: String] = [:]
    /// Other model strings of json and time families → distinct valid values of those types.
    private var standIns: [String: String] = [:]

    /// A renderer for a model of `encoder`'s query.
    init(model: Model, encoder: QueryEncoder) {
        for literal in encoder.opaqueLiterals {
            if let value = try? model.string(literal.term), literals[value] == nil { literals[value] = literal.text }
        }
    }

    /// The SQL value of an encoded value in `model`.
    mutating func render(_ value: EncodedValue, model: Model) throws -> SQLValue {
        if try model.bool(value.null) == true { return .null }
        switch value.family {
        case .integer:
            return .int(try model.int(value.value) ?? 0)
        case .uuid:
            let number = try model.integerText(value.value) ?? "0"
            return .text(QueryEncoder.uuidText(number) ?? "00000000-0000-0000-0000-000000000000")
        case .numeric:
            let text = try model.decimalText(value.value) ?? "0"
            if let whole = Int(text) { return .int(whole) }
            return .text(text.hasSuffix("?") ? String(text.dropLast()) : text)
        case .boolean:
            return .bool(try model.bool(value.value) ?? false)
        case .date, .timestamp:
            // Beyond PostgreSQL's range (about 5.9 million years either way) only ±infinity.
            let limit: Int64 = value.family == .date ? 2_200_000_000 : 9_300_000_000_000_000
            let text = try model.integerText(value.value) ?? "0"
            guard let number = Int64(text), abs(number) < limit else { return .text(text.hasPrefix("-") ? "-infinity" : "infinity") }
            return .text(
                value.family == .date
                    ? TemporalLiteral.dateText(number)
                    : TemporalLiteral.timestampTextAnyYear(number, withTimeZone: false))
        default:
            let text = try model.string(value.value) ?? ""
            if let literal = literals[text] { return .text(literal) }
            return .text(standIn(text, family: value.family))
        }
    }

    /// A valid value of a json or time family for a model string that is no literal's value
    /// (distinct strings, distinct values); other families keep the string.
    private mutating func standIn(_ text: String, family: TypeFamily) -> String {
        guard family == .json || family == .time else { return text }
        if let known = standIns[text] { return known }
        let number = standIns.count + 1
        // `HH:MM:SS` reads as a time, a timetz and an interval alike.
        let value =
            family == .json
            ? "{\"pgpe\": \(number)}"
            : String(format: "%02d:%02d:%02d", number / 3600 % 24, number / 60 % 60, number % 60)
        standIns[text] = value
        return value
    }

    /// A session setting's text for a value.
    static func setting(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return text
        }
    }
}
