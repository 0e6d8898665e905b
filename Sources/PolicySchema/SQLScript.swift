import PolicySyntax
import SQLExpression

/// A SQL text tokenized and split into statements at top-level `;`.
///
/// A `;` inside a string, a comment or a dollar-quoted body never splits; neither does one
/// inside the `BEGIN ATOMIC ... END` body of `CREATE FUNCTION`/`CREATE PROCEDURE` (tracked the
/// way psql does). A `;` inside parentheses does split: no statement the schema reader
/// understands has one there, and splitting keeps a missing `)` from swallowing the rest of the
/// file. The data of `COPY ... FROM stdin` is skipped, and psql meta-commands are dropped.
struct SQLScript {
    /// Every token, in order, without the `;` separators.
    let tokens: [SQLToken]
    /// Each statement as a range of `tokens` (never empty).
    let statements: [Range<Int>]
    /// Unterminated constructs found while tokenizing.
    let problems: [SQLLexProblem]

    /// Tokenizes and splits `bytes`.
    init(bytes: [UInt8]) {
        var tokenizer = SQLTokenizer(bytes: bytes)
        var tokens: [SQLToken] = []
        tokens.reserveCapacity(bytes.count / 5)
        var statements: [Range<Int>] = []
        var start = 0
        var tracker = RoutineBodyTracker()
        while let token = tokenizer.next() {
            switch token.kind {
            case .metaCommand:
                continue
            case .semicolon where tracker.depth == 0:
                if tokens.count > start {
                    let statement = start..<tokens.count
                    statements.append(statement)
                    if Self.isCopyFromStdin(tokens[statement]) { tokenizer.skipCopyData() }
                }
                start = tokens.count
                tracker = RoutineBodyTracker()
            default:
                tracker.observe(token)
                tokens.append(token)
            }
        }
        if tokens.count > start { statements.append(start..<tokens.count) }
        self.tokens = tokens
        self.statements = statements
        self.problems = tokenizer.problems
    }

    private static func isCopyFromStdin(_ statement: ArraySlice<SQLToken>) -> Bool {
        guard let first = statement.first, first.isWord("copy") else { return false }
        var previousWasFrom = false
        for token in statement {
            if previousWasFrom, token.isWord("stdin") { return true }
            previousWasFrom = token.isWord("from")
        }
        return false
    }
}
