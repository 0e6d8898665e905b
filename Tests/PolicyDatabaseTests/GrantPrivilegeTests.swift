import PolicyDatabase
import PostgresClient
import TestSupport
import Testing

/// SPEC 11.3's TRUNCATE, REFERENCES and TRIGGER privileges on a live database: apply grants
/// them, monitor sees them missing or extra, and apply with prune revokes what no GRANT item
/// gives. `ALL` keeps its v1 meaning (the four row commands), so a live TRUNCATE beside a
/// `GRANT ALL` item is extra.
@Suite struct GrantPrivilegeTests {
    static func workspace(role: String, privileges: String) -> PolicyWorkspace {
        PolicyWorkspace(
            config: "policies: [policies]\nsession:\n  app.tenant_id: uuid\n",
            policies: [
                "p.policy": """
                POLICY tenant PERMISSIVE FOR ALL TO \(role) SELECTOR ALL
                  CLAUSE col(tenant_id) = session('app.tenant_id')

                GRANT \(privileges) TO \(role) SELECTOR named('accounts')
                """
            ],
            schemaSQL: "CREATE TABLE public.accounts (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);")
    }

    /// The privileges `role` holds on public.accounts, of the seven table privileges.
    static func held(_ connection: PostgresConnection, _ role: String) throws -> [String] {
        try ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"].filter { privilege in
            try connection.query("SELECT has_table_privilege($1, 'public.accounts', $2)", [.text(role), .text(privilege)])
                .first?[0]?.bool == true
        }
    }

    /// Applies a workspace granting `privileges` to a new role, checks that the role then holds
    /// exactly `held` and that there is no drift, and hands over what the test goes on with.
    static func applied(
        _ privileges: String, holds held: [String],
        then body: (PostgresConnection, String, PolicyWorkspace, LiveDatabase) throws -> Void
    ) async throws {
        try await withTestDatabase { database in
            let role = try database.createRole(login: false)
            let workspace = Self.workspace(role: role, privileges: privileges)
            let live = try LiveDatabase.applied(workspace, on: database)
            #expect(try Self.held(database.connection, role) == held)
            #expect(try live.assess(workspace).drift.isEmpty)
            try body(database.connection, role, workspace, live)
        }
    }

    @Test func applyGrantsThemAndMonitorSeesThemGoAndCome() async throws {
        try await Self.applied("SELECT, TRUNCATE, REFERENCES, TRIGGER", holds: ["SELECT", "TRUNCATE", "REFERENCES", "TRIGGER"]) {
            connection, role, workspace, live in

            // A privilege revoked by hand is missing; apply gives it back.
            try connection.execute("REVOKE TRUNCATE, TRIGGER ON public.accounts FROM \(role)")
            let missing = try live.assess(workspace).drift
            #expect(missing.map(\.type) == [.missingGrant], "\(missing.map(\.description))")
            #expect(missing.first?.description.contains("lacks TRUNCATE, TRIGGER") == true, "\(missing.map(\.description))")
            try live.apply(workspace)
            #expect(try Self.held(connection, role) == ["SELECT", "TRUNCATE", "REFERENCES", "TRIGGER"])
            #expect(try live.assess(workspace).drift.isEmpty)

            // Dropped from the GRANT item: extra, revoked only with prune.
            let fewer = Self.workspace(role: role, privileges: "SELECT, REFERENCES")
            let extra = try live.assess(fewer).drift
            #expect(extra.map(\.type) == [.extraGrant], "\(extra.map(\.description))")
            #expect(extra.first?.description.contains("holds TRUNCATE, TRIGGER") == true, "\(extra.map(\.description))")
            try live.apply(fewer)
            #expect(try Self.held(connection, role) == ["SELECT", "TRUNCATE", "REFERENCES", "TRIGGER"])
            try live.apply(fewer, prune: true)
            #expect(try Self.held(connection, role) == ["SELECT", "REFERENCES"])
            #expect(try live.assess(fewer).drift.isEmpty)
        }
    }

    @Test func allStaysTheFourRowCommands() async throws {
        try await Self.applied("ALL", holds: ["SELECT", "INSERT", "UPDATE", "DELETE"]) { connection, role, workspace, live in
            try connection.execute("GRANT TRUNCATE ON public.accounts TO \(role)")
            let drift = try live.assess(workspace).drift
            #expect(drift.map(\.type) == [.extraGrant] && drift.first?.description.contains("holds TRUNCATE") == true)
            // Naming it beside ALL makes it expected.
            #expect(try live.assess(Self.workspace(role: role, privileges: "ALL, TRUNCATE")).drift.isEmpty)
        }
    }
}
