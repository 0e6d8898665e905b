import PolicyDatabase
import TestSupport
import Testing

/// Posture findings: login roles that bypass RLS, and governed tables owned by a role their
/// policies name (or that such a role can act as). They never count as drift.
@Suite struct PostureTests {
    /// LOGIN with BYPASSRLS or SUPERUSER is reported; without LOGIN it is not.
    @Test func loginRolesThatBypassRLSAreReported() async throws {
        try await withTestDatabase { database in
            let bypass = try database.createRole(login: true, attributes: "BYPASSRLS")
            let quiet = try database.createRole(login: false, attributes: "BYPASSRLS")
            let plain = try database.createRole(login: true)
            let example = try PolicyWorkspace.example()
            let live = try LiveDatabase.applied(example, on: database)
            let assessment = try live.assess(example)
            #expect(assessment.drift.isEmpty)
            let privileged = assessment.posture.filter { $0.kind == .privilegedLoginRole }.map(\.role)
            #expect(privileged.contains(bypass))
            #expect(privileged.contains(database.server.user))
            #expect(!privileged.contains(quiet))
            #expect(!privileged.contains(plain))
            let finding = try #require(assessment.posture.first { $0.role == bypass })
            #expect(finding.description.contains("BYPASSRLS"))
            #expect(finding.remediation.contains("NOBYPASSRLS"))
        }
    }

    /// An owner named by the table's policies, or one a named role is a member of, is reported.
    @Test func tablesOwnedByARoleTheirPoliciesNameAreReported() async throws {
        try await withTestDatabase { database in
            let app = try database.createRole(login: true)
            let owner = try database.createRole(login: false)
            let member = try database.createRole(login: true)
            try database.connection.execute("GRANT \(owner) TO \(member)")
            let workspace = PolicyWorkspace(
                config: "policies: [policies]\nsession:\n  app.tenant_id: uuid\n",
                policies: [
                    "p.policy": """
                    POLICY app_rows PERMISSIVE FOR ALL TO \(app) SELECTOR named('owned_by_app')
                      CLAUSE col(tenant_id) = session('app.tenant_id')
                    POLICY member_rows PERMISSIVE FOR ALL TO \(member) SELECTOR named('owned_by_group')
                      CLAUSE col(tenant_id) = session('app.tenant_id')
                    POLICY fine_rows PERMISSIVE FOR ALL TO \(app) SELECTOR named('owned_elsewhere')
                      CLAUSE col(tenant_id) = session('app.tenant_id')
                    """
                ],
                schemaSQL: """
                    CREATE TABLE public.owned_by_app (id int PRIMARY KEY, tenant_id uuid);
                    CREATE TABLE public.owned_by_group (id int PRIMARY KEY, tenant_id uuid);
                    CREATE TABLE public.owned_elsewhere (id int PRIMARY KEY, tenant_id uuid);
                    ALTER TABLE public.owned_by_app OWNER TO \(app);
                    ALTER TABLE public.owned_by_group OWNER TO \(owner);
                    """)
            let live = try LiveDatabase.applied(workspace, on: database)
            let assessment = try live.assess(workspace)
            #expect(assessment.drift.isEmpty)
            let owned = assessment.posture.filter { $0.kind == .ownerNamedByPolicy }
            #expect(owned.map { $0.table?.name ?? "" } == ["owned_by_app", "owned_by_group"])
            #expect(owned.map(\.role) == [app, owner])
            #expect(owned.allSatisfy { $0.severity == .high })
            #expect(owned[1].description.contains(member))
        }
    }
}
