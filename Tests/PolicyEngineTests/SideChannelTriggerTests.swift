import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import Testing

/// `sidechannel.definer-trigger` (SPEC 11.11): a trigger fires without any EXECUTE check, so a
/// SECURITY DEFINER trigger function that reads a governed table is reported when a role that
/// matters may run one of the trigger's commands on its table, and only then.
@Suite struct SideChannelTriggerTests {
    static let schema = """

        CREATE ROLE service_role BYPASSRLS;
        CREATE TABLE public.audit_log (id bigint, what text);
        CREATE TABLE public.service_log (id bigint);
        CREATE FUNCTION public.copy_name() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            AS $$ BEGIN INSERT INTO public.audit_log (what) SELECT name FROM public.projects; RETURN NEW; END $$;
        CREATE FUNCTION public.invoker_copy() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN PERFORM 1 FROM public.projects; RETURN NEW; END $$;
        CREATE TRIGGER on_insert AFTER INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.copy_name();
        CREATE TRIGGER on_update AFTER UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.copy_name();
        CREATE TRIGGER on_delete AFTER DELETE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.copy_name();
        ALTER TABLE public.audit_log DISABLE TRIGGER on_delete;
        CREATE TRIGGER as_invoker AFTER INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.invoker_copy();
        CREATE TRIGGER for_service AFTER INSERT ON public.service_log FOR EACH ROW EXECUTE FUNCTION public.copy_name();
        GRANT SELECT, INSERT, DELETE ON public.audit_log TO app_user;
        GRANT INSERT, UPDATE ON public.service_log TO service_role;
        """

    @Test func aDefinerTriggerIsReportedWhereAWriterThatMattersFiresIt() throws {
        let fixture = try EngineFixture(tenancyFixture, schema: try Fixtures.exampleText("schema.sql") + Self.schema)
        fixture.prove()
        let schemaPath = fixture.file("schema.sql")
        let all = fixture.workspace.proofs.diagnostics
        let found = all.filter { $0.id == "sidechannel.definer-trigger" && $0.location.file == schemaPath }
        #expect(found.map { fixture.text(at: $0.location) } == ["on_insert"])
        let message = try #require(found.first?.message)
        #expect(message.contains("app_user may INSERT public.audit_log"), "\(message)")
        #expect(message.contains("fix: ALTER FUNCTION public.copy_name() SECURITY INVOKER;"), "\(message)")
        // A trigger function cannot be called directly: EXECUTE by PUBLIC is no finding of its own.
        #expect(all.filter { $0.id == "sidechannel.definer-function" }.isEmpty)
        let atPolicy = all.filter { $0.id == "sidechannel.definer-trigger" && $0.location.file == fixture.path }
        #expect(atPolicy.map(\.message).allSatisfy { $0.hasPrefix("policy tenant_isolation on public.projects is bypassed here") })
        #expect(!atPolicy.isEmpty)
    }
}
