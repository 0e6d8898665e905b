import PolicySchema
import PolicySyntax
import Testing

/// Triggers in the schema model (SPEC 11.11): read from SQL (`CREATE [OR REPLACE] [CONSTRAINT]
/// TRIGGER`, `DROP TRIGGER`, `ALTER TABLE ... ENABLE/DISABLE TRIGGER`) and carried by snapshots,
/// with the table privileges that say who may fire them.
@Suite struct SchemaReaderTriggerTests {
    private func name(_ text: String) -> QualifiedName {
        let parts = text.split(separator: ".").map(String.init)
        return QualifiedName(schema: parts[0], name: parts[1])
    }

    private static let schema = """
        CREATE SCHEMA app;
        CREATE TABLE docs (id int, tenant_id text, title text);
        CREATE TABLE comments (id int, doc_id int, body text);
        CREATE VIEW doc_list AS SELECT id FROM docs;
        CREATE FUNCTION app.copy_title() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
            AS $$ BEGIN NEW.body := (SELECT title FROM public.docs WHERE id = NEW.doc_id); RETURN NEW; END $$;
        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        SET search_path = app, public;
        CREATE TRIGGER copy_title BEFORE INSERT OR UPDATE OF doc_id ON public.comments
            FOR EACH ROW WHEN (NEW.doc_id IS NOT NULL) EXECUTE FUNCTION copy_title();
        RESET search_path;
        CREATE CONSTRAINT TRIGGER audit AFTER DELETE ON comments DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE PROCEDURE stamp('x', 1);
        CREATE TRIGGER list_insert INSTEAD OF INSERT ON doc_list FOR EACH ROW EXECUTE FUNCTION stamp();
        CREATE TRIGGER wipe AFTER TRUNCATE ON docs EXECUTE FUNCTION stamp();
        CREATE TRIGGER gone AFTER INSERT ON docs FOR EACH ROW EXECUTE FUNCTION stamp();
        DROP TRIGGER IF EXISTS gone ON docs;
        DROP TRIGGER IF EXISTS never ON docs;
        CREATE OR REPLACE TRIGGER wipe AFTER TRUNCATE OR DELETE ON docs EXECUTE FUNCTION stamp();
        ALTER TABLE docs DISABLE TRIGGER wipe;
        ALTER TABLE comments ENABLE REPLICA TRIGGER audit;
        ALTER TABLE comments RENAME TO notes;
        CREATE TRIGGER later BEFORE UPDATE ON later_table FOR EACH ROW EXECUTE FUNCTION stamp();
        CREATE TABLE later_table (id int);
        GRANT SELECT, INSERT ON notes TO app_user;
        GRANT UPDATE ON notes TO PUBLIC;
        REVOKE INSERT ON notes FROM app_user;
        """

    @Test func triggersFromSQL() throws {
        let (model, diagnostics, file) = SchemaReaderHelpers.read(Self.schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let triggers = model.triggers.map {
            "\($0.table) \($0.name) \($0.timing) \($0.events.map(\.rawValue)) \($0.function) \($0.isEnabled)"
        }
        #expect(
            triggers == [
                "public.doc_list list_insert INSTEAD OF [\"INSERT\"] public.stamp true",
                "public.docs wipe AFTER [\"DELETE\", \"TRUNCATE\"] public.stamp false",
                "public.later_table later BEFORE [\"UPDATE\"] public.stamp true",
                "public.notes audit AFTER [\"DELETE\"] public.stamp false",
                "public.notes copy_title BEFORE [\"INSERT\", \"UPDATE\"] app.copy_title true",
            ])
        let notes = try #require(model.table(name("public.notes")))
        #expect(notes.privileges == ["app_user": ["SELECT"], "public": ["UPDATE"]])
        #expect(notes.grants("UPDATE", to: "public") && !notes.grants("INSERT", to: "app_user"))
        #expect(notes.grants("SELECT", to: "app_user"))
        let copy = try #require(model.triggers.first { $0.name == "copy_title" })
        #expect(copy.location.map { file.text(in: $0.range) } == "copy_title")
    }

    @Test func alterFunctionSecurity() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN NEW; END $$;
            CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';
            ALTER FUNCTION f() SECURITY INVOKER;
            ALTER FUNCTION public.g() OWNER TO someone;
            ALTER FUNCTION g() EXTERNAL SECURITY DEFINER;
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(
            model.functions.map { "\($0.name) \($0.securityDefiner) \($0.owner ?? "-")" } == [
                "public.f false -", "public.g true someone",
            ])
    }

    /// A snapshot carries the triggers and table privileges; one written before them reads with none,
    /// and each grantee of such a table is taken to hold every privilege.
    @Test func snapshotsCarryTriggers() throws {
        let (model, _, _) = SchemaReaderHelpers.read(Self.schema)
        let encoded = SchemaSnapshot.encode(model)
        #expect(encoded.contains("\"triggers\"") && encoded.contains("\"privileges\""))
        let (decoded, diagnostics) = SchemaSnapshot.decode(text: encoded, path: "snap.json")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        func unlocated(_ trigger: TriggerModel) -> TriggerModel {
            var copy = trigger
            copy.location = nil
            return copy
        }
        #expect(decoded.triggers.map(unlocated) == model.triggers.map(unlocated))
        #expect(decoded.table(name("public.notes"))?.privileges == model.table(name("public.notes"))?.privileges)
        #expect(SchemaSnapshot.encode(decoded) == encoded)
        let old = """
            {"format": "pgpe-snapshot", "version": 1,
             "tables": [{"schema": "public", "name": "t", "columns": [], "grantees": ["app_user"]}]}
            """
        let (oldModel, oldDiagnostics) = SchemaSnapshot.decode(text: old, path: "old.json")
        #expect(oldDiagnostics.isEmpty, "\(oldDiagnostics)")
        #expect(oldModel.triggers.isEmpty)
        #expect(oldModel.table(name("public.t"))?.grants("DELETE", to: "app_user") == true)
        let bad = """
            {"format": "pgpe-snapshot", "version": 1, "tables": [],
             "triggers": [{"schema": "public", "table": "t", "name": "x", "events": ["SELECT"], "function": ["public", "f"]},
                          {"schema": "public", "table": "t", "name": "y", "events": ["INSERT"], "function": ["public"]}]}
            """
        let (_, badDiagnostics) = SchemaSnapshot.decode(text: bad, path: "bad.json")
        #expect(badDiagnostics.count == 2, "\(badDiagnostics)")
    }
}
