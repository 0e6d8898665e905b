import PolicyEngine
import PolicyProofs
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

/// How the prover reads declared functions (SPEC 11.2): an immutable function is one function
/// of its arguments for every session; a stable one (the default) may answer the two sessions of
/// an isolation query differently (each session is its own query to PostgreSQL); each call of a
/// volatile one is a fresh unknown value.
@Suite struct FunctionVolatilityProofTests {
    static let schemaSQL = """
        CREATE TABLE public.docs (id integer PRIMARY KEY, tenant_id uuid NOT NULL, owner_tenant uuid NOT NULL);
        """

    /// Row r with tenant_id = A's key and owner_tenant = B's key is seen by A through the first
    /// clause (mode() = 1) and by B through the second (mode() = 2): a leak exactly when the two
    /// sessions may see different values of mode().
    static func project(volatility: String?, clauses: String? = nil) -> WorkspaceSnapshot {
        let declared = volatility.map { ", volatility: \($0)" } ?? ""
        let policy = """
            POLICY docs PERMISSIVE FOR SELECT SELECTOR named('docs')
              \(clauses ?? """
            CLAUSE col(tenant_id) = session('app.tenant_id') AND fn(mode, []) = lit(1)
              OR CLAUSE col(owner_tenant) = session('app.tenant_id') AND fn(mode, []) = lit(2)
            """)
            """
        let fixture = WorkspaceFixture.tenantIsolation(
            schema: schemaSQL, policies: ["docs.policy": policy], config: "functions:\n  mode: {returns: integer\(declared)}\n")
        return fixture.workspace().snapshot
    }

    static func isolation(_ snapshot: WorkspaceSnapshot, shortcuts: Bool) -> [Verdict] {
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation])
        return report.verdicts.filter { $0.proof == .tenantIsolation && $0.key == "app.tenant_id" && $0.command == .select }
    }

    @Test(arguments: [true, false])
    func anImmutableFunctionIsTheSameForBothSessions(shortcuts: Bool) {
        let verdicts = Self.isolation(Self.project(volatility: "immutable"), shortcuts: shortcuts)
        #expect(!verdicts.isEmpty && verdicts.allSatisfy { $0.status == .proven }, "\(verdicts.map(ProofHarness.describe))")
    }

    /// The default (stable) and volatile: each session has its own value, so the leak is found.
    @Test(arguments: [nil, "stable", "volatile"], [true, false])
    func aStableOrVolatileFunctionMayDifferBetweenSessions(volatility: String?, shortcuts: Bool) throws {
        let verdicts = Self.isolation(Self.project(volatility: volatility), shortcuts: shortcuts)
        #expect(!verdicts.isEmpty && verdicts.allSatisfy { $0.status == .failed }, "\(verdicts.map(ProofHarness.describe))")
        for verdict in verdicts {
            let example = try #require(verdict.counterexample)
            #expect(example.sessions.count == 2)
            #expect(example.sessions.first?["app.tenant_id"] != example.sessions.last?["app.tenant_id"], "\(example.sessions)")
        }
    }

    /// Two calls of a volatile function in one clause may differ: `mode() = 1 AND mode() = 2` is
    /// satisfiable (and not dropped as a contradiction), while for a stable function it is not.
    @Test(arguments: [("volatile", VerdictStatus.failed), ("stable", VerdictStatus.proven)])
    func twoCallsOfAVolatileFunctionAreTwoValues(volatility: String, expected: VerdictStatus) {
        let snapshot = Self.project(
            volatility: volatility,
            clauses: "CLAUSE col(tenant_id) = session('app.tenant_id') OR CLAUSE fn(mode, []) = lit(1) AND fn(mode, []) = lit(2)")
        let contradictions = snapshot.diagnostics.filter { $0.id == "semantic.contradictory-clause" }
        #expect(contradictions.count == (volatility == "volatile" ? 0 : 1), "\(snapshot.diagnostics.map(\.message))")
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation])
        let verdicts = report.verdicts.filter { $0.proof == .tenantIsolation && $0.key == "app.tenant_id" && $0.command == .select }
        #expect(!verdicts.isEmpty && verdicts.allSatisfy { $0.status == expected }, "\(verdicts.map(ProofHarness.describe))")
    }

    /// A call that leaves a trailing argument to its default is analysed (its default an unknown
    /// value per session), not an UNKNOWN verdict: pinned to the session's tenant it is PROVEN,
    /// alone it leaks.
    @Test(arguments: [true, false])
    func aCallLeavingAnArgumentToItsDefaultIsAnalysed(shortcuts: Bool) {
        func verdicts(_ clause: String) -> [Verdict] {
            let fixture = WorkspaceFixture.tenantIsolation(
                schema: Self.schemaSQL,
                policies: ["docs.policy": "POLICY docs PERMISSIVE FOR ALL SELECTOR named('docs')\n  CLAUSE \(clause)\n"],
                config: "functions:\n  allowed: {args: [uuid, {type: integer, default: true}], returns: boolean}\n")
            let snapshot = fixture.workspace().snapshot
            #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
            let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts)
            #expect(
                !report.verdicts.contains { $0.status == .unknown },
                "\(report.verdicts.filter { $0.status == .unknown }.map(ProofHarness.describe))")
            return report.verdicts.filter { $0.proof == .tenantIsolation && $0.command == .select }
        }
        let pinned = verdicts("col(tenant_id) = session('app.tenant_id') AND fn(allowed, [col(owner_tenant)])")
        #expect(!pinned.isEmpty && pinned.allSatisfy { $0.status == .proven }, "\(pinned.map(ProofHarness.describe))")
        let alone = verdicts("fn(allowed, [col(owner_tenant)])\n  OR CLAUSE fn(allowed, [col(owner_tenant), lit(2)])")
        #expect(!alone.isEmpty && alone.allSatisfy { $0.status == .failed }, "\(alone.map(ProofHarness.describe))")
    }
}
