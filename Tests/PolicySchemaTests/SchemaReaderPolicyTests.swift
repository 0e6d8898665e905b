import PolicySchema
import PolicySyntax
import Testing

/// The live state the SQL reader reads for `pgpe import` (SPEC 11.6): policies created, altered
/// and dropped, RLS switches and table grants, over several files read as one history.
@Suite struct SchemaReaderPolicyTests {
    static func read(_ files: [(String, String)]) -> (SchemaSnapshot, [Diagnostic]) {
        SQLSchemaReader.readSnapshot(files: files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    @Test func policiesSwitchesAndGrantsFollowTheHistory() {
        let (snapshot, diagnostics) = Self.read([
            (
                "1.sql",
                """
                SET search_path = app;
                CREATE SCHEMA app;
                CREATE TABLE app.items (id integer, owner text);
                CREATE TABLE public.items (id integer);
                CREATE SEQUENCE app.s;
                ALTER TABLE items ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
                CREATE POLICY "Own Rows" ON items AS RESTRICTIVE FOR UPDATE TO alice, bob
                  USING (owner = current_user) WITH CHECK (owner = current_user);
                CREATE POLICY gone ON items USING (true);
                GRANT ALL ON TABLE items TO alice;
                GRANT SELECT (id), UPDATE ON items TO PUBLIC;
                GRANT USAGE ON SEQUENCE app.s TO alice;
                """
            ),
            (
                "2.sql",
                """
                -- the search path is reset between files: items is public.items here
                ALTER TABLE items ENABLE ROW LEVEL SECURITY;
                ALTER POLICY "Own Rows" ON app.items RENAME TO own_rows;
                ALTER POLICY own_rows ON app.items TO public USING (owner = 'x');
                DROP POLICY gone ON app.items;
                ALTER TABLE ONLY app.items NO FORCE ROW LEVEL SECURITY;
                REVOKE TRUNCATE, REFERENCES, TRIGGER ON app.items FROM alice;
                COMMENT ON POLICY own_rows ON app.items IS 'kept';
                """
            ),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let app = QualifiedName(schema: "app", name: "items")
        let publicItems = QualifiedName(schema: "public", name: "items")
        #expect(snapshot.tableStates[app] == SnapshotTableState(rlsEnabled: true, rlsForced: false))
        #expect(snapshot.tableStates[publicItems] == SnapshotTableState(rlsEnabled: true, rlsForced: false))
        #expect(
            snapshot.policies == [
                SnapshotPolicy(
                    schema: "app", table: "items", name: "own_rows", permissive: false, roles: ["public"], command: "UPDATE",
                    qual: "(owner = 'x')", withCheck: "(owner = current_user)")
            ])
        let grants = snapshot.grants.map { "\($0.table) \($0.grantee) \($0.privilege)" }
        #expect(grants == ["items PUBLIC UPDATE", "items alice DELETE", "items alice INSERT", "items alice SELECT", "items alice UPDATE"])
    }

    @Test func mistakesAreLocatedInTheirOwnFile() {
        let second = "\nCREATE POLICY p ON t FOR EVERYTHING USING (true);\nDROP POLICY q ON t;\nCREATE POLICY r ON t USING (true) TO x;\n"
        let (snapshot, diagnostics) = Self.read([("a.sql", "CREATE TABLE t (id integer);\n"), ("b.sql", second)])
        let file = SourceFile(path: "b.sql", text: second)
        let found = diagnostics.map { diagnostic -> String in
            let at = file.position(of: diagnostic.range.start)
            return "\(diagnostic.location.file):\(at.line):\(at.column) \(diagnostic.id)"
        }
        #expect(found == ["b.sql:2:26 schema.expected", "b.sql:3:13 schema.unknown-object", "b.sql:4:35 schema.expected"])
        #expect(snapshot.policies.isEmpty)
    }
}
