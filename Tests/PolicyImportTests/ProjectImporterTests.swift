import PolicyImport
import PolicySchema
import PolicySyntax
import Synchronization
import Testing

/// `ProjectImporter` on a snapshot read from SQL: what a DIFFERENT certificate does, and the seam
/// where the Z3 meaning comparison decides it.
@Suite struct ProjectImporterTests {
    /// `id IN (1, 2, NULL)` lifts to `IN [1, 2]`, which compiles to other text (the same meaning
    /// under RLS: a NULL in the list never makes the test true). Canonical text tells them apart.
    static let sql = """
        CREATE TABLE public.t (id integer PRIMARY KEY, "Note" text);
        ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
        CREATE POLICY "odd list" ON public.t FOR SELECT USING (id IN (1, 2, NULL));
        CREATE POLICY plain ON public.t FOR DELETE USING ("Note" IS NOT NULL);
        """

    static func snapshot() -> SchemaSnapshot {
        let (snapshot, diagnostics) = SQLSchemaReader.readSnapshot(files: [SourceFile(path: "t.sql", text: sql)])
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return snapshot
    }

    @Test func aDifferentCertificateIsReportedAndThePolicyStillWritten() throws {
        let project = ProjectImporter().importProject(Self.snapshot())
        #expect(project.hasDifferent)
        let odd = try #require(project.policies.first { $0.name == "odd list" })
        #expect(odd.verdict == .different)
        #expect(odd.reason.contains("IN (1, 2, NULL)"), "\(odd.reason)")
        #expect(project.policies.first { $0.name == "plain" }?.verdict == .equivalent)
        let file = try #require(project.files.first { $0.path == "policies/public.t.policy" })
        #expect(file.text.contains("POLICY \"odd list\""))
        #expect(project.count(.different) == 1 && project.count(.equivalent) == 1)
    }

    @Test func theMeaningComparisonDecidesWhatCanonicalTextCannot() throws {
        let asked = Mutex<[String]>([])
        let importer = ProjectImporter { original, roundTrip, context in
            asked.withLock { $0.append("\(context.table.name): \(original) vs \(roundTrip)") }
            return true
        }
        let project = importer.importProject(Self.snapshot())
        #expect(!project.hasDifferent)
        #expect(project.policies.first { $0.name == "odd list" }?.verdict == .equivalent)
        let questions = asked.withLock { $0 }
        #expect(questions.count == 1, "\(questions)")
        #expect(questions.first?.hasPrefix("public.t: (id IN (1, 2, NULL)) vs ") == true, "\(questions)")
    }

    @Test func aPrivilegeGrantItemsCannotWriteIsLeftOutWithAWarning() throws {
        var snapshot = Self.snapshot()
        let maintain = ["SELECT", "MAINTAIN"].map { SnapshotGrant(schema: "public", table: "t", grantee: "app", privilege: $0) }
        snapshot.grants = [SnapshotGrant(schema: "public", table: "t", grantee: "PUBLIC", privilege: "SELECT")]
        let managed = ProjectImporter().importProject(snapshot)
        #expect(managed.files.first { $0.path == "policies/public.t.policy" }?.text.contains("GRANT SELECT TO public") == true)
        snapshot.grants += maintain
        let unmanaged = ProjectImporter().importProject(snapshot)
        let file = try #require(unmanaged.files.first { $0.path == "policies/public.t.policy" })
        #expect(file.text.contains("GRANT SELECT TO app, public"), "\(file.text)")
        #expect(!file.text.contains("MAINTAIN"), "\(file.text)")
        #expect(unmanaged.warnings.contains { $0.contains("MAINTAIN granted to app") }, "\(unmanaged.warnings)")
    }

    @Test func supabaseHelpersAreImportedAsTheProfilesSessionValues() throws {
        let sql = """
            CREATE TABLE public.todos (id bigint PRIMARY KEY, user_id uuid NOT NULL, org_id uuid);
            ALTER TABLE public.todos ENABLE ROW LEVEL SECURITY;
            CREATE POLICY "Own todos" ON public.todos FOR SELECT TO authenticated USING ((select auth.uid()) = user_id);
            CREATE POLICY "Org todos" ON public.todos FOR UPDATE
              USING (org_id = (auth.jwt() ->> 'org_id')::uuid) WITH CHECK (auth.uid() = user_id);
            """
        let (snapshot, diagnostics) = SQLSchemaReader.readSnapshot(files: [SourceFile(path: "t.sql", text: sql)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let project = ProjectImporter().importProject(snapshot)
        let config = try #require(project.files.first { $0.path == "pgpe.yaml" }?.text)
        #expect(config.contains("\nprofile: supabase\n"), "\(config)")
        // The profile declares auth.uid, auth.role and auth.jwt: no opaque function, no
        // session entries repeating them.
        #expect(!config.contains("uid:") && !config.contains("auth.uid:") && !config.contains("functions:"), "\(config)")
        let file = try #require(project.files.first { $0.path == "policies/public.todos.policy" }?.text)
        #expect(file.contains("session('auth.uid')") && !file.contains("fn(uid"), "\(file)")
        #expect(project.policies.allSatisfy { $0.verdict != .different }, "\(project.policies)")
        #expect(project.policies.first { $0.name == "Own todos" }?.verdict == .equivalent)
        #expect(project.warnings.contains { $0.contains("profile: supabase") }, "\(project.warnings)")

        // A project whose policies call no such helper gets no profile.
        let plain = ProjectImporter().importProject(Self.snapshot())
        #expect(plain.files.first { $0.path == "pgpe.yaml" }?.text.contains("profile:") == false)
    }

    /// Names with line breaks, planted in a migration (or a live catalog): the policy language
    /// has no escapes, so such an item would end its quoted name early and break the project.
    /// The items are left out (a policy is DIFFERENT and listed, a grant or GOVERN a warning),
    /// every written file reads back clean, and messages escape the control characters.
    @Test func namesWithLineBreaksAreLeftOutAndTheProjectReadsBack() throws {
        let sql = """
            CREATE TABLE public.t (id integer PRIMARY KEY, owner text);
            ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
            CREATE POLICY U&"evil\\001B[2Jname\\000Aline2" ON public.t USING (owner = current_user);
            CREATE POLICY fine ON public.t FOR SELECT TO U&"esc\\001Bok" USING (owner = 'x');
            CREATE POLICY "role breaks" ON public.t FOR DELETE TO U&"bad\\000Drole" USING (true);
            GRANT SELECT ON public.t TO U&"grantee\\000Abreak";
            CREATE TABLE public.U&"odd\\000Atable" (id integer);
            ALTER TABLE public.U&"odd\\000Atable" ENABLE ROW LEVEL SECURITY;
            """
        let (snapshot, diagnostics) = SQLSchemaReader.readSnapshot(files: [SourceFile(path: "t.sql", text: sql)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let project = ProjectImporter().importProject(snapshot)
        let names = Dictionary(uniqueKeysWithValues: project.policies.map { ($0.name, $0) })
        #expect(names["evil\u{1B}[2Jname\nline2"]?.verdict == .different)
        #expect(names["evil\u{1B}[2Jname\nline2"]?.reason.hasPrefix("not written: ") == true)
        #expect(names["role breaks"]?.verdict == .different)
        #expect(names["fine"]?.verdict == .equivalent)
        #expect(project.hasDifferent)
        for file in project.files where file.path.hasSuffix(".policy") {
            let parsed = Parser.parse(text: file.text, path: file.path)
            #expect(parsed.diagnostics.isEmpty, "\(file.path): \(parsed.diagnostics)\n\(file.text)")
            #expect(!file.text.contains("evil") && !file.text.contains("role breaks") && !file.text.contains("grantee"))
        }
        #expect(project.warnings.contains { $0.contains("a GRANT item is not written") }, "\(project.warnings)")
        #expect(project.warnings.contains { $0.hasPrefix("public.odd\\ntable: not governed") }, "\(project.warnings)")
        #expect(project.warnings.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") }, "\(project.warnings)")
    }

}
