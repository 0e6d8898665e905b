import PolicySyntax
import TestSupport
import Testing

/// SPEC 11.3 in the parser and the formatter: `true` and `false` atoms, `now()`, and the
/// TRUNCATE, REFERENCES and TRIGGER privileges.
@Suite struct LanguageAdditionsSyntaxTests {
    private func dump(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let parsed = Parser.parse(text: text)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return parsed.tree.items.first.map(SyntaxDump.item) ?? ""
    }

    @Test func trueAndFalseAreAtoms() {
        #expect(
            dump("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE true OR CLAUSE FALSE")
                == "(policy p PERMISSIVE for=SELECT selector=ALL using=[(true) | (false)])")
        #expect(
            dump("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE exists(rel(_, a, t, id), {true}) AND true")
                .contains("using=[(exists _.a->t.id {(true)}) & (true)]"))
    }

    @Test func nowIsAValue() {
        #expect(
            dump("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(expires_at) > NOW() AND now() >= lit('2024-01-01')")
                .contains("using=[(col:expires_at > now()) & (now() >= lit:'2024-01-01')]"))
        #expect(
            dump("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE fn(f, [now()])").contains("(fn:f(now()))"))
        // `now` stays a name where a name is expected.
        #expect(dump("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(now) = now()").contains("(col:now = now())"))
    }

    @Test func theNewPrivilegesParse() {
        #expect(
            dump("GRANT truncate, References, TRIGGER, SELECT TO r SELECTOR ALL")
                == "(grant SELECT,TRUNCATE,REFERENCES,TRIGGER to=r selector=ALL)")
    }

    @Test func mistakesGetOneDiagnosticEach() {
        let missingParen = Parser.parse(text: "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) > now(")
        #expect(missingParen.diagnostics.map(\.id) == ["syntax.expected-close-paren"], "\(missingParen.diagnostics.map(\.message))")
        let noAnd = Parser.parse(text: "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1) true")
        #expect(noAnd.diagnostics.map(\.id) == ["syntax.expected-and"], "\(noAnd.diagnostics.map(\.message))")
        let badPrivilege = Parser.parse(text: "GRANT VACUUM TO r SELECTOR ALL")
        #expect(badPrivilege.diagnostics.map(\.id) == ["syntax.expected-privilege"])
        let message = badPrivilege.diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("expected SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER or ALL, found"), "\(message)")
    }

    @Test func theFormatterPrintsThemCanonically() {
        let input = """
            policy p permissive for select selector all clause TRUE or clause col(x) < NOW() and False
            grant trigger, select, truncate, references to r selector all
            """
        let expected = """
            POLICY p
              PERMISSIVE
              FOR SELECT
              SELECTOR ALL
              CLAUSE true
              OR CLAUSE col(x) < now() AND false

            GRANT SELECT, TRUNCATE, REFERENCES, TRIGGER TO r
              SELECTOR ALL

            """
        let formatted = Formatter.format(text: input)
        #expect(formatted == expected)
        // Formatting is idempotent and keeps the tree.
        #expect(Formatter.format(text: expected) == expected)
        let before = Parser.parse(text: input).tree.items.map(SyntaxDump.item)
        let after = Parser.parse(text: expected).tree.items.map(SyntaxDump.item)
        #expect(
            before.map { $0.replacingOccurrences(of: "TRIGGER,SELECT,TRUNCATE,REFERENCES", with: "SELECT,TRUNCATE,REFERENCES,TRIGGER") }
                == after)
    }
}
