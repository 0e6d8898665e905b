import PolicyConfig
import PolicySchema
import PolicySyntax
import TestSupport
import Testing

/// A small version of the running example's schema.
let exampleLikeSchema = SchemaModel(tables: [
    TestSchema.table("public.tenants", ["id uuid", "name text not null"], primaryKey: ["id"]),
    TestSchema.table(
        "public.users", ["id uuid", "tenant_id uuid not null", "email text not null"], primaryKey: ["id"],
        foreignKeys: [(["tenant_id"], "tenants", ["id"])]),
    TestSchema.table(
        "public.projects", ["id uuid", "tenant_id uuid not null", "owner_id uuid", "is_deleted boolean not null"],
        primaryKey: ["id"], foreignKeys: [(["tenant_id"], "tenants", ["id"]), (["owner_id"], "users", ["id"])]),
    TestSchema.table(
        "public.tasks", ["id uuid", "project_id uuid not null", "title text not null", "priority integer"],
        primaryKey: ["id"], foreignKeys: [(["project_id"], "projects", ["id"])]),
    TestSchema.table("public.config", ["key text", "value text"], primaryKey: ["key"]),
])

private func config(
    functions: [FunctionDecl] = [], sessionKeys: [SessionKeyDecl] = [SessionKeyDecl(key: "app.tenant_id", type: .uuid)],
    maxDepth: Int = 2
) -> ProjectConfig {
    var config = ProjectConfig(baseDirectory: "/tmp")
    config.sessionKeys = sessionKeys
    config.functions = functions
    config.analysis.maxDepth = maxDepth
    return config
}

/// Checks a marked fixture and returns its diagnostics with their marker-relative ranges.
private func diagnostics(_ marked: String, config: ProjectConfig = config()) -> (MarkedSource, [Diagnostic]) {
    let source = MarkedSource(marked)
    let set = CheckHarness.check(source.text, schema: exampleLikeSchema, config: config)
    return (source, set.diagnostics)
}

@Suite struct CheckerTests {
    @Test func governedSetAndSelectors() {
        let set = CheckHarness.check(
            """
            POLICY a PERMISSIVE FOR ALL SELECTOR has_column(tenant_id) CLAUSE col(tenant_id) = session('app.tenant_id')
            POLICY b PERMISSIVE FOR SELECT SELECTOR named('ta%') OR (NOT has_column(tenant_id) AND NOT named('t%') AND NOT in_schema(other))
              CLAUSE raw('true')
            """, schema: exampleLikeSchema, config: config())
        #expect(set.diagnostics.map(\.message) == ["schema 'other' is not governed; 'schemas:' in pgpe.yaml lists public"])
        #expect(set.policies[0].tables.map(\.name) == ["projects", "users"])
        #expect(set.policies[1].tables.map(\.name) == ["config", "tasks"])
        #expect(set.governedTables.map(\.name) == ["config", "projects", "tasks", "users"])
        #expect(set.ungovernedTables.map(\.name) == ["tenants"])
    }

    @Test func unknownColumnWithSuggestion() {
        let (source, found) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(1️⃣tenant2️⃣) = session('app.tenant_id')")
        #expect(found.map(\.id) == ["semantic.unknown-column"])
        #expect(found.first?.message == "unknown column 'tenant' on public.users; did you mean 'tenant_id'?")
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        #expect(found.first?.fixIts.first?.edits.first?.newText == "tenant_id")
    }

    @Test func unknownColumnOnSomeMatchedTablesNamesThemAll() {
        let (_, found) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(tenant_id) = session('app.tenant_id')")
        #expect(found.map(\.message) == ["unknown column 'tenant_id' on public.config, public.tasks and public.tenants"])
    }

    @Test func unknownTableInRel() {
        let (source, found) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, project_id, 1️⃣projets2️⃣, id), {col(tenant_id) = session('app.tenant_id')})"
        )
        #expect(found.map(\.id) == ["semantic.unknown-table"])
        #expect(found.first?.message == "unknown table 'projets'; did you mean 'projects'?")
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
    }

    @Test func typeMismatch() {
        let (source, found) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE 1️⃣col(priority) = col(title)2️⃣")
        #expect(found.map(\.id) == ["semantic.type-mismatch"])
        #expect(found.first?.message == "type mismatch: col(priority) is integer but col(title) is text on public.tasks")
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        let (_, literal) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(title) = lit(5)")
        #expect(literal.map(\.id) == ["semantic.type-mismatch"])
        let (_, uuid) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(id) = lit('not-a-uuid')")
        #expect(uuid.map(\.id) == ["semantic.invalid-literal"])
        let (_, like) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(priority) LIKE lit('1%')")
        #expect(like.map(\.id) == ["semantic.like-needs-text"])
        let (_, list) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(priority) IN lit(1)")
        #expect(list.map(\.id) == ["semantic.in-needs-list"])
    }

    @Test func comparisonWithNull() {
        let (source, found) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE 1️⃣col(priority) = lit(null)2️⃣")
        #expect(found.map(\.id) == ["semantic.null-comparison"])
        #expect(found.first?.message == "comparison with null is never true; use IS NULL")
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        #expect(found.first?.fixIts.first?.edits.first?.newText == "col(priority) IS NULL")
    }

    @Test func unknownFunction() {
        let functions = [FunctionDecl(name: "is_member", arguments: [.uuid, .uuid], returns: .boolean)]
        let (source, found) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE fn(1️⃣is_membr2️⃣, [col(id), col(tenant_id)])",
            config: config(functions: functions))
        #expect(found.map(\.id) == ["semantic.unknown-function"])
        #expect(found.first?.message == "unknown function 'is_membr'; did you mean 'is_member'?")
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        let (_, arity) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE fn(is_member, [col(id)])",
            config: config(functions: functions))
        #expect(arity.map(\.id) == ["semantic.function-arity"])
        let (_, fine) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE fn(is_member, [session('app.tenant_id'), col(tenant_id)])",
            config: config(functions: functions))
        #expect(fine.isEmpty)
    }

    @Test func depthOverTheLimit() {
        let (source, found) = diagnostics(
            """
            POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE
              exists(rel(_, project_id, projects, id), {1️⃣exists2️⃣(rel(_, owner_id, users, id), {col(email) = lit('x')})})
            """, config: config(maxDepth: 1))
        #expect(found.map(\.id) == ["semantic.depth-exceeded"])
        #expect(found.first?.message == "traversal depth 2 exceeds analysis.max_depth (1)")
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
    }

    @Test func traversalCycle() {
        let (source, found) = diagnostics(
            """
            POLICY a PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE exists(1️⃣rel(_, owner_id, users, id)2️⃣, {col(email) = lit('x')})
            POLICY b PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE exists(3️⃣rel(_, id, projects, owner_id)4️⃣, {col(is_deleted) = lit(false)})
            """)
        #expect(found.map(\.id) == ["semantic.traversal-cycle", "semantic.traversal-cycle"])
        #expect(found.first?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        #expect(found.last?.range == SourceRange(start: source["3️⃣"], end: source["4️⃣"]))
        #expect(found.first?.message.hasPrefix("traversal cycle public.projects → public.users → public.projects") == true)
    }

    /// Policy names are unique per table (SPEC 11.3): one name on disjoint tables is fine, on a
    /// shared table an error with a note at the other declaration.
    @Test func duplicatePolicyNamesAcrossFiles() {
        let first = "POLICY same PERMISSIVE FOR SELECT SELECTOR named('users') OR named('tasks') CLAUSE raw('true')"
        let disjoint = "POLICY same PERMISSIVE FOR SELECT SELECTOR named('projects') CLAUSE col(tenant_id) = session('app.tenant_id')"
        let (fine, _) = CheckHarness.check(["a.policy": first, "b.policy": disjoint], schema: exampleLikeSchema, config: config())
        #expect(fine.diagnostics.isEmpty, "\(fine.diagnostics.map(\.message))")
        let second = MarkedSource(
            "POLICY 1️⃣same2️⃣ PERMISSIVE FOR SELECT SELECTOR has_column(tenant_id) CLAUSE col(tenant_id) = session('app.tenant_id')")
        let (set, _) = CheckHarness.check(["a.policy": first, "b.policy": second.text], schema: exampleLikeSchema, config: config())
        #expect(set.diagnostics.map(\.id) == ["semantic.duplicate-policy"], "\(set.diagnostics.map(\.message))")
        let diagnostic = set.diagnostics[0]
        #expect(diagnostic.location == FileLocation(file: "b.policy", range: SourceRange(start: second["1️⃣"], end: second["2️⃣"])))
        #expect(diagnostic.message == "duplicate policy name 'same' on public.users; a policy name must be unique per table")
        #expect(diagnostic.notes.first?.location.file == "a.policy")
        #expect(diagnostic.notes.first?.message.contains("governs public.users too") == true)
    }

    @Test func selectorThatMatchesNothingAndRelWithoutForeignKey() {
        let (_, empty) = diagnostics("POLICY a PERMISSIVE FOR SELECT SELECTOR named('nope') CLAUSE raw('true')")
        #expect(empty.map(\.id) == ["semantic.selector-matches-nothing"])
        let (_, noKey) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, id, users, id), {col(email) = lit('x')})")
        #expect(noKey.map(\.id) == ["semantic.rel-without-foreign-key"])
        #expect(noKey.first?.severity == .warning)
    }

    @Test func sessionKeysAreResolvedAndTyped() {
        let (_, found) = diagnostics(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenantid')")
        #expect(
            found.map(\.message) == [
                "session key 'app.tenantid' is not declared under 'session:' in pgpe.yaml; did you mean 'app.tenant_id'?"
            ])
        let set = CheckHarness.check(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(priority) > session('app.level')",
            schema: exampleLikeSchema, config: config(sessionKeys: []))
        #expect(set.sessionType("app.level") == .integer)
    }

    @Test func withoutASchemaOnlySchemaFreeChecksRun() {
        let set = CheckHarness.check(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(anything) = lit(null)", schema: nil, config: config())
        #expect(set.diagnostics.map(\.id) == ["semantic.no-schema", "semantic.null-comparison"])
    }
}

@Suite struct CheckerWarningsTests {
    @Test func withCheckOnAReadOnlyPolicyHasNoEffect() {
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.tenant_id", type: .uuid)]
        let set = CheckHarness.check(
            """
            POLICY p PERMISSIVE FOR SELECT, DELETE SELECTOR named('users')
              CLAUSE col(tenant_id) = session('app.tenant_id')
              WITH CHECK CLAUSE col(tenant_id) = session('app.tenant_id')
            """, schema: exampleLikeSchema, config: config)
        #expect(set.diagnostics.map(\.id) == ["semantic.check-without-effect"])
    }

    @Test func aLikePatternEndingInTheEscapeIsAnError() {
        let set = CheckHarness.check(
            #"POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(email) LIKE lit('a\')"#,
            schema: exampleLikeSchema)
        #expect(set.diagnostics.map(\.id) == ["semantic.invalid-like-pattern"])
        let fine = CheckHarness.check(
            #"POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(email) LIKE lit('a\\')"#,
            schema: exampleLikeSchema)
        #expect(fine.diagnostics.isEmpty)
    }
}

@Suite struct SessionKeyNameTests {
    @Test func keysPostgreSQLCannotSetAreFlagged() {
        for key in ["app.it''s", "nodot", "app.", ".x", "app.2x"] {
            let set = CheckHarness.check(
                "POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(email) = session('\(key)')",
                schema: exampleLikeSchema)
            #expect(set.diagnostics.map(\.id) == ["semantic.invalid-session-key"], "\(key)")
        }
        for key in ["app.tenant_id", "a.b.c", "my_app.user$id"] {
            let set = CheckHarness.check(
                "POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(email) = session('\(key)')",
                schema: exampleLikeSchema)
            #expect(set.diagnostics.isEmpty, "\(key): \(set.diagnostics.map(\.message))")
        }
    }
}
