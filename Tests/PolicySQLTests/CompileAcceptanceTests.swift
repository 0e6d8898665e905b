import PolicySQL
import PostgresClient
import TestSupport
import Testing

/// PostgreSQL accepts every golden as it is: after the case's schema (and the roles the SQL
/// names), the golden runs in one transaction without error, and the catalog then holds
/// exactly the policies, RLS flags and grants the compiler meant.
@Suite struct CompileAcceptanceTests {
    @Test(arguments: CompileCase.names)
    func postgresAcceptsTheGolden(_ name: String) async throws {
        let testCase = CompileCase.named(name)
        let workspace = try testCase.load()
        let golden = try testCase.goldenText()
        let program = PolicyCompiler.compile(workspace.policySet)
        try await withTestDatabase { database in
            try workspace.createSchema(in: database)
            try GoldenRoles.ensure(workspace.roles, on: database.server)
            try database.connection.transaction { (connection: PostgresConnection) throws -> Void in
                try connection.execute(golden)
                try expectCatalog(connection, matches: program)
            }
        }
    }

    /// A golden means the same with `standard_conforming_strings` off (a setting some old
    /// clients still make): PostgreSQL stores the same expressions either way.
    @Test(arguments: CompileCase.names)
    func theGoldenMeansTheSameWithoutStandardConformingStrings(_ name: String) async throws {
        let testCase = CompileCase.named(name)
        let workspace = try testCase.load()
        let golden = try testCase.goldenText()
        try await withTestDatabase { database in
            let connection = database.connection
            try workspace.createSchema(in: database)
            try GoldenRoles.ensure(workspace.roles, on: database.server)
            func stored(standardConformingStrings: String) throws -> [String] {
                try connection.execute("BEGIN; SET LOCAL standard_conforming_strings = \(standardConformingStrings)")
                defer { _ = try? connection.execute("ROLLBACK") }
                try connection.execute(golden)
                try connection.execute("SET LOCAL standard_conforming_strings = on")
                return try connection.query(
                    "SELECT tablename || ' ' || policyname || ': ' || coalesce(qual, '-') || ' / ' || coalesce(with_check, '-') FROM pg_policies ORDER BY 1"
                ).compactMap { $0[0]?.string }
            }
            let standard = try stored(standardConformingStrings: "on")
            #expect(!standard.isEmpty)
            #expect(try stored(standardConformingStrings: "off") == standard)
        }
    }

    /// Compares `pg_policies`, `pg_class` and table privileges with the compiled program.
    private func expectCatalog(_ connection: PostgresConnection, matches program: CompiledProgram) throws {
        for table in program.tables {
            let name = table.table
            let flags = try connection.query(
                "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = format('%I.%I', $1::text, $2::text)::regclass",
                [.text(name.schema), .text(name.name)])
            #expect(flags.first?[0]?.bool == table.isGoverned, "ENABLE on \(name)")
            #expect(flags.first?[1]?.bool == table.isForced, "FORCE on \(name)")
            let rows = try connection.query(
                """
                SELECT policyname, permissive, roles, cmd, qual IS NOT NULL, with_check IS NOT NULL
                FROM pg_policies WHERE schemaname = $1 AND tablename = $2 ORDER BY policyname
                """,
                [.text(name.schema), .text(name.name)])
            var observed: [String] = []
            for row in rows {
                let roles = (row[2]?.stringArray ?? []).compactMap { $0 }.sorted()
                observed.append(
                    [
                        row[0]?.string ?? "?", row[1]?.string ?? "?", roles.joined(separator: ","), row[3]?.string ?? "?",
                        "\(row[4]?.bool ?? false)", "\(row[5]?.bool ?? false)",
                    ].joined(separator: " | "))
            }
            let expected = table.policies.map { policy -> String in
                let roles = policy.roles.isEmpty ? ["public"] : policy.roles
                return [
                    policy.name, policy.permissive ? "PERMISSIVE" : "RESTRICTIVE", roles.sorted().joined(separator: ","),
                    policy.command, "\(policy.using != nil)", "\(policy.check != nil)",
                ].joined(separator: " | ")
            }.sorted()
            #expect(observed == expected, "policies on \(name)")
            for statement in table.statements {
                guard let grant = statement.grant else { continue }
                for role in grant.roles {
                    for privilege in grant.privileges {
                        let granted = try connection.query(
                            "SELECT has_table_privilege($1, format('%I.%I', $2::text, $3::text), $4)",
                            [.text(role), .text(name.schema), .text(name.name), .text(privilege)])
                        #expect(granted.first?[0]?.bool == true, "\(privilege) on \(name) to \(role)")
                    }
                }
            }
        }
    }
}
