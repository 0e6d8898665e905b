import PolicyDatabase
import PolicySchema
import PolicySyntax
import TestSupport
import Testing

/// Triggers from the live catalog (`pg_trigger`, read by the functions query: no query more)
/// equal the SQL reader's for the same SQL: table or view, timing, events, function, and whether
/// they fire in ordinary sessions (`tgenabled`); and tables' privileges by grantee.
@Suite struct TriggerIntrospectionTests {
    static let sql = """
        CREATE SCHEMA app;
        CREATE TABLE public.docs (id int PRIMARY KEY, tenant_id text, title text);
        CREATE TABLE public.comments (id int, doc_id int REFERENCES public.docs (id), body text);
        CREATE VIEW public.doc_list AS SELECT id FROM public.docs;
        CREATE FUNCTION app.copy_title() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            AS $$ BEGIN NEW.body := (SELECT title FROM public.docs WHERE id = NEW.doc_id); RETURN NEW; END $$;
        CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER copy_title BEFORE INSERT OR UPDATE OF doc_id ON public.comments
            FOR EACH ROW WHEN (NEW.doc_id IS NOT NULL) EXECUTE FUNCTION app.copy_title();
        CREATE CONSTRAINT TRIGGER audit AFTER DELETE ON public.comments DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE PROCEDURE public.stamp('x', 1);
        CREATE TRIGGER list_insert INSTEAD OF INSERT ON public.doc_list FOR EACH ROW EXECUTE FUNCTION public.stamp();
        CREATE TRIGGER wipe AFTER TRUNCATE ON public.docs EXECUTE FUNCTION public.stamp();
        CREATE TRIGGER always_on AFTER UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.stamp();
        CREATE TRIGGER gone AFTER INSERT ON public.docs FOR EACH ROW EXECUTE FUNCTION public.stamp();
        DROP TRIGGER gone ON public.docs;
        CREATE OR REPLACE TRIGGER wipe AFTER TRUNCATE OR DELETE ON public.docs EXECUTE FUNCTION public.stamp();
        ALTER TABLE public.docs DISABLE TRIGGER wipe;
        ALTER TABLE public.docs ENABLE ALWAYS TRIGGER always_on;
        ALTER TABLE public.comments ENABLE REPLICA TRIGGER audit;
        CREATE TABLE public.events (tenant_id text, id int) PARTITION BY LIST (tenant_id);
        CREATE TABLE public.events_a PARTITION OF public.events FOR VALUES IN ('a');
        CREATE TRIGGER on_event AFTER INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION public.stamp();
        GRANT SELECT, INSERT, UPDATE ON public.comments TO PUBLIC;
        REVOKE UPDATE ON public.comments FROM PUBLIC;
        """

    @Test func triggersFromTheCatalogEqualTheSQLReaders() async throws {
        try await withTestDatabase { database in
            try database.connection.execute(Self.sql)
            let catalog = try LiveDatabase.testing(database).introspect()
            let (expected, diagnostics) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: Self.sql))
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            func unlocated(_ model: SchemaModel) -> [TriggerModel] {
                model.triggers.map {
                    var copy = $0
                    copy.location = nil
                    return copy
                }
            }
            // Not the clone of on_event on the partition events_a.
            #expect(unlocated(catalog.model).count == 6)
            #expect(unlocated(catalog.model) == unlocated(expected))
            let comments = QualifiedName(schema: "public", name: "comments")
            #expect(catalog.table(comments)?.privileges == ["public": ["INSERT", "SELECT"]])
            #expect(catalog.table(comments)?.privileges == expected.table(comments)?.privileges)
            #expect(catalog.queryCount == 9)
        }
    }
}
