import Foundation
import PolicyEngine
import PolicyProofs
import PolicySyntax
import TestSupport
import Testing

/// Blame names only clauses whose removal removes the counterexample: a correct clause that
/// happens to admit one of a leak's sessions is not to blame.
@Suite struct BlameTests {
    /// The running example with `policies` appended to tenancy.policy, loaded.
    private func example(appending policies: String) throws -> WorkspaceSnapshot {
        let directory = try CLIRunner.copyExample()
        let tenancy = directory.appendingPathComponent("policies/tenancy.policy")
        let text = try String(contentsOf: tenancy, encoding: .utf8) + "\n" + policies
        try text.write(to: tenancy, atomically: true, encoding: .utf8)
        let snapshot = try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.filter { $0.severity == .error }.map(\.message))")
        return snapshot
    }

    /// A permissive SELECT policy on projects with one clause.
    private func projectsPolicy(_ name: String, _ clause: String) -> String {
        "POLICY \(name)\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE \(clause)\n\n"
    }

    /// The policies a report's FAILED verdicts on `table` blame, per verdict.
    private func blamed(_ report: AnalysisReport, on table: String) -> [(verdict: Verdict, policies: Set<String>)] {
        report.failures.filter { $0.table.name == table }.map { ($0, Set($0.blame.map(\.policy))) }
    }

    @Test(arguments: [1, 2])
    func anAppendedLeakIsBlamedAloneNotTheCorrectClause(jobs: Int) throws {
        let snapshot = try example(appending: projectsPolicy("leak", "col(is_deleted) = lit(false)"))
        let report = ProofHarness.analyze(snapshot, jobs: jobs)
        let failures = blamed(report, on: "projects")
        #expect(failures.contains { $0.verdict.proof == .tenantIsolation })
        for (verdict, policies) in failures {
            #expect(policies == ["leak"], "\(ProofHarness.describe(verdict)) blames \(verdict.blame)")
        }
        #expect(Set(report.failures.map(\.table.name)) == ["projects"])
        // The language server's diagnostics say the same: none on tenant_isolation's clause.
        let diagnostics = ProofDiagnostics.diagnostics(for: report.verdicts, policySet: snapshot.policySet)
        let tenancy = try #require(snapshot.policySet.policies.first { $0.ref.name == "tenant_isolation" })
        #expect(
            !diagnostics.contains {
                $0.severity >= .warning && $0.location.file == tenancy.ref.location.file
                    && tenancy.ref.location.range.contains($0.location.range)
            },
            "\(diagnostics.map { "\($0.location.range) \($0.message)" })")
    }

    /// Two leaks, each enough on its own: removing either leaves the other, so both are named
    /// (the smallest set of clauses whose removal removes every counterexample), and still not
    /// the correct clause.
    @Test func twoIndependentLeaksAreBothBlamed() throws {
        let snapshot = try example(
            appending: projectsPolicy("leak_deleted", "col(is_deleted) = lit(false)")
                + projectsPolicy("leak_named", "col(name) = lit('shared')"))
        let report = ProofHarness.analyze(snapshot, jobs: 1)
        let isolation = try #require(blamed(report, on: "projects").first { $0.verdict.proof == .tenantIsolation })
        #expect(isolation.policies == ["leak_deleted", "leak_named"], "\(isolation.verdict.blame)")
        for (verdict, policies) in blamed(report, on: "projects") {
            #expect(!policies.contains("tenant_isolation"), "\(ProofHarness.describe(verdict)) blames \(verdict.blame)")
        }
    }

    /// A clause that leaks only together with another (each alone isolates tenants): removing
    /// either removes the counterexample, so both are named.
    @Test func clausesThatLeakOnlyTogetherAreBothBlamed() throws {
        let snapshot = try example(appending: projectsPolicy("owner_as_tenant", "col(owner_id) = session('app.tenant_id')"))
        let report = ProofHarness.analyze(snapshot, jobs: 1)
        let isolation = try #require(blamed(report, on: "projects").first { $0.verdict.proof == .tenantIsolation })
        #expect(isolation.policies == ["owner_as_tenant", "tenant_isolation"], "\(isolation.verdict.blame)")
    }
}
