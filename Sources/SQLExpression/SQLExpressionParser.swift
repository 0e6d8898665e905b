import PolicySyntax

/// The error-recovering reader of one SQL expression: what PostgreSQL prints for a policy's
/// USING and WITH CHECK (`pg_get_expr`, `pg_policies.qual`) and what people write in migrations.
///
/// Reading never fails and never traps: every text gives a tree, with `.error` nodes holding the
/// text it could not read, and diagnostics located at the mistakes, one per mistake. Nesting is
/// capped at `maxNestingDepth` (deeper text is kept as text), and every loop consumes a token, so
/// the time is linear in the text.
public struct SQLExpressionParser {
    /// The deepest nesting of parentheses, sub-selects and operators the reader follows.
    public static let maxNestingDepth = 64

    /// The file being read.
    let file: SourceFile
    /// The part of the file that is read.
    let range: SourceRange
    /// The tokens of the part being read, operators split as PostgreSQL splits them.
    var tokens: [SQLToken]
    /// The index of the current token.
    var position = 0
    /// The current nesting depth (brackets, prefix operators, operator and join chains).
    var depth = 0
    /// The mistakes found so far.
    var diagnostics: [Diagnostic] = []
    /// Where diagnostics were reported (one per place).
    var reportedStarts = Set<Int>()

    /// Reads `text` as one expression; `path` names it in diagnostics.
    public static func parse(text: String, path: String = "<expression>") -> SQLParseResult {
        parse(SourceFile(path: path, text: text))
    }

    /// Reads the whole of `file` as one expression.
    public static func parse(_ file: SourceFile) -> SQLParseResult {
        parse(file, range: SourceRange(start: 0, end: file.bytes.count))
    }

    /// Reads the part `range` of `file` as one expression (the USING clause of a statement in a
    /// migration, say): ranges and diagnostics are in the file's offsets. A range outside the
    /// text is clamped to it.
    public static func parse(_ file: SourceFile, range: SourceRange) -> SQLParseResult {
        let end = min(max(range.end, 0), file.bytes.count)
        let start = min(max(range.start, 0), end)
        var parser = SQLExpressionParser(file: file, range: SourceRange(start: start, end: end))
        let expression = parser.parseWhole()
        let diagnostics = parser.diagnostics.sorted { $0.range < $1.range }
        return SQLParseResult(expression: expression, diagnostics: diagnostics)
    }

    init(file: SourceFile, range: SourceRange) {
        self.file = file
        self.range = range
        var tokenizer = SQLTokenizer(bytes: Array(file.bytes[range.start..<range.end]))
        var tokens: [SQLToken] = []
        var unexpected: [SourceRange] = []
        while var token = tokenizer.next() {
            token.start += range.start
            token.end += range.start
            switch token.kind {
            case .op: tokens += Self.splitOperator(token)
            case .unknown, .metaCommand:
                // Kept, so the expression around it reads on; the parser keeps it as text.
                unexpected.append(token.range)
                tokens.append(SQLToken(kind: .unknown, start: token.start, end: token.end, text: ""))
            default: tokens.append(token)
            }
        }
        self.tokens = tokens
        for problem in tokenizer.problems {
            report(.sqlUnterminated, problem.message, problem.range.shifted(by: range.start))
        }
        for range in unexpected {
            report(.sqlUnexpectedCharacter, "unexpected character \(shown(range))", range)
        }
    }

    /// PostgreSQL's rule for an operator run: it ends at a comment start (the tokenizer's part),
    /// and a trailing `+` or `-` is not part of it unless it holds one of ``~!@#%^&|`?`` (so `=-1`
    /// is `=` then `-1`).
    static func splitOperator(_ token: SQLToken) -> [SQLToken] {
        let bytes = Array(token.text.utf8)
        guard bytes.count > 1, bytes.last == UInt8(ascii: "+") || bytes.last == UInt8(ascii: "-") else { return [token] }
        let special = Set("~!@#%^&|`?".utf8)
        guard !bytes.contains(where: special.contains) else { return [token] }
        var cut = bytes.count
        while cut > 1, bytes[cut - 1] == UInt8(ascii: "+") || bytes[cut - 1] == UInt8(ascii: "-") { cut -= 1 }
        var result = [
            SQLToken(kind: .op, start: token.start, end: token.start + cut, text: String(decoding: bytes[0..<cut], as: UTF8.self))
        ]
        for index in cut..<bytes.count {
            result.append(
                SQLToken(kind: .op, start: token.start + index, end: token.start + index + 1, text: String(UnicodeScalar(bytes[index]))))
        }
        return result
    }

    // MARK: - Tokens

    /// The current token; nil at the end.
    var current: SQLToken? { position < tokens.count ? tokens[position] : nil }

    /// The token `distance` after the current one; nil past the end.
    func peek(_ distance: Int) -> SQLToken? {
        position + distance < tokens.count ? tokens[position + distance] : nil
    }

    /// Whether every token is read.
    var atEnd: Bool { position >= tokens.count }

    /// The end of the token before the current one (where a missing token belongs).
    var previousEnd: Int { position > 0 ? tokens[position - 1].end : range.start }

    /// Where the current token starts (the end of the text at the end).
    var currentStart: Int { current?.start ?? range.end }

    /// Moves past the current token and returns it; nil at the end.
    @discardableResult
    mutating func advance() -> SQLToken? {
        guard position < tokens.count else { return nil }
        position += 1
        return tokens[position - 1]
    }

    /// Whether the current token is the unquoted word `word`.
    func at(_ word: String) -> Bool { current?.isWord(word) ?? false }

    /// Whether the current token is of `kind`.
    func at(_ kind: SQLTokenKind) -> Bool { current?.kind == kind }

    /// Whether the current token is the operator `op`.
    func atOperator(_ op: String) -> Bool { current.map { $0.kind == .op && $0.text == op } ?? false }

    /// Consumes the word `word` when it is next.
    mutating func eat(_ word: String) -> Bool {
        guard at(word) else { return false }
        advance()
        return true
    }

    /// Consumes a token of `kind` when it is next.
    mutating func eat(_ kind: SQLTokenKind) -> Bool {
        guard at(kind) else { return false }
        advance()
        return true
    }

    /// Consumes a token of `kind`, or reports that `what` is missing (the token is then synthesized).
    mutating func expect(_ kind: SQLTokenKind, _ what: String) {
        if eat(kind) { return }
        reportExpected(what)
    }

    /// Consumes the word `word`, or reports it missing.
    mutating func expect(word: String) {
        if eat(word) { return }
        reportExpected("'\(word.uppercased())'")
    }

    // MARK: - Diagnostics

    /// `range` in the file being read.
    func location(_ range: SourceRange) -> FileLocation {
        FileLocation(file: file.path, range: range)
    }

    /// Reports `what` as missing before the current token (one diagnostic per place).
    mutating func reportExpected(_ what: String) {
        let found = current.map { shown($0.range) } ?? "the end of the expression"
        let range = current?.range ?? SourceRange.empty(at: self.range.end)
        report(.sqlExpected, "expected \(what), found \(found)", range)
    }

    /// Records a diagnostic of `kind` at `range`, unless one is recorded there already.
    mutating func report(_ kind: DiagnosticKind, _ message: String, _ range: SourceRange) {
        // One diagnostic per mistake: a second report at the same place is the same mistake.
        guard reportedStarts.insert(range.start).inserted else { return }
        diagnostics.append(Diagnostic(kind, message: message, location: location(range)))
    }

    /// The text of a token for a message, in quotes, cut after 40 characters (a dollar-quoted
    /// body can be long).
    func shown(_ range: SourceRange) -> String {
        let whole = file.text(in: range)
        return whole.count <= 40 ? "'\(whole)'" : "'\(whole.prefix(40))…'"
    }

    /// The source text of `range`.
    func text(_ range: SourceRange) -> String { file.text(in: range) }

    // MARK: - Whole text

    /// Reads the whole part as one expression; text after it is kept in an error node.
    mutating func parseWhole() -> SQLExpr {
        guard !atEnd else {
            reportExpected("an expression")
            return SQLExpr(.error("", parts: []), range: SourceRange.empty(at: range.start))
        }
        let expression = parseExpression()
        guard let leftover = current else { return expression }
        report(.sqlUnexpectedToken, "unexpected \(shown(leftover.range)) after the expression", leftover.range)
        let start = leftover.start
        position = tokens.count
        let end = tokens[tokens.count - 1].end
        let whole = SourceRange(start: min(expression.range.start, start), end: end)
        return SQLExpr(.error(text(whole), parts: [expression]), range: whole)
    }

    /// Skips tokens up to (not including) a `)`, `]` or `,` outside the brackets it skips, or
    /// the end; returns the skipped range (empty when nothing was skipped).
    mutating func skipBalanced() -> SourceRange {
        let start = currentStart
        var nesting = 0
        while let token = current {
            switch token.kind {
            case .leftParen, .leftBracket: nesting += 1
            case .rightParen, .rightBracket:
                if nesting == 0 { return SourceRange(start: start, end: previousEnd) }
                nesting -= 1
            case .comma where nesting == 0: return SourceRange(start: start, end: previousEnd)
            default: break
            }
            advance()
        }
        return SourceRange(start: start, end: max(start, previousEnd))
    }
}
