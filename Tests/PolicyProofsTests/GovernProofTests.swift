import PolicyEngine
import PolicyProofs
import TestSupport
import Testing

/// Verdicts on tables a `GOVERN SELECTOR …` item names (SPEC 11.3): no row is reachable, so
/// isolation and fail-closed are PROVEN, coverage is PROVEN as a denial by design, and a
/// traversal into such a table from another policy is FAILED (its RLS hides every row).
@Suite struct GovernProofTests {
    static func project(_ policies: String) -> WorkspaceSnapshot {
        let schema = """
            CREATE TABLE public.secrets (id integer PRIMARY KEY, tenant_id uuid);
            CREATE TABLE public.notes (id integer PRIMARY KEY, tenant_id uuid, secret_id integer REFERENCES public.secrets (id));
            """
        return WorkspaceFixture.tenantIsolation(schema: schema, policies: ["p.policy": policies]).workspace().snapshot
    }

    @Test(arguments: [true, false])
    func aGovernedTableReachesNoRow(shortcuts: Bool) {
        let snapshot = Self.project("GOVERN SELECTOR named('secrets')")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts)
        let verdicts = report.verdicts.filter { $0.table.name == "secrets" }
        #expect(Set(verdicts.map(\.proof)) == [.coverage, .tenantIsolation, .failClosed], "\(verdicts.map(ProofHarness.describe))")
        #expect(verdicts.allSatisfy { $0.status == .proven }, "\(verdicts.map(ProofHarness.describe))")
        let coverage = verdicts.filter { $0.proof == .coverage }
        #expect(coverage.count == 4 && coverage.allSatisfy { $0.reason?.hasSuffix("(by design: GOVERN)") == true })
        // Without the GOVERN item the table is not governed at all: no verdicts.
        let ungoverned = ProofHarness.analyze(Self.project(""), shortcuts: shortcuts)
        #expect(ungoverned.verdicts.filter { $0.table.name == "secrets" }.isEmpty)
    }

    /// Policies beside GOVERN still get their verdicts; commands they leave out are denied by design.
    @Test func governBesidePoliciesKeepsTheirVerdicts() {
        let snapshot = Self.project(
            """
            GOVERN SELECTOR named('secrets') OR named('notes')
            POLICY notes_read PERMISSIVE FOR SELECT SELECTOR named('notes') CLAUSE col(tenant_id) = session('app.tenant_id')
              OR CLAUSE exists(rel(_, secret_id, secrets, id), {col(tenant_id) = outer(tenant_id)})
            """)
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot)
        let notes = report.verdicts.filter { $0.table.name == "notes" }
        let coverage = notes.filter { $0.proof == .coverage }
        #expect(coverage.allSatisfy { $0.status == .proven }, "\(coverage.map(ProofHarness.describe))")
        #expect(coverage.filter { $0.reason == nil }.map(\.command) == [.select])
        // The traversal reaches secrets, whose RLS (GOVERN, no policy) hides every row.
        let traversal = notes.filter { $0.proof == .traversal }
        #expect(!traversal.isEmpty && traversal.allSatisfy { $0.status == .failed }, "\(traversal.map(ProofHarness.describe))")
        // So the only way in is the tenant clause: isolation holds.
        let isolation = notes.filter { $0.proof == .tenantIsolation && $0.command == .select }
        #expect(!isolation.isEmpty && isolation.allSatisfy { $0.status == .proven }, "\(isolation.map(ProofHarness.describe))")
    }
}
