/// The error-recovering parser of `.policy` files. Parsing never fails: it returns a tree and
/// diagnostics, one diagnostic per mistake, and resynchronizes at the next section keyword
/// (`POLICY`, `GRANT`, `CLAUSE`, `OR CLAUSE`, `WITH CHECK`, `SELECTOR`, …) or closing bracket.
public struct Parser {
    /// The deepest nesting of brackets, `NOT`s, traversals and lists the parser accepts.
    public static let maxNestingDepth = 64

    let file: SourceFile
    let tokens: [Token]
    let keywords: [Keyword?]
    var position = 0
    var diagnostics: [Diagnostic]
    /// Set after a reported mistake; further reports are dropped until the parser resynchronizes.
    var panicking = false
    /// The current nesting depth.
    var depth = 0
    /// Ranges of tokens skipped since the current item began.
    var skipped: [SourceRange] = []
    /// Whether the current item reported an error.
    var itemHadError = false
    /// Indexes of tokens the lexer reported (unterminated strings, stray characters): consuming
    /// one puts the parser in recovery, so the mistake is not reported twice.
    let lexicallyBad: Set<Int>

    /// Parses `file`.
    public static func parse(_ file: SourceFile) -> ParsedFile {
        let lexed = Lexer.lex(file)
        var parser = Parser(file: file, lexed: lexed)
        let tree = parser.parseFile(comments: lexed.comments)
        let diagnostics = parser.diagnostics.sorted { $0.range < $1.range }
        return ParsedFile(source: file, tree: tree, tokens: lexed.tokens, diagnostics: diagnostics)
    }

    /// Parses `text` as a file at `path`.
    public static func parse(text: String, path: String = "<input>") -> ParsedFile {
        parse(SourceFile(path: path, text: text))
    }

    init(file: SourceFile, lexed: LexResult) {
        self.file = file
        self.tokens = lexed.tokens
        self.keywords = lexed.tokens.map { $0.kind == .identifier ? Keyword.lookup($0.value) : nil }
        self.diagnostics = lexed.diagnostics
        let badRanges = Set(lexed.diagnostics.map(\.range))
        var bad = Set<Int>()
        if !badRanges.isEmpty {
            for (index, token) in lexed.tokens.enumerated() where badRanges.contains(token.range) || token.kind == .unknown {
                bad.insert(index)
            }
        }
        self.lexicallyBad = bad
    }

    // MARK: - Token access

    var current: Token { tokens[position] }
    var currentKeyword: Keyword? { keywords[position] }
    var atEnd: Bool { tokens[position].kind == .endOfFile }

    func tokenAhead(_ offset: Int) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }

    func keywordAhead(_ offset: Int) -> Keyword? {
        keywords[min(position + offset, keywords.count - 1)]
    }

    /// The end offset of the token before the current one (where a missing token belongs).
    var previousEnd: Int { position > 0 ? tokens[position - 1].range.end : 0 }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if token.kind != .endOfFile {
            if lexicallyBad.contains(position) {
                panicking = true
                itemHadError = true
            }
            position += 1
        }
        return token
    }

    func isKeyword(_ keyword: Keyword) -> Bool { keywords[position] == keyword }

    /// Whether the token at `index` sits where a name is expected (`col(policy)`), so that a
    /// keyword spelling there is not a section boundary.
    func isInNamePosition(_ index: Int) -> Bool {
        if index > 0 {
            switch tokens[index - 1].kind {
            case .leftParen, .comma, .dot: return true
            default: break
            }
        }
        if index + 1 < tokens.count {
            switch tokens[index + 1].kind {
            case .rightParen, .comma, .dot: return true
            default: break
            }
        }
        return false
    }

    /// Whether the current token starts a new item.
    var atItemStart: Bool {
        guard let keyword = currentKeyword, keyword == .policy || keyword == .grant || keyword == .govern else { return false }
        return !isInNamePosition(position)
    }

    /// Whether the current token begins a section of a policy or grant (a resynchronization point).
    var atSectionStart: Bool {
        guard let keyword = currentKeyword else { return atEnd }
        switch keyword {
        case .policy, .grant, .govern, .permissive, .restrictive, .for, .to, .selector, .clause:
            return !isInNamePosition(position)
        case .or:
            return keywordAhead(1) == .clause
        case .with:
            return keywordAhead(1) == .check
        default:
            return false
        }
    }

    // MARK: - Diagnostics

    /// Reports a mistake unless the parser is already recovering from one.
    mutating func report(_ kind: DiagnosticKind, _ message: String, at range: SourceRange, fixIt: FixIt? = nil) {
        // Tokens the lexer rejected were reported by the lexer.
        if current.kind == .unknown, range == current.range {
            panicking = true
            itemHadError = true
            return
        }
        guard !panicking else { return }
        panicking = true
        itemHadError = true
        diagnostics.append(
            Diagnostic(
                kind, message: message,
                location: FileLocation(file: file.path, range: range),
                fixIts: fixIt.map { [$0] } ?? []))
    }

    /// Reports that `what` is missing where the current token is, with a fix-it inserting `insert`.
    mutating func reportMissing(_ kind: DiagnosticKind, _ what: String, insert: String? = nil) {
        let found = describe(current)
        if let insert {
            let at = previousEnd
            report(
                kind, "expected \(what), found \(found)", at: .empty(at: at),
                fixIt: FixIt(
                    title: "insert '\(insert)'", file: file.path,
                    edits: [TextEdit(range: .empty(at: at), newText: insert)]))
        } else {
            report(kind, "expected \(what), found \(found)", at: current.range)
        }
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: return "'\(token.value)'"
        case .quotedIdentifier: return "\"\(token.value)\""
        case .string: return "a string"
        case .integer: return "'\(token.value)'"
        default: return token.kind.displayName
        }
    }

    // MARK: - Recovery

    /// Skips tokens until a section start (or the end), recording what was skipped.
    mutating func skipToSection() {
        let start = current.range.start
        var end = start
        while !atEnd, !atSectionStart {
            end = advance().range.end
        }
        if end > start { skipped.append(SourceRange(start: start, end: end)) }
    }

    /// Expects the closing bracket `kind`. If it is not next, reports it missing once and looks
    /// ahead (bracket-balanced) for it before the next atom or section; skips to it when found.
    mutating func expectClosing(_ kind: TokenKind, after what: String) -> SourceRange? {
        if current.kind == kind { return advance().range }
        reportMissing(
            Parser.missing(kind), "\(kind.displayName) after \(what)",
            insert: Parser.spelling(kind))
        var nesting = 0
        var index = position
        scan: while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .leftParen, .leftBrace, .leftBracket:
                nesting += 1
            case .rightParen, .rightBrace, .rightBracket:
                if nesting == 0 {
                    if token.kind == kind { break scan }
                    return nil
                }
                nesting -= 1
            case .endOfFile:
                return nil
            case .identifier:
                if nesting == 0, let keyword = keywords[index], !isInNamePosition(index) {
                    switch keyword {
                    case .and, .or, .policy, .grant, .clause, .selector, .with, .for, .to, .permissive, .restrictive:
                        return nil
                    default:
                        break
                    }
                }
            default:
                break
            }
            index += 1
        }
        guard index < tokens.count else { return nil }
        let start = current.range.start
        position = index
        if tokens[index].range.start > start {
            skipped.append(SourceRange(start: start, end: tokens[index].range.start))
        }
        return advance().range
    }

    /// Expects a token of `kind`; reports it missing (with a fix-it) when absent and goes on as if
    /// it had been there.
    mutating func expect(_ kind: TokenKind, after what: String) -> SourceRange? {
        if current.kind == kind { return advance().range }
        reportMissing(
            Parser.missing(kind), "\(kind.displayName) after \(what)",
            insert: Parser.spelling(kind))
        return nil
    }

    /// The diagnostic for a missing token of `kind`.
    static func missing(_ kind: TokenKind) -> DiagnosticKind {
        switch kind {
        case .leftParen: return .syntaxExpectedOpenParen
        case .rightParen: return .syntaxExpectedCloseParen
        case .leftBrace: return .syntaxExpectedOpenBrace
        case .rightBrace: return .syntaxExpectedCloseBrace
        case .leftBracket: return .syntaxExpectedOpenBracket
        case .rightBracket: return .syntaxExpectedCloseBracket
        case .comma: return .syntaxExpectedComma
        default: return .syntaxExpectedToken
        }
    }

    static func spelling(_ kind: TokenKind) -> String? {
        switch kind {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .comma: return ", "
        default: return nil
        }
    }

    /// Skips a bracketed region without recursion (used when nesting is too deep).
    mutating func skipBalanced() {
        let start = current.range.start
        var nesting = 0
        var end = start
        repeat {
            switch current.kind {
            case .leftParen, .leftBrace, .leftBracket: nesting += 1
            case .rightParen, .rightBrace, .rightBracket: nesting -= 1
            case .endOfFile: nesting = 0
            default: break
            }
            if atEnd { break }
            end = advance().range.end
        } while nesting > 0
        if end > start { skipped.append(SourceRange(start: start, end: end)) }
    }

    /// Enters a nested construct; reports and returns false when too deep.
    mutating func enterNesting() -> Bool {
        if depth >= Parser.maxNestingDepth {
            report(.syntaxNestingTooDeep, "nesting is deeper than \(Parser.maxNestingDepth) levels", at: current.range)
            return false
        }
        depth += 1
        return true
    }

    mutating func leaveNesting() { depth -= 1 }

    // MARK: - File

    mutating func parseFile(comments: [Comment]) -> FileSyntax {
        var items: [ItemSyntax] = []
        var unexpected: [SourceRange] = []
        while !atEnd {
            if atItemStart {
                panicking = false
                if isKeyword(.policy) {
                    items.append(.policy(parsePolicy()))
                } else if isKeyword(.govern) {
                    items.append(.govern(parseGovern()))
                } else {
                    items.append(.grant(parseGrant()))
                }
            } else {
                if current.kind != .unknown {
                    report(.syntaxExpectedItem, "expected 'POLICY', 'GRANT' or 'GOVERN', found \(describe(current))", at: current.range)
                } else {
                    panicking = true
                }
                let start = current.range.start
                var end = start
                repeat { end = advance().range.end } while !atEnd && !atItemStart
                unexpected.append(SourceRange(start: start, end: end))
            }
        }
        return FileSyntax(items: items, comments: comments, unexpected: unexpected)
    }

    // MARK: - Names

    /// Whether the current token can be a name.
    var atName: Bool {
        switch current.kind {
        case .identifier, .quotedIdentifier, .string: return true
        default: return false
        }
    }

    /// Parses a name; reports and returns `nil` when the current token is not one.
    mutating func parseName(_ what: String) -> NameSyntax? {
        let token = current
        switch token.kind {
        case .identifier:
            advance()
            return NameSyntax(text: token.value, quoting: .bare, range: token.range)
        case .quotedIdentifier:
            advance()
            return NameSyntax(text: token.value, quoting: .double, range: token.range)
        case .string:
            advance()
            return NameSyntax(text: token.value, quoting: .single, range: token.range)
        default:
            reportMissing(.syntaxExpectedName, what)
            return nil
        }
    }

    /// Parses `name` or `schema.name`.
    mutating func parseTableName(_ what: String) -> TableNameSyntax? {
        guard let first = parseName(what) else { return nil }
        if current.kind == .dot {
            advance()
            guard let second = parseName("a table name after '.'") else {
                return TableNameSyntax(schema: nil, name: first, range: first.range)
            }
            return TableNameSyntax(schema: first, name: second, range: first.range.union(second.range))
        }
        return TableNameSyntax(schema: nil, name: first, range: first.range)
    }

    /// Parses a string; reports when the current token is not one.
    mutating func parseString(_ what: String) -> StringSyntax? {
        if current.kind == .string {
            let token = advance()
            return StringSyntax(value: token.value, range: token.range)
        }
        reportMissing(.syntaxExpectedString, what)
        return nil
    }
}
