/// Turns the bytes of a source file into tokens and comments. Never fails.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var index = 0
    private var tokens: [Token] = []
    private var comments: [Comment] = []
    private var diagnostics: [Diagnostic] = []

    /// Creates a lexer over `file`.
    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// Lexes `file` completely.
    public static func lex(_ file: SourceFile) -> LexResult {
        var lexer = Lexer(file: file)
        return lexer.run()
    }

    private mutating func run() -> LexResult {
        tokens.reserveCapacity(bytes.count / 4)
        while true {
            skipWhitespace()
            guard index < bytes.count else { break }
            lexOne()
        }
        tokens.append(Token(kind: .endOfFile, range: .empty(at: bytes.count)))
        return LexResult(tokens: tokens, comments: comments, diagnostics: diagnostics)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: index += 1
            default: return
            }
        }
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isIdentifierContinue(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func add(_ kind: TokenKind, from start: Int, value: String = "") {
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: index), value: value))
    }

    private mutating func report(_ kind: DiagnosticKind, _ message: String, _ range: SourceRange) {
        diagnostics.append(
            Diagnostic(
                kind, message: message,
                location: FileLocation(file: file.path, range: range)))
    }

    private mutating func lexOne() {
        let start = index
        let byte = bytes[index]
        switch byte {
        case 0x2F where peek(1) == 0x2F: // //
            lexLineComment(.doubleSlash)
        case 0x2D where peek(1) == 0x2D: // --
            lexLineComment(.doubleDash)
        case 0x2F where peek(1) == 0x2A: // /*
            lexBlockComment()
        case 0x27: // '
            let value = lexQuoted(0x27, what: "string")
            add(.string, from: start, value: value)
        case 0x22: // "
            let value = lexQuoted(0x22, what: "quoted identifier")
            add(.quotedIdentifier, from: start, value: value)
            if value.isEmpty, tokens.last?.range.length ?? 0 >= 2 {
                report(
                    .syntaxEmptyIdentifier, "a quoted identifier cannot be empty",
                    SourceRange(start: start, end: index))
            }
        case 0x28:
            index += 1
            add(.leftParen, from: start)
        case 0x29:
            index += 1
            add(.rightParen, from: start)
        case 0x7B:
            index += 1
            add(.leftBrace, from: start)
        case 0x7D:
            index += 1
            add(.rightBrace, from: start)
        case 0x5B:
            index += 1
            add(.leftBracket, from: start)
        case 0x5D:
            index += 1
            add(.rightBracket, from: start)
        case 0x2C:
            index += 1
            add(.comma, from: start)
        case 0x2E:
            index += 1
            add(.dot, from: start)
        case 0x3D:
            index += 1
            add(.equal, from: start)
        case 0x21 where peek(1) == 0x3D:
            index += 2
            add(.notEqual, from: start)
        case 0x3C:
            index += 1
            if peek() == 0x3D {
                index += 1
                add(.lessEqual, from: start)
            } else if peek() == 0x3E {
                index += 1
                add(.notEqual, from: start)
            } else {
                add(.less, from: start)
            }
        case 0x3E:
            index += 1
            if peek() == 0x3D {
                index += 1
                add(.greaterEqual, from: start)
            } else {
                add(.greater, from: start)
            }
        case 0x2D where peek(1).map(Lexer.isDigit) == true:
            index += 1
            lexDigits(from: start)
        default:
            if Lexer.isDigit(byte) {
                lexDigits(from: start)
            } else if Lexer.isIdentifierStart(byte) {
                while index < bytes.count, Lexer.isIdentifierContinue(bytes[index]) { index += 1 }
                add(.identifier, from: start, value: file.text(in: SourceRange(start: start, end: index)))
            } else {
                lexUnknown()
            }
        }
    }

    private mutating func lexDigits(from start: Int) {
        while index < bytes.count, Lexer.isDigit(bytes[index]) { index += 1 }
        // Digits glued to letters (`12abc`) are one bad token, not two good ones.
        if index < bytes.count, Lexer.isIdentifierStart(bytes[index]) {
            while index < bytes.count, Lexer.isIdentifierContinue(bytes[index]) { index += 1 }
            let range = SourceRange(start: start, end: index)
            report(.syntaxInvalidNumber, "invalid number '\(file.text(in: range))'", range)
            add(.unknown, from: start)
            return
        }
        add(.integer, from: start, value: file.text(in: SourceRange(start: start, end: index)))
    }

    private mutating func lexLineComment(_ kind: CommentKind) {
        let start = index
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        comments.append(Comment(kind: kind, range: SourceRange(start: start, end: index)))
    }

    private mutating func lexBlockComment() {
        let start = index
        index += 2
        while index < bytes.count {
            if bytes[index] == 0x2A, peek(1) == 0x2F {
                index += 2
                comments.append(Comment(kind: .block, range: SourceRange(start: start, end: index)))
                return
            }
            index += 1
        }
        comments.append(Comment(kind: .block, range: SourceRange(start: start, end: index)))
        report(
            .syntaxUnterminatedComment, "unterminated block comment; expected '*/'",
            SourceRange(start: start, end: start + 2))
    }

    /// Lexes a quoted string or identifier; a doubled quote stands for one quote.
    /// An unterminated quote ends at the end of the line. A NUL byte is an error (PostgreSQL
    /// text cannot hold one, and libpq would end the statement there); it is left out of the value.
    private mutating func lexQuoted(_ quote: UInt8, what: String) -> String {
        let start = index
        index += 1
        var value: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                if peek(1) == quote {
                    value.append(quote)
                    index += 2
                    continue
                }
                index += 1
                return String(decoding: value, as: UTF8.self)
            }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == 0 {
                report(
                    .syntaxNulCharacter, "a \(what) cannot hold a NUL character; PostgreSQL text cannot",
                    SourceRange(start: index, end: index + 1))
                index += 1
                continue
            }
            value.append(byte)
            index += 1
        }
        let closing = quote == 0x27 ? "'" : "\""
        report(
            what == "string" ? .syntaxUnterminatedString : .syntaxUnterminatedIdentifier,
            "unterminated \(what); expected \(closing) before the end of the line",
            SourceRange(start: start, end: index))
        return String(decoding: value, as: UTF8.self)
    }

    private mutating func lexUnknown() {
        let start = index
        repeat {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        } while index < bytes.count && isUnknownStart(at: index)
        var range = SourceRange(start: start, end: index)
        // Stray characters separated only by spaces on one line are one mistake.
        if let last = tokens.last, last.kind == .unknown, let previous = diagnostics.last,
            previous.kind == .syntaxUnexpectedCharacter, previous.range == last.range,
            bytes[last.range.end..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
        {
            tokens.removeLast()
            diagnostics.removeLast()
            range = SourceRange(start: last.range.start, end: index)
        }
        let text = file.text(in: range)
        let shown = text.count > 20 ? String(text.prefix(20)) + "…" : text
        let plural = text.unicodeScalars.count > 1 ? "s" : ""
        report(.syntaxUnexpectedCharacter, "unexpected character\(plural) '\(shown)'", range)
        tokens.append(Token(kind: .unknown, range: range))
    }

    private func isUnknownStart(at position: Int) -> Bool {
        let byte = bytes[position]
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0x27, 0x22, 0x28, 0x29, 0x7B, 0x7D, 0x5B, 0x5D,
            0x2C, 0x2E, 0x3D, 0x3C, 0x3E:
            return false
        case 0x21: return position + 1 >= bytes.count || bytes[position + 1] != 0x3D
        case 0x2F: return position + 1 >= bytes.count || (bytes[position + 1] != 0x2F && bytes[position + 1] != 0x2A)
        case 0x2D:
            guard position + 1 < bytes.count else { return true }
            return bytes[position + 1] != 0x2D && !Lexer.isDigit(bytes[position + 1])
        default:
            return !(Lexer.isIdentifierStart(byte) || Lexer.isDigit(byte))
        }
    }
}
