import PolicySchema
import PolicySyntax
import TestSupport
import Testing

/// Hand-written migration DDL: the variants people write, and what must be skipped.
@Suite struct SchemaReaderDDLTests {
    private func table(
        _ model: SchemaModel, _ schema: String, _ name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> TableModel {
        try #require(
            model.table(QualifiedName(schema: schema, name: name)),
            "no table \(schema).\(name) in\n\(SchemaReaderHelpers.describe(model))",
            sourceLocation: sourceLocation)
    }

    private func columns(_ table: TableModel) -> [String] {
        table.columns.map { "\($0.name) \($0.type.name)\($0.notNull ? " not null" : "")" }
    }

    @Test func migrationVariants() throws {
        let sql = """
            -- migration 001
            CREATE SCHEMA IF NOT EXISTS billing;
            CREATE TABLE IF NOT EXISTS "Accounts" (
                "Id" bigint GENERATED ALWAYS AS IDENTITY,
                "DisplayName" text NOT NULL,
                Region TEXT,
                CONSTRAINT accounts_pk PRIMARY KEY ("Id")
            );
            CREATE TABLE IF NOT EXISTS "Accounts" (x int);
            -- A foreign key to a table created further down, over a composite key.
            CREATE TABLE billing.invoices (
                id serial PRIMARY KEY,
                account_id bigint NOT NULL,
                plan_code text,
                plan_version int,
                CONSTRAINT invoices_plan_fk FOREIGN KEY (plan_code, plan_version) REFERENCES billing.plans
            );
            CREATE TABLE billing.plans (
                code text,
                version int,
                name text,
                PRIMARY KEY (code, version)
            );
            ALTER TABLE ONLY IF EXISTS billing.invoices
                ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES public."Accounts"("Id") ON DELETE CASCADE;
            CREATE UNIQUE INDEX plans_name_idx ON billing.plans USING btree (name);
            CREATE UNIQUE INDEX ON billing.plans (lower(name));
            CREATE UNIQUE INDEX plans_partial ON billing.plans (version) WHERE name IS NOT NULL;
            CREATE INDEX invoices_account_idx ON billing.invoices (account_id);
            ALTER TABLE "Accounts" ADD COLUMN email text, ALTER COLUMN "DisplayName" DROP NOT NULL,
                ALTER COLUMN region SET NOT NULL;
            ALTER TABLE public."Accounts" OWNER TO app_owner;
            COMMENT ON TABLE "Accounts" IS 'Customer accounts. @pgpe:tags pii, billing';
            COMMENT ON TABLE billing.plans IS 'temporary';
            COMMENT ON TABLE billing.plans IS NULL;
            """
        let (model, diagnostics, file) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(model.tables.map(\.name.description) == ["billing.invoices", "billing.plans", "public.Accounts"])
        #expect(model.schemaNames == ["billing", "public"])

        let accounts = try table(model, "public", "Accounts")
        #expect(columns(accounts) == ["Id bigint not null", "DisplayName text", "region text not null", "email text"])
        #expect(accounts.primaryKey == ["Id"])
        #expect(accounts.owner == "app_owner")
        #expect(accounts.comment == "Customer accounts. @pgpe:tags pii, billing")
        #expect(accounts.tags == ["pii", "billing"])
        let accountsLocation = try #require(accounts.location)
        #expect(file.text(in: accountsLocation.range) == "\"Accounts\"")
        #expect(file.position(of: accountsLocation.range.start).line == 3)
        // A column added by ALTER TABLE is located there.
        let email = try #require(accounts.column("email")?.location)
        #expect(file.position(of: email.range.start).line == 30)

        let invoices = try table(model, "billing", "invoices")
        #expect(
            columns(invoices) == [
                "id integer not null", "account_id bigint not null", "plan_code text",
                "plan_version integer",
            ])
        #expect(invoices.primaryKey == ["id"])
        #expect(
            invoices.foreignKeys == [
                ForeignKeyModel(
                    name: "invoices_account_fk", columns: ["account_id"],
                    referencedTable: QualifiedName(schema: "public", name: "Accounts"), referencedColumns: ["Id"]),
                ForeignKeyModel(
                    name: "invoices_plan_fk", columns: ["plan_code", "plan_version"],
                    referencedTable: QualifiedName(schema: "billing", name: "plans"),
                    referencedColumns: ["code", "version"]),
            ])

        let plans = try table(model, "billing", "plans")
        #expect(columns(plans) == ["code text not null", "version integer not null", "name text"])
        #expect(plans.primaryKey == ["code", "version"])
        #expect(plans.uniqueKeys == [["name"]])
        #expect(plans.comment == nil)
        #expect(plans.isKey(["name"]))
    }

    @Test func commentsAndDollarBodiesAreNotStatements() throws {
        let sql = #"""
            /* header /* nested */ still a comment; CREATE TABLE fake1 (a int); */
            -- CREATE TABLE fake2 (a int);
            CREATE FUNCTION public.is_member(p_user uuid, p_tenant uuid) RETURNS boolean
                LANGUAGE plpgsql STABLE SECURITY DEFINER
                AS $body$
            BEGIN
              -- ; CREATE TABLE fake3 (x int);
              EXECUTE 'CREATE TABLE fake4 (x int);';
              RETURN EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = p_user AND m.tenant_id = p_tenant);
            END;
            $body$;
            CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE
                AS $$ SELECT current_setting('app.tenant_id', true)::uuid; $$;
            CREATE FUNCTION add_one(IN a integer, OUT b integer) LANGUAGE sql AS 'SELECT a + 1; -- CREATE TABLE fake5 (x int)';
            CREATE FUNCTION count_tags(VARIADIC tags text[], threshold int DEFAULT 3) RETURNS SETOF text
                LANGUAGE sql AS $f$ SELECT unnest(tags); $f$;
            CREATE FUNCTION f_atomic(a double precision, b character varying) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT 1;
              SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
            END;
            CREATE FUNCTION owner_only(p public.real_one) RETURNS TABLE (id int, note text)
                AS $$ SELECT 1, 'x' $$ LANGUAGE sql SECURITY DEFINER;
            CREATE TABLE real_one (
                id int PRIMARY KEY,
                note text DEFAULT 'a; CREATE TABLE fake6 (x int)',
                e text DEFAULT E'it\'s; \\ fine',
                d text DEFAULT $$x;y$$,
                "semi;colon" int
            );
            """#
        let (model, diagnostics, file) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(model.tables.map(\.name.description) == ["public.real_one"])
        let realOne = try table(model, "public", "real_one")
        #expect(realOne.columns.map(\.name) == ["id", "note", "e", "d", "semi;colon"])
        let signatures = model.functions.map { function in
            "\(function.name)(\(function.argumentTypes.map(\.name).joined(separator: ", "))) -> "
                + "\(function.returnType.name)\(function.securityDefiner ? " definer" : "")"
        }
        #expect(
            signatures == [
                "public.add_one(integer) -> integer",
                "public.app_current_tenant() -> uuid",
                "public.count_tags(text[], integer) -> setof text",
                "public.f_atomic(double precision, varchar) -> integer",
                "public.is_member(uuid, uuid) -> boolean definer",
                "public.owner_only(public.real_one) -> setof record definer",
            ])
        let isMember = try #require(model.functions.first { $0.name.name == "is_member" }?.location)
        #expect(file.text(in: isMember.range) == "public.is_member")
        #expect(file.position(of: isMember.range.start).line == 3)
    }

    @Test func rolesWithOptions() throws {
        let sql = """
            CREATE ROLE app_user WITH LOGIN PASSWORD 'secret; CREATE ROLE fake' CONNECTION LIMIT 10;
            CREATE ROLE admin SUPERUSER LOGIN;
            CREATE ROLE "Migrator" WITH NOLOGIN BYPASSRLS IN ROLE admin, app_user;
            CREATE USER reporter;
            CREATE USER etl WITH NOLOGIN;
            CREATE GROUP readers;
            ALTER ROLE reporter WITH BYPASSRLS;
            ALTER ROLE readers SET search_path = x;
            CREATE USER MAPPING FOR etl SERVER remote;
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(
            model.roles == [
                RoleModel(name: "Migrator", canLogin: false, isSuperuser: false, bypassesRLS: true, memberOf: ["admin", "app_user"]),
                RoleModel(name: "admin", canLogin: true, isSuperuser: true, bypassesRLS: false),
                RoleModel(name: "app_user", canLogin: true, isSuperuser: false, bypassesRLS: false),
                RoleModel(name: "etl", canLogin: false, isSuperuser: false, bypassesRLS: false),
                RoleModel(name: "readers", canLogin: false, isSuperuser: false, bypassesRLS: false),
                RoleModel(name: "reporter", canLogin: true, isSuperuser: false, bypassesRLS: true),
            ])
    }

    @Test func unknownStatementsAreSkippedWithoutDiagnostics() throws {
        let sql = #"""
            \restrict abc123
            SET statement_timeout = 0;
            SET client_encoding = 'UTF8';
            CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
            CREATE TABLE public.t (id int PRIMARY KEY, tenant_id uuid NOT NULL);
            CREATE VIEW v AS SELECT id FROM public.t;
            CREATE MATERIALIZED VIEW mv AS SELECT 1 WITH NO DATA;
            GRANT SELECT, INSERT ON public.t TO app_user;
            REVOKE ALL ON public.t FROM PUBLIC;
            CREATE POLICY p ON public.t FOR SELECT TO app_user USING (tenant_id = current_setting('app.tenant_id')::uuid);
            ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
            ALTER TABLE public.t FORCE ROW LEVEL SECURITY;
            ALTER TABLE public.t REPLICA IDENTITY FULL, CLUSTER ON t_pkey;
            DO $$ BEGIN RAISE NOTICE 'CREATE TABLE x (a int);'; END $$;
            COPY public.t (id, tenant_id) FROM stdin;
            1	'; CREATE TABLE fake (
            2	"unbalanced $$ /*
            \.
            INSERT INTO public.t VALUES (3, 'x');
            CREATE TABLE t2 AS SELECT * FROM public.t;
            CREATE TABLE t3 (a, b) AS VALUES (1, 2);
            CREATE TEMP TABLE scratch AS SELECT 1;
            CREATE SEQUENCE s;
            CREATE TRIGGER trg BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION f();
            CREATE RULE r AS ON INSERT TO public.t DO INSTEAD (INSERT INTO x VALUES (1); INSERT INTO y VALUES (2));
            CREATE INDEX t_tenant ON public.t (tenant_id);
            ALTER SEQUENCE s OWNED BY public.t.id;
            ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('s'::regclass);
            SELECT pg_catalog.setval('public.s', 1, false);
            BEGIN; COMMIT;
            \connect other
            VACUUM;
            \unrestrict abc123
            """#
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(model.tables.map(\.name.description) == ["public.t"])
        #expect(model.functions.isEmpty)
        let t = try table(model, "public", "t")
        #expect(columns(t) == ["id integer not null", "tenant_id uuid not null"])
    }

    @Test func searchPathDecidesUnqualifiedNames() throws {
        let sql = """
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.a (id int PRIMARY KEY);
            SET search_path = tenant_data, public;
            CREATE TABLE b (id int, a_id int REFERENCES a);
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            RESET search_path;
            CREATE TABLE c (id int);
            SET search_path TO "Other";
            CREATE TABLE d (x int);
            SELECT set_config('search_path', '"$user", "Mixed", lower', false);
            CREATE TABLE e (x int);
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(model.tables.map(\.name.description) == ["Mixed.e", "Other.d", "public.a", "public.c", "tenant_data.b"])
        let b = try table(model, "tenant_data", "b")
        #expect(
            b.foreignKeys == [
                ForeignKeyModel(
                    name: "b_a_id_fkey", columns: ["a_id"],
                    referencedTable: QualifiedName(schema: "public", name: "a"),
                    referencedColumns: ["id"])
            ])
        #expect(model.functions.map(\.name.description) == ["tenant_data.f"])
    }

    @Test func alterTableForms() throws {
        let sql = """
            CREATE TABLE parent (id int PRIMARY KEY, code text);
            CREATE TABLE child (id int, parent_id int REFERENCES parent, old_name text, gone int, tmp int);
            ALTER TABLE child ADD PRIMARY KEY (id);
            ALTER TABLE child RENAME COLUMN old_name TO new_name;
            ALTER TABLE child DROP COLUMN gone, DROP COLUMN IF EXISTS nothing;
            ALTER TABLE child ADD COLUMN IF NOT EXISTS tmp int;
            ALTER TABLE child ALTER COLUMN tmp TYPE bigint USING tmp::bigint;
            ALTER TABLE child ADD CONSTRAINT child_code_key UNIQUE (new_name);
            ALTER TABLE child ADD CONSTRAINT drop_me UNIQUE (tmp);
            ALTER TABLE child DROP CONSTRAINT drop_me;
            ALTER TABLE parent RENAME COLUMN id TO parent_key;
            ALTER TABLE parent RENAME TO ancestor;
            CREATE TABLE doomed (id int);
            DROP TABLE IF EXISTS doomed, never_existed CASCADE;
            CREATE TABLE moved (id int);
            ALTER TABLE moved SET SCHEMA archive;
            ALTER TABLE IF EXISTS later ADD COLUMN added_later text;
            CREATE TABLE later (id int);
            CREATE UNIQUE INDEX later_id_idx ON later (id);
            ALTER TABLE later ADD CONSTRAINT later_pkey PRIMARY KEY USING INDEX later_id_idx;
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(
            model.tables.map(\.name.description) == [
                "archive.moved", "public.ancestor", "public.child",
                "public.later",
            ])
        let child = try table(model, "public", "child")
        #expect(columns(child) == ["id integer not null", "parent_id integer", "new_name text", "tmp bigint"])
        #expect(child.primaryKey == ["id"])
        #expect(child.uniqueKeys == [["new_name"]])
        #expect(
            child.foreignKeys == [
                ForeignKeyModel(
                    name: "child_parent_id_fkey", columns: ["parent_id"],
                    referencedTable: QualifiedName(schema: "public", name: "ancestor"),
                    referencedColumns: ["parent_key"])
            ])
        let later = try table(model, "public", "later")
        #expect(columns(later) == ["id integer not null", "added_later text"])
        #expect(later.primaryKey == ["id"])
        #expect(later.uniqueKeys.isEmpty)
    }

    @Test func createOrReplaceReplacesTheSignature() throws {
        let sql = """
            CREATE FUNCTION is_member(p uuid) RETURNS boolean LANGUAGE sql AS 'SELECT true';
            CREATE FUNCTION is_member(p uuid, q uuid) RETURNS boolean LANGUAGE sql AS 'SELECT true';
            CREATE OR REPLACE FUNCTION public.is_member(who uuid) RETURNS boolean LANGUAGE sql SECURITY DEFINER
                AS 'SELECT false';
            """
        let (model, diagnostics, file) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty)
        #expect(
            model.functions.map { "\($0.argumentTypes.map(\.name)) \($0.securityDefiner)" }
                == ["[\"uuid\"] true", "[\"uuid\", \"uuid\"] false"])
        let replaced = try #require(model.functions.first?.location)
        #expect(file.position(of: replaced.range.start).line == 3)
    }

    @Test func inheritancePartitionsAndLike() throws {
        let sql = """
            CREATE TABLE base (id int PRIMARY KEY, tenant_id uuid NOT NULL);
            CREATE TABLE derived (extra text, tenant_id uuid) INHERITS (base);
            CREATE TABLE events (id int, at date NOT NULL, base_id int REFERENCES base, PRIMARY KEY (id, at))
                PARTITION BY RANGE (at);
            CREATE TABLE events_2024 PARTITION OF events (base_id WITH OPTIONS NOT NULL)
                FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE copy_of_base (LIKE base INCLUDING ALL, note text);
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(
            columns(try table(model, "public", "derived")) == [
                "id integer not null", "tenant_id uuid not null",
                "extra text",
            ])
        let partition = try table(model, "public", "events_2024")
        #expect(columns(partition) == ["id integer not null", "at date not null", "base_id integer not null"])
        #expect(partition.primaryKey == ["id", "at"])
        #expect(partition.foreignKeys.map(\.name) == ["events_base_id_fkey"])
        #expect(
            columns(try table(model, "public", "copy_of_base")) == [
                "id integer not null",
                "tenant_id uuid not null", "note text",
            ])
        // Only INHERITS makes a table's keys not identify its rows (partitions share the parent's key).
        #expect(try table(model, "public", "base").hasInheritanceChildren)
        #expect(try !table(model, "public", "base").isKey(["id"]))
        for name in ["derived", "events", "events_2024", "copy_of_base"] {
            #expect(try !table(model, "public", name).hasInheritanceChildren, "\(name)")
        }
    }

    @Test func malformedStatementsGiveOneDiagnosticEach() throws {
        let source = MarkedSource(
            """
            CREATE TABLE ok (id int PRIMARY KEY);
            CREATE TABLE broken (
                id uuid 1️⃣PRIMAY KEY,
                2️⃣,
                name text
            );
            CREATE TABLE3️⃣;
            CREATE TABLE fk (a int, b int, FOREIGN KEY (a, b) 4️⃣REFERENCES ok);
            CREATE TABLE 5️⃣ok (x int);
            COMMENT ON TABLE ok 6️⃣'x';
            CREATE TABLE dup (a int, 7️⃣a text);
            CREATE TABLE open (a int8️⃣
            """)
        let (model, diagnostics, _) = SchemaReaderHelpers.read(source.text)
        let found = diagnostics.map { "\($0.id)@\($0.range.start)" }
        #expect(
            found == [
                "schema.unexpected-token@\(source["1️⃣"])",
                "schema.expected@\(source["2️⃣"])",
                "schema.expected@\(source["3️⃣"])",
                "schema.foreign-key-columns@\(source["4️⃣"])",
                "schema.duplicate-table@\(source["5️⃣"])",
                "schema.expected@\(source["6️⃣"])",
                "schema.duplicate-column@\(source["7️⃣"])",
                "schema.expected@\(source["8️⃣"])",
            ], "\(diagnostics.map(\.message))")
        #expect(diagnostics.map(\.severity) == [.warning, .error, .error, .error, .warning, .error, .error, .error])
        let messages = diagnostics.map(\.message)
        #expect(messages[0] == "unexpected 'PRIMAY' in column 'id' of table public.broken; the rest of it is ignored")
        #expect(
            messages[3] == "foreign key (a, b) of table public.fk references the primary key of public.ok, "
                + "which has 1 column; expected 2")
        // The statements around the mistakes still count.
        let broken = try table(model, "public", "broken")
        #expect(columns(broken) == ["id uuid", "name text"])
        #expect(columns(try table(model, "public", "open")) == ["a integer"])
        #expect(columns(try table(model, "public", "ok")) == ["id integer not null"])
    }

    @Test func unterminatedLiteralsAreReported() throws {
        for (sql, id) in [
            ("CREATE TABLE a (id int);\nCOMMENT ON TABLE a IS 'never closed;\nCREATE TABLE b (id int);", "schema.unterminated"),
            ("CREATE TABLE a (id int);\n/* never closed", "schema.unterminated"),
            ("CREATE TABLE a (id int);\nCREATE TABLE \"b (id int);", "schema.unterminated"),
            ("CREATE TABLE a (id int);\nDO $tag$ BEGIN END $$;", "schema.unterminated"),
        ] {
            let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
            #expect(diagnostics.map(\.id) == [id], "\(sql)")
            #expect(diagnostics.first?.severity == .error)
            #expect(diagnostics.first.map { $0.range.start > 0 } == true)
            #expect(model.table(QualifiedName(schema: "public", name: "a")) != nil)
        }
    }

    @Test func defaultConstraintNamesFollowPostgreSQL() throws {
        let long = String(repeating: "t", count: 40)
        let sql = """
            CREATE TABLE p (id int PRIMARY KEY);
            CREATE TABLE \(long) (\(String(repeating: "c", count: 40)) int REFERENCES p, b int REFERENCES p (id));
            """
        let (model, diagnostics, _) = SchemaReaderHelpers.read(sql)
        #expect(diagnostics.isEmpty)
        let names = try table(model, "public", long).foreignKeys.compactMap(\.name)
        // 63 bytes at most; the longer part is shortened first (PostgreSQL's makeObjectName).
        #expect(
            names == [
                String(repeating: "t", count: 29) + "_" + String(repeating: "c", count: 28) + "_fkey",
                "\(long)_b_fkey",
            ])
        #expect(names.allSatisfy { $0.utf8.count <= 63 })
    }
}
