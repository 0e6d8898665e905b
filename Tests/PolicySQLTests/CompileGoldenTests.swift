import Foundation
import PolicySQL
import TestSupport
import Testing

/// The compiled SQL of the running example and of one fixture per rule of SPEC section 7, byte
/// for byte against reviewed goldens (`PGPE_UPDATE_GOLDEN=1` rewrites them).
@Suite struct CompileGoldenTests {
    @Test(arguments: CompileCase.names)
    func compiledSQLMatchesTheGolden(_ name: String) throws {
        let testCase = CompileCase.named(name)
        let workspace = try testCase.load()
        #expect(workspace.errors.isEmpty, "\(workspace.errors)")
        let program = PolicyCompiler.compile(workspace.policySet)
        #expect(program.diagnostics.isEmpty, "\(program.diagnostics.map(\.message))")
        if let difference = try GoldenFile.compare(program.sql, with: testCase.golden) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    /// SPEC section 7 gives the running example's first table verbatim.
    @Test func theExampleBeginsWithSpecSection7sExpectedOutput() throws {
        let workspace = try CompileCase.named(CompileCase.exampleName).load()
        let sql = PolicyCompiler.compile(workspace.policySet).sql
        let expected = """
            -- ============================================================
            -- public.comments
            -- ============================================================
            ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;
            ALTER TABLE public.comments FORCE ROW LEVEL SECURITY;

            CREATE POLICY tenant_isolation_comments
              ON public.comments
              AS PERMISSIVE
              FOR ALL
              USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

            -- ============================================================
            -- public.files

            """
        #expect(
            sql.hasPrefix(expected), "\(GoldenFile.firstDifference(expected: expected, actual: String(sql.prefix(expected.utf8.count))))")
        // tasks reach their tenant through projects, whose inner query filters tenant_id the same
        // way (SPEC 7 wrote `project_id IN (SELECT …)`; issue 16 chose the correlated EXISTS).
        let tenant = "tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)"
        #expect(
            sql.contains(
                "USING (EXISTS (SELECT 1 FROM public.projects t1 WHERE t1.id = public.tasks.project_id AND t1.\(tenant)));"))
    }

    /// The same input gives the same bytes: twice from one policy set, and from a second load.
    @Test(arguments: CompileCase.names)
    func compilationIsDeterministic(_ name: String) throws {
        let testCase = CompileCase.named(name)
        let first = try testCase.load()
        let second = try testCase.load()
        let sql = PolicyCompiler.compile(first.policySet).sql
        #expect(PolicyCompiler.compile(first.policySet).sql == sql)
        #expect(PolicyCompiler(policySet: second.policySet).compile().sql == sql)
        #expect(PolicyCompiler.compile(first.policySet) == PolicyCompiler.compile(second.policySet))
    }

    /// A new fixture directory must be added to the list above, or it would never be checked.
    @Test func everyFixtureDirectoryIsACase() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: CompileCase.root.path)
        var directories: [String] = []
        for entry in entries {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: CompileCase.root.appendingPathComponent(entry).path, isDirectory: &isDirectory),
                isDirectory.boolValue
            {
                directories.append(entry)
            }
        }
        #expect(directories.sorted() == CompileCase.names.sorted())
    }

    /// `pgpe compile` (the binary `make test` builds, in `PGPE_BIN`) prints exactly the golden,
    /// run from the case's directory in its own process.
    @Test(arguments: CompileCase.names)
    func pgpeCompilePrintsTheGolden(_ name: String) throws {
        guard let binary = ProcessInfo.processInfo.environment["PGPE_BIN"], !binary.isEmpty else {
            Issue.record("PGPE_BIN is not set: run under `make test`, which builds pgpe and exports it")
            return
        }
        let testCase = CompileCase.named(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["compile"]
        process.currentDirectoryURL = testCase.workspace
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let printed = String(decoding: data, as: UTF8.self)
        // While goldens are rewritten (possibly by a test running beside this one), compare
        // with what the compiler gives in process instead.
        let golden = GoldenFile.isUpdating ? PolicyCompiler.compile(try testCase.load().policySet).sql : try testCase.goldenText()
        #expect(printed == golden, "\(GoldenFile.firstDifference(expected: golden, actual: printed))")
    }
}
