import PolicySemantics
import SMT

/// Turns model values into SQL values a database accepts: integers below 2^128 standing for
/// uuids become uuid text, reals become decimals, day and microsecond numbers become dates and
/// timestamps (in UTC: repro scripts set `TimeZone` to UTC), and a string that is the value of a
/// literal of a family with several spellings (json, times…) is written as that literal.
struct ValueRenderer {
    /// The model's value of each such literal → its text.
    private var literals: [String: String] = [:]

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
        case .date:
            return .text(TemporalLiteral.dateText(Int64(try model.int(value.value) ?? 0)))
        case .timestamp:
            return .text(TemporalLiteral.timestampTextAnyYear(Int64(try model.int(value.value) ?? 0), withTimeZone: false))
        default:
            let text = try model.string(value.value) ?? ""
            return .text(literals[text] ?? text)
        }
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
