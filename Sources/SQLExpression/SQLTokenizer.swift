import PolicySyntax

/// A tolerant, streaming SQL tokenizer over UTF-8 bytes.
///
/// It knows PostgreSQL's lexical rules: `--` and nested `/* */` comments, string constants
/// with `''` (and backslash escapes in `E'..'`), adjacent string constants separated by a
/// newline, dollar quoting, quoted identifiers with `""`, psql meta-commands (`\restrict`), and
/// identifiers (words and quoted) cut to 63 bytes at a character boundary, as PostgreSQL stores them.
/// It never fails: an unterminated construct runs to the end of the text and is reported in
/// `problems`. Every token's range lies inside the text and on character boundaries.
public struct SQLTokenizer {
    private let bytes: [UInt8]
    private var offset = 0
    /// Unterminated strings, comments and quoted identifiers found so far.
    public private(set) var problems: [SQLLexProblem] = []

    /// Creates a tokenizer over `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next token, or nil at the end of the text.
    public mutating func next() -> SQLToken? {
        skipTrivia()
        guard offset < bytes.count else { return nil }
        let start = offset
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "'"):
            return stringConstant(start: start, bodyStart: offset + 1, escapes: false)
        case UInt8(ascii: "\""):
            var token = quotedIdentifier(start: start, bodyStart: offset + 1)
            token.text = PostgresIdentifier.truncated(token.text)
            return token
        case UInt8(ascii: "$"):
            return dollarToken(start: start)
        case UInt8(ascii: "("): return punctuation(.leftParen)
        case UInt8(ascii: ")"): return punctuation(.rightParen)
        case UInt8(ascii: "["): return punctuation(.leftBracket)
        case UInt8(ascii: "]"): return punctuation(.rightBracket)
        case UInt8(ascii: ","): return punctuation(.comma)
        case UInt8(ascii: ";"): return punctuation(.semicolon)
        case UInt8(ascii: ":"):
            if peek(1) == UInt8(ascii: ":") {
                offset += 2
                return SQLToken(kind: .doubleColon, start: start, end: offset, text: "")
            }
            return punctuation(.colon)
        case UInt8(ascii: "."):
            if let next = peek(1), Self.isDigit(next) { return number(start: start) }
            return punctuation(.dot)
        case UInt8(ascii: "\\"):
            while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
            return SQLToken(kind: .metaCommand, start: start, end: offset, text: "")
        default:
            break
        }
        if Self.isDigit(byte) { return number(start: start) }
        if Self.isIdentifierStart(byte) { return wordOrPrefixedString(start: start) }
        if Self.isOperatorCharacter(byte) { return operatorToken(start: start) }
        offset += 1
        return SQLToken(kind: .unknown, start: start, end: offset, text: "")
    }

    /// Skips the data lines of a `COPY ... FROM stdin` statement: everything after the current
    /// line up to and including a line holding only `\.`.
    public mutating func skipCopyData() {
        skipToLineEnd()
        skipLineBreak()
        while offset < bytes.count {
            let lineStart = offset
            skipToLineEnd()
            let isTerminator =
                offset - lineStart == 2 && bytes[lineStart] == UInt8(ascii: "\\")
                && bytes[lineStart + 1] == UInt8(ascii: ".")
            skipLineBreak()
            if isTerminator { return }
        }
    }

    // MARK: - Trivia

    private mutating func skipTrivia() {
        while offset < bytes.count {
            let byte = bytes[offset]
            if Self.isWhitespace(byte) {
                offset += 1
            } else if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                skipToLineEnd()
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                skipBlockComment()
            } else {
                return
            }
        }
    }

    private mutating func skipBlockComment() {
        let start = offset
        var depth = 0
        while offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1
                offset += 2
            } else if bytes[offset] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                offset += 2
                if depth == 0 { return }
            } else {
                offset += 1
            }
        }
        problems.append(
            SQLLexProblem(
                message: "unterminated comment; expected '*/'",
                range: SourceRange(start: start, end: start + 2)))
    }

    private mutating func skipToLineEnd() {
        while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
    }

    private mutating func skipLineBreak() {
        if offset < bytes.count, bytes[offset] == 0x0D { offset += 1 }
        if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
    }

    // MARK: - Tokens

    private mutating func punctuation(_ kind: SQLTokenKind) -> SQLToken {
        offset += 1
        return SQLToken(kind: kind, start: offset - 1, end: offset, text: "")
    }

    private mutating func wordOrPrefixedString(start: Int) -> SQLToken {
        let byte = bytes[offset]
        let next = peek(1)
        // E'..', B'..', X'..', N'..' and U&'..' / U&".." start like identifiers.
        if next == UInt8(ascii: "'") {
            switch byte | 0x20 {
            case UInt8(ascii: "e"):
                return stringConstant(start: start, bodyStart: offset + 2, escapes: true)
            case UInt8(ascii: "b"), UInt8(ascii: "x"), UInt8(ascii: "n"):
                return stringConstant(start: start, bodyStart: offset + 2, escapes: false)
            default:
                break
            }
        }
        if byte | 0x20 == UInt8(ascii: "u"), next == UInt8(ascii: "&") {
            var token: SQLToken?
            if peek(2) == UInt8(ascii: "'") {
                token = stringConstant(start: start, bodyStart: offset + 3, escapes: false)
            } else if peek(2) == UInt8(ascii: "\"") {
                token = quotedIdentifier(start: start, bodyStart: offset + 3)
            }
            if var token {
                token.text = Self.unicodeUnescaped(token.text)
                // PostgreSQL cuts an identifier to 63 bytes after decoding its escapes.
                if token.kind == .quotedIdentifier { token.text = PostgresIdentifier.truncated(token.text) }
                return token
            }
        }
        var hasUpper = false
        while offset < bytes.count, Self.isIdentifierPart(bytes[offset]) {
            if bytes[offset] >= UInt8(ascii: "A"), bytes[offset] <= UInt8(ascii: "Z") { hasUpper = true }
            offset += 1
        }
        let text: String
        if hasUpper {
            // PostgreSQL folds ASCII letters only.
            text = String(decoding: bytes[start..<offset].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        } else {
            text = decode(start..<offset)
        }
        // PostgreSQL's scanner cuts every identifier to 63 bytes (keywords are shorter).
        return SQLToken(kind: .word, start: start, end: offset, text: PostgresIdentifier.truncated(text))
    }

    private mutating func stringConstant(start: Int, bodyStart: Int, escapes: Bool) -> SQLToken {
        offset = bodyStart
        var value: [UInt8] = []
        while true {
            guard readStringBody(into: &value, escapes: escapes) else {
                problems.append(
                    SQLLexProblem(
                        message: "unterminated string constant; expected a closing quote",
                        range: SourceRange(start: start, end: bodyStart)))
                return SQLToken(kind: .string, start: start, end: offset, text: String(decoding: value, as: UTF8.self))
            }
            // 'a'<newline>'b' is one constant.
            guard let continuation = continuationQuote() else { break }
            offset = continuation + 1
        }
        return SQLToken(kind: .string, start: start, end: offset, text: String(decoding: value, as: UTF8.self))
    }

    /// Reads up to and past the closing quote; false when the text ends first.
    private mutating func readStringBody(into value: inout [UInt8], escapes: Bool) -> Bool {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "'") {
                if peek(1) == UInt8(ascii: "'") {
                    value.append(byte)
                    offset += 2
                    continue
                }
                offset += 1
                return true
            }
            if escapes, byte == UInt8(ascii: "\\"), offset + 1 < bytes.count {
                offset += 1
                appendEscape(into: &value)
                continue
            }
            value.append(byte)
            offset += 1
        }
        return false
    }

    /// Decodes the escape after a backslash in an `E'..'` string (offset is past the backslash).
    private mutating func appendEscape(into value: inout [UInt8]) {
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "t"): value.append(0x09)
        case UInt8(ascii: "r"): value.append(0x0D)
        case UInt8(ascii: "b"): value.append(0x08)
        case UInt8(ascii: "f"): value.append(0x0C)
        case UInt8(ascii: "x"):
            let code = readDigits(radix: 16, maxCount: 2)
            value.append(code.count > 0 ? UInt8(truncatingIfNeeded: code.value) : byte)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            offset -= 1
            let code = readDigits(radix: 8, maxCount: 3)
            value.append(UInt8(truncatingIfNeeded: code.value))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let code = readDigits(radix: 16, maxCount: byte == UInt8(ascii: "u") ? 4 : 8)
            if let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code.value)), code.count > 0 {
                value += Array(String(Character(scalar)).utf8)
            }
        default:
            value.append(byte)
            // Copy the rest of a multi-byte character whole.
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 {
                value.append(bytes[offset])
                offset += 1
            }
        }
    }

    private mutating func readDigits(radix: Int, maxCount: Int) -> (value: Int, count: Int) {
        var value = 0
        var count = 0
        while count < maxCount, offset < bytes.count, let digit = Self.digitValue(bytes[offset], radix: radix) {
            value = value * radix + digit
            count += 1
            offset += 1
        }
        return (value, count)
    }

    /// The offset of the quote that continues a string after whitespace holding a newline.
    private func continuationQuote() -> Int? {
        var index = offset
        var sawNewline = false
        while index < bytes.count, Self.isWhitespace(bytes[index]) {
            if bytes[index] == 0x0A || bytes[index] == 0x0D { sawNewline = true }
            index += 1
        }
        return sawNewline && index < bytes.count && bytes[index] == UInt8(ascii: "'") ? index : nil
    }

    private mutating func quotedIdentifier(start: Int, bodyStart: Int) -> SQLToken {
        offset = bodyStart
        var value: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                if peek(1) == UInt8(ascii: "\"") {
                    value.append(byte)
                    offset += 2
                    continue
                }
                offset += 1
                return SQLToken(
                    kind: .quotedIdentifier, start: start, end: offset,
                    text: String(decoding: value, as: UTF8.self))
            }
            value.append(byte)
            offset += 1
        }
        problems.append(
            SQLLexProblem(
                message: "unterminated quoted identifier; expected a closing '\"'",
                range: SourceRange(start: start, end: bodyStart)))
        return SQLToken(kind: .quotedIdentifier, start: start, end: offset, text: String(decoding: value, as: UTF8.self))
    }

    private mutating func dollarToken(start: Int) -> SQLToken {
        if let next = peek(1), Self.isDigit(next) {
            offset += 1
            while offset < bytes.count, Self.isDigit(bytes[offset]) { offset += 1 }
            return SQLToken(kind: .parameter, start: start, end: offset, text: "")
        }
        // A tag: empty, or an identifier without `$`, closed by `$`.
        var index = start + 1
        if index < bytes.count, Self.isIdentifierStart(bytes[index]) {
            index += 1
            while index < bytes.count, Self.isIdentifierPart(bytes[index]), bytes[index] != UInt8(ascii: "$") {
                index += 1
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "$") else {
            offset += 1
            return SQLToken(kind: .unknown, start: start, end: offset, text: "")
        }
        let delimiter = bytes[start...index]
        let bodyStart = index + 1
        var search = bodyStart
        while search < bytes.count {
            if bytes[search] == UInt8(ascii: "$"), search + delimiter.count <= bytes.count,
                bytes[search..<(search + delimiter.count)].elementsEqual(delimiter)
            {
                offset = search + delimiter.count
                return SQLToken(kind: .dollarString, start: start, end: offset, text: decode(bodyStart..<search))
            }
            search += 1
        }
        offset = bytes.count
        problems.append(
            SQLLexProblem(
                message: "unterminated dollar-quoted string; expected '\(String(decoding: delimiter, as: UTF8.self))'",
                range: SourceRange(start: start, end: bodyStart)))
        return SQLToken(kind: .dollarString, start: start, end: offset, text: decode(bodyStart..<bytes.count))
    }

    private mutating func number(start: Int) -> SQLToken {
        while offset < bytes.count {
            let byte = bytes[offset]
            if Self.isDigit(byte) || Self.isLetter(byte) || byte == UInt8(ascii: "_") {
                offset += 1
            } else if byte == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
                offset += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), offset > start,
                bytes[offset - 1] | 0x20 == UInt8(ascii: "e"), let next = peek(1), Self.isDigit(next)
            {
                offset += 1
            } else {
                break
            }
        }
        return SQLToken(kind: .number, start: start, end: offset, text: decode(start..<offset))
    }

    private mutating func operatorToken(start: Int) -> SQLToken {
        offset += 1
        while offset < bytes.count, Self.isOperatorCharacter(bytes[offset]) {
            // A comment starts even in the middle of an operator.
            if bytes[offset] == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") { break }
            if bytes[offset] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") { break }
            offset += 1
        }
        return SQLToken(kind: .op, start: start, end: offset, text: decode(start..<offset))
    }

    /// The body of a `U&'…'` or `U&"…"` with its escapes decoded: `\XXXX`, `\+XXXXXX`, `\\`
    /// (the default escape character; a `UESCAPE` clause is not read). An escape that names no
    /// scalar stays as written.
    static func unicodeUnescaped(_ body: String) -> String {
        guard body.contains("\\") else { return body }
        let scalars = Array(body.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\\", index + 1 < scalars.count else {
                result.append(scalars[index])
                index += 1
                continue
            }
            if scalars[index + 1] == "\\" {
                result.append("\\")
                index += 2
                continue
            }
            let plus = scalars[index + 1] == "+"
            let digitsStart = index + (plus ? 2 : 1)
            let digitsEnd = digitsStart + (plus ? 6 : 4)
            if digitsEnd <= scalars.count,
                let value = UInt32(String(String.UnicodeScalarView(scalars[digitsStart..<digitsEnd])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.append(scalar)
                index = digitsEnd
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The text of `range` (through a contiguous buffer: decoding an `ArraySlice` is slow).
    private func decode(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    // MARK: - Character classes

    private func peek(_ distance: Int) -> UInt8? {
        let index = offset + distance
        return index < bytes.count ? bytes[index] : nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
    }

    private static func isOperatorCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"),
            UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "|"),
            UInt8(ascii: "`"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }
}
