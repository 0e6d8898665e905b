/// The kinds of tokens of the policy language.
public enum TokenKind: Hashable, Sendable {
    /// A bare identifier or keyword (`[A-Za-z_][A-Za-z0-9_]*`); keywords are matched case-insensitively.
    case identifier
    /// A double-quoted identifier (`"Any Name"`).
    case quotedIdentifier
    /// A single-quoted string (`'text'`).
    case string
    /// An integer, with an optional leading `-`.
    case integer
    /// `(`
    case leftParen
    /// `)`
    case rightParen
    /// `{`
    case leftBrace
    /// `}`
    case rightBrace
    /// `[`
    case leftBracket
    /// `]`
    case rightBracket
    /// `,`
    case comma
    /// `.`
    case dot
    /// `=`
    case equal
    /// `!=` or `<>`
    case notEqual
    /// `<`
    case less
    /// `>`
    case greater
    /// `<=`
    case lessEqual
    /// `>=`
    case greaterEqual
    /// A character that starts no token.
    case unknown
    /// The end of the text.
    case endOfFile

    /// How the token kind is named in messages.
    public var displayName: String {
        switch self {
        case .identifier: return "identifier"
        case .quotedIdentifier: return "quoted identifier"
        case .string: return "string"
        case .integer: return "integer"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .equal: return "'='"
        case .notEqual: return "'!='"
        case .less: return "'<'"
        case .greater: return "'>'"
        case .lessEqual: return "'<='"
        case .greaterEqual: return "'>='"
        case .unknown: return "unexpected character"
        case .endOfFile: return "end of file"
        }
    }
}
