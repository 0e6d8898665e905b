import PolicySyntax
import SQLExpression

/// Whether a piece of SQL text can stand as one expression inside `(SELECT …)`: no `;` outside
/// strings and parentheses, balanced parentheses and brackets, no unterminated string, quoted
/// identifier or comment, no trailing `--` comment. It does not parse the expression; PostgreSQL does that.
public enum SQLExpressionShape {
    /// What is wrong with `text` as one expression, or `nil` when its shape is fine.
    public static func problem(in text: String) -> String? {
        var tokenizer = SQLTokenizer(bytes: Array(text.utf8))
        var depth = 0
        var count = 0
        var end = 0
        while let token = tokenizer.next() {
            count += 1
            end = token.end
            switch token.kind {
            case .leftParen, .leftBracket:
                depth += 1
            case .rightParen, .rightBracket:
                depth -= 1
                if depth < 0 { return "it closes a parenthesis it did not open" }
            case .semicolon:
                return "it holds ';': write one expression, not statements"
            default:
                break
            }
        }
        if let problem = tokenizer.problems.first { return problem.message }
        if count == 0 { return "it is empty" }
        if depth > 0 { return "it leaves a parenthesis open" }
        // A trailing line comment would swallow the `)` that closes the sub-select.
        if String(decoding: Array(text.utf8)[end...], as: UTF8.self).contains("--") {
            return "it ends in a '--' comment, which would hide the rest of the policy"
        }
        return nil
    }
}
