import PolicySQL
import PolicySyntax

extension FuzzTarget {
    /// Quoting round trips, read byte by byte as the reader on the other side reads them: a SQL
    /// string constant and a SQL identifier read back (`SQLUnquoter`) to the text; a SQL comment
    /// has no line break; a policy-language string lexes to one string token holding the text.
    static func quotingViolation(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        // PostgreSQL text cannot hold a zero byte; quoting does not have to carry one.
        if !bytes.contains(0) {
            let literal = SQLQuoting.literal(text)
            if SQLUnquoter.literal(literal) != text {
                return "SQL literal \(literal) reads back as \(SQLUnquoter.literal(literal).map { "'\($0)'" } ?? "no single constant")"
            }
            let identifier = SQLQuoting.identifier(text)
            if !text.isEmpty, SQLUnquoter.identifier(identifier) != text {
                return "SQL identifier \(identifier) reads back as \(SQLUnquoter.identifier(identifier) ?? "no single identifier")"
            }
        }
        let comment = SQLQuoting.comment(text)
        if comment.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            return "SQL comment text has a line break: \(comment)"
        }
        // Policy-language strings end at a line break (an unterminated string's end), and a zero
        // byte in one is an error.
        if !bytes.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 }) {
            let quoted = Formatter.string(text)
            let lexed = Lexer.lex(SourceFile(path: "quoted.policy", text: quoted))
            let strings = lexed.tokens.filter { $0.kind == .string }
            if !lexed.diagnostics.isEmpty || lexed.tokens.count != 2 || strings.map(\.value) != [text] {
                return "policy string \(quoted) lexes as \(lexed.tokens.map { "\($0.kind) \($0.value)" })"
                    + " \(lexed.diagnostics.map(\.message))"
            }
        }
        return nil
    }
}
