import PolicyEngine
import PolicyProofs
import PolicySQL
import TestSupport
import Testing

/// `outer(c)` (SPEC 11.3) in the prover: the traversal's witness row is compared with the row the
/// traversal starts from, so verdicts depend on the correlation. Groups share ids across tenants
/// here (no key on `groups.id`), so only the correlation on `tenant_id` isolates.
@Suite struct OuterValueProofTests {
    static let schemaSQL = """
        CREATE TABLE public.groups (id integer NOT NULL, tenant_id uuid NOT NULL);
        CREATE TABLE public.docs (id integer PRIMARY KEY, tenant_id uuid NOT NULL, group_id integer);
        """

    static func project(_ inner: String) -> WorkspaceSnapshot {
        let policy = """
            POLICY by_group PERMISSIVE FOR SELECT SELECTOR named('docs')
              CLAUSE exists(rel(_, group_id, groups, id), {col(tenant_id) = session('app.tenant_id') AND \(inner)})
            """
        return WorkspaceFixture.tenantIsolation(schema: schemaSQL, policies: ["docs.policy": policy]).workspace().snapshot
    }

    /// The group row must have the document's own tenant: two sessions reaching one document
    /// would need one tenant. Read as anything but the document's column (the witness's own
    /// column, a free value) this is FAILED.
    @Test(arguments: [true, false])
    func theCorrelationWithTheDocumentsTenantIsolates(shortcuts: Bool) {
        let snapshot = Self.project("col(tenant_id) = outer(tenant_id)")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation])
        let verdicts = report.verdicts.filter { $0.key == "app.tenant_id" && $0.command == .select }
        #expect(!verdicts.isEmpty && verdicts.allSatisfy { $0.status == .proven }, "\(verdicts.map(ProofHarness.describe))")
    }

    /// Correlated on the group id only (what `rel` already says), two groups with the document's
    /// group id and different tenants let two sessions in: FAILED, and the repro script shows it
    /// on PostgreSQL with the compiled correlated EXISTS.
    @Test func aCorrelationThatDoesNotIsolateFailsAndReproduces() async throws {
        let snapshot = Self.project("col(id) = outer(group_id)")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let set = snapshot.policySet
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let verdict = try #require(
            report.verdicts.first { $0.key == "app.tenant_id" && $0.command == .select }, "\(report.verdicts.map(ProofHarness.describe))")
        #expect(verdict.status == .failed, "\(ProofHarness.describe(verdict))")
        let example = try #require(verdict.counterexample)
        #expect(example.sessions.count == 2)
        let compiled = PolicyCompiler.compile(set).sql
        #expect(compiled.contains("EXISTS (SELECT 1 FROM public.groups t1 WHERE t1.id = public.docs.group_id"), "\(compiled)")
        let script = try #require(ReproScript.script(for: verdict, policySet: set))
        try await withTestDatabase { database in
            let probe = try ProofDatabaseProbe(database: database, policySet: set, schemaSQL: Self.schemaSQL, compiledSQL: compiled)
            let notices = try probe.runRepro(script)
            #expect(notices.contains("session 1 reaches the row"), "\(notices)")
            #expect(notices.contains("session 2 reaches the row"), "\(notices)")
        }
    }
}
