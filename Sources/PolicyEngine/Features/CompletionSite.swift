import PolicySyntax

/// Where the cursor is, as completion needs to know it: the word being typed, the innermost
/// unclosed bracket with the word before it and the argument index, and otherwise the section
/// of the item. Read from the tokens, so it works on half-written text.
struct CompletionSite {
    /// The innermost open bracket around the cursor.
    struct Bracket {
        /// The bracket token's index.
        var index: Int
        /// `(`, `[` or `{`.
        var kind: TokenKind
        /// The keyword just before a `(` (`col`, `rel`, …).
        var function: Keyword?
        /// How many commas precede the cursor inside the bracket.
        var argument: Int
    }

    /// The tokens of the file (without the end of file).
    let tokens: [Token]
    /// Their keywords.
    let keywords: [Keyword?]
    /// The index of the first token at or after the cursor that is not part of the word being typed.
    let end: Int
    /// The word being typed (an identifier, string or quoted identifier touching the cursor).
    let prefix: Token?
    /// The bytes a completion replaces.
    let replaceRange: SourceRange
    /// The innermost open bracket, if any (inside the current item).
    let bracket: Bracket?
    /// The index of the `POLICY` or `GRANT` that starts the item the cursor is in.
    let itemStart: Int?
    /// Whether the cursor is inside a comment (nothing is completed there).
    let inComment: Bool

    /// Whether the word being typed is quoted (a string or a quoted identifier): a name or a
    /// value, never a keyword, function or operator.
    var inQuotes: Bool { prefix.map { $0.kind == .string || $0.kind == .quotedIdentifier } ?? false }

    /// Reads the site at `offset` of `file`.
    init(file: ParsedFile, offset: Int) {
        var tokens = file.tokens
        if tokens.last?.kind == .endOfFile { tokens.removeLast() }
        self.tokens = tokens
        self.inComment = file.tree.comments.contains { CompletionSite.comment($0, in: file.source, contains: offset) }
        self.keywords = tokens.map { $0.kind == .identifier ? Keyword.lookup($0.value) : nil }
        var end = tokens.firstIndex { $0.range.end >= offset } ?? tokens.count
        var prefix: Token?
        if end < tokens.count {
            let token = tokens[end]
            let isWord = token.kind == .identifier || token.kind == .string || token.kind == .quotedIdentifier
            if isWord && token.range.start < offset && offset <= token.range.end {
                prefix = token
            } else if token.range.start < offset {
                // The cursor is inside punctuation or just after it: that token is behind it.
                end += 1
            }
        }
        self.end = end
        self.prefix = prefix
        if let prefix {
            let quoted = prefix.kind != .identifier
            self.replaceRange = quoted ? prefix.range : SourceRange(start: prefix.range.start, end: offset)
        } else {
            self.replaceRange = .empty(at: offset)
        }
        // Find the item and the innermost open bracket.
        let keywordList = keywords
        var depth = 0
        var commas = 0
        var found: Bracket?
        var item: Int?
        var index = end - 1
        while index >= 0 {
            let token = tokens[index]
            switch token.kind {
            case .rightParen, .rightBracket, .rightBrace:
                depth += 1
            case .leftParen, .leftBracket, .leftBrace:
                if depth == 0 {
                    if found == nil {
                        let function = token.kind == .leftParen && index > 0 ? keywordList[index - 1] : nil
                        found = Bracket(index: index, kind: token.kind, function: function, argument: commas)
                    }
                } else {
                    depth -= 1
                }
            case .comma:
                if depth == 0 && found == nil { commas += 1 }
            default:
                break
            }
            if let keyword = keywordList[index], keyword == .policy || keyword == .grant || keyword == .govern,
                !CompletionSite.isName(index, in: tokens)
            {
                item = index
                break
            }
            index -= 1
        }
        self.bracket = found
        self.itemStart = item
    }

    /// Whether a cursor at `offset` is inside `comment` of `source`: after its opening delimiter
    /// and before its end; at the end of a line comment or of an unterminated block comment too
    /// (what is typed there still belongs to the comment), not after a closing `*/`.
    static func comment(_ comment: Comment, in source: SourceFile, contains offset: Int) -> Bool {
        let range = comment.range
        guard range.start < offset, offset <= range.end else { return false }
        guard offset == range.end, comment.kind == .block else { return true }
        return !(range.end - range.start >= 4 && source.text(in: SourceRange(start: range.end - 2, end: range.end)) == "*/")
    }

    /// Whether the token at `index` sits where a name is expected (after `(`, `,` or `.`).
    static func isName(_ index: Int, in tokens: [Token]) -> Bool {
        guard index > 0 else { return false }
        switch tokens[index - 1].kind {
        case .leftParen, .comma, .dot: return true
        default: return false
        }
    }

    /// The tokens of argument `argument` (0-based, commas at depth 0 separate them) of the
    /// open bracket, up to the cursor.
    func argumentTokens(_ argument: Int) -> [Token] {
        guard let bracket else { return [] }
        var result: [Token] = []
        var depth = 0
        var current = 0
        var index = bracket.index + 1
        while index < end {
            let token = tokens[index]
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .comma where depth == 0:
                current += 1
                index += 1
                continue
            default: break
            }
            if current == argument { result.append(token) }
            index += 1
        }
        return result
    }

    /// The tokens of the current item before the cursor at bracket depth 0 (a bracketed group
    /// counts as its opening token followed by its closing token).
    func sectionTokens() -> [(Token, Keyword?)] {
        let start = itemStart ?? 0
        var result: [(Token, Keyword?)] = []
        var depth = 0
        var index = start
        while index < end {
            let token = tokens[index]
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                if depth == 0 { result.append((token, nil)) }
                depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                depth -= 1
                if depth == 0 { result.append((token, nil)) }
                if depth < 0 { depth = 0 }
            default:
                if depth == 0 { result.append((token, keywords[index])) }
            }
            index += 1
        }
        return result
    }
}
