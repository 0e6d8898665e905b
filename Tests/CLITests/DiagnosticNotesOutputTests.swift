import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

/// A diagnostic's notes (the policies a side channel bypasses, SPEC 11.11) in the machine formats:
/// `notes` of `--format json` and `relatedLocations` of `--format sarif`, each with its place and
/// message, so a reader of the report learns which guarantee the finding weakens.
@Suite struct DiagnosticNotesOutputTests {
    /// A project with one policy that isolates `docs` and a view that reads it with its owner's
    /// rights, granted to the role the policy applies to.
    static func project() throws -> URL {
        let directory = try CLIRunner.temporaryDirectory("pgpe-notes")
        let files = [
            "pgpe.yaml":
                "policies: [policies]\nschema: schema.sql\nschemas: [public]\nsession:\n  app.tenant_id: text\nisolation:\n  - key: app.tenant_id\n",
            "schema.sql": """
            CREATE ROLE app_user NOLOGIN;
            CREATE TABLE public.docs (id int PRIMARY KEY, tenant_id text NOT NULL, title text);
            CREATE INDEX docs_tenant_idx ON public.docs (tenant_id);
            CREATE VIEW public.doc_titles AS SELECT id, title FROM public.docs;
            GRANT SELECT ON public.doc_titles TO app_user;

            """,
            "policies/docs.policy": """
            POLICY tenant_isolation
              PERMISSIVE
              FOR ALL
              TO app_user
              SELECTOR named('docs')
              CLAUSE col('tenant_id') = session('app.tenant_id')

            """,
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func aSideChannelsBypassedPoliciesAreInJSONAndSARIF() throws {
        let project = try Self.project()
        let json = try JSONValue(parsing: try CLIRunner.run(["analyze", "--format", "json"], in: project).stdout)
        let view = try #require((json["diagnostics"]?.array ?? []).first { $0["code"]?.string == "sidechannel.view-definer" })
        #expect(view["file"]?.string == "schema.sql" && view["line"]?.int == 4, "\(view)")
        let notes = view["notes"]?.array ?? []
        #expect(notes.count == 1, "\(view)")
        #expect(notes.first?["file"]?.string == "policies/docs.policy")
        #expect(notes.first?["line"]?.int == 1 && notes.first?["column"]?.int == 1)
        #expect(notes.first?["message"]?.string == "policy tenant_isolation on public.docs is bypassed here")
        // A diagnostic without notes has no `notes` member.
        #expect((json["diagnostics"]?.array ?? []).allSatisfy { $0["notes"] == nil || $0["notes"]?.array?.isEmpty == false })

        let sarif = try JSONValue(parsing: try CLIRunner.run(["analyze", "--format", "sarif"], in: project).stdout)
        let result = try #require(
            (sarif["runs"]?[0]?["results"]?.array ?? []).first { $0["ruleId"]?.string == "sidechannel.view-definer" })
        let related = result["relatedLocations"]?.array ?? []
        #expect(related.count == 1, "\(result)")
        #expect(related.first?["physicalLocation"]?["artifactLocation"]?["uri"]?.string == "policies/docs.policy")
        #expect(related.first?["physicalLocation"]?["region"]?["startLine"]?.int == 1)
        #expect(related.first?["message"]?["text"]?.string == "policy tenant_isolation on public.docs is bypassed here")
    }

    /// A view whose name holds an escape sequence (`ESC [2J` clears the screen), as a migration or
    /// someone with CREATE may plant it: the text report writes the control character as
    /// `\u{1b}`, never raw, while JSON keeps the name exact.
    @Test func aPlantedNameCannotDriveTheTerminal() throws {
        let project = try Self.project()
        let schema = project.appendingPathComponent("schema.sql")
        let planted = try String(contentsOf: schema, encoding: .utf8).replacingOccurrences(
            of: "public.doc_titles", with: #"public.U&"v\001B[2J\0085x""#)
        try planted.write(to: schema, atomically: true, encoding: .utf8)
        let text = try CLIRunner.run(["analyze"], in: project)
        let line = try #require(text.stdout.split(separator: "\n").first { $0.contains("sidechannel.view-definer") })
        #expect(line.contains(#"view public.v\u{1b}[2J\u{85}x reads governed public.docs"#), "\(line)")
        #expect(!text.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x85 })
        let json = try JSONValue(parsing: try CLIRunner.run(["analyze", "--format", "json"], in: project).stdout)
        let view = (json["diagnostics"]?.array ?? []).first { $0["code"]?.string == "sidechannel.view-definer" }
        #expect(view?["message"]?.string?.contains("view public.v\u{1B}[2J\u{85}x reads") == true, "\(String(describing: view))")
    }

    /// A governed table whose name holds an escape sequence: the verdict lines of `analyze -v`
    /// write it as `\u{1b}` too.
    @Test func aPlantedTableNameIsInertInVerdictLines() throws {
        let project = try Self.project()
        let schema = project.appendingPathComponent("schema.sql")
        let planted = try String(contentsOf: schema, encoding: .utf8).replacingOccurrences(
            of: "public.docs", with: #"public.U&"d\001B]0;owned\0007ocs""#)
        try planted.write(to: schema, atomically: true, encoding: .utf8)
        let policy = project.appendingPathComponent("policies/docs.policy")
        let text = try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(
            of: "named('docs')", with: "has_column('tenant_id')")
        try text.write(to: policy, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["analyze", "-v"], in: project)
        #expect(run.stdout.contains(#"PROVEN  tenant-isolation public.d\u{1b}]0;owned\u{7}ocs"#), "\(run.stdout)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(run.stdout)")
    }

}
