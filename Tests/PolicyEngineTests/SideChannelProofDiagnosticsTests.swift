import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import Testing

/// The language server shows the side-channel findings (SPEC 11.11) after a proof run: at the
/// object in the schema file and at the policy whose guarantee it weakens.
@Suite struct SideChannelProofDiagnosticsTests {
    @Test func aDefinerViewIsShownOnTheSchemaAndOnThePolicy() throws {
        let schema =
            try Fixtures.exampleText("schema.sql")
                + """

                CREATE VIEW public.all_projects AS SELECT p.id, p.tenant_id FROM public.projects p;
                GRANT SELECT ON public.all_projects TO app_user;
                """
        let fixture = try EngineFixture(tenancyFixture, schema: schema)
        fixture.prove()
        let found = fixture.workspace.proofs.diagnostics.filter { $0.id == "sidechannel.view-definer" }
        let schemaPath = fixture.file("schema.sql")
        let atSchema = try #require(found.first { $0.location.file == schemaPath })
        #expect(fixture.text(at: atSchema.location) == "public.all_projects")
        #expect(atSchema.message.contains("fix: ALTER VIEW public.all_projects SET (security_invoker = true);"))
        let atPolicy = try #require(found.first { $0.location.file == fixture.path })
        #expect(atPolicy.message.hasPrefix("policy tenant_isolation on public.projects is bypassed here"))
        #expect(fixture.line(of: atPolicy.location) == 2)
    }
}
