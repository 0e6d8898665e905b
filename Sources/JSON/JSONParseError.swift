/// Why a byte sequence is not a JSON document, and where the problem was found.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of problem the parser reports.
    public enum Reason: Hashable, Sendable {
        /// The input ended inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue a value here.
        case unexpectedByte(UInt8)
        /// A raw control character (below U+0020) inside a string.
        case controlCharacterInString
        /// A backslash escape that JSON does not define, or a malformed `\u` escape.
        case invalidEscape
        /// A string whose bytes are not valid UTF-8.
        case invalidUTF8
        /// A number that breaks the JSON grammar.
        case invalidNumber
        /// A number too large in magnitude for a `Double`.
        case numberOutOfRange
        /// Arrays and objects nested deeper than the parser's limit.
        case nestingTooDeep(limit: Int)
        /// Bytes other than whitespace after the top-level value.
        case trailingCharacters
        /// A member name that the object already has (only when duplicates are rejected).
        case duplicateKey(String)
    }

    /// What went wrong.
    public var reason: Reason

    /// The UTF-8 byte offset in the input where the problem was found.
    public var offset: Int

    /// Creates an error for `reason` at byte `offset`.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A short lower-case explanation with the byte offset.
    public var description: String {
        "\(summary) at byte \(offset)"
    }

    /// A short lower-case explanation without the offset, for messages that locate it otherwise.
    public var summary: String {
        switch reason {
        case .unexpectedEnd:
            return "unexpected end of input"
        case .unexpectedByte(let byte):
            if byte >= 0x20 && byte < 0x7F {
                return "unexpected character '\(Character(Unicode.Scalar(byte)))'"
            }
            return "unexpected byte 0x\(String(byte, radix: 16))"
        case .controlCharacterInString:
            return "unescaped control character in string"
        case .invalidEscape:
            return "invalid escape sequence in string"
        case .invalidUTF8:
            return "string is not valid UTF-8"
        case .invalidNumber:
            return "invalid number"
        case .numberOutOfRange:
            return "number out of range"
        case .nestingTooDeep(let limit):
            return "arrays and objects nested deeper than \(limit) levels"
        case .trailingCharacters:
            return "unexpected characters after the value"
        case .duplicateKey(let key):
            return "duplicate member \"\(key)\""
        }
    }
}
