import PolicySchema
import PolicySemantics
import PolicySyntax
import Testing

/// What the SQL reader gives the proofs beyond tables: role memberships (the policies of a role
/// apply to its members), domains with their base types, and collations.
@Suite struct SchemaReaderMembershipTests {
    @Test func membershipsFromCreateRoleGrantAndRevoke() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE ROLE support NOLOGIN;
            CREATE ROLE agent IN ROLE support;
            CREATE ROLE lead ROLE chief, deputy;
            CREATE ROLE auditor NOINHERIT IN GROUP support;
            GRANT support, lead TO night_shift GRANTED BY postgres;
            GRANT lead TO temp WITH INHERIT FALSE;
            GRANT SELECT ON public.t TO agent;
            GRANT support TO leaver;
            REVOKE support FROM leaver;
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        func member(_ name: String) -> [String]? { model.role(name)?.memberOf }
        #expect(member("agent") == ["support"])
        #expect(member("chief") == ["lead"] && member("deputy") == ["lead"])
        #expect(member("auditor") == [])
        #expect(member("night_shift") == ["lead", "support"])
        #expect(member("temp") == [])
        #expect(member("leaver") == [])
        let graph = RoleGraph(roles: model.roles)
        #expect(graph.privileges(of: "night_shift") == ["night_shift", "lead", "support"])
        #expect(graph.privileges(of: "stranger") == ["stranger"])
        // One role per distinct combination of named roles; members of one named role only are covered by it.
        #expect(graph.representatives(of: ["support", "lead"]) == ["lead", "night_shift", "support", PolicySet.publicRole])
    }

    @Test func domainsAndCollations() throws {
        let (model, diagnostics, _) = SchemaReaderHelpers.read(
            """
            CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            CREATE COLLATION ci_copy FROM ci;
            CREATE COLLATION exact (provider = icu, locale = 'und');
            CREATE DOMAIN outer_key AS inner_key;
            CREATE DOMAIN inner_key AS bigint CONSTRAINT positive CHECK (VALUE > 0) NOT NULL;
            CREATE DOMAIN handle AS text COLLATE ci DEFAULT 'x';
            CREATE TABLE t (
                a outer_key, b text COLLATE ci_copy, c text COLLATE exact, d handle, e citext, f text COLLATE "C"
            );
            ALTER TABLE t ALTER COLUMN f TYPE text COLLATE ci;
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let outer = try #require(model.domains.first { $0.name.name == "outer_key" })
        #expect(outer.base == SQLType.bigint && outer.notNull && outer.checks == ["CHECK (VALUE > 0)"])
        #expect(model.domain(SQLType(name: "public.handle", family: .text))?.collation == "public.ci")
        let table = try #require(model.table(QualifiedName(schema: "public", name: "t")))
        func unknown(_ name: String) throws -> Bool { model.hasUnknownEquality(try #require(table.column(name))) }
        #expect(try table.column("a")?.type.family == .integer && model.castType(try #require(table.column("a")).type) == SQLType.bigint)
        #expect(try unknown("b"))
        #expect(try !unknown("c"))
        #expect(try unknown("d"))
        #expect(try unknown("e"))
        #expect(try unknown("f"))
    }
}
