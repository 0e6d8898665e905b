import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Hostile names planted in the live database are data, never SQL. A role that may only create
/// objects in the schema makes a table (governed: it has `tenant_id`) and policies whose names
/// hold a quote fused into one grapheme cluster with a prepend character before it or a
/// combining mark after it, then `; COMMIT; DROP TABLE canary; CREATE TABLE pwned (); --`,
/// and a line break then `DROP TABLE`. `monitor` (plain, `--reconcile`, `--execute`) and
/// `apply` (`--dry-run`, `--prune`) run over them as the superuser; afterwards the canary table
/// exists, no `pwned` table does, the names come back in the JSON byte for byte, the prune drops
/// exactly those policies, and no line of the printed plans or reports starts with planted SQL.
@Suite struct DatabaseInjectionTests {
    /// The planted table: a prepend character (U+0600) fused with the quote that would end it.
    static let table = "t\u{600}\";COMMIT;DROP TABLE canary;CREATE TABLE pwned();--"
    /// The table named by the planted table's name up to its quote, so that the statements the
    /// injection would cut short still run.
    static let decoy = "t\u{600}"
    /// The planted policies on it.
    static let policies = [
        "p\u{600}\" ON canary;COMMIT;CREATE TABLE pwned();--",
        "q\"\u{301};COMMIT;CREATE TABLE pwned();--",
        "n\nDROP TABLE canary;--",
    ]

    @Test func plantedNamesAreInertInMonitorAndApply() async throws {
        try await withTestDatabase { database in
            // The live catalog is the schema, so the planted table is governed.
            let config = try Fixtures.exampleText("pgpe.yaml").replacingOccurrences(of: "schema: schema.sql\n", with: "")
            let cli = try DatabaseCLI.example(config: config)
            defer { cli.remove() }
            let admin = database.connection
            try admin.execute(try Fixtures.exampleText("schema.sql"))
            try admin.execute("CREATE TABLE public.canary (id integer)")
            let target = ["--database", database.connectionString()]
            let first = try cli.run(["apply"] + target)
            #expect(first.status == 0, "\(first.output)")

            let planter = try database.createRole(login: false)
            let role = try admin.quoteIdentifier(planter)
            try admin.execute("GRANT CREATE ON SCHEMA public TO \(role)")
            let table = "public." + (try admin.quoteIdentifier(Self.table))
            try admin.execute(
                """
                SET ROLE \(role);
                CREATE TABLE \(table) (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
                CREATE TABLE public.\(try admin.quoteIdentifier(Self.decoy)) (id integer);
                ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
                ALTER TABLE \(table) FORCE ROW LEVEL SECURITY;
                RESET ROLE
                """)
            // A policy under the name pgpe expects on the table, so that every comparison puts
            // the table's name through the round trip.
            let missing = try DatabaseCLI.json(try cli.run(["monitor", "--format", "json"] + target).stdout)
            let expected = try #require(
                (missing["drift"] as? [[String: Any]])?.first { $0["type"] as? String == "missing_policy" }?["policy"] as? String)
            try admin.execute("SET ROLE \(role)")
            // Restrictive: they add no access, so they stay until --prune (SPEC 11.7).
            for name in [expected] + Self.policies {
                let kind = name == expected ? "" : " AS RESTRICTIVE"
                try admin.execute("CREATE POLICY \(try admin.quoteIdentifier(name)) ON \(table)\(kind) USING (true)")
            }
            try admin.execute("RESET ROLE")

            func intact(_ step: String) throws {
                let state = try admin.query(
                    """
                    SELECT pg_catalog.to_regclass('public.canary') IS NOT NULL AS canary,
                           pg_catalog.to_regclass('public.pwned') IS NULL AS clean
                    """)
                #expect(state.first?["canary"]?.bool == true, "\(step) dropped the canary table")
                #expect(state.first?["clean"]?.bool == true, "\(step) created the pwned table")
            }
            // Lines of a report (not SQL) that start with planted SQL.
            func plantedLines(_ text: String) -> [String] {
                text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.hasPrefix("DROP TABLE") || $0.hasPrefix("CREATE TABLE") || $0.hasPrefix(";COMMIT") }
            }
            // Printed SQL saved and run as a script (in a transaction rolled back): the planted
            // SQL must not run, whatever the comment lines hold.
            func runAsScript(_ script: String, _ step: String) throws {
                do {
                    try admin.execute("BEGIN;\n" + script + "\n;")
                    let canary = try admin.query("SELECT pg_catalog.to_regclass('public.canary') IS NOT NULL AS kept")
                    #expect(canary.first?["kept"]?.bool == true, "the script \(step) printed drops the canary table:\n\(script)")
                } catch {
                    Issue.record("the script \(step) printed does not run: \(error)\n\(script)")
                }
                _ = try? admin.execute("ROLLBACK")
            }

            let monitor = try cli.run(["monitor", "--format", "json"] + target)
            #expect(monitor.status == 1, "\(monitor.output)")
            try intact("monitor")
            let drift = try #require(DatabaseCLI.json(monitor.stdout)["drift"] as? [[String: Any]])
            let extra = drift.filter { $0["type"] as? String == "extra_policy" }.compactMap { $0["policy"] as? String }
            #expect(
                extra.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
                    == Self.policies.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }, "\(extra)")
            #expect(
                drift.contains { $0["type"] as? String == "modified_policy" && ($0["table"] as? String)?.hasSuffix(Self.table) == true })

            let reconcile = try cli.run(["monitor", "--reconcile", "--prune"] + target)
            #expect(reconcile.status == 1, "\(reconcile.output)")
            try intact("monitor --reconcile")
            let parts = reconcile.stdout.components(separatedBy: "-- repair SQL\n")
            #expect(parts.count == 2, "\(reconcile.stdout)")
            #expect(plantedLines(parts[0]).isEmpty, "the report prints planted SQL as lines: \(plantedLines(parts[0]))\n\(parts[0])")
            try runAsScript(parts.last ?? "", "monitor --reconcile")

            for flags in [["--dry-run"], ["--dry-run", "--prune"]] {
                let dryRun = try cli.run(["apply"] + flags + target)
                #expect(dryRun.status == 0, "\(dryRun.output)")
                try intact("apply \(flags)")
                #expect(dryRun.stdout.contains("n\\nDROP TABLE canary;--"), "the name's line break is written as \\n:\n\(dryRun.stdout)")
                // The plan without its last line ("dry run: N statements not executed").
                var lines = dryRun.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                while lines.last?.isEmpty == true { lines.removeLast() }
                #expect(lines.last?.hasPrefix("dry run:") == true, "\(dryRun.stdout)")
                try runAsScript(lines.dropLast().joined(separator: "\n"), "apply \(flags)")
            }

            let execute = try cli.run(["monitor", "--execute"] + target)
            #expect(execute.status == 1, "extra policies remain without --prune: \(execute.output)")
            try intact("monitor --execute")

            let prune = try cli.run(["apply", "--prune"] + target)
            #expect(prune.status == 0, "\(prune.output)")
            try intact("apply --prune")
            let left = try admin.query("SELECT policyname FROM pg_catalog.pg_policies WHERE tablename = $1", [.text(Self.table)])
            #expect(left.compactMap { $0["policyname"]?.string } == [expected], "the planted policies were dropped as data")

            let after = try cli.run(["monitor", "--execute", "--prune"] + target)
            #expect(after.status == 0, "\(after.output)")
            try intact("monitor --execute --prune")
        }
    }
}
