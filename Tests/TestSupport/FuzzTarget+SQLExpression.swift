import PolicySyntax
import SQLExpression

extension FuzzTarget {
    /// The SQL expression reader's diagnostics lie inside the text, and a text it reads without
    /// diagnostics prints as text that reads without diagnostics and prints the same again.
    static func sqlExpressionViolation(_ text: String) -> String? {
        let file = SourceFile(path: "fuzz.sql", text: text)
        let result = SQLExpressionParser.parse(file)
        if let violation = rangeViolation(result.diagnostics, in: file) { return "sql expression: " + violation }
        var outside: SQLExpr?
        result.expression.visit { node in
            if outside == nil, !file.holds(node.range) { outside = node }
        }
        if let outside {
            return "sql expression: node \(outside.kind) has range \(outside.range) outside the \(file.bytes.count)-byte text"
        }
        let printed = SQLExpressionPrinter.print(result.expression)
        guard result.diagnostics.isEmpty else { return nil }
        if result.expression.containsError { return "sql expression: an error node without a diagnostic in:\n\(text)" }
        let again = SQLExpressionParser.parse(text: printed)
        if let first = again.diagnostics.first {
            return "sql expression: the printed text reads with '\(first.message)' at \(first.range):\n\(printed)"
        }
        let reprinted = SQLExpressionPrinter.print(again.expression)
        return reprinted == printed ? nil : "sql expression: the printed text prints differently:\n\(printed)\n---\n\(reprinted)"
    }
}
