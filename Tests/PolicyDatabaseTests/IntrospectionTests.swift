import PolicyDatabase
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Introspection: the live catalog gives the same model the SQL reader gives for the same SQL,
/// plus the live state, in a number of queries that does not grow with the schema.
@Suite struct IntrospectionTests {
    /// Schema SQL with the types, keys and functions the SQL reader and the catalog must agree on.
    static let typesSQL = """
        CREATE TYPE public.mood AS ENUM ('happy', 'sad');
        CREATE DOMAIN public.short_text AS varchar(20);
        CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);
        CREATE SCHEMA "Other Schema";
        CREATE SCHEMA empty_schema;
        CREATE TABLE public.tenants (id uuid PRIMARY KEY, name text NOT NULL UNIQUE);
        CREATE TABLE "Other Schema"."Mixed Case" (
            "Id" bigint PRIMARY KEY,
            tenant_id uuid NOT NULL REFERENCES public.tenants (id),
            feeling public.mood,
            feelings public.mood[],
            label public.short_text,
            amount public.positive,
            price numeric(10,2),
            ratio double precision,
            code "char",
            nick varchar(40),
            seen timestamptz,
            born date,
            at timestamp,
            doc jsonb,
            flags boolean[],
            counts integer[],
            blob bytea,
            UNIQUE (tenant_id, nick)
        );
        CREATE TABLE public.pairs (
            a integer, b integer, c text,
            PRIMARY KEY (b, a),
            FOREIGN KEY (c) REFERENCES public.tenants (name)
        );
        COMMENT ON TABLE public.pairs IS 'pairs of things @pgpe:tags pii, billing';
        CREATE INDEX pairs_c_lower ON public.pairs (lower(c), a) WHERE c IS NOT NULL;
        CREATE UNIQUE INDEX tenants_name_upper ON public.tenants USING btree (upper(name));
        CREATE UNIQUE INDEX tenants_name_id ON ONLY public.tenants (name, id);
        CREATE INDEX mixed_tenant ON "Other Schema"."Mixed Case" USING hash (tenant_id);
        CREATE INDEX IF NOT EXISTS mixed_covering ON "Other Schema"."Mixed Case" (nick DESC NULLS LAST) INCLUDE (seen);
        CREATE INDEX ON public.pairs (c);
        CREATE INDEX dropped ON public.pairs (a);
        DROP INDEX IF EXISTS public.dropped;
        CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT true $$;
        CREATE FUNCTION public.tenant_ids() RETURNS SETOF uuid LANGUAGE sql AS $$ SELECT id FROM public.tenants $$;
        CREATE FUNCTION public.split(x text, OUT head text, OUT tail text) LANGUAGE sql AS $$ SELECT x, x $$;
        CREATE FUNCTION public.total(VARIADIC xs integer[]) RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$;
        CREATE FUNCTION "Other Schema".feel(public.mood) RETURNS public.mood LANGUAGE sql AS $$ SELECT $1 $$;
        """

    /// Tables, columns, types, keys, comments, tags and functions equal the SQL reader's.
    @Test func theCatalogAgreesWithTheSQLReader() async throws {
        for sql in [Self.typesSQL, try Fixtures.exampleText("schema.sql")] {
            try await withTestDatabase { database in
                try database.connection.execute(sql)
                let catalog = try LiveDatabase.testing(database).introspect()
                let (expected, diagnostics) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: sql))
                #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
                #expect(catalog.model.tables.map(\.name) == expected.tables.map(\.name))
                for table in expected.tables {
                    let live = try #require(catalog.table(table.name))
                    #expect(live.columns.map(\.name) == table.columns.map(\.name))
                    for (column, liveColumn) in zip(table.columns, live.columns) {
                        #expect(liveColumn.type == column.type, "\(table.name).\(column.name)")
                        #expect(liveColumn.notNull == column.notNull, "\(table.name).\(column.name)")
                    }
                    #expect(live.primaryKey == table.primaryKey, "\(table.name)")
                    #expect(Set(live.uniqueKeys) == Set(table.uniqueKeys), "\(table.name)")
                    #expect(live.indexes == table.indexes, "\(table.name)")
                    #expect(
                        live.foreignKeys.map { "\($0.name ?? "") \($0.columns) \($0.referencedTable) \($0.referencedColumns)" }.sorted()
                            == table.foreignKeys.map { "\($0.name ?? "") \($0.columns) \($0.referencedTable) \($0.referencedColumns)" }
                            .sorted(),
                        "\(table.name)")
                    #expect(live.comment == table.comment)
                    #expect(live.tags == table.tags)
                    #expect(live.owner == database.server.user)
                }
                let functions = { (model: SchemaModel) in
                    model.functions.map { "\($0.name) \($0.argumentTypes) -> \($0.returnType) \($0.securityDefiner)" }.sorted()
                }
                #expect(functions(catalog.model) == functions(expected))
                #expect(Set(expected.schemaNames).isSubset(of: Set(catalog.model.schemaNames)))
                if let mixed = catalog.table(QualifiedName(schema: "Other Schema", name: "Mixed Case")) {
                    #expect(mixed.columns.count == 17)
                    #expect(mixed.column("feeling")?.type == SQLType(name: "public.mood", family: .text))
                    #expect(mixed.column("feelings")?.type == SQLType(name: "public.mood[]", family: .array))
                    #expect(mixed.column("label")?.type == SQLType(name: "public.short_text", family: .text))
                    #expect(mixed.column("amount")?.type == SQLType(name: "public.positive", family: .integer))
                    #expect(mixed.column("nick")?.type == SQLType(name: "varchar", family: .text))
                    #expect(mixed.uniqueKeys == [["tenant_id", "nick"]])
                    #expect(
                        mixed.indexes == [
                            IndexModel(name: "mixed_covering", columns: ["nick"]),
                            IndexModel(name: "mixed_tenant", columns: ["tenant_id"], method: "hash"),
                        ])
                    let pairs = try #require(catalog.table(QualifiedName(schema: "public", name: "pairs")))
                    #expect(
                        pairs.indexes == [
                            IndexModel(name: "pairs_c_idx", columns: ["c"]),
                            IndexModel(name: "pairs_c_lower", columns: [nil, "a"], isPartial: true),
                        ])
                    #expect(!pairs.hasIndex(leadingWith: "a") && pairs.hasIndex(leadingWith: "b") && pairs.hasIndex(leadingWith: "c"))
                    #expect(catalog.model.functions.count == 5)
                } else {
                    #expect(catalog.model.tables.count == 7)
                }
            }
        }
    }

    /// A membership lets a member act as the role unless, on PostgreSQL 16 and later, it was
    /// granted `WITH INHERIT FALSE, SET FALSE` and without ADMIN OPTION (the member can neither use
    /// the role's privileges nor SET ROLE to it). Before 16 every membership allows SET ROLE.
    @Test func membershipOptionsDecideWhetherAMemberCanActAsTheRole() async throws {
        try await withTestDatabase { database in
            let owner = try database.createRole(login: false)
            let inherits = try database.createRole(login: true)
            let sets = try database.createRole(login: true)
            let neither = try database.createRole(login: true)
            let admin = try database.createRole(login: true)
            let viaNeither = try database.createRole(login: true)
            let options = database.connection.serverVersion >= 160000
            try database.connection.execute(
                options
                    ? """
                    GRANT \(owner) TO \(inherits) WITH INHERIT TRUE, SET FALSE;
                    GRANT \(owner) TO \(sets) WITH INHERIT FALSE, SET TRUE;
                    GRANT \(owner) TO \(neither) WITH INHERIT FALSE, SET FALSE;
                    GRANT \(owner) TO \(admin) WITH ADMIN TRUE, INHERIT FALSE, SET FALSE;
                    GRANT \(neither) TO \(viaNeither);
                    """
                    : """
                    GRANT \(owner) TO \(inherits), \(sets), \(neither);
                    GRANT \(owner) TO \(admin) WITH ADMIN OPTION;
                    GRANT \(neither) TO \(viaNeither);
                    """)
            let catalog = try LiveDatabase.testing(database).introspect()
            #expect(catalog.canActAs(inherits, role: owner))
            #expect(catalog.canActAs(sets, role: owner))
            #expect(catalog.canActAs(admin, role: owner))
            #expect(catalog.canActAs(neither, role: owner) == !options)
            #expect(catalog.canActAs(viaNeither, role: owner) == !options)
            #expect(catalog.canActAs(viaNeither, role: neither))
        }
    }

    /// RLS switches, policies, grants, roles and memberships are read.
    @Test func liveStateIsRead() async throws {
        try await withTestDatabase { database in
            let role = try database.createRole(login: true, attributes: "BYPASSRLS")
            let group = try database.createRole(login: false)
            try database.connection.execute(
                """
                \(Self.typesSQL)
                GRANT \(group) TO \(role);
                ALTER TABLE public.pairs ENABLE ROW LEVEL SECURITY;
                ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;
                ALTER TABLE public.tenants FORCE ROW LEVEL SECURITY;
                CREATE POLICY p1 ON public.pairs AS RESTRICTIVE FOR UPDATE TO \(role), \(group) USING (a > 0) WITH CHECK (b > 0);
                GRANT SELECT, INSERT ON public.pairs TO \(role);
                GRANT SELECT ON public.pairs TO PUBLIC;
                """)
            let catalog = try LiveDatabase.testing(database).introspect()
            let pairs = QualifiedName(schema: "public", name: "pairs")
            let tenants = QualifiedName(schema: "public", name: "tenants")
            #expect(catalog.state(of: pairs) == SnapshotTableState(rlsEnabled: true, rlsForced: false))
            #expect(catalog.state(of: tenants) == SnapshotTableState(rlsEnabled: true, rlsForced: true))
            #expect(
                catalog.policies(on: pairs) == [
                    SnapshotPolicy(
                        schema: "public", table: "pairs", name: "p1", permissive: false, roles: [role, group].sorted(),
                        command: "UPDATE", qual: "(a > 0)", withCheck: "(b > 0)")
                ])
            #expect(
                catalog.grants(on: pairs).map { "\($0.grantee) \($0.privilege)" }
                    == ["PUBLIC SELECT", "\(role) INSERT", "\(role) SELECT"])
            #expect(catalog.grants(on: tenants).isEmpty)
            #expect(catalog.role(role) == RoleModel(name: role, canLogin: true, isSuperuser: false, bypassesRLS: true, memberOf: [group]))
            #expect(catalog.role(group)?.canLogin == false)
            #expect(catalog.role(database.server.user)?.isSuperuser == true)
            #expect(!catalog.model.roles.contains { $0.name.hasPrefix("pg_") })
            #expect(catalog.canActAs(role, role: group))
            #expect(!catalog.canActAs(group, role: role))
            #expect(catalog.model.schemaNames.contains("empty_schema"))
            #expect(catalog.table(pairs)?.tags == ["pii", "billing"])
        }
    }

    /// The snapshot written from a catalog reads back to the same document.
    @Test func theSnapshotRoundTrips() async throws {
        try await withTestDatabase { database in
            try database.connection.execute(
                Self.typesSQL + "\nALTER TABLE public.pairs ENABLE ROW LEVEL SECURITY;\nCREATE POLICY p ON public.pairs USING (a = 1);")
            let catalog = try LiveDatabase.testing(database).introspect()
            let text = catalog.snapshot.encode()
            let (read, diagnostics) = SchemaSnapshot.read(text: text, path: "snapshot.json")
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
            #expect(read.encode() == text)
            #expect(read.policies == catalog.snapshot.policies)
            #expect(read.model.tables.map(\.columns.count) == catalog.model.tables.map(\.columns.count))
            #expect(text.contains("\"public.mood\""))
        }
    }

    /// Introspection and a whole monitor check issue the same number of statements for 2 tables
    /// and for 80 tables with policies, grants, keys and indexes; monitor stays within 12.
    @Test func theNumberOfQueriesDoesNotGrowWithTheSchema() async throws {
        try await withTestDatabase { database in
            let example = try PolicyWorkspace.example()
            try database.connection.execute(
                "CREATE TABLE public.a (id int PRIMARY KEY); CREATE TABLE public.b (id int REFERENCES public.a)")
            let live = try LiveDatabase.testing(database)
            let before = live.connection.queryCount
            let small = try live.introspect()
            let smallCount = live.connection.queryCount - before
            #expect(small.queryCount == 9)
            #expect(smallCount == 11)

            try example.load(into: database)
            var sql = ""
            for index in 0..<80 {
                sql += """
                    CREATE TABLE public.t\(index) (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES public.tenants (id), note text UNIQUE);
                    COMMENT ON TABLE public.t\(index) IS 'generated @pgpe:tags x';
                    GRANT SELECT ON public.t\(index) TO PUBLIC;
                    CREATE INDEX ON public.t\(index) (tenant_id);

                    """
            }
            try database.connection.execute(sql)
            try live.apply(example)
            let start = live.connection.queryCount
            let large = try live.introspect()
            #expect(live.connection.queryCount - start == smallCount)
            #expect(large.model.tables.count == 2 + 7 + 80)
            let assessment = try live.assess(example)
            #expect(assessment.drift.isEmpty)
            #expect(assessment.queryCount == 12)
            #expect(assessment.program.tables.count == 85)
        }
    }
}
