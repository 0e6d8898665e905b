import PolicySemantics
import SMT

/// Turns model values into SQL values a database accepts: integers below 2^128 standing for
/// uuids become uuid text, reals become decimals, and strings standing for timestamps and dates
/// become valid values of those types (equal strings mapping to equal values; a string that
/// already reads as an ISO date or timestamp, such as a literal of the policy, is kept).
struct ValueRenderer {
    private var timestamps: [String: String] = [:]
    private var counter = 0

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
        default:
            let text = try model.string(value.value) ?? ""
            return .text(map(text, family: value.family))
        }
    }

    /// A string value as a valid value of `family`.
    mutating func map(_ text: String, family: TypeFamily) -> String {
        switch family {
        case .timestamp, .date:
            if ValueRenderer.looksLikeISODate(text) { return text }
            if let known = timestamps[text] { return known }
            counter += 1
            let day = counter % 28 + 1
            let mapped = family == .date ? "2001-01-\(day < 10 ? "0" : "")\(day)"
                : "2001-01-\(day < 10 ? "0" : "")\(day) 00:00:00+00"
            timestamps[text] = mapped
            return mapped
        default:
            return text
        }
    }

    /// Whether `text` starts with an ISO date (`YYYY-MM-DD`), optionally followed by a time.
    static func looksLikeISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return false }
        let digits: [Int] = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }), bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        return bytes.count == 10 || bytes[10] == 0x20 || bytes[10] == 0x54
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
