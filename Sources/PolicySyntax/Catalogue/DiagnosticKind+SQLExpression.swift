extension DiagnosticArea {
    /// `sql.*`: the reader of SQL expressions (`SQLExpression`).
    static let sqlExpression = DiagnosticArea(
        "sql", title: "SQL expressions",
        summary:
            "The reader of SQL expressions: what PostgreSQL prints for a policy's USING and WITH CHECK (`pg_get_expr`, `pg_policies`) and what migrations write. Every mistake gets one diagnostic and reading goes on; the part it could not read is kept as text.",
        kinds: [
            .sqlUnterminated, .sqlUnexpectedCharacter, .sqlExpected, .sqlUnexpectedToken, .sqlNestingTooDeep,
        ])
}

extension DiagnosticKind {
    /// `sql.unterminated`
    public static let sqlUnterminated = DiagnosticKind(
        "sql.unterminated", .error,
        "A string, quoted identifier, dollar quote or comment never closes and swallows the rest of the expression; close it.")
    /// `sql.unexpected-character`
    public static let sqlUnexpectedCharacter = DiagnosticKind(
        "sql.unexpected-character", .error,
        "A character that is no part of SQL outside a string or quoted identifier; delete it or quote it.")
    /// `sql.expected`
    public static let sqlExpected = DiagnosticKind(
        "sql.expected", .error,
        "A part the expression needs is missing (an operand, a closing parenthesis, `THEN`, `END`); the message says which.")
    /// `sql.unexpected-token`
    public static let sqlUnexpectedToken = DiagnosticKind(
        "sql.unexpected-token", .error,
        "Text the reader does not understand where it stands; it is kept as text and skipped up to the next point the reader knows.")
    /// `sql.nesting-too-deep`
    public static let sqlNestingTooDeep = DiagnosticKind(
        "sql.nesting-too-deep", .error,
        "Parentheses, sub-selects or operators nest deeper than the reader follows (64 levels); the deeper part is kept as text.")
}
