import Foundation
import PolicySchema
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// Real `pg_dump --schema-only` output, produced from the test PostgreSQL, reads into the same
/// model as the SQL it was built from.
@Suite struct SchemaReaderDumpTests {
    /// A richer hand-written schema: schemas, quoted and mixed-case names, enums, a domain, an
    /// extension type, identity and serial columns, composite keys, unique constraints and
    /// indexes, inheritance, partitions, generated columns and functions.
    static let richSchema = #"""
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE SCHEMA app;
        CREATE SCHEMA "Sales";
        CREATE TYPE app.mood AS ENUM ('happy', 'sad');
        CREATE TYPE public."Status" AS ENUM ('on', 'off');
        CREATE DOMAIN app.email AS citext CHECK (VALUE LIKE '%@%');
        CREATE TABLE app."Accounts" (
            "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            "displayName" character varying(255) NOT NULL,
            created timestamp(3) with time zone DEFAULT now() NOT NULL,
            score double precision,
            ratio float(10),
            tags text[] DEFAULT '{}'::text[],
            nums integer ARRAY,
            span interval day to second,
            nick public.citext,
            mood app.mood,
            email app.email,
            status "Status",
            amount numeric(12, 2) CHECK (amount >= 0),
            "order" int
        );
        CREATE TABLE app.memberships (
            account_id bigint NOT NULL REFERENCES app."Accounts",
            org_id uuid NOT NULL,
            role text NOT NULL DEFAULT 'member',
            PRIMARY KEY (account_id, org_id)
        );
        CREATE TABLE app.grants (
            id serial PRIMARY KEY,
            account_id bigint,
            org_id uuid,
            code text UNIQUE NULLS NOT DISTINCT,
            CONSTRAINT grants_membership_fk FOREIGN KEY (account_id, org_id)
                REFERENCES app.memberships (account_id, org_id) ON DELETE CASCADE
        );
        CREATE TABLE "Sales"."odd.name with space" (
            "Key" text,
            "Value" text,
            UNIQUE ("Key", "Value")
        );
        CREATE UNIQUE INDEX accounts_name_idx ON app."Accounts" ("displayName");
        CREATE UNIQUE INDEX accounts_lower_idx ON app."Accounts" (lower("displayName"));
        CREATE UNIQUE INDEX grants_partial_idx ON app.grants (account_id) WHERE org_id IS NULL;
        CREATE TABLE app.parent (id int PRIMARY KEY, tenant uuid NOT NULL);
        CREATE TABLE app.child (extra int) INHERITS (app.parent);
        CREATE TABLE app.events (
            id int,
            at date NOT NULL,
            account_id bigint REFERENCES app."Accounts",
            doubled int GENERATED ALWAYS AS (id * 2) STORED,
            PRIMARY KEY (id, at)
        ) PARTITION BY RANGE (at);
        CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE FUNCTION app.is_member(p_account bigint, p_org uuid DEFAULT NULL) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER
            AS $$ SELECT EXISTS (SELECT 1 FROM app.memberships m WHERE m.account_id = p_account AND m.org_id = p_org); $$;
        CREATE FUNCTION app.plus_one(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a + 1; END;
        CREATE FUNCTION app.account_ids(VARIADIC ids bigint[]) RETURNS SETOF bigint LANGUAGE sql
            AS 'SELECT unnest(ids)';
        CREATE FUNCTION app.split(IN whole text, OUT head text, OUT tail text) LANGUAGE sql
            AS $f$ SELECT split_part(whole, ' ', 1), split_part(whole, ' ', 2) $f$;
        COMMENT ON TABLE app."Accounts" IS E'Customer accounts.\n@pgpe:tags pii, billing';
        COMMENT ON TABLE app.memberships IS 'who belongs where; @pgpe:tags tenancy';
        """#

    private func compareWithDump(of sql: String, path: String) throws {
        let server = try #require(SchemaReaderPostgres.fromEnvironment(), Comment(rawValue: SchemaReaderPostgres.missingServerMessage))
        let dump = try server.dumpSchema(loading: sql)
        // Make sure this is pg_dump's style and not an echo of the input.
        #expect(dump.contains("set_config('search_path', '', false)"))
        #expect(dump.contains("ALTER TABLE ONLY"))
        let (fromSQL, sqlDiagnostics, _) = SchemaReaderHelpers.read(sql, path: path)
        let (fromDump, dumpDiagnostics, _) = SchemaReaderHelpers.read(dump, path: "dump.sql")
        #expect(sqlDiagnostics.isEmpty, "\(sqlDiagnostics.map(\.message))")
        #expect(dumpDiagnostics.isEmpty, "\(dumpDiagnostics.map(\.message))")
        #expect(!fromSQL.tables.isEmpty)
        let expected = SchemaReaderHelpers.comparable(fromSQL)
        let actual = SchemaReaderHelpers.comparable(fromDump)
        #expect(
            actual == expected,
            """
            the dump reads differently
            from the SQL:
            \(SchemaReaderHelpers.describe(expected))
            from the dump:
            \(SchemaReaderHelpers.describe(actual))
            """)
        // pg_dump writes owners; each table's is the loading role.
        #expect(fromDump.tables.allSatisfy { $0.owner == server.user })
        // Every location in the dump points at the name it belongs to.
        let dumpFile = SourceFile(path: "dump.sql", text: dump)
        for table in fromDump.tables {
            let location = try #require(table.location)
            #expect(dumpFile.text(in: location.range).replacingOccurrences(of: "\"", with: "").hasSuffix(table.name.name))
            for column in table.columns {
                let columnLocation = try #require(column.location)
                #expect(dumpFile.text(in: columnLocation.range).contains(column.name))
            }
        }
    }

    @Test func exampleSchemaDumpReadsTheSame() throws {
        let sql = try Fixtures.exampleText("schema.sql")
        try compareWithDump(of: sql, path: "examples/saas/schema.sql")
        // The comparison is only meaningful if the example itself reads right.
        let (model, _, _) = SchemaReaderHelpers.read(sql)
        #expect(SchemaReaderHelpers.comparable(model) == SchemaReaderExampleTests.expected)
    }

    @Test func richSchemaDumpReadsTheSame() throws {
        try compareWithDump(of: Self.richSchema, path: "rich.sql")
        let (model, _, _) = SchemaReaderHelpers.read(Self.richSchema)
        #expect(model.tables.count == 8)
        #expect(model.functions.count == 4)
        let accounts = try #require(model.table(QualifiedName(schema: "app", name: "Accounts")))
        #expect(accounts.tags == ["pii", "billing"])
        #expect(accounts.uniqueKeys == [["displayName"]])
        #expect(accounts.column("status")?.type == SQLType(name: "public.Status", family: .text))
    }
}
