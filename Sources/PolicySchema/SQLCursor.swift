import PolicySyntax
import SQLExpression

/// A position inside one statement's tokens, with the small look-ahead helpers the schema
/// reader needs. It never reads past the statement's end.
struct SQLCursor {
    /// All tokens of the script.
    let tokens: [SQLToken]
    /// The index of the current token.
    private(set) var index: Int
    /// One past the last token this cursor may read.
    let end: Int

    /// A cursor over `range` of `tokens`.
    init(tokens: [SQLToken], range: Range<Int>) {
        self.tokens = tokens
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    /// Whether every token has been read.
    var isAtEnd: Bool { index >= end }

    /// The token `distance` ahead of the current one, if inside the statement.
    func peek(_ distance: Int = 0) -> SQLToken? {
        let position = index + distance
        return position < end ? tokens[position] : nil
    }

    /// The current token's range, or an empty range just after the last token read.
    var currentRange: SourceRange {
        if let token = peek() { return token.range }
        let last = index - 1
        return last >= 0 && last < tokens.count ? SourceRange.empty(at: tokens[last].end) : SourceRange.empty(at: 0)
    }

    /// The range of the token before the current one.
    var previousRange: SourceRange {
        let last = index - 1
        return last >= 0 && last < tokens.count ? tokens[last].range : currentRange
    }

    /// Whether the token `distance` ahead is the unquoted word `word`.
    func isWord(_ word: String, at distance: Int = 0) -> Bool {
        let position = index + distance
        return position < end && tokens[position].kind == .word && tokens[position].text == word
    }

    /// Whether the token `distance` ahead has kind `kind`.
    func isKind(_ kind: SQLTokenKind, at distance: Int = 0) -> Bool {
        let position = index + distance
        return position < end && tokens[position].kind == kind
    }

    /// Moves past the current token.
    mutating func advance() {
        if index < end { index += 1 }
    }

    /// Consumes the word `word` when it is next.
    mutating func accept(word: String) -> Bool {
        guard isWord(word) else { return false }
        index += 1
        return true
    }

    /// Consumes `first` and `second` when they come next, in order; otherwise consumes nothing.
    mutating func accept(words first: String, _ second: String) -> Bool {
        guard isWord(first), isWord(second, at: 1) else { return false }
        index += 2
        return true
    }

    /// Consumes three words when they come next, in order; otherwise consumes nothing.
    mutating func accept(words first: String, _ second: String, _ third: String) -> Bool {
        guard isWord(first), isWord(second, at: 1), isWord(third, at: 2) else { return false }
        index += 3
        return true
    }

    /// Consumes a token of `kind` when it is next.
    mutating func accept(_ kind: SQLTokenKind) -> Bool {
        guard isKind(kind) else { return false }
        index += 1
        return true
    }

    /// Consumes and returns an identifier (unquoted or quoted) when one is next.
    mutating func identifier() -> SQLToken? {
        guard let token = peek(), token.isIdentifier else { return nil }
        index += 1
        return token
    }

    /// Consumes a dotted name (`a`, `a.b`, `a.b.c`) when one is next.
    mutating func name() -> SQLName? {
        guard let first = identifier() else { return nil }
        var parts = [first.text]
        var quoted = [first.kind == .quotedIdentifier]
        var range = first.range
        while isKind(.dot), let next = peek(1), next.isIdentifier {
            index += 2
            parts.append(next.text)
            quoted.append(next.kind == .quotedIdentifier)
            range = range.union(next.range)
        }
        return SQLName(parts: parts, quoted: quoted, range: range)
    }

    /// Skips one token, or a whole bracketed group when the current token opens one.
    mutating func skipGroupOrToken() {
        guard let token = peek() else { return }
        guard token.kind == .leftParen || token.kind == .leftBracket else {
            index += 1
            return
        }
        var depth = 0
        while let current = peek() {
            index += 1
            switch current.kind {
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket:
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
    }

    /// Skips to the next `,` at this nesting level (not consuming it), or to a `)` that closes
    /// an enclosing group, or to the end.
    mutating func skipToElementEnd() {
        while let token = peek() {
            switch token.kind {
            case .comma, .rightParen, .rightBracket: return
            default: skipGroupOrToken()
            }
        }
    }

    /// Skips everything to the end of the statement.
    mutating func skipToEnd() {
        index = end
    }

    /// The index one past the `)` that closes the group whose `(` is current, or nil when the
    /// statement ends first (or the current token is no `(`).
    func matchingParenEnd() -> Int? {
        guard isKind(.leftParen) else { return nil }
        var depth = 0
        var position = index
        while position < end {
            switch tokens[position].kind {
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket:
                depth -= 1
                if depth == 0 { return position + 1 }
            default: break
            }
            position += 1
        }
        return nil
    }

    /// A cursor over the tokens from the current one up to `limit` (exclusive).
    func prefix(upTo limit: Int) -> SQLCursor {
        SQLCursor(tokens: tokens, range: index..<max(index, min(limit, end)))
    }

    /// Moves forward to `position` (clamped to the statement).
    mutating func move(to position: Int) {
        index = min(max(position, index), end)
    }
}
