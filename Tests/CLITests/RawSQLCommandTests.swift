import Foundation
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe check --database` and `pgpe monitor` try each raw('...') on the database and report
/// PostgreSQL's error at the raw atom, in text, JSON and SARIF, without the password.
@Suite struct RawSQLCommandTests {
    static let broken = """
        POLICY broken PERMISSIVE FOR SELECT SELECTOR named('users')
          CLAUSE raw('no_such_column = 1')
        POLICY sneaky PERMISSIVE FOR SELECT SELECTOR named('users')
          CLAUSE raw('pg_catalog.no_such_check(id)')
        """

    @Test func checkAndMonitorReportRawSQLAtTheAtom() async throws {
        try await DatabaseCLI.withExampleDatabase(extraPolicies: ["broken.policy": Self.broken]) { database, cli, _ in
            let password = "pw-\(UUID().uuidString.prefix(8))"
            let reader = try database.createRole(login: true, password: password)
            try database.connection.execute("GRANT pg_read_all_data TO \(reader)")
            let target = ["--database", database.url(user: reader, password: password)]

            let offline = try cli.run(["check"])
            #expect(!offline.output.contains("database.raw-sql-error"), "\(offline.output)")

            let check = try cli.run(["check"] + target)
            #expect(check.status == 1, "\(check.output)")
            #expect(check.stdout.contains("policies/broken.policy:2:10: error[database.raw-sql-error]: raw SQL fails on public.users"))
            #expect(check.stdout.contains("SQLSTATE 42703"))
            #expect(check.stdout.contains("policies/broken.policy:4:10: error[database.raw-sql-error]"))
            #expect(!check.output.contains(password))

            let json = try DatabaseCLI.json(try cli.run(["check", "--format", "json"] + target).stdout)
            let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.filter { $0["code"] as? String == "database.raw-sql-error" }.count == 2)

            let sarif = try cli.run(["check", "--format", "sarif"] + target)
            #expect(
                sarif.stdout.contains("\"ruleId\":\"database.raw-sql-error\"")
                    || sarif.stdout.contains("\"ruleId\": \"database.raw-sql-error\""))

            let monitor = try cli.run(["monitor"] + target)
            #expect(monitor.status == 1, "\(monitor.output)")
            #expect(monitor.stdout.contains("raw SQL rejected by the database:"))
            #expect(monitor.stdout.contains("policies/broken.policy:2:10: error[database.raw-sql-error]"))
            #expect(!monitor.output.contains(password))
            let monitorJSON = try DatabaseCLI.json(try cli.run(["monitor", "--format", "json"] + target).stdout)
            #expect((monitorJSON["raw_sql"] as? [[String: Any]])?.count == 2)

            let files = try database.connection.query("SELECT pg_catalog.to_regclass('public.files') IS NOT NULL")
            #expect(files.first?[0]?.bool == true)
        }
    }
}
