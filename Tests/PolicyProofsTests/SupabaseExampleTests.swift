import Foundation
import PolicyEngine
import TestSupport
import Testing

/// Issue 13's acceptance on the Supabase-style example (`examples/supabase`), through `pgpe` as
/// a user runs it: isolation by `auth.uid` and by the organization (`jwt.org_id`) is PROVEN where
/// the policies isolate; a clause that leaks makes it FAILED with two sessions that differ in
/// the key; and the repro script `--emit-repro` writes shows the leak on PostgreSQL, with
/// `auth.uid()` stubbed to read `request.jwt.claims` as PostgREST sets it.
@Suite struct SupabaseExampleTests {
    /// A leak added to one of the example's policies: `text` goes in after `anchor`.
    struct Leak: CustomStringConvertible, Sendable {
        var file: String
        var anchor: String
        var text: String
        /// The table that leaks and the key whose isolation fails.
        var table: String
        var key: String

        var description: String { "\(table) by \(key)" }
    }

    static let leaks = [
        // Public profiles, as Supabase's own examples have them: any user reads any public one.
        Leak(
            file: "policies/users.policy", anchor: "  CLAUSE col(id) = session('auth.uid')\n",
            text: "  OR CLAUSE col(is_public) = lit(true)\n", table: "public.profiles", key: "auth.uid"),
        // Public documents, readable in every organization.
        Leak(
            file: "policies/documents.policy",
            anchor: "  CLAUSE col(org_id) = session('jwt.org_id') AND fn(has_role, [col(org_id)])\n",
            text: "  OR CLAUSE col(is_public) = lit(true)\n", table: "public.documents", key: "jwt.org_id"),
        // A clause that forgets the organization claim: a member of two organizations reads
        // either's files whichever organization they work in.
        Leak(
            file: "policies/documents.policy", anchor: "  SELECTOR named('storage_objects')\n  CLAUSE",
            text: " col(bucket_id) = lit('org-files') AND fn(has_role, [col(org_id)])\n  OR CLAUSE",
            table: "public.storage_objects", key: "jwt.org_id"),
        // A clause that forgets the organization: a user reads the documents they own in
        // whichever organization they work in.
        Leak(
            file: "policies/documents.policy",
            anchor: "  CLAUSE col(org_id) = session('jwt.org_id') AND fn(has_role, [col(org_id)])\n",
            text: "  OR CLAUSE col(owner_id) = session('auth.uid')\n", table: "public.documents", key: "jwt.org_id"),
    ]

    /// A copy of the example, with `leak` added when given.
    static func project(_ leak: Leak? = nil) throws -> URL {
        let directory = try CLIRunner.copyExample("supabase")
        if let leak {
            let url = directory.appendingPathComponent(leak.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(leak.anchor), "\(leak.file) no longer has \(leak.anchor)")
            try text.replacingOccurrences(of: leak.anchor, with: leak.anchor + leak.text).write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// `pgpe analyze --format json` (with `arguments`) in `directory`: its exit status and verdicts.
    static func analyze(_ directory: URL, _ arguments: [String] = []) throws -> (status: Int32, verdicts: [[String: Any]]) {
        let run = try CLIRunner.run(["analyze", "--format", "json"] + arguments, in: directory)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let verdicts = try #require(object?["verdicts"] as? [[String: Any]], "\(run.stdout)\(run.stderr)")
        return (run.status, verdicts)
    }

    /// The tenant-isolation verdicts of `table` for `key`.
    static func isolation(_ verdicts: [[String: Any]], table: String, key: String) -> [[String: Any]] {
        verdicts.filter { $0["proof"] as? String == "tenant-isolation" && $0["table"] as? String == table && $0["key"] as? String == key }
    }

    @Test func isolationByUserAndByOrganizationIsProven() throws {
        let directory = try Self.project()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let check = try CLIRunner.run(["check"], in: directory)
        #expect(check.status == 0 && (check.stdout + check.stderr).contains("0 errors, 0 warnings"), "\(check.stdout)\(check.stderr)")
        let format = try CLIRunner.run(["fmt", "--check"], in: directory)
        #expect(format.status == 0, "\(format.stdout)\(format.stderr)")
        let (status, verdicts) = try Self.analyze(directory)
        #expect(status == 0)
        #expect(verdicts.allSatisfy { $0["status"] as? String == "PROVEN" }, "\(verdicts.filter { $0["status"] as? String != "PROVEN" })")
        for (table, key) in [
            ("public.profiles", "auth.uid"), ("public.documents", "jwt.org_id"), ("public.storage_objects", "jwt.org_id"),
        ] {
            // Every command and side, for authenticated and for every other role (PUBLIC).
            #expect(Self.isolation(verdicts, table: table, key: key).count == 10, "\(table) by \(key)")
            let failClosed = verdicts.filter { $0["proof"] as? String == "fail-closed" && $0["table"] as? String == table }
            #expect(failClosed.count == 10 && failClosed.allSatisfy { $0["key"] as? String == key }, "\(table)")
        }
        // Organizations and memberships are shared by design (see examples/supabase/README.md):
        // no isolation key applies to them.
        #expect(
            !verdicts.contains {
                $0["proof"] as? String == "tenant-isolation"
                    && ["public.organizations", "public.memberships"].contains($0["table"] as? String ?? "")
            })
    }

    @Test(arguments: leaks)
    func aLeakingClauseFailsWithSessionsThatDifferInTheKey(_ leak: Leak) throws {
        let directory = try Self.project(leak)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let (status, verdicts) = try Self.analyze(directory, ["--proofs", "tenant-isolation"])
        #expect(status == 1)
        let failed = Self.isolation(verdicts, table: leak.table, key: leak.key).filter { $0["status"] as? String == "FAILED" }
        let select = failed.filter { $0["command"] as? String == "SELECT" && $0["role"] as? String == "authenticated" }
        #expect(select.count == 1, "\(failed)")
        for verdict in failed {
            let example = verdict["counterexample"] as? [String: Any]
            let sessions = example?["sessions"] as? [[String: Any]] ?? []
            #expect(sessions.count == 2, "\(verdict)")
            let values = sessions.map { $0[leak.key] as? String }
            #expect(values.count == 2 && values[0] != nil && values[1] != nil && values[0] != values[1], "\(sessions)")
        }
        // Nothing else fails.
        #expect(
            verdicts.filter { $0["status"] as? String == "FAILED" }.allSatisfy { $0["table"] as? String == leak.table },
            "\(verdicts.filter { $0["status"] as? String == "FAILED" })")
    }

    /// A leak's repro script: the script's name has `script`, it creates the stub `stub`, and
    /// its two sessions set `request.jwt.claims` holding different values under `claim`.
    struct Repro: CustomStringConvertible, Sendable {
        var leak: Leak
        var script: String
        var stub: String
        var claim: String

        var description: String { leak.description }
    }

    static let repros = [
        Repro(
            leak: leaks[0], script: "tenant-isolation-public-profiles-select-using-authenticated",
            stub: "CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid", claim: "'sub'"),
        // The organization is read as `(auth.jwt() ->> 'org_id')::uuid`: each session's claims
        // hold its organization (and its user as `sub`). (The storage_objects leak cannot be
        // shown this way: its CHECK constraint rejects the row the script fills in.)
        Repro(
            leak: leaks[3], script: "tenant-isolation-public-documents-select-using-authenticated",
            stub: "CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb", claim: "'org_id'"),
    ]

    /// The repro script of a leak, on PostgreSQL holding the example's schema and the compiled
    /// policies: the two sessions, with different claims (`sub`, or `org_id` with the user the
    /// same), both reach the row.
    @Test(arguments: repros)
    func theReproScriptShowsTheLeakOnPostgres(_ repro: Repro) async throws {
        let directory = try Self.project(repro.leak)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let output = directory.appendingPathComponent("repro")
        let run = try CLIRunner.run(["analyze", "--proofs", "tenant-isolation", "--emit-repro", output.path], in: directory)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let name = try #require(scripts.first { $0.contains(repro.script) }, "\(scripts)")
        let script = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
        #expect(script.contains(repro.stub), "\(script)")
        #expect(!script.contains("which this script cannot set"), "\(script)")
        let claims = script.components(separatedBy: "\n").filter { $0.contains("PERFORM set_config('request.jwt.claims'") }
        #expect(claims.count == 2 && claims[0] != claims[1] && claims.allSatisfy { $0.contains(repro.claim) }, "\(claims)")
        let snapshot = try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
        let schemaSQL = try String(contentsOf: directory.appendingPathComponent("schema.sql"), encoding: .utf8)
        /// The script's notices on a database holding the schema and the policies `project` compiles to.
        func notices(compiledIn project: URL) async throws -> [String] {
            let compiled = try CLIRunner.run(["compile"], in: project)
            #expect(compiled.status == 0, "\(compiled.stderr)")
            return try await withTestDatabase { database in
                let probe = try ProofDatabaseProbe(
                    database: database, policySet: snapshot.policySet, schemaSQL: schemaSQL, compiledSQL: compiled.stdout)
                return try probe.runRepro(script)
            }
        }
        let leaking = try await notices(compiledIn: directory)
        #expect(leaking.contains("session 1 reaches the row"), "\(leaking)")
        #expect(leaking.contains("session 2 reaches the row"), "\(leaking)")
        // Under the example's own policies the same sessions do not share the row.
        let original = try Self.project()
        defer { try? FileManager.default.removeItem(at: original.deletingLastPathComponent()) }
        let isolated = try await notices(compiledIn: original)
        #expect(isolated.count == 2 && isolated.filter { $0.hasSuffix(" reaches the row") }.count < 2, "\(isolated)")
    }
}
