import Foundation
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe apply` and `pgpe monitor` warn when FORCE subjects a table owner without BYPASSRLS to
/// its policies, naming the owner's SECURITY DEFINER function, in text and JSON (SPEC 11.5).
@Suite struct ForcedOwnerCommandTests {
    @Test func applyAndMonitorNameTheDefinerFunction() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, target in
            let owner = try database.createRole(login: false)
            try database.connection.execute(
                """
                CREATE FUNCTION public.all_comments() RETURNS bigint LANGUAGE sql SECURITY DEFINER
                  AS 'SELECT count(*) FROM comments';
                ALTER TABLE public.comments OWNER TO \(owner);
                ALTER FUNCTION public.all_comments() OWNER TO \(owner);
                """)

            let apply = try cli.run(["apply"] + target)
            #expect(apply.status == 0, "\(apply.output)")
            #expect(apply.stdout.contains("-- warning: forced_owner public.comments: FORCE ROW LEVEL SECURITY subjects \(owner)"))
            #expect(apply.stdout.contains("SECURITY DEFINER functions public.all_comments()"))

            let again = try cli.run(["apply", "--format", "json"] + target)
            #expect(again.status == 0, "\(again.output)")
            let json = try DatabaseCLI.json(again.stdout)
            let warnings = try #require(json["warnings"] as? [[String: Any]])
            #expect(warnings.count == 1)
            #expect(warnings.first?["type"] as? String == "forced_owner")
            #expect(warnings.first?["table"] as? String == "public.comments")
            #expect(warnings.first?["functions"] as? [String] == ["public.all_comments()"])

            let monitor = try cli.run(["monitor", "--format", "json"] + target)
            #expect(monitor.status == 0, "\(monitor.output)")
            let posture = try #require(try DatabaseCLI.json(monitor.stdout)["posture"] as? [[String: Any]])
            let finding = try #require(posture.first { $0["type"] as? String == "forced_owner" })
            #expect(finding["role"] as? String == owner)
            #expect(finding["functions"] as? [String] == ["public.all_comments()"])
            let text = try cli.run(["monitor"] + target)
            #expect(text.stdout.contains("forced_owner public.comments"))
        }
    }
}
