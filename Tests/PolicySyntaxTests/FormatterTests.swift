import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@Suite struct FormatterTests {
    @Test(arguments: ["soft_delete.policy", "tenancy.policy"])
    func exampleFilesAreAlreadyCanonical(_ name: String) throws {
        let text = try Fixtures.exampleText("policies/\(name)")
        let parsed = Parser.parse(text: text, path: name)
        #expect(parsed.diagnostics.isEmpty)
        #expect(Formatter.format(parsed) == text)
    }

    @Test func messyInputGetsTheCanonicalLayout() {
        let input = """
            policy   tenant_isolation permissive for delete,select , select to app_user selector has_column('tenant_id') and not named('audit_%') clause col('tenant_id')=session('app.tenant_id') and col(x)<>lit('it''s') or clause col(y) is not null with check clause col(z) in lit([1,2]) grant insert,select to app_user selector ALL
            """
        let expected = """
            POLICY tenant_isolation
              PERMISSIVE
              FOR SELECT, DELETE
              TO app_user
              SELECTOR has_column('tenant_id') AND NOT named('audit_%')
              CLAUSE col('tenant_id') = session('app.tenant_id') AND col(x) != lit('it''s')
              OR CLAUSE col(y) IS NOT NULL
              WITH CHECK CLAUSE col(z) IN lit([1, 2])

            GRANT SELECT, INSERT TO app_user
              SELECTOR ALL

            """
        #expect(Formatter.format(text: input) == expected)
    }

    @Test func traversalsAreLaidOutOverSeveralLines() {
        let input =
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('files') CLAUSE col(a) = lit(1) AND exists(rel(_, project_id, projects, id), {col(tenant_id) = session('t') AND exists(rel(_, tenant_id, tenants, id), {col(active) = lit(true)})})"
        let expected = """
            POLICY p
              PERMISSIVE
              FOR SELECT
              SELECTOR named('files')
              CLAUSE
                col(a) = lit(1)
                AND exists(
                  rel(_, project_id, projects, id),
                  {
                    col(tenant_id) = session('t')
                    AND exists(
                      rel(_, tenant_id, tenants, id),
                      {col(active) = lit(true)}
                    )
                  }
                )

            """
        #expect(Formatter.format(text: input) == expected)
    }

    @Test func commentsAreKeptInPlace() {
        let input = """
            // header comment

            -- about p
            POLICY p PERMISSIVE /* kind */
              FOR SELECT // commands
              /* before selector */
              SELECTOR ALL
              CLAUSE col(x) = lit(1) -- trailing
            // between items
            POLICY q PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)
            // at the end
            """
        let expected = """
            // header comment

            -- about p
            POLICY p
              PERMISSIVE /* kind */
              FOR SELECT // commands
              /* before selector */
              SELECTOR ALL
              CLAUSE col(x) = lit(1) -- trailing

            // between items
            POLICY q
              PERMISSIVE
              FOR SELECT
              SELECTOR ALL
              CLAUSE col(x) = lit(1)
            // at the end

            """
        let formatted = Formatter.format(text: input)
        #expect(formatted == expected)
        #expect(formatted.flatMap { Formatter.format(text: $0) } == expected)
    }

    @Test func filesWithSyntaxErrorsAreNotFormatted() {
        #expect(Formatter.format(text: "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x = lit(1)") == nil)
    }

    @Test func generatedPoliciesFormatIdempotentlyAndKeepTheirMeaning() throws {
        var rng = SeededGenerator(seed: 0x5EED_F0A7)
        let generator = PolicyTextGenerator()
        for round in 0..<600 {
            let text = generator.file(items: rng.int(1...4), prefix: "g\(round)_", using: &rng)
            let parsed = Parser.parse(text: text)
            #expect(parsed.diagnostics.isEmpty, "generated text must parse: \(parsed.diagnostics.map(\.message))\n\(text)")
            let once = try #require(Formatter.format(parsed), "\(text)")
            let reparsed = Parser.parse(text: once)
            #expect(reparsed.diagnostics.isEmpty, "\(once)")
            #expect(SyntaxDump.dump(reparsed.tree) == SyntaxDump.dump(parsed.tree), "meaning changed:\n\(text)\n---\n\(once)")
            #expect(reparsed.tree.comments.count == parsed.tree.comments.count, "comments lost:\n\(text)\n---\n\(once)")
            let twice = Formatter.format(reparsed)
            #expect(twice == once, "not idempotent:\n\(once)\n---\n\(twice ?? "nil")")
        }
    }
}
