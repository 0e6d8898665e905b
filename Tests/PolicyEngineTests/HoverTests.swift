import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import Testing

@Suite struct HoverTests {
    @Test func policyHoverListsGovernedTablesWithEffectivePredicatesAsDSLAndSQL() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["1️⃣"] + 2, in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("**POLICY tenant_isolation**"))
        #expect(hover.markdown.contains("governs 3 tables: public.comments, public.projects, public.users"))
        #expect(hover.markdown.contains("#### public.comments"))
        #expect(hover.markdown.contains("- **SELECT** USING: `col(tenant_id) = session('app.tenant_id')`"))
        #expect(hover.markdown.contains("(tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))"))
        #expect(hover.markdown.contains("- **INSERT** WITH CHECK:"))
        #expect(fixture.source.text.utf8Slice(hover.range) == "tenant_isolation")
    }

    /// Two permissive policies and a restrictive one: the DSL line groups the alternatives as
    /// PostgreSQL does (`((A) OR (B)) AND C`, not `(A) OR (B) AND C`).
    @Test func policyHoverGroupsPermissiveAlternativesBeforeRestrictiveOnes() throws {
        let fixture = try EngineFixture(
            tenancyFixture + """


                POLICY 🔟shared PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE col(name) = lit('demo')
                POLICY live RESTRICTIVE FOR SELECT SELECTOR named('projects') CLAUSE col(is_deleted) = lit(false)
                """)
        let hover = try #require(HoverProvider.hover(at: fixture["🔟"] + 1, in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(
            hover.markdown.contains(
                "- **SELECT** USING: `((col(tenant_id) = session('app.tenant_id')) OR (col(name) = lit('demo')))"
                    + " AND col(is_deleted) = lit(false)`"), "\(hover.markdown)")
    }

    @Test func columnHoverGivesItsTypeInEveryMatchedTable() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["3️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("**col(tenant_id)** on 3 tables"))
        #expect(hover.markdown.contains("- public.users.tenant_id: `uuid` NOT NULL"))
        #expect(hover.markdown.contains("- public.projects.tenant_id: `uuid` NOT NULL"))
    }

    @Test func columnInsideATraversalRefersToItsTarget() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["8️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("of the traversal's target"))
        #expect(hover.markdown.contains("public.projects.tenant_id"))
        #expect(!hover.markdown.contains("public.users"))
    }

    @Test func sessionHoverGivesTypeAndCompiledForm() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["4️⃣"] + 1, in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("**session('app.tenant_id')**: `uuid` (declared in pgpe.yaml)"))
        #expect(hover.markdown.contains("compiles to `(SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)`"))
        #expect(hover.markdown.contains("an isolation key"))
    }

    /// The built-in `current_user` (SPEC 11.1) is typed text and compiles to its own sub-select.
    @Test func builtInSessionValueHoverSaysSo() throws {
        let fixture = try EngineFixture("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE session(1️⃣'current_user') IS NOT NULL")
        #expect(!fixture.workspace.snapshot.hasErrors, "\(fixture.workspace.snapshot.diagnostics.map(\.message))")
        let hover = try #require(HoverProvider.hover(at: fixture["1️⃣"] + 1, in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("**session('current_user')**: `text` (built in)"), "\(hover.markdown)")
        #expect(hover.markdown.contains("compiles to `(SELECT current_user)`"), "\(hover.markdown)")
    }

    @Test func relationTableHoverShowsItsDefinitionAndForeignKey() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["6️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("**public.projects** (governed)"))
        #expect(hover.markdown.contains("CREATE TABLE public.projects ("))
        #expect(hover.markdown.contains("is_deleted boolean NOT NULL DEFAULT false\n);"))
        #expect(hover.markdown.contains("public.tasks.project_id → public.projects.id"))
        #expect(hover.markdown.contains("public.files.project_id → public.projects.id"))
    }

    @Test func relationColumnHoverShowsTypeAndForeignKeys() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["5️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.contains("**public.files.project_id**: `uuid` NOT NULL"))
        #expect(hover.markdown.contains("**public.tasks.project_id**: `uuid` NOT NULL"))
        #expect(hover.markdown.contains("foreign key public.tasks.project_id → public.projects.id"))
    }

    @Test func selectorHoverListsMatchedTables() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["2️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown == "**has_column('tenant_id')** matches 3 tables: public.comments, public.projects, public.users")
    }

    @Test func functionHoverGivesTheDeclaredSignature() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let hover = try #require(HoverProvider.hover(at: fixture["9️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(hover.markdown.hasPrefix("**fn(is_member)**: `public.is_member(uuid, uuid) returns boolean`"))
        #expect(
            hover.markdown.contains(
                "stable: a call without `col()` arguments compiles to `(SELECT public.is_member(…))`, evaluated once per query"),
            "\(hover.markdown)")
    }

    /// SPEC 11.2: user types resolved against the schema, defaults, volatility.
    @Test func functionHoverShowsResolvedTypesDefaultsAndVolatility() throws {
        let config =
            EngineFixture.config
            + "\n  dice: { returns: integer, volatility: volatile }\n  flag: { args: [uuid, {type: item_state, default: true}], returns: boolean }\n"
        let schema = try Fixtures.exampleText("schema.sql") + "\nCREATE TYPE item_state AS ENUM ('open', 'closed');\n"
        let fixture = try EngineFixture(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE fn(1️⃣flag, [col(tenant_id)]) AND fn(2️⃣dice, []) = lit(1)\n",
            config: config, schema: schema)
        let flag = try #require(HoverProvider.hover(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(flag.markdown.hasPrefix("**fn(flag)**: `public.flag(uuid, public.item_state DEFAULT) returns boolean`"), "\(flag.markdown)")
        let dice = try #require(HoverProvider.hover(at: fixture["2️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot))
        #expect(dice.markdown.contains("volatile: called wherever it appears, never wrapped"), "\(dice.markdown)")
        // A declaration with an error: the hover says where the problem is, not "not declared".
        let broken = try EngineFixture(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE fn(1️⃣flag, [col(tenant_id)])\n",
            config: EngineFixture.config + "\n  flag: { args: [uuid, no_such_type], returns: boolean }\n")
        let hover = try #require(HoverProvider.hover(at: broken["1️⃣"], in: broken.path, snapshot: broken.workspace.snapshot))
        #expect(hover.markdown == "**fn(flag)**: its entry under `functions:` in pgpe.yaml has errors (reported there)")
    }

    @Test func nothingOutsideItems() throws {
        let fixture = try EngineFixture("1️⃣\n\nPOLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x')\n")
        #expect(HoverProvider.hover(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.workspace.snapshot) == nil)
    }
}

extension String {
    /// The text of a UTF-8 byte range.
    func utf8Slice(_ range: SourceRange) -> String {
        let bytes = Array(utf8)
        return String(decoding: bytes[max(0, range.start)..<min(bytes.count, range.end)], as: UTF8.self)
    }
}
