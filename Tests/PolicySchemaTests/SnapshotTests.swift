import PolicySchema
import PolicySyntax
import TestSupport
import Testing

/// The JSON snapshot format: exact round trips, deterministic output, located errors.
@Suite struct SnapshotTests {
    /// A model with everything a snapshot carries: the rich schema, plus roles.
    private static func richModel() -> SchemaModel {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            SchemaReaderDumpTests.richSchema + """

                CREATE ROLE app_user LOGIN;
                CREATE ROLE "Admin" SUPERUSER LOGIN BYPASSRLS;
                CREATE ROLE auditor BYPASSRLS;
                ALTER TABLE app.memberships OWNER TO "Admin";
                CREATE INDEX memberships_org ON app.memberships USING hash (org_id);
                CREATE UNIQUE INDEX memberships_lower_role ON app.memberships (lower(role), account_id) WHERE role <> 'owner';
                """)
        precondition(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        return model
    }

    private static let states: [QualifiedName: SnapshotTableState] = [
        QualifiedName(schema: "app", name: "Accounts"): SnapshotTableState(rlsEnabled: true, rlsForced: true),
        QualifiedName(schema: "app", name: "memberships"): SnapshotTableState(rlsEnabled: true, rlsForced: false),
    ]

    private static let policies = [
        SnapshotPolicy(
            schema: "app", table: "Accounts", name: "tenant_isolation", permissive: true,
            roles: ["app_user"], command: "ALL",
            qual: "(\"Id\" = (current_setting('app.account_id'::text))::bigint)", withCheck: nil),
        SnapshotPolicy(
            schema: "app", table: "memberships", name: "only \"mine\"\n", permissive: false,
            roles: ["public"], command: "SELECT", qual: "app.is_member(account_id, org_id)",
            withCheck: "(role <> 'owner'::text)"),
    ]

    private static let grants = [
        SnapshotGrant(schema: "app", table: "Accounts", grantee: "app_user", privilege: "SELECT"),
        SnapshotGrant(schema: "app", table: "Accounts", grantee: "PUBLIC", privilege: "INSERT"),
    ]

    @Test func encodeThenDecodeRoundTripsExactly() throws {
        let model = Self.richModel()
        #expect(model.roles.count == 3)
        #expect(model.tables.contains { !$0.tags.isEmpty })
        let text = SchemaSnapshot.encode(model, tableStates: Self.states, policies: Self.policies, grants: Self.grants)
        let (snapshot, diagnostics) = SchemaSnapshot.read(text: text, path: "snap.json")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(
            SchemaReaderHelpers.comparable(snapshot.model, keepOwners: true)
                == SchemaReaderHelpers.comparable(model, keepOwners: true),
            "decoded:\n\(SchemaReaderHelpers.describe(snapshot.model))\noriginal:\n\(SchemaReaderHelpers.describe(model))")
        // Types whose family the name does not tell (enums, domains, case-sensitive names) survive.
        let accounts = try #require(snapshot.model.table(QualifiedName(schema: "app", name: "Accounts")))
        #expect(accounts.column("mood")?.type == SQLType(name: "app.mood", family: .text))
        #expect(accounts.column("email")?.type == SQLType(name: "app.email", family: .text))
        #expect(accounts.column("status")?.type == SQLType(name: "public.Status", family: .text))
        // Indexes survive, an expression key as null (and old snapshots without them still read).
        let memberships = try #require(snapshot.model.table(QualifiedName(schema: "app", name: "memberships")))
        #expect(
            memberships.indexes == [
                IndexModel(name: "memberships_lower_role", columns: [nil, "account_id"], isUnique: true, isPartial: true),
                IndexModel(name: "memberships_org", columns: ["org_id"], method: "hash"),
            ])
        #expect(snapshot.tableStates == Self.states)
        #expect(snapshot.policies == Self.policies)
        #expect(snapshot.grants == Self.grants)
        #expect(snapshot.model.origin == "snap.json")
        // Decoding and encoding again gives the same bytes.
        #expect(snapshot.encode() == text)
        // The decoded model is the one `decode` returns.
        let (model2, diagnostics2) = SchemaSnapshot.decode(text: text, path: "snap.json")
        #expect(diagnostics2.isEmpty)
        #expect(model2 == snapshot.model)
    }

    @Test func decodedLocationsPointAtTheNames() throws {
        let text = SchemaSnapshot.encode(Self.richModel())
        let file = SourceFile(path: "snap.json", text: text)
        let (model, _) = SchemaSnapshot.decode(text: text, path: "snap.json")
        for table in model.tables {
            let location = try #require(table.location)
            #expect(location.file == "snap.json")
            #expect(file.text(in: location.range) == "\"\(table.name.name)\"")
            for column in table.columns {
                #expect(column.location.map { file.text(in: $0.range) } == "\"\(column.name)\"")
            }
        }
    }

    @Test func outputIsDeterministicAndPretty() throws {
        let model = Self.richModel()
        let first = SchemaSnapshot.encode(model, tableStates: Self.states, policies: Self.policies, grants: Self.grants)
        // The same tables given in another order make the same document.
        let shuffled = SchemaModel(
            tables: model.tables.reversed(), functions: model.functions, roles: model.roles,
            schemaNames: model.schemaNames.reversed(), origin: "elsewhere",
            domains: model.domains.reversed(), collations: model.collations.reversed(),
            userTypes: model.userTypes.reversed())
        let second = SchemaSnapshot.encode(
            shuffled, tableStates: Self.states, policies: Self.policies,
            grants: Self.grants)
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(first.hasSuffix("}\n"))
        #expect(!first.contains("\t"))
        for line in first.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            #expect(indent % 2 == 0, "odd indentation: \(line)")
        }
    }

    @Test func smallSnapshotHasThisExactText() throws {
        let (model, _, _) = SchemaReaderHelpers.read(
            """
            CREATE TYPE mood AS ENUM ('a');
            CREATE TABLE tenants (id uuid PRIMARY KEY);
            CREATE TABLE users (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL REFERENCES tenants,
                feeling mood,
                email text UNIQUE
            );
            COMMENT ON TABLE users IS 'people @pgpe:tags pii';
            CREATE FUNCTION is_member(uuid, uuid) RETURNS boolean LANGUAGE sql SECURITY DEFINER AS 'SELECT true';
            CREATE ROLE app LOGIN;
            """)
        let text = SchemaSnapshot.encode(
            model,
            tableStates: [
                QualifiedName(schema: "public", name: "users"): SnapshotTableState(
                    rlsEnabled: true,
                    rlsForced: false)
            ],
            grants: [SnapshotGrant(schema: "public", table: "users", grantee: "app", privilege: "SELECT")])
        #expect(
            text == """
                {
                  "format": "pgpe-snapshot",
                  "version": 1,
                  "schemas": ["public"],
                  "types": [
                    {
                      "name": "public.mood",
                      "family": "text",
                      "kind": "enum",
                      "labels": ["a"]
                    }
                  ],
                  "tables": [
                    {
                      "schema": "public",
                      "name": "tenants",
                      "columns": [
                        {"name": "id", "type": "uuid", "not_null": true}
                      ],
                      "primary_key": ["id"],
                      "unique_keys": [],
                      "foreign_keys": [],
                      "comment": null,
                      "tags": [],
                      "owner": null
                    },
                    {
                      "schema": "public",
                      "name": "users",
                      "columns": [
                        {"name": "id", "type": "uuid", "not_null": true},
                        {"name": "tenant_id", "type": "uuid", "not_null": true},
                        {"name": "feeling", "type": "public.mood", "not_null": false},
                        {"name": "email", "type": "text", "not_null": false}
                      ],
                      "primary_key": ["id"],
                      "unique_keys": [["email"]],
                      "foreign_keys": [
                        {
                          "name": "users_tenant_id_fkey",
                          "columns": ["tenant_id"],
                          "ref_schema": "public",
                          "ref_table": "tenants",
                          "ref_columns": ["id"]
                        }
                      ],
                      "comment": "people @pgpe:tags pii",
                      "tags": ["pii"],
                      "owner": null,
                      "rls_enabled": true,
                      "rls_forced": false
                    }
                  ],
                  "functions": [
                    {
                      "schema": "public",
                      "name": "is_member",
                      "args": ["uuid", "uuid"],
                      "returns": "boolean",
                      "security_definer": true
                    }
                  ],
                  "roles": [
                    {"name": "app", "login": true, "superuser": false, "bypassrls": false}
                  ],
                  "policies": [],
                  "grants": [
                    {"schema": "public", "table": "users", "grantee": "app", "privilege": "SELECT"}
                  ]
                }

                """)
    }

    // MARK: - Errors

    private func decode(_ marked: String) -> ([Diagnostic], MarkedSource, SchemaModel) {
        let source = MarkedSource(marked)
        let (model, diagnostics) = SchemaSnapshot.decode(text: source.text, path: "bad.json")
        return (diagnostics, source, model)
    }

    @Test func wrongVersionIsAnErrorAtTheValue() {
        let (diagnostics, source, model) = decode(
            """
            {"format": "pgpe-snapshot", "version": 1️⃣2, "tables": []}
            """)
        #expect(diagnostics.map(\.id) == ["snapshot.unsupported-version"])
        #expect(diagnostics.first?.range.start == source["1️⃣"])
        #expect(diagnostics.first?.message == "unsupported snapshot version 2; this pgpe reads version 1")
        #expect(diagnostics.first?.location.file == "bad.json")
        #expect(model.tables.isEmpty)
    }

    @Test func wrongFormatIsAnError() {
        let (diagnostics, source, _) = decode(
            """
            {"format": 1️⃣"something-else", "version": 1, "tables": []}
            """)
        #expect(diagnostics.map(\.id) == ["snapshot.wrong-format"])
        #expect(diagnostics.first?.range.start == source["1️⃣"])
    }

    @Test func missingTablesIsAnError() {
        let (diagnostics, source, _) = decode(
            """
            1️⃣{
              "format": "pgpe-snapshot",
              "version": 1
            }
            """)
        #expect(diagnostics.map(\.id) == ["snapshot.missing-field"])
        #expect(diagnostics.first?.message == "missing \"tables\" in the snapshot")
        #expect(diagnostics.first?.range.start == source["1️⃣"])
    }

    @Test func columnWithoutTypeIsAnErrorAndTheRestIsRead() throws {
        let (diagnostics, source, model) = decode(
            """
            {
              "format": "pgpe-snapshot",
              "version": 1,
              "tables": [
                {
                  "schema": "public",
                  "name": "users",
                  "columns": [
                    {"name": "id", "type": "uuid", "not_null": true},
                    1️⃣{"name": "email", "not_null": true},
                    {"name": "tenant_id", "type": "uuid", "not_null": 2️⃣"yes"}
                  ],
                  3️⃣"colour": "blue"
                }
              ]
            }
            """)
        // In the order they appear in the file.
        #expect(diagnostics.map(\.id) == ["snapshot.missing-field", "snapshot.wrong-type", "snapshot.unknown-field"])
        let byID = Dictionary(grouping: diagnostics, by: \.id)
        #expect(byID["snapshot.missing-field"]?.first?.range.start == source["1️⃣"])
        #expect(byID["snapshot.missing-field"]?.first?.message == "missing \"type\" in column 'email' of table public.users")
        #expect(byID["snapshot.wrong-type"]?.first?.range.start == source["2️⃣"])
        #expect(
            byID["snapshot.wrong-type"]?.first?.message
                == "\"not_null\" of column 'tenant_id' of table public.users must be true or false, not a string")
        #expect(byID["snapshot.unknown-field"]?.first?.range.start == source["3️⃣"])
        #expect(byID["snapshot.unknown-field"]?.first?.severity == .warning)
        #expect(diagnostics.count == 3)
        let users = try #require(model.table(QualifiedName(schema: "public", name: "users")))
        #expect(users.columns.map(\.name) == ["id", "tenant_id"])
        // The line and column of the offending value, for people.
        let file = SourceFile(path: "bad.json", text: source.text)
        #expect(file.position(of: source["1️⃣"]) == LineColumn(line: 10, column: 9))
    }

    @Test func invalidJSONIsAnErrorAtTheFault() {
        for marked in [
            "{\"format\": \"pgpe-snapshot\", \"version\": 1, \"tables\": []1️⃣]}",
            "{\"format\": \"pgpe-snapshot\", \"version\": 1, \"tables\": [],1️⃣}",
            "1️⃣",
            "{\"a\": 1, 1️⃣\"a\": 2}",
            "{\"format\": \"pgpe-snapshot\" 1️⃣\"version\": 1}",
            String(repeating: "[", count: 128) + "1️⃣" + String(repeating: "[", count: 10_000),
        ] {
            let (diagnostics, source, _) = decode(marked)
            #expect(diagnostics.map(\.id) == ["snapshot.invalid-json"], "\(marked.prefix(80))")
            #expect(diagnostics.first?.range.start == source["1️⃣"], "\(marked.prefix(80))")
        }
    }

    /// The one JSON parser's rules hold for snapshots too: an escaped lone surrogate reads as
    /// U+FFFD (it was an error), a version written with a fraction or exponent is still a number
    /// and reported as written, and a byte order mark is skipped with positions kept.
    @Test func sharedParserRules() throws {
        let (diagnostics, _, model) = decode(
            """
            {"format": "pgpe-snapshot", "version": 1, "tables": [
              {"schema": "public", "name": "a\\ud800b", "columns": [], "comment": "x\\udc00\\ud83d\\ude00"}
            ]}
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let table = try #require(model.tables.first)
        #expect(table.name.name == "a\u{FFFD}b")
        #expect(table.comment == "x\u{FFFD}\u{1F600}")

        let (versionDiagnostics, source, _) = decode(
            """
            {"format": "pgpe-snapshot", "version": 1️⃣1.0e0, "tables": []}
            """)
        #expect(versionDiagnostics.map(\.message) == ["unsupported snapshot version 1.0e0; this pgpe reads version 1"])
        #expect(versionDiagnostics.first?.range.start == source["1️⃣"])

        let (bomDiagnostics, bomSource, _) = decode("\u{FEFF}{\"format\": \"pgpe-snapshot\", \"version\": 1, \"tables\": []1️⃣]}")
        #expect(bomDiagnostics.map(\.id) == ["snapshot.invalid-json"])
        #expect(bomDiagnostics.first?.range.start == bomSource["1️⃣"])
    }

    @Test func otherMistakesAreLocated() {
        let (diagnostics, source, model) = decode(
            """
            {"format": "pgpe-snapshot", "version": 1, "tables": [
              {"schema": "public", "name": "a", "columns": []},
              {"schema": "public", "name": 1️⃣"a", "columns": []},
              {"schema": "public", "name": 2️⃣7, "columns": []}
            ], "types": [{"name": "x", "family": 3️⃣"colour"}], "roles": 4️⃣{}}
            """)
        let found = diagnostics.map { "\($0.id)@\($0.range.start)" }.sorted()
        #expect(
            found == [
                "snapshot.duplicate-table@\(source["1️⃣"])",
                "snapshot.invalid-value@\(source["3️⃣"])",
                "snapshot.wrong-type@\(source["2️⃣"])",
                "snapshot.wrong-type@\(source["4️⃣"])",
            ], "\(diagnostics.map(\.message))")
        #expect(model.tables.count == 1)
    }
}
