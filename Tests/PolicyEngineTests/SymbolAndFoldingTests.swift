import PolicyEngine
import PolicySyntax
import Testing

@Suite struct SymbolAndFoldingTests {
    @Test func documentSymbolsArePoliciesAndGrantsWithSelectorAndClauses() throws {
        let fixture = try EngineFixture(tenancyFixture + "\n\nGRANT SELECT, INSERT TO app_user SELECTOR has_column('tenant_id')\n")
        let symbols = SymbolProvider.documentSymbols(in: fixture.path, snapshot: fixture.snapshot)
        #expect(symbols.map(\.name) == ["tenant_isolation", "tenant_isolation_via_project", "GRANT SELECT, INSERT TO app_user"])
        #expect(symbols[0].detail == "PERMISSIVE · FOR SELECT, INSERT, UPDATE, DELETE · 3 tables")
        #expect(
            symbols[0].children.map(\.name) == [
                "SELECTOR has_column('tenant_id')",
                "CLAUSE col(tenant_id) = session('app.tenant_id')",
            ])
        #expect(fixture.source.text.utf8Slice(symbols[0].selectionRange) == "tenant_isolation")
        #expect(symbols[2].category == .grant)
    }

    @Test func workspaceSymbolsMatchSubsequencesAcrossFilesAndTables() throws {
        let fixture = try EngineFixture(
            tenancyFixture,
            others: [
                "b.policy":
                    "POLICY tasks_owner PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(assignee_id) = session('app.user_id')\n"
            ])
        let found = SymbolProvider.workspaceSymbols(matching: "tsk", snapshot: fixture.snapshot)
        #expect(found.map(\.name) == ["tasks_owner", "public.tasks"])
        #expect(found.map(\.category) == [.policy, .table])
        #expect(SymbolProvider.workspaceSymbols(matching: "", snapshot: fixture.snapshot).count == 3 + 7)
    }

    @Test func foldsPoliciesTraversalsAndComments() throws {
        let source =
            "// a\n// b\nPOLICY p\n  PERMISSIVE FOR SELECT SELECTOR ALL\n  CLAUSE exists(\n    rel(_, a, t, b),\n    {col(x) = lit(1)})\n/* x\ny */\n"
        let parsed = Parser.parse(text: source, path: "f.policy")
        let lines = FoldingProvider.folds(in: parsed).map { fold in
            [parsed.source.position(of: fold.start).line, parsed.source.position(of: fold.end).line]
        }
        #expect(lines == [[1, 2], [3, 7], [5, 7], [8, 9]])
        #expect(FoldingProvider.folds(in: parsed).map(\.kind) == [.comment, .region, .region, .comment])
    }
}
