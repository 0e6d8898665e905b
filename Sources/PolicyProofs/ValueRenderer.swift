import PolicySemantics
import SMT

/// Turns model values into SQL values a database accepts: strings standing for uuids,
/// timestamps and dates become valid values of those types, equal strings mapping to equal
/// values.
struct ValueRenderer {
    private var uuids: [String: String] = [:]
    private var timestamps: [String: String] = [:]
    private var counter = 0

    mutating func render(_ value: EncodedValue, model: Model) throws -> SQLValue {
        if try model.bool(value.null) == true { return .null }
        switch value.family {
        case .integer, .numeric:
            return .int(try model.int(value.value) ?? 0)
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
        case .uuid:
            if let valid = ValueRenderer.canonicalUUID(text) { return valid }
            if let known = uuids[text] { return known }
            counter += 1
            let hex = String(counter, radix: 16)
            let mapped = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
            uuids[text] = mapped
            return mapped
        case .timestamp, .date:
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

    static func canonicalUUID(_ text: String) -> String? {
        let hex = text.lowercased().filter { $0 != "-" }
        guard hex.count == 32, hex.allSatisfy(\.isHexDigit), text.count == 36 || text.count == 32 else { return nil }
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
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
