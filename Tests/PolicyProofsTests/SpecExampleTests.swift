import Foundation
import PolicyConfig
import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// The examples SPEC section 6 says must hold.
@Suite struct SpecExampleTests {
    /// Every table of the running example is PROVEN for app.tenant_id, and nothing else fails.
    @Test func runningExampleIsProvenEverywhere() throws {
        let snapshot = try ProofHarness.load(configPath: Fixtures.exampleDirectory.appendingPathComponent("pgpe.yaml").path)
        #expect(!snapshot.hasErrors)
        for shortcuts in [true, false] {
            let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts)
            let notProven = report.verdicts.filter { $0.status != .proven }
            #expect(notProven.isEmpty, "\(notProven.map(ProofHarness.describe))")
            for table in snapshot.policySet.governedTables {
                for command in PolicyCommand.allCases {
                    for side in PolicySet.sides(of: command) {
                        let isolation = report.verdicts.filter {
                            $0.proof == .tenantIsolation && $0.table == table && $0.command == command && $0.side == side
                                && $0.key == "app.tenant_id"
                        }
                        #expect(!isolation.isEmpty && isolation.allSatisfy { $0.status == .proven }, "\(table) \(command) \(side)")
                    }
                }
            }
            #expect(snapshot.policySet.governedTables.map(\.name) == ["comments", "files", "projects", "tasks", "users"])
        }
    }

    /// `{col(age) > lit(65), col(age) < lit(18)}` is unsatisfiable only by the solver: the normal
    /// form keeps it; `{col(role) = lit('admin'), col(role) = lit('viewer')}` by normalization alone.
    @Test func solverOnlyContradiction() throws {
        let schema = SchemaModel(tables: [
            TestSchema.table("public.people", ["id uuid", "age integer", "role text"], primaryKey: ["id"])
        ])
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.tenant_id", type: .uuid)]
        let ranges = CheckHarness.check(
            """
            POLICY ranges PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(age) > lit(65) AND col(age) < lit(18)
            """, schema: schema, config: config)
        #expect(!ranges.hasErrors, "\(ranges.diagnostics.map(\.message))")
        let table = QualifiedName(schema: "public", name: "people")
        #expect(ranges.policies[0].using[table]?.clauses.first?.atoms.count == 2, "the normal form keeps both atoms")
        var options = AnalysisOptions(config: config)
        options.proofs = [.contradiction]
        let report = Analyzer(policySet: ranges, options: options).run()
        let contradictions = report.verdicts.filter { $0.proof == .contradiction && ($0.command == .select || $0.command == nil) }
        #expect(
            !contradictions.isEmpty && contradictions.allSatisfy { $0.status == .failed && !$0.byShortcut && $0.solverMilliseconds > 0 },
            "\(contradictions.map(ProofHarness.describe))")

        let roles = CheckHarness.check(
            """
            POLICY roles PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(role) = lit('admin') AND col(role) = lit('viewer')
            """, schema: schema, config: config)
        #expect(roles.diagnostics.contains { $0.id == "semantic.unsatisfiable-policy" })
        #expect(roles.policies[0].using[table]?.clauses.isEmpty == true, "the normal form drops the clause")
    }

    /// Adding `OR CLAUSE col(is_public) = lit(true)` to a table's only permissive policy makes it
    /// FAILED, with a counterexample: a public row, two sessions of different tenants, and the
    /// new clause blamed for both.
    @Test func orClauseLeakFailsWithACounterexample() throws {
        let directory = try CLIRunner.copyExample()
        let schema = directory.appendingPathComponent("schema.sql")
        var sql = try String(contentsOf: schema, encoding: .utf8)
        sql += "\nALTER TABLE public.projects ADD COLUMN is_public boolean;\n"
        try sql.write(to: schema, atomically: true, encoding: .utf8)
        // projects' only permissive policy is tenant_isolation, shared with users and comments:
        // give projects its own copy with the OR clause.
        let tenancy = directory.appendingPathComponent("policies/tenancy.policy")
        var policies = try String(contentsOf: tenancy, encoding: .utf8)
        policies = policies.replacingOccurrences(
            of: "SELECTOR has_column('tenant_id')", with: "SELECTOR has_column('tenant_id') AND NOT named('projects')")
        policies += """

            POLICY projects_tenant
              PERMISSIVE
              FOR SELECT, INSERT, UPDATE, DELETE
              SELECTOR named('projects')
              CLAUSE col('tenant_id') = session('app.tenant_id')
              OR CLAUSE col(is_public) = lit(true)

            """
        try policies.write(to: tenancy, atomically: true, encoding: .utf8)
        let snapshot = try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.filter { $0.severity == .error }.map(\.message))")
        let report = ProofHarness.analyze(snapshot)
        let failures = report.failures
        #expect(Set(failures.map(\.table.name)) == ["projects"], "\(failures.map(ProofHarness.describe))")
        let select = try #require(failures.first { $0.proof == .tenantIsolation && $0.command == .select })
        let example = try #require(select.counterexample)
        #expect(example.row.table.name == "projects")
        #expect(example.row.values["is_public"] == .bool(true))
        #expect(example.sessions.count == 2)
        let keys = example.sessions.map { $0["app.tenant_id"] ?? nil }
        #expect(keys[0] != nil && keys[1] != nil && keys[0] != keys[1])
        let line = try #require(snapshot.sourceFile(tenancy.path)).text.components(separatedBy: "\n")
            .firstIndex { $0.contains("OR CLAUSE col(is_public)") }.map { $0 + 1 }
        #expect(select.blame.count == 2)
        for blame in select.blame {
            #expect(blame.policy == "projects_tenant")
            #expect(snapshot.sourceFile(blame.location.file)?.position(of: blame.location.range.start).line == line)
        }
        // tasks and files reach projects with their own tenant atom: still PROVEN.
        #expect(report.verdicts.filter { ["tasks", "files"].contains($0.table.name) }.allSatisfy { $0.status == .proven })
    }
}
