import Foundation
import JSON
import TestSupport
import Testing

@Suite struct ExplainCommandTests {
    /// projects with a second permissive policy beside tenant_isolation, under soft_delete
    /// (restrictive) and a restrictive policy of two clauses: the DSL line writes every grouping
    /// out, as the SQL line does.
    @Test func theDSLLineGroupsAlternativesAsTheSQLDoes() throws {
        let example = try CLIRunner.copyExample()
        let path = example.appendingPathComponent("policies/tenancy.policy")
        let text =
            try String(contentsOf: path, encoding: .utf8) + """

                POLICY demo_projects
                  PERMISSIVE
                  FOR SELECT
                  SELECTOR named('projects')
                  CLAUSE col(name) = lit('demo')

                POLICY owned_or_named
                  RESTRICTIVE
                  FOR SELECT
                  SELECTOR named('projects')
                  CLAUSE col(owner_id) IS NOT NULL
                  OR CLAUSE col(name) = lit('demo') AND col(owner_id) IS NULL

                """
        try text.write(to: path, atomically: true, encoding: .utf8)
        let expected =
            "((col(tenant_id) = session('app.tenant_id')) OR (col(name) = lit('demo')))"
            + " AND col(is_deleted) = lit(false)"
            + " AND ((col(name) = lit('demo') AND col(owner_id) IS NULL) OR (col(owner_id) IS NOT NULL))"
        let result = try CLIRunner.run(["explain", "projects", "--command", "SELECT"], in: example)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("  dsl: \(expected)\n"), "\(result.stdout)")
        let json = try CLIRunner.run(["explain", "projects", "--command", "SELECT", "--format", "json"], in: example)
        #expect(json.status == 0, "\(json.stdout)\(json.stderr)")
        #expect(json.stdout.contains(JSONValue.string(expected).serializedString()), "\(json.stdout)")
    }

    /// A table `force:` leaves out is explained as not forced (SPEC 11.5).
    @Test func aTableForceLeavesOutIsExplainedAsNotForced() throws {
        let example = try CLIRunner.copyExample()
        let config = example.appendingPathComponent("pgpe.yaml")
        let text = try String(contentsOf: config, encoding: .utf8) + "\nforce: NOT named('projects')\n"
        try text.write(to: config, atomically: true, encoding: .utf8)
        let projects = try CLIRunner.run(["explain", "projects", "--command", "SELECT"], in: example)
        #expect(projects.status == 0, "\(projects.stdout)\(projects.stderr)")
        #expect(projects.stdout.hasPrefix("public.projects (not forced: force: in pgpe.yaml leaves it out"), "\(projects.stdout)")
        let tasks = try CLIRunner.run(["explain", "tasks", "--command", "SELECT", "--format", "json"], in: example)
        #expect(tasks.stdout.contains(#""governed":true,"forced":true"#), "\(tasks.stdout)")
        let json = try CLIRunner.run(["explain", "projects", "--command", "SELECT", "--format", "json"], in: example)
        #expect(json.stdout.contains(#""governed":true,"forced":false"#), "\(json.stdout)")
    }

    /// A table a GOVERN item names: the item's place, and the denial by design in JSON.
    @Test func aGovernedTableNamesItsGovernItem() throws {
        let example = try CLIRunner.copyExample()
        try "GOVERN SELECTOR named('config')\n".write(
            to: example.appendingPathComponent("policies/govern.policy"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["explain", "config", "--command", "SELECT"], in: example)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.hasPrefix(
                "public.config\nGOVERN at policies/govern.policy:1:1: row-level security on; what no policy allows is denied by design\n"),
            "\(result.stdout)")
        #expect(result.stdout.contains("  policies: none (default deny)"), "\(result.stdout)")
        let json = try CLIRunner.run(["explain", "config", "--format", "json"], in: example)
        #expect(json.stdout.contains("\"governed\":true,\"forced\":true,\"deniedByDesign\":true"), "\(json.stdout)")
    }
}
