/// Helpers for describing and parsing literal values in checks.
enum LiteralDescription {
    /// "lit('x')"-style text for messages.
    static func of(_ value: LiteralValue) -> String { "lit(\(value))" }

    /// A coarse kind, for "a list must hold values of one kind".
    static func kind(_ value: LiteralValue) -> Int {
        switch value {
        case .null: return 0
        case .bool: return 1
        case .int: return 2
        case .string: return 3
        }
    }

    /// PostgreSQL's boolean input forms.
    static func boolean(_ text: String) -> Bool? {
        switch text.strippingWhitespace.lowercased() {
        case "t", "true", "y", "yes", "on", "1": return true
        case "f", "false", "n", "no", "off", "0": return false
        default: return nil
        }
    }

    /// The canonical (lower-case, hyphenated) form of a uuid in any form PostgreSQL accepts
    /// (hyphens optional, braces allowed), or `nil`.
    static func uuid(_ text: String) -> String? {
        var hex: [Character] = []
        var trimmed = Substring(text.strippingWhitespace)
        if trimmed.hasPrefix("{") && trimmed.hasSuffix("}") { trimmed = trimmed.dropFirst().dropLast() }
        for character in trimmed {
            if character == "-" { continue }
            guard character.isHexDigit else { return nil }
            hex.append(Character(character.lowercased()))
        }
        guard hex.count == 32 else { return nil }
        let string = String(hex)
        let parts = [
            string.prefix(8), string.dropFirst(8).prefix(4), string.dropFirst(12).prefix(4),
            string.dropFirst(16).prefix(4), string.dropFirst(20),
        ]
        return parts.joined(separator: "-")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var strippingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
