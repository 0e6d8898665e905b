import Foundation
import PolicyEngine
import PolicyProofs
import PolicyWorkloads
import TestSupport
import Testing
import WorkspaceFiles

/// `policy-equivalence`: two policy sets give the same effective predicates.
@Suite struct EquivalenceTests {
    /// The running example's policies, rewritten in `directory/policies` by `edit` (with the
    /// file name), and `extra` appended to tenancy.policy.
    static func rewrittenExample(extra: String = "", _ edit: (String) -> String) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory("pgpe-equivalent")
        let policies = directory.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        for name in ["soft_delete.policy", "tenancy.policy"] {
            let text = try Fixtures.exampleText("policies/\(name)")
            try (edit(text) + (name == "tenancy.policy" ? extra : "")).write(
                to: policies.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return policies
    }

    static func compare(_ snapshot: WorkspaceSnapshot, with other: WorkspaceSnapshot) -> AnalysisReport {
        var options = AnalysisOptions(config: snapshot.config)
        options.proofs = [.policyEquivalence]
        return Analyzer(policySet: snapshot.policySet, options: options, comparison: (other.policySet, "the other set")).run()
    }

    static var example: WorkspaceSnapshot {
        get throws { try ProofHarness.load(configPath: Fixtures.exampleDirectory.appendingPathComponent("pgpe.yaml").path) }
    }

    /// A refactoring that keeps meaning (a FOR ALL policy split in two, clauses reordered) is
    /// PROVEN equivalent everywhere; the set is equivalent to itself.
    @Test func aRefactoringThatKeepsMeaningIsProven() throws {
        let example = try Self.example
        let extra =
            "\nPOLICY tenant_writes PERMISSIVE FOR INSERT, UPDATE, DELETE SELECTOR has_column('tenant_id')\n"
            + "  CLAUSE session('app.tenant_id') = col(tenant_id) AND session('app.tenant_id') = col(tenant_id)\n"
        let split = try Self.rewrittenExample(extra: extra) { text in
            text.replacingOccurrences(
                of: "FOR SELECT, INSERT, UPDATE, DELETE\n  SELECTOR has_column('tenant_id')",
                with: "FOR SELECT\n  SELECTOR has_column('tenant_id')")
        }
        let other = try WorkspaceLoader.load(
            configPath: Fixtures.exampleDirectory.appendingPathComponent("pgpe.yaml").path,
            directory: Fixtures.exampleDirectory.path, paths: [split.path])
        #expect(!other.hasErrors, "\(other.diagnostics.map(\.message))")
        #expect(other.policySet.policies.count == example.policySet.policies.count + 1)
        for report in [Self.compare(example, with: other), Self.compare(example, with: example)] {
            #expect(report.verdicts.count >= 5 * 5, "every table × command × side")
            #expect(
                report.verdicts.allSatisfy { $0.status == .proven },
                "\(report.verdicts.filter { $0.status != .proven }.map(ProofHarness.describe))")
        }
    }

    /// A change of meaning is FAILED, in the direction that admits more, with a counterexample;
    /// a table only one set governs is FAILED.
    @Test func aChangeOfMeaningIsFound() throws {
        let example = try Self.example
        let extra = "\nPOLICY config_public PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE col(value) IS NOT NULL\n"
        let widened = try Self.rewrittenExample(extra: extra) { text in
            text.replacingOccurrences(of: "POLICY soft_delete", with: "POLICY soft_delete_gone")
                .replacingOccurrences(
                    of: "RESTRICTIVE\n  FOR SELECT\n  SELECTOR has_column('is_deleted')",
                    with: "RESTRICTIVE\n  FOR SELECT\n  SELECTOR has_column('is_deleted') AND NOT named('projects')")
        }
        let other = try WorkspaceLoader.load(
            configPath: Fixtures.exampleDirectory.appendingPathComponent("pgpe.yaml").path,
            directory: Fixtures.exampleDirectory.path, paths: [widened.path])
        #expect(!other.hasErrors, "\(other.diagnostics.map(\.message))")
        let report = Self.compare(example, with: other)
        let failed = report.verdicts.filter { $0.status == .failed }
        // Soft delete no longer hides deleted projects: the other set reaches more, on SELECT only.
        let projects = failed.filter { $0.table.name == "projects" }
        #expect(projects.map(\.command) == [.select])
        #expect(projects.first?.reason?.contains("under the other set that it does not under this policy set") == true)
        #expect(projects.first?.counterexample?.row.values["is_deleted"] == .bool(true))
        // tasks and files reach projects through its SELECT policies: on every command, through a
        // deleted project, the other set reaches (or writes) more; never the other way round.
        for table in ["tasks", "files"] {
            let differences = failed.filter { $0.table.name == table }
            #expect(differences.count == 5, "\(table): \(differences.map(ProofHarness.describe))")
            for verdict in differences {
                #expect(
                    verdict.reason?.contains("under the other set that it does not under this policy set") == true,
                    "\(ProofHarness.describe(verdict))")
                #expect(
                    verdict.counterexample?.witnesses.contains { $0.table.name == "projects" && $0.values["is_deleted"] == .bool(true) }
                        == true)
            }
        }
        // config is governed by the other set only.
        #expect(failed.contains { $0.table.name == "config" && $0.reason?.contains("only the other set governs") == true })
        #expect(Set(failed.map(\.table.name)) == ["config", "files", "projects", "tasks"], "\(failed.map(ProofHarness.describe))")
    }

    /// `pgpe analyze --equivalent-to PATH`: exit 0 when equivalent, 1 when not, the verdicts in JSON.
    @Test func commandLineEquivalentTo() throws {
        let directory = try CLIRunner.copyExample()
        let same = try CLIRunner.run(
            ["analyze", "--format", "json", "--proofs", "policy-equivalence", "--equivalent-to", "policies"], in: directory)
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("\"proof\": \"policy-equivalence\"") || same.stdout.contains("\"proof\":\"policy-equivalence\""))
        let changed = try Self.rewrittenExample {
            $0.replacingOccurrences(of: "CLAUSE col('is_deleted') = lit(false)", with: "CLAUSE col('is_deleted') IS NOT NULL")
        }
        let different = try CLIRunner.run(["analyze", "--equivalent-to", changed.path], in: directory)
        #expect(different.status == 1, "\(different.stdout)\(different.stderr)")
        #expect(different.stdout.contains("FAILED  policy-equivalence public.projects SELECT"), "\(different.stdout)")
        let missing = try CLIRunner.run(["analyze", "--equivalent-to", "no/such/dir"], in: directory)
        #expect(missing.status == 2)
    }
}
