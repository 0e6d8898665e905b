import PolicySemantics

/// Test-side SQL and policy-language spelling for the differential test, kept apart from the
/// compiler's own quoting so that the test does not share the code it checks.
public enum DifferentialSQL {
    /// An identifier, always double-quoted (`""` for a quote inside).
    public static func identifier(_ name: String) -> String {
        "\"" + name.doublingQuotesForTests("\"") + "\""
    }

    /// A string literal with quotes doubled.
    public static func literal(_ text: String) -> String {
        "'" + text.doublingQuotesForTests("'") + "'"
    }

    /// A value as an SQL literal for a column of `type` (NULL, numbers, booleans, quoted text).
    public static func value(_ value: SQLValue, type: String) -> String {
        switch value {
        case .null: return "NULL::\(type)"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return literal(text) + "::\(type)"
        }
    }

    /// A name in the policy language: bare when it is a plain lower-case word that is not a
    /// keyword of either language, else single-quoted.
    public static func policyName(_ name: String) -> String {
        let plain = name.utf8.enumerated().allSatisfy { index, byte in
            (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || (index > 0 && byte >= 0x30 && byte <= 0x39)
        }
        let reserved: Set<String> = [
            "user", "order", "desc", "all", "and", "or", "not", "in", "is", "null", "true", "false",
            "select", "insert", "update", "delete", "to", "for", "with", "check", "like",
        ]
        return plain && !name.isEmpty && !reserved.contains(name) ? name : literal(name)
    }

    /// A literal in the policy language for a value of `family`.
    public static func policyLiteral(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return literal(text)
        }
    }
}
