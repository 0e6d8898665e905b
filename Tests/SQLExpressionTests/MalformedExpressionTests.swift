import Foundation
import PolicySyntax
import SQLExpression
import Testing

/// Mistakes get one diagnostic each, at the marker `1️⃣` (the byte offset where it is reported),
/// and the rest is still read: the tree keeps what it could not read as text.
@Suite struct MalformedExpressionTests {
    /// (text with a marker, expected id, words the message holds)
    static let cases: [(String, String, String)] = [
        ("a = 1️⃣", "sql.expected", "expected an expression"),
        ("(a = b1️⃣", "sql.expected", "expected ')'"),
        ("a = b 1️⃣c d", "sql.unexpected-token", "unexpected 'c'"),
        ("1️⃣'abc", "sql.unterminated", "unterminated string"),
        ("a = 1️⃣\"abc", "sql.unterminated", "unterminated quoted identifier"),
        ("a = 1️⃣$x$ body", "sql.unterminated", "unterminated dollar-quoted"),
        ("a = b 1️⃣/* never closed", "sql.unterminated", "unterminated comment"),
        ("a = 1️⃣\\b", "sql.unexpected-character", "unexpected character"),
        ("case when a 1️⃣1 end", "sql.expected", "expected 'THEN'"),
        ("case when a then 1 1️⃣", "sql.expected", "expected 'END'"),
        ("a is 1️⃣maybe", "sql.expected", "NULL, TRUE, FALSE"),
        ("a in 1️⃣b", "sql.expected", "'(' after IN"),
        ("f(a, 1️⃣)", "sql.expected", "expected an expression"),
        ("exists (select 1 from 1️⃣where x)", "sql.expected", "a table name"),
        ("exists (select 1 from a join b 1️⃣where x)", "sql.expected", "ON after JOIN"),
        ("x::1️⃣", "sql.expected", "a type name"),
        ("a = 1️⃣)", "sql.expected", "found ')'"),
        ("1️⃣", "sql.expected", "expected an expression"),
        ("a between 1 1️⃣5", "sql.expected", "expected 'AND'"),
        ("array[1, 2 1️⃣", "sql.expected", "expected ']'"),
        ("x = any (array[1] 1️⃣", "sql.expected", "expected ')'"),
        (
            "a = b 1️⃣$$" + String(repeating: "long body ", count: 100) + "$$", "sql.unexpected-token",
            "'$$long body long body long body long bod…' after"
        ),
    ]

    @Test(arguments: cases)
    func reportsAtTheMarker(_ marked: String, _ id: String, _ words: String) throws {
        let marker = "1️⃣"
        let range = try #require(marked.range(of: marker))
        let offset = marked[..<range.lowerBound].utf8.count
        let text = marked.replacingCharacters(in: range, with: "")
        let result = SQLExpressionParser.parse(text: text)
        let found = result.diagnostics.map { "\($0.id)@\($0.range.start): \($0.message)" }
        #expect(result.diagnostics.count == 1, "\(text): \(found)")
        let first = try #require(result.diagnostics.first, "\(text)")
        #expect(first.id == id, "\(text): \(found)")
        #expect(first.range.start == offset, "\(text): \(found)")
        #expect(first.message.contains(words), "\(text): \(found)")
        // Every byte that was not read is kept as text somewhere in the tree.
        #expect(result.expression.containsError || first.id == "sql.expected" || first.id == "sql.unterminated")
        _ = SQLExpressionPrinter.print(result.expression)
    }

    /// Deep nesting is capped with one diagnostic, quickly, without exhausting the stack.
    @Test(arguments: [
        String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000),
        String(repeating: "not ", count: 100_000) + "a",
        String(repeating: "- ", count: 100_000) + "a",
        "a" + String(repeating: " + a", count: 100_000),
        String(repeating: "exists (select 1 from t where ", count: 20_000) + "a" + String(repeating: ")", count: 20_000),
        String(repeating: "array[", count: 50_000),
        String(repeating: "case when ", count: 50_000),
        String(repeating: "f(", count: 50_000) + String(repeating: ")", count: 50_000),
        "exists (select 1 from a" + String(repeating: " join a on true", count: 50_000) + ")",
        "x" + String(repeating: "::t", count: 50_000) + String(repeating: "[1]", count: 50_000),
    ])
    func deepNestingIsCapped(_ text: String) {
        let clock = ContinuousClock()
        var result: SQLParseResult?
        var printed = ""
        let elapsed = clock.measure {
            result = SQLExpressionParser.parse(text: text)
            printed = SQLExpressionPrinter.print(result?.expression ?? SQLExpr(.null, range: .empty(at: 0)))
        }
        #expect(result?.diagnostics.contains { $0.id == "sql.nesting-too-deep" } == true)
        #expect(!printed.isEmpty)
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    /// A long flat AND chain (PostgreSQL prints one node's conjuncts side by side) is one node,
    /// not a deep tree: thousands of conjuncts read without a nesting diagnostic.
    @Test func longConjunctionsDoNotNest() {
        let text = (0..<5000).map { "(c\($0) = \($0))" }.joined(separator: " AND ")
        let result = SQLExpressionParser.parse(text: text)
        #expect(result.diagnostics.isEmpty)
        guard case .logical("AND", let items) = result.expression.kind else {
            Issue.record("not a conjunction")
            return
        }
        #expect(items.count == 5000)
        #expect(SQLExpressionPrinter.print(result.expression) == text)
    }
}

/// A part of a larger file (the USING clause of a migration's CREATE POLICY) reads with ranges
/// and diagnostics in the file's offsets.
@Suite struct ExpressionInAFileTests {
    @Test func rangesAreTheFilesOffsets() throws {
        let text = """
            -- migration 0042
            CREATE POLICY own ON docs USING (auth.uid() = user_id AND tenant_id = );
            """
        let file = SourceFile(path: "migrations/0042.sql", text: text)
        let open = try #require(text.range(of: "USING (")).upperBound
        let close = try #require(text.range(of: ");")).lowerBound
        let range = SourceRange(start: text[..<open].utf8.count, end: text[..<close].utf8.count)
        let result = SQLExpressionParser.parse(file, range: range)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.location.file == "migrations/0042.sql")
        #expect(diagnostic.range == SourceRange.empty(at: range.end))
        #expect(file.position(of: diagnostic.range.start).line == 2)
        var columns: [String] = []
        result.expression.visit { node in
            if case .column = node.kind { columns.append(file.text(in: node.range)) }
        }
        #expect(columns == ["user_id", "tenant_id"])
        #expect(result.expression.range.start == range.start)
    }
}
