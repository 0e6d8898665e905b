import PolicyEngine
import PolicySyntax
import Testing

@Suite struct LensHintActionTests {
    @Test func lensesGiveTablesAndProofStatusAndCompiledSQL() throws {
        let fixture = try EngineFixture(ProofTests.safe)
        var lenses = CodeLensProvider.lenses(in: fixture.path, snapshot: fixture.workspace.snapshot)
        #expect(lenses.map(\.title) == ["3 tables · proofs: pending", "Show compiled SQL"])
        #expect(lenses[1].compiledSQL == .policy("tenant_isolation"))
        fixture.prove()
        lenses = CodeLensProvider.lenses(in: fixture.path, snapshot: fixture.workspace.snapshot)
        #expect(lenses.first?.title == "3 tables · proofs: proven")
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: fixture["1️⃣"]), newText: " OR CLAUSE col(id) IS NOT NULL"))
        fixture.workspace.rebuild()
        fixture.prove()
        let title = try #require(CodeLensProvider.lenses(in: fixture.path, snapshot: fixture.workspace.snapshot).first?.title)
        #expect(title.hasPrefix("3 tables · proofs: ") && title.contains("failed"))
    }

    @Test func inlayHintsNameTheMatchedTablesAfterTheSelector() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hints = InlayHintProvider.hints(
            in: fixture.path, range: SourceRange(start: 0, end: fixture.source.text.utf8.count),
            snapshot: fixture.snapshot)
        #expect(hints.map(\.label) == [" → comments, projects, users", " → files, tasks"])
        let selectorEnd = try #require(fixture.source.text.range(of: "has_column('tenant_id')")).upperBound
        #expect(hints.first?.offset == fixture.source.text.utf8.distance(from: fixture.source.text.startIndex, to: selectorEnd))
    }

    @Test func didYouMeanFixItsBecomeQuickFixes() throws {
        let fixture = try EngineFixture(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(1️⃣tenantid) = session('app.tenant_id')\n")
        let actions = CodeActionProvider.actions(for: .empty(at: fixture["1️⃣"]), in: fixture.path, snapshot: fixture.workspace.snapshot)
        let fix = try #require(actions.first { $0.category == .quickFix })
        #expect(fix.title == "replace with 'tenant_id'")
        #expect(fix.edits[fixture.path] == [TextEdit(range: SourceRange(start: fixture["1️⃣"], end: fixture["1️⃣"] + 8), newText: "tenant_id")])
        #expect(fix.diagnostics.map(\.id) == ["semantic.unknown-column"])
    }

    @Test func aLeakingClauseGetsTheIsolationAtom() throws {
        let fixture = try EngineFixture(
            ProofTests.safe
                + "\n\nPOLICY public_rows PERMISSIVE FOR SELECT SELECTOR named('projects')\n  1️⃣CLAUSE col(is_deleted) = lit(false)\n")
        fixture.prove()
        let actions = CodeActionProvider.actions(for: .empty(at: fixture["1️⃣"] + 3), in: fixture.path, snapshot: fixture.workspace.snapshot)
        let fix = try #require(actions.first { $0.title.hasPrefix("Add ") })
        #expect(fix.title == "Add col(tenant_id) = session('app.tenant_id') to this clause")
        let edit = try #require(fix.edits[fixture.path]?.first)
        #expect(edit.newText == " AND col(tenant_id) = session('app.tenant_id')")
        // Applying it removes the leak.
        fixture.workspace.edit(fixture.path, edit)
        fixture.workspace.rebuild()
        fixture.prove()
        #expect(!fixture.workspace.proofs.diagnostics.contains { $0.id == "proof.tenant-isolation-failed" })
    }

    /// A leaking `CLAUSE true` (SPEC 11.3) gets the isolation atom instead of `true`.
    @Test func aTrueClauseIsReplacedByTheIsolationAtom() throws {
        let fixture = try EngineFixture(
            ProofTests.safe + "\n\nPOLICY public_rows PERMISSIVE FOR SELECT SELECTOR named('projects')\n  1️⃣CLAUSE true\n")
        fixture.prove()
        let actions = CodeActionProvider.actions(for: .empty(at: fixture["1️⃣"] + 3), in: fixture.path, snapshot: fixture.workspace.snapshot)
        let fix = try #require(actions.first { $0.title.hasPrefix("Replace ") })
        #expect(fix.title == "Replace true with col(tenant_id) = session('app.tenant_id')")
        let edit = try #require(fix.edits[fixture.path]?.first)
        #expect(fixture.source.text.utf8Slice(edit.range) == "true")
        fixture.workspace.edit(fixture.path, edit)
        fixture.workspace.rebuild()
        #expect(fixture.workspace.snapshot.diagnostics.isEmpty, "\(fixture.workspace.snapshot.diagnostics.map(\.message))")
        fixture.prove()
        #expect(!fixture.workspace.proofs.diagnostics.contains { $0.id == "proof.tenant-isolation-failed" })
    }

    @Test func normalizeRewritesAPolicyToItsNormalForm() throws {
        let fixture = try EngineFixture(
            """
            POLICY 1️⃣example_policy PERMISSIVE FOR SELECT SELECTOR named('projects')
              CLAUSE col(tenant_id) = session('app.tenant_id')
              OR CLAUSE col(tenant_id) = session('app.tenant_id') AND col(is_deleted) = lit(false)
              OR CLAUSE col(name) = lit('admin') AND col(name) = lit('viewer')
            """)
        let actions = CodeActionProvider.actions(for: .empty(at: fixture["1️⃣"]), in: fixture.path, snapshot: fixture.workspace.snapshot)
        let normalize = try #require(actions.first { $0.category == .rewrite })
        #expect(normalize.title == "Normalize policy example_policy")
        let edit = try #require(normalize.edits[fixture.path]?.first)
        #expect(edit.newText == "CLAUSE col(tenant_id) = session('app.tenant_id')")
        fixture.workspace.edit(fixture.path, edit)
        fixture.workspace.rebuild()
        #expect(
            !CodeActionProvider.actions(for: .empty(at: fixture["1️⃣"]), in: fixture.path, snapshot: fixture.workspace.snapshot)
                .contains { $0.category == .rewrite })
    }

    @Test func compiledSQLActionsForThePolicyAndTheWorkspace() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let actions = CodeActionProvider.actions(for: .empty(at: fixture["1️⃣"]), in: fixture.path, snapshot: fixture.workspace.snapshot)
        #expect(
            actions.filter { $0.compiledSQL != nil }.map(\.title) == [
                "Show compiled SQL of policy tenant_isolation", "Open compiled SQL of policy tenant_isolation in a new file",
                "Show compiled SQL of the workspace", "Open compiled SQL of the workspace in a new file",
            ])
        let policySQL = try #require(CompiledSQLProvider.sql(for: .policy("tenant_isolation"), snapshot: fixture.snapshot))
        #expect(
            policySQL.contains(
                "CREATE POLICY tenant_isolation_comments\n  ON public.comments\n  AS PERMISSIVE\n  FOR ALL\n  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));"
            ))
        #expect(!policySQL.contains("tenant_isolation_via_project"))
        let workspaceSQL = try #require(CompiledSQLProvider.sql(for: .workspace, snapshot: fixture.snapshot))
        #expect(workspaceSQL == fixture.snapshot.compile().sql)
        #expect(CompiledSQLProvider.sql(for: .policy("nope"), snapshot: fixture.snapshot) == nil)
    }
}
