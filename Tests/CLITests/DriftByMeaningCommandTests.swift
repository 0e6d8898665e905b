import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Drift by meaning (SPEC 11.7) through the binary: a cosmetic rewrite is not drift (exit 0,
/// empty plan), an unmanaged `USING (true)` is critical with a witness row in text, JSON and
/// SARIF, and `monitor --execute` drops it without `--prune`.
@Suite struct DriftByMeaningCommandTests {
    @Test func cosmeticRewriteAndUnmanagedTrue() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, target in
            let apply = try cli.run(["apply"] + target)
            #expect(apply.status == 0, "\(apply.output)")

            // The same predicate with its operands swapped.
            try database.connection.execute(
                """
                ALTER POLICY tenant_isolation_users ON public.users
                  USING ((SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) = tenant_id)
                """)
            let cosmetic = try cli.run(["monitor"] + target)
            #expect(cosmetic.status == 0, "\(cosmetic.output)")
            #expect(cosmetic.stdout.contains("INFO     cosmetic_change  public.users tenant_isolation_users"), "\(cosmetic.stdout)")
            #expect(cosmetic.stdout.contains("(1 cosmetic change, not drift)"), "\(cosmetic.stdout)")
            let plan = try cli.run(["apply", "--dry-run", "--format", "json"] + target)
            #expect(plan.status == 0, "\(plan.output)")
            #expect((try DatabaseCLI.json(plan.stdout)["plan"] as? [Any])?.isEmpty == true, "\(plan.stdout)")

            try database.connection.execute("CREATE POLICY open_door ON public.users FOR SELECT USING (true)")
            let text = try cli.run(["monitor"] + target)
            #expect(text.status == 1)
            #expect(text.stdout.contains("CRITICAL extra_policy     public.users open_door"), "\(text.stdout)")
            #expect(text.stdout.contains("    witness: row {"), "\(text.stdout)")
            let json = try cli.run(["monitor", "--format", "json"] + target)
            let items = try #require(try DatabaseCLI.json(json.stdout)["drift"] as? [[String: Any]])
            #expect(items.map { $0["type"] as? String } == ["extra_policy"])
            let witness = try #require(items.first?["witness"] as? [String: Any], "\(json.stdout)")
            #expect((witness["row"] as? [String: Any])?["table"] as? String == "public.users")
            let sarif = try cli.run(["monitor", "--format", "sarif"] + target)
            let runs = try #require(try DatabaseCLI.json(sarif.stdout)["runs"] as? [[String: Any]])
            let results = try #require(runs.first?["results"] as? [[String: Any]])
            let extra = try #require(results.first { $0["ruleId"] as? String == "drift.extra_policy" })
            #expect(extra["level"] as? String == "error")
            #expect((extra["properties"] as? [String: Any])?["witness"] != nil)
            let note = results.first { $0["ruleId"] as? String == "drift.cosmetic_change" }
            #expect(note?["level"] as? String == "note")

            let execute = try cli.run(["monitor", "--execute"] + target)
            #expect(execute.status == 0, "dropped without --prune: \(execute.output)")
            #expect(execute.stdout.contains("DROP POLICY open_door ON public.users;"), "\(execute.stdout)")
            let left = try database.connection.query("SELECT policyname FROM pg_policies WHERE policyname = 'open_door'")
            #expect(left.isEmpty)
        }
    }
}
