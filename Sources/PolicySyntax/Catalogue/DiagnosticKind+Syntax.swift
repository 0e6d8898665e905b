extension DiagnosticArea {
    /// `syntax.*`: the lexer and the error-recovering parser of `.policy` files.
    static let syntax = DiagnosticArea(
        "syntax", title: "Syntax",
        summary:
            "The lexer and parser of `.policy` files. Every mistake gets one diagnostic and parsing goes on; a file with a syntax error is not compiled.",
        kinds: [
            .syntaxUnexpectedCharacter, .syntaxInvalidNumber, .syntaxIntegerOutOfRange, .syntaxUnterminatedComment,
            .syntaxUnterminatedString, .syntaxUnterminatedIdentifier, .syntaxEmptyIdentifier, .syntaxNulCharacter,
            .syntaxUnexpectedToken, .syntaxExpectedItem, .syntaxIncompletePolicy, .syntaxExpectedPolicyName,
            .syntaxExpectedPolicyType, .syntaxUnexpectedPolicyType, .syntaxExpectedFor, .syntaxUnexpectedFor,
            .syntaxExpectedCommand, .syntaxExpectedTo, .syntaxUnexpectedTo, .syntaxExpectedRole, .syntaxExpectedPrivilege,
            .syntaxExpectedSelector, .syntaxUnexpectedSelector, .syntaxExpectedClause, .syntaxExpectedOr,
            .syntaxUnexpectedWithCheck, .syntaxExpectedAtom, .syntaxExpectedAnd, .syntaxExpectedOperator,
            .syntaxExpectedNull, .syntaxExpectedValue, .syntaxExpectedLiteral, .syntaxExpectedSessionKey,
            .syntaxExpectedRel, .syntaxExpectedName, .syntaxExpectedString, .syntaxExpectedComma,
            .syntaxExpectedOpenParen, .syntaxExpectedCloseParen, .syntaxExpectedOpenBrace, .syntaxExpectedCloseBrace,
            .syntaxExpectedOpenBracket, .syntaxExpectedCloseBracket, .syntaxExpectedToken, .syntaxNestingTooDeep,
        ])
}

extension DiagnosticKind {
    // MARK: Lexer

    /// `syntax.unexpected-character`
    public static let syntaxUnexpectedCharacter = DiagnosticKind(
        "syntax.unexpected-character", .error,
        "Characters that are no part of the policy language outside a string or comment; delete them or put them in quotes.")
    /// `syntax.invalid-number`
    public static let syntaxInvalidNumber = DiagnosticKind(
        "syntax.invalid-number", .error,
        "Digits run into letters (`12abc`); separate them, or quote the value as a string.")
    /// `syntax.integer-out-of-range`
    public static let syntaxIntegerOutOfRange = DiagnosticKind(
        "syntax.integer-out-of-range", .error,
        "An integer literal does not fit in 64 bits; use a smaller number or a string literal.")
    /// `syntax.unterminated-comment`
    public static let syntaxUnterminatedComment = DiagnosticKind(
        "syntax.unterminated-comment", .error,
        "A `/*` comment never closes and swallows the rest of the file; add `*/`.")
    /// `syntax.unterminated-string`
    public static let syntaxUnterminatedString = DiagnosticKind(
        "syntax.unterminated-string", .error,
        "A single-quoted string does not close before the end of the line; add the closing `'` (write `''` for a quote inside).")
    /// `syntax.unterminated-identifier`
    public static let syntaxUnterminatedIdentifier = DiagnosticKind(
        "syntax.unterminated-identifier", .error,
        "A double-quoted identifier does not close before the end of the line; add the closing `\"` (write `\"\"` for a quote inside).")
    /// `syntax.empty-identifier`
    public static let syntaxEmptyIdentifier = DiagnosticKind(
        "syntax.empty-identifier", .error,
        "`\"\"` names nothing; write the name between the quotes.")
    /// `syntax.nul-character`
    public static let syntaxNulCharacter = DiagnosticKind(
        "syntax.nul-character", .error,
        "A string or quoted identifier holds a NUL byte, which PostgreSQL text cannot hold; remove it.")

    // MARK: Items and sections

    /// `syntax.unexpected-token`
    public static let syntaxUnexpectedToken = DiagnosticKind(
        "syntax.unexpected-token", .error,
        "A token where none may stand; the message says what was expected there, and parsing resumes at the next section.")
    /// `syntax.expected-item`
    public static let syntaxExpectedItem = DiagnosticKind(
        "syntax.expected-item", .error,
        "Something other than `POLICY`, `GRANT` or `GOVERN` at the top level of a file; start each item with one of them.")
    /// `syntax.incomplete-policy`
    public static let syntaxIncompletePolicy = DiagnosticKind(
        "syntax.incomplete-policy", .error,
        "A policy ends before its type, `FOR`, `SELECTOR` or first `CLAUSE`; add the section the message names.")
    /// `syntax.expected-policy-name`
    public static let syntaxExpectedPolicyName = DiagnosticKind(
        "syntax.expected-policy-name", .error,
        "`POLICY` is not followed by a name; name the policy (names are unique across files).")
    /// `syntax.expected-policy-type`
    public static let syntaxExpectedPolicyType = DiagnosticKind(
        "syntax.expected-policy-type", .error,
        "`FOR` comes before `PERMISSIVE` or `RESTRICTIVE`; write the policy type right after the name.")
    /// `syntax.unexpected-policy-type`
    public static let syntaxUnexpectedPolicyType = DiagnosticKind(
        "syntax.unexpected-policy-type", .error,
        "`PERMISSIVE` or `RESTRICTIVE` after a later section; the type comes right after the policy's name, once.")
    /// `syntax.expected-for`
    public static let syntaxExpectedFor = DiagnosticKind(
        "syntax.expected-for", .error,
        "`TO` or `SELECTOR` comes before `FOR`; write `FOR` and the commands first.")
    /// `syntax.unexpected-for`
    public static let syntaxUnexpectedFor = DiagnosticKind(
        "syntax.unexpected-for", .error,
        "A second `FOR`, or `FOR` after `TO` or `SELECTOR`; list every command in one `FOR`, before `TO`.")
    /// `syntax.expected-command`
    public static let syntaxExpectedCommand = DiagnosticKind(
        "syntax.expected-command", .error,
        "`FOR` is not followed by SELECT, INSERT, UPDATE, DELETE or ALL.")
    /// `syntax.expected-to`
    public static let syntaxExpectedTo = DiagnosticKind(
        "syntax.expected-to", .error,
        "A `GRANT` has no `TO` and roles; add `TO` and the roles to grant to.")
    /// `syntax.unexpected-to`
    public static let syntaxUnexpectedTo = DiagnosticKind(
        "syntax.unexpected-to", .error,
        "`TO` out of place; it comes after `FOR` and before `SELECTOR`, once.")
    /// `syntax.expected-role`
    public static let syntaxExpectedRole = DiagnosticKind(
        "syntax.expected-role", .error,
        "`TO` (or a `,` in its list) is not followed by a role name.")
    /// `syntax.expected-privilege`
    public static let syntaxExpectedPrivilege = DiagnosticKind(
        "syntax.expected-privilege", .error,
        "`GRANT` is not followed by SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER or ALL.")
    /// `syntax.expected-selector`
    public static let syntaxExpectedSelector = DiagnosticKind(
        "syntax.expected-selector", .error,
        "A `SELECTOR` (or a selector expression such as `named(...)`) is missing where the message says; add it.")
    /// `syntax.unexpected-selector`
    public static let syntaxUnexpectedSelector = DiagnosticKind(
        "syntax.unexpected-selector", .error,
        "A second `SELECTOR`; a policy has one, before its clauses (combine selectors with AND, OR, NOT).")
    /// `syntax.expected-clause`
    public static let syntaxExpectedClause = DiagnosticKind(
        "syntax.expected-clause", .error,
        "`CLAUSE` is missing: after `OR`, after `WITH CHECK`, or before the first `OR CLAUSE`; insert it.")
    /// `syntax.expected-or`
    public static let syntaxExpectedOr = DiagnosticKind(
        "syntax.expected-or", .error,
        "A second `CLAUSE` without `OR` before it; clauses are alternatives, joined by `OR CLAUSE`.")
    /// `syntax.unexpected-with-check`
    public static let syntaxUnexpectedWithCheck = DiagnosticKind(
        "syntax.unexpected-with-check", .error,
        "A second `WITH CHECK` block; a policy has one (join its clauses with `OR CLAUSE`).")

    // MARK: Clauses and values

    /// `syntax.expected-atom`
    public static let syntaxExpectedAtom = DiagnosticKind(
        "syntax.expected-atom", .error,
        "`CLAUSE` or `AND` is not followed by an atom: a comparison of `col(...)`, `session(...)` or `lit(...)`, or `fn(...)`, `exists(...)`, `raw(...)`."
    )
    /// `syntax.expected-and`
    public static let syntaxExpectedAnd = DiagnosticKind(
        "syntax.expected-and", .error,
        "Two atoms without `AND` between them; insert `AND` (or start another `OR CLAUSE`).")
    /// `syntax.expected-operator`
    public static let syntaxExpectedOperator = DiagnosticKind(
        "syntax.expected-operator", .error,
        "A value is not followed by a comparison operator (`=`, `!=`, `<`, `IN`, `LIKE`, `IS [NOT] NULL`...).")
    /// `syntax.expected-null`
    public static let syntaxExpectedNull = DiagnosticKind(
        "syntax.expected-null", .error,
        "`IS` is not followed by `NULL` or `NOT NULL`.")
    /// `syntax.expected-value`
    public static let syntaxExpectedValue = DiagnosticKind(
        "syntax.expected-value", .error,
        "A value is missing: write `col(...)`, `session(...)`, `lit(...)` or `fn(...)`.")
    /// `syntax.expected-literal`
    public static let syntaxExpectedLiteral = DiagnosticKind(
        "syntax.expected-literal", .error,
        "`lit(...)` holds no literal (a quoted string, an integer, true, false, null or a non-empty list).")
    /// `syntax.expected-session-key`
    public static let syntaxExpectedSessionKey = DiagnosticKind(
        "syntax.expected-session-key", .error,
        "`session(...)` needs the key as a quoted string, like `session('app.tenant_id')`.")
    /// `syntax.expected-rel`
    public static let syntaxExpectedRel = DiagnosticKind(
        "syntax.expected-rel", .error,
        "`exists(` is not followed by `rel(source, source_column, target, target_column)`.")
    /// `syntax.expected-name`
    public static let syntaxExpectedName = DiagnosticKind(
        "syntax.expected-name", .error,
        "A name (of a column, table, role or function) is missing where the message says.")
    /// `syntax.expected-string`
    public static let syntaxExpectedString = DiagnosticKind(
        "syntax.expected-string", .error,
        "A quoted string is missing where the message says (a selector's pattern or tag, say).")

    // MARK: Punctuation and nesting

    /// `syntax.expected-comma`
    public static let syntaxExpectedComma = DiagnosticKind(
        "syntax.expected-comma", .error,
        "A `,` is missing between commands or arguments; insert it (the fix-it does).")
    /// `syntax.expected-open-paren`
    public static let syntaxExpectedOpenParen = DiagnosticKind(
        "syntax.expected-open-paren", .error,
        "A `(` is missing after a function-like keyword (`col`, `lit`, `named`...); insert it.")
    /// `syntax.expected-close-paren`
    public static let syntaxExpectedCloseParen = DiagnosticKind(
        "syntax.expected-close-paren", .error,
        "A `(` is not closed; insert `)` where the message says.")
    /// `syntax.expected-open-brace`
    public static let syntaxExpectedOpenBrace = DiagnosticKind(
        "syntax.expected-open-brace", .error,
        "`exists(rel(...),` is not followed by `{` and the clause on the target; insert it.")
    /// `syntax.expected-close-brace`
    public static let syntaxExpectedCloseBrace = DiagnosticKind(
        "syntax.expected-close-brace", .error,
        "A `{` is not closed; insert `}` where the message says.")
    /// `syntax.expected-open-bracket`
    public static let syntaxExpectedOpenBracket = DiagnosticKind(
        "syntax.expected-open-bracket", .error,
        "`fn(name,` is not followed by `[` and the argument list; insert it.")
    /// `syntax.expected-close-bracket`
    public static let syntaxExpectedCloseBracket = DiagnosticKind(
        "syntax.expected-close-bracket", .error,
        "A `[` is not closed; insert `]` where the message says.")
    /// `syntax.expected-token`
    public static let syntaxExpectedToken = DiagnosticKind(
        "syntax.expected-token", .error,
        "A required token is missing; the message names it. (The parser's fallback for a token without an id of its own.)")
    /// `syntax.nesting-too-deep`
    public static let syntaxNestingTooDeep = DiagnosticKind(
        "syntax.nesting-too-deep", .error,
        "Parentheses, `NOT`s or traversals nest deeper than 64 levels; the rest is skipped. Flatten the expression.")
}
