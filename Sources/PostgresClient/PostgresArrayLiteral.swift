/// PostgreSQL's text format for arrays (`{a,"b c",NULL}`): parsing what the server prints
/// and encoding elements into a literal the server reads back unchanged.
///
/// The parser follows `array_in`: elements are separated by commas; an element is either
/// quoted (`"..."`, where a backslash escapes the next character) or unquoted (surrounding
/// whitespace is dropped, a backslash escapes the next character, and the bare word `NULL`
/// in any case means SQL NULL). A leading dimension decoration (`[0:1]=`) is accepted.
/// Nested arrays (`{{a,b},{c,d}}`) are flattened into their elements in storage order.
public enum PostgresArrayLiteral {
    /// Parses an array literal into its elements, `nil` for SQL NULL; returns `nil` when the
    /// text is not a well-formed array literal.
    public static func parse(_ text: String) -> [String?]? {
        var parser = Parser(bytes: Array(text.utf8))
        return parser.parseLiteral()
    }

    /// Encodes elements into an array literal that `array_in` reads back exactly: every
    /// element is quoted (so `""`, `NULL` and `"x,y"` stay strings) and `nil` becomes `NULL`.
    public static func encode(_ elements: [String?]) -> String {
        var out = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { out += "," }
            guard let element else {
                out += "NULL"
                continue
            }
            out += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    /// A cursor over the UTF-8 bytes of one literal.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        static let openBrace = UInt8(ascii: "{")
        static let closeBrace = UInt8(ascii: "}")
        static let comma = UInt8(ascii: ",")
        static let quote = UInt8(ascii: "\"")
        static let backslash = UInt8(ascii: "\\")

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, Self.isSpace(byte) { index += 1 }
        }

        mutating func parseLiteral() -> [String?]? {
            skipSpace()
            if current == UInt8(ascii: "[") {
                // Dimension decoration such as `[0:2]` or `[1:2][1:3]`, then `=`.
                while let byte = current, byte != UInt8(ascii: "=") {
                    guard
                        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ":")
                            || byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) || Self.isSpace(byte)
                    else { return nil }
                    index += 1
                }
                guard current == UInt8(ascii: "=") else { return nil }
                index += 1
                skipSpace()
            }
            var elements: [String?] = []
            guard parseArray(into: &elements, depth: 0) else { return nil }
            skipSpace()
            return index == bytes.count ? elements : nil
        }

        /// Parses `{...}` at the cursor, appending its (flattened) elements.
        mutating func parseArray(into elements: inout [String?], depth: Int) -> Bool {
            guard depth < 64, current == Self.openBrace else { return false }
            index += 1
            skipSpace()
            if current == Self.closeBrace {
                index += 1
                return true
            }
            while true {
                skipSpace()
                if current == Self.openBrace {
                    guard parseArray(into: &elements, depth: depth + 1) else { return false }
                } else {
                    guard let element = parseElement() else { return false }
                    elements.append(element)
                }
                skipSpace()
                switch current {
                case Self.comma?:
                    index += 1
                case Self.closeBrace?:
                    index += 1
                    return true
                default:
                    return false
                }
            }
        }

        /// Parses one element (the cursor is past leading whitespace); the outer optional is
        /// `nil` on malformed input, the inner one is SQL NULL.
        mutating func parseElement() -> String?? {
            var value: [UInt8] = []
            var significantLength = 0
            var inQuotes = false
            var sawQuoteOrEscape = false
            while let byte = current {
                if inQuotes {
                    index += 1
                    if byte == Self.backslash {
                        guard let escaped = current else { return nil }
                        value.append(escaped)
                        index += 1
                    } else if byte == Self.quote {
                        inQuotes = false
                    } else {
                        value.append(byte)
                    }
                    significantLength = value.count
                    continue
                }
                if byte == Self.comma || byte == Self.closeBrace { break }
                if byte == Self.openBrace { return nil }
                index += 1
                if byte == Self.quote {
                    inQuotes = true
                    sawQuoteOrEscape = true
                    significantLength = value.count
                } else if byte == Self.backslash {
                    guard let escaped = current else { return nil }
                    value.append(escaped)
                    index += 1
                    sawQuoteOrEscape = true
                    significantLength = value.count
                } else {
                    value.append(byte)
                    if !Self.isSpace(byte) { significantLength = value.count }
                }
            }
            guard !inQuotes, current != nil else { return nil }
            value.removeSubrange(significantLength...)
            if !sawQuoteOrEscape {
                if value.isEmpty { return nil }
                if value.count == 4, String(decoding: value, as: UTF8.self).uppercased() == "NULL" {
                    return .some(nil)
                }
            }
            return .some(String(decoding: value, as: UTF8.self))
        }
    }
}
