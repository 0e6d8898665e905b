import PolicyEngine
import PolicyProofs
import PolicySQL
import TestSupport
import Testing

/// SPEC 11.3 in the proofs: a `true` clause admits every row, so it breaks isolation with a
/// counterexample; `false` adds nothing; `now()` is a value of its own per session, never NULL.
@Suite struct ConstantAndNowProofTests {
    static let schemaSQL = """
        CREATE TABLE public.notes (id integer PRIMARY KEY, tenant_id uuid, expires_at timestamptz, body text);
        """

    static func project(_ clauses: String) -> WorkspaceSnapshot {
        let policy = """
            POLICY own PERMISSIVE FOR SELECT SELECTOR named('notes')
              CLAUSE col(tenant_id) = session('app.tenant_id')\(clauses)
            """
        return WorkspaceFixture.tenantIsolation(schema: schemaSQL, policies: ["notes.policy": policy]).workspace().snapshot
    }

    @Test(arguments: [true, false])
    func aTrueClauseBreaksIsolation(shortcuts: Bool) throws {
        let snapshot = Self.project("\n  OR CLAUSE true")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation, .failClosed])
        let isolation = report.verdicts.filter { $0.proof == .tenantIsolation && $0.command == .select }
        #expect(
            !isolation.isEmpty && isolation.allSatisfy { $0.status == .failed },
            "\(report.verdicts.map(ProofHarness.describe).joined(separator: "\n"))")
        let example = try #require(isolation.first?.counterexample)
        #expect(example.sessions.count == 2)
        #expect(example.sessions[0]["app.tenant_id"] != example.sessions[1]["app.tenant_id"], "\(example.sessions)")
        let failClosed = report.verdicts.filter { $0.proof == .failClosed && $0.command == .select }
        #expect(!failClosed.isEmpty && failClosed.allSatisfy { $0.status == .failed })
    }

    @Test(arguments: [true, false])
    func aFalseClauseChangesNothing(shortcuts: Bool) {
        let snapshot = Self.project("\n  OR CLAUSE false")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation, .failClosed])
        #expect(
            !report.verdicts.isEmpty && report.verdicts.allSatisfy { $0.status == .proven }, "\(report.verdicts.map(ProofHarness.describe))"
        )
    }

    /// `col(expires_at) > now()` does not isolate: two sessions of different tenants may both see
    /// an unexpired row. The counterexample gives each session its own now(), and the repro
    /// script says it cannot set it.
    @Test(arguments: [true, false])
    func nowIsPerSessionAndNeverNull(shortcuts: Bool) throws {
        let snapshot = Self.project("\n  OR CLAUSE col(expires_at) > now()")
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation, .failClosed])
        let failed = try #require(report.verdicts.first { $0.proof == .tenantIsolation && $0.status == .failed })
        let example = try #require(failed.counterexample)
        #expect(example.sessions.allSatisfy { ($0["now()"] ?? nil) != nil }, "\(example.sessions)")
        let script = try #require(ReproScript.script(for: failed, policySet: snapshot.policySet))
        #expect(script.contains("-- now() is the transaction's timestamp, which this script cannot set;"), "\(script)")
        #expect(!script.contains("set_config('now()'"), "\(script)")
        // Restricted to the tenant, isolation holds whatever now() is.
        let guarded = Self.project(" AND col(expires_at) > now()")
        let proven = ProofHarness.analyze(guarded, shortcuts: shortcuts, proofs: [.tenantIsolation, .failClosed])
        #expect(
            !proven.verdicts.isEmpty && proven.verdicts.allSatisfy { $0.status == .proven }, "\(proven.verdicts.map(ProofHarness.describe))"
        )
    }

    /// The repro script of a counterexample with now() runs on PostgreSQL: both sessions reach
    /// the row when the row's expiry is in the future there (the solver picks any now()).
    @Test func theReproScriptWithNowRuns() async throws {
        let snapshot = Self.project("\n  OR CLAUSE col(expires_at) > now()")
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let verdict = try #require(report.verdicts.first { $0.status == .failed && $0.command == .select })
        let script = try #require(ReproScript.script(for: verdict, policySet: snapshot.policySet))
        let set = snapshot.policySet
        try await withTestDatabase { database in
            let probe = try ProofDatabaseProbe(
                database: database, policySet: set, schemaSQL: Self.schemaSQL, compiledSQL: PolicyCompiler.compile(set).sql)
            let notices = try probe.runRepro(script)
            #expect(notices.contains { $0.contains("session 1") } && notices.contains { $0.contains("session 2") }, "\(notices)")
        }
    }

    /// A predicate made false by a policy written `false` is so on purpose: no contradiction
    /// verdict says nothing is deletable; an accidental contradiction still gets one.
    @Test func aWrittenFalseIsNoContradiction() {
        func verdicts(_ restrictive: String) -> [Verdict] {
            let fixture = WorkspaceFixture(
                """
                //- pgpe.yaml
                policies: [policies]
                schema: schema.sql
                session:
                  app.tenant_id: uuid
                //- schema.sql
                \(Self.schemaSQL)
                //- policies/notes.policy
                POLICY own PERMISSIVE FOR ALL SELECTOR named('notes')
                  CLAUSE col(tenant_id) = session('app.tenant_id')
                POLICY keep RESTRICTIVE FOR DELETE SELECTOR named('notes')
                  CLAUSE \(restrictive)
                """)
            let report = ProofHarness.analyze(fixture.workspace().snapshot, proofs: [.contradiction])
            return report.verdicts.filter { $0.command == .delete }
        }
        let written = verdicts("false")
        #expect(!written.contains { $0.status == .failed }, "\(written.map(ProofHarness.describe))")
        let accidental = verdicts("col(id) > lit(5) AND col(id) < lit(3)")
        #expect(accidental.contains { $0.status == .failed }, "\(accidental.map(ProofHarness.describe))")
    }

    /// now() is never NULL and the same within one session: `now() IS NULL` never admits a row,
    /// and `now() > col(x) AND col(x) >= now()` never either (the solver finds no such row).
    @Test func nowIsOneValueWithinASession() {
        let snapshot = Self.project(
            "\n  OR CLAUSE col(expires_at) < now() AND col(expires_at) >= now()\n  OR CLAUSE now() IS NULL")
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        #expect(
            !report.verdicts.isEmpty && report.verdicts.allSatisfy { $0.status == .proven }, "\(report.verdicts.map(ProofHarness.describe))"
        )
    }
}
