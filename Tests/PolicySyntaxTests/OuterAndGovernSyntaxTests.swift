import PolicySyntax
import TestSupport
import Testing

/// The SPEC 11.3 syntax of `outer(c)` and `GOVERN SELECTOR …`: parsed, dumped, formatted (the
/// formatter's output parses to the same tree), and recovered from when malformed.
@Suite struct OuterAndGovernSyntaxTests {
    @Test func outerIsAValueAndGovernAnItem() {
        let parsed = Parser.parse(
            text: """
                govern selector named('audit_log') or tagged('internal')
                POLICY p PERMISSIVE FOR SELECT SELECTOR named('accounts')
                  CLAUSE exists(rel(_, id, members, account_id), {col(role) = OUTER(min_role) AND outer("Level") IS NOT NULL})
                GOVERN SELECTOR ALL
                """)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(
            parsed.tree.items.map(SyntaxDump.item) == [
                "(govern selector=(or (named 'audit_log') (tagged 'internal')))",
                "(policy p PERMISSIVE for=SELECT selector=(named 'accounts') using=[(exists _.id->members.account_id {(col:role = outer:min_role) & (outer:\"Level\" IS NOT NULL)})])",
                "(govern selector=ALL)",
            ])
    }

    @Test func formattingKeepsTheTreeAndIsStable() throws {
        let input = """
            govern   selector named('audit_log')
            POLICY p PERMISSIVE FOR SELECT SELECTOR named('accounts') CLAUSE exists(rel(_, id, members, account_id), {col(role) = OUTER(min_role)})
            """
        let formatted = try #require(Formatter.format(text: input))
        #expect(formatted.hasPrefix("GOVERN SELECTOR named('audit_log')\n\nPOLICY p\n"), "\(formatted)")
        #expect(formatted.contains("{col(role) = outer(min_role)}"), "\(formatted)")
        #expect(Formatter.format(text: formatted) == formatted)
        let before = Parser.parse(text: input).tree.items.map(SyntaxDump.item)
        let after = Parser.parse(text: formatted).tree.items.map(SyntaxDump.item)
        #expect(before == after)
    }

    @Test func governWithoutSelectorIsReportedAndTheNextItemStillParses() {
        let source = MarkedSource(
            """
            GOVERN1️⃣ named('audit_log')
            POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(a) = lit(1)
            """)
        let parsed = Parser.parse(text: source.text)
        #expect(parsed.diagnostics.map(\.id) == ["syntax.expected-selector"], "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.diagnostics.first?.range == SourceRange(start: source["1️⃣"], end: source["1️⃣"]))
        #expect(parsed.diagnostics.first?.fixIts.first?.edits.first?.newText == " SELECTOR")
        #expect(parsed.tree.items.count == 2)
        if case .policy(let policy) = parsed.tree.items.last { #expect(!policy.hasErrors) } else { Issue.record("no policy") }
        let trailing = Parser.parse(text: "GOVERN SELECTOR ALL CLAUSE col(a) = lit(1)")
        #expect(trailing.diagnostics.map(\.id) == ["syntax.unexpected-token"], "\(trailing.diagnostics.map(\.message))")
    }

    @Test func outerNeedsAColumnName() {
        let parsed = Parser.parse(
            text: "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE exists(rel(_, id, t, id), {col(a) = outer()})")
        #expect(parsed.diagnostics.map(\.id) == ["syntax.expected-name"], "\(parsed.diagnostics.map(\.message))")
        #expect(parsed.diagnostics.first?.message == "expected a column name, found ')'")
    }
}
