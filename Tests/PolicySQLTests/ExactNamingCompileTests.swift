import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

/// `naming: exact` in the compiler (SPEC 11.4): names as written, `_<command>` for several
/// commands, collisions after that suffix and after PostgreSQL's 63-byte cut are errors at the
/// policy's name, a cut name is a warning; `force:` decides FORCE per table (SPEC 11.5).
@Suite struct ExactNamingCompileTests {
    static let schema = SchemaModel(tables: [
        TestSchema.table("public.users", ["id uuid", "tenant_id uuid"]),
        TestSchema.table("public.audit", ["id uuid", "tenant_id uuid"]),
    ])

    static func compile(_ text: String, naming: PolicyNamingMode = .exact, force: String? = nil) -> (PolicySet, CompiledProgram) {
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.naming = naming
        if let force { config.force = Parser.parseSelector(force, path: "pgpe.yaml", atOffset: 0).0 }
        let set = CheckHarness.check(text, schema: schema, config: config)
        return (set, PolicyCompiler.compile(set))
    }

    static let clause = "CLAUSE col(tenant_id) = session('app.tenant_id')"

    @Test func namesAreAsWrittenWithTheCommandForSeveralCommands() {
        let (set, program) = Self.compile(
            """
            POLICY "Can view own user data." PERMISSIVE FOR SELECT SELECTOR named('users') \(Self.clause)
            POLICY "Edit" PERMISSIVE FOR INSERT, UPDATE SELECTOR named('users') \(Self.clause)
            POLICY everything PERMISSIVE FOR ALL SELECTOR named('users') \(Self.clause)
            """)
        #expect(set.diagnostics.filter { $0.severity == .error }.isEmpty, "\(set.diagnostics)")
        #expect(program.diagnostics.isEmpty)
        #expect(
            program.tables.flatMap(\.policies).map(\.name) == ["Can view own user data.", "Edit_insert", "Edit_update", "everything"])
        #expect(program.sql.contains("CREATE POLICY \"Can view own user data.\"\n  ON public.users"))
        #expect(program.sql.contains("CREATE POLICY \"Edit_insert\"\n"))
    }

    @Test func aNameEqualToAnotherPolicysSuffixedNameCollides() throws {
        let text = """
            POLICY p PERMISSIVE FOR SELECT, UPDATE SELECTOR named('users') \(Self.clause)
            POLICY p_select PERMISSIVE FOR SELECT SELECTOR named('users') \(Self.clause)
            """
        let (set, program) = Self.compile(text)
        let diagnostic = try #require(program.diagnostics.first)
        #expect(program.diagnostics.count == 1)
        #expect(diagnostic.kind == .compileNameCollision)
        #expect(diagnostic.message.contains("policy 'p_select' compiles to the name p_select on public.users"))
        #expect(diagnostic.range == set.policies[1].ref.nameRange)
        // Under the default naming the two do not collide (p_users_select and p_select_users).
        #expect(Self.compile(text, naming: .suffixed).1.diagnostics.isEmpty)
    }

    @Test func aNameOver63BytesIsCutOnACharacterBoundaryWithAWarning() throws {
        let long = String(repeating: "Ä", count: 40)
        let (set, program) = Self.compile("POLICY \"\(long)\" PERMISSIVE FOR ALL SELECTOR ALL \(Self.clause)")
        #expect(program.tables.flatMap(\.policies).map(\.name) == Array(repeating: String(repeating: "Ä", count: 31), count: 2))
        let diagnostic = try #require(program.diagnostics.first)
        #expect(program.diagnostics.count == 1)
        #expect(diagnostic.kind == .compileNameTruncated)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.range == set.policies[0].ref.nameRange)
        #expect(diagnostic.message.contains("is 80 bytes"))
    }

    @Test func commandsOfOnePolicyAlikeAfterTheCutCollide() throws {
        let long = String(repeating: "n", count: 70)
        let (_, program) = Self.compile("POLICY \(long) PERMISSIVE FOR SELECT, DELETE SELECTOR named('users') \(Self.clause)")
        #expect(program.diagnostics.filter { $0.kind == .compileNameTruncated }.count == 2)
        let collisions = program.diagnostics.filter { $0.kind == .compileNameCollision }
        #expect(collisions.count == 1)
        #expect(collisions.first?.message.contains("for two of its commands") == true)
    }

    @Test func twoLongNamesAlikeInTheir63BytesCollide() {
        let stem = String(repeating: "x", count: 63)
        let (_, program) = Self.compile(
            """
            POLICY \(stem)a PERMISSIVE FOR SELECT SELECTOR named('users') \(Self.clause)
            POLICY \(stem)b PERMISSIVE FOR SELECT SELECTOR named('users') \(Self.clause)
            """)
        #expect(program.diagnostics.filter { $0.kind == .compileNameCollision }.count == 1)
    }

    @Test func forceSelectsTheTablesThatGetForce() {
        let text = "POLICY p PERMISSIVE FOR ALL SELECTOR ALL \(Self.clause)"
        let (_, program) = Self.compile(text, naming: .suffixed, force: "NOT named('audit')")
        #expect(program.tables.map(\.isForced) == [false, true])
        #expect(program.tables.map(\.isGoverned) == [true, true])
        #expect(!program.sql.contains("public.audit FORCE"))
        #expect(program.sql.contains("ALTER TABLE public.users FORCE ROW LEVEL SECURITY;"))
        #expect(Self.compile(text, naming: .suffixed).1.tables.map(\.isForced) == [true, true])
    }
}
