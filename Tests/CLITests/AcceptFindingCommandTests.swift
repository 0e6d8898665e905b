import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

/// `accept:` entries with `finding:` on the side-channel and performance findings of SPEC 11.11
/// (SPEC 11.8): an accepted finding is information with its reason in every format and fails no
/// `--strict` run; an entry that matches nothing is stale; a broken one is one diagnostic; a
/// baseline records the findings without their lines.
@Suite struct AcceptFindingCommandTests {
    /// The entries that accept every warning of `Tests/Fixtures/side-channels/leaky.sql`
    /// (pgpe.yaml's lines 11 to 25).
    static let acceptEverything = """
          - finding: sidechannel.view-definer
            object: public.doc_titles
            reason: the dashboard lists every tenant's titles
          - finding: sidechannel.definer-function
            object: public.doc_count()
            reason: a count leaks nothing we mind
          - finding: sidechannel.child-without-rls
            object: events_%
            reason: the partitions are read by the archiver only
          - finding: performance.missing-index
            tables: named('docs') OR named('events') OR named('comments')
            reason: small tables
          - finding: sidechannel.column-grant
            object: public.docs
            reason: reporting reads titles by design; the reader's key probe is known
          - finding: sidechannel.definer-trigger
            object: comment_doc_title on public.comments
            reason: comments quote their doc's title on purpose
        """

    /// A copy of the side-channel fixture project (schema leaky.sql) with `accept` appended to
    /// pgpe.yaml (its entries start at line 11).
    static func project(accept: String? = nil) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory("pgpe-accept-finding")
        let target = directory.appendingPathComponent("project")
        try FileManager.default.copyItem(at: Fixtures.fixtureDirectory.appendingPathComponent("side-channels"), to: target)
        if let accept { try append("accept:\n" + accept + "\n", to: target.appendingPathComponent("pgpe.yaml")) }
        return target
    }

    static func append(_ text: String, to file: URL) throws {
        try (try String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The diagnostics of `pgpe analyze --format json` (with `arguments`) whose code has `prefix`.
    static func diagnostics(_ project: URL, _ arguments: [String] = [], prefix: String) throws -> [JSONValue] {
        let run = try CLIRunner.run(["analyze", "--format", "json"] + arguments, in: project)
        let json = try JSONValue(parsing: run.stdout)
        return (json["diagnostics"]?.array ?? []).filter { $0["code"]?.string?.hasPrefix(prefix) == true }
    }

    @Test func anAcceptedViewIsInformationWithItsReasonInEveryFormatAndTheStrictRunPassesOnceAllAre() throws {
        let plain = try Self.project()
        #expect(try CLIRunner.run(["analyze"], in: plain).status == 0)
        let strict = try CLIRunner.run(["analyze", "--strict"], in: plain)
        #expect(strict.status == 1, "\(strict.stdout)")

        let project = try Self.project(
            accept: """
                  - finding: sidechannel.view-definer
                    object: public.doc_titles
                    reason: the dashboard lists every tenant's titles
                """)
        let text = try CLIRunner.run(["analyze"], in: project)
        #expect(text.status == 0)
        #expect(
            text.stdout.contains(
                "leaky.sql:18:13: info[sidechannel.view-definer]: accepted (the dashboard lists every tenant's titles): view public.doc_titles reads governed public.docs"
            ), "\(text.stdout)")
        #expect(text.stdout.contains("  pgpe.yaml:11:5: note: accepted by this entry of accept:"), "\(text.stdout)")
        #expect(text.stdout.contains("leaky.sql:22:17: warning[sidechannel.definer-function]"))
        #expect(!text.stdout.contains("config.stale-accept"))
        // The other warnings still fail a strict run.
        #expect(try CLIRunner.run(["analyze", "--strict"], in: project).status == 1)

        let views = try Self.diagnostics(project, prefix: "sidechannel.view-definer")
        #expect(views.count == 1)
        #expect(views.first?["severity"]?.string == "info")
        #expect(views.first?["accepted"]?["reason"]?.string == "the dashboard lists every tenant's titles")
        #expect(views.first?["accepted"]?["file"]?.string == "pgpe.yaml" && views.first?["accepted"]?["line"]?.int == 11)
        #expect(try Self.diagnostics(project, prefix: "sidechannel.definer-function").first?["accepted"] == nil)

        let sarif = try JSONValue(parsing: try CLIRunner.run(["analyze", "--format", "sarif"], in: project).stdout)
        let results = sarif["runs"]?[0]?["results"]?.array ?? []
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1 && suppressed.first?["ruleId"]?.string == "sidechannel.view-definer")
        #expect(suppressed.first?["level"]?.string == "warning")
        #expect(suppressed.first?["suppressions"]?[0]?["justification"]?.string == "the dashboard lists every tenant's titles")

        let github = try CLIRunner.run(["analyze", "--strict", "--format", "github"], in: project)
        let lines = github.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("::notice ") && $0.contains("sidechannel.view-definer") }, "\(github.stdout)")
        #expect(lines.contains { $0.hasPrefix("::error ") && $0.contains("sidechannel.definer-function") }, "\(github.stdout)")
        #expect(!lines.contains { $0.hasPrefix("::error ") && $0.contains("sidechannel.view-definer") })
        let junit = try CLIRunner.run(["analyze", "--strict", "--format", "junit"], in: project).stdout
        // The six unaccepted side channels of leaky.sql fail, the accepted view does not.
        #expect(junit.contains("<testsuite name=\"leaky.sql\" id=\"0\" tests=\"10\" failures=\"6\""), "\(junit)")

        let all = try Self.project(accept: Self.acceptEverything)
        let accepted = try CLIRunner.run(["analyze", "--strict"], in: all)
        #expect(accepted.status == 0, "\(accepted.stdout)")
        #expect(!accepted.stdout.contains(": warning["), "\(accepted.stdout)")
        let infos = try Self.diagnostics(all, prefix: "")
        #expect(infos.filter { $0["accepted"] != nil }.count == 10, "\(infos)")
        let junitAll = try CLIRunner.run(["analyze", "--strict", "--format", "junit"], in: all).stdout
        #expect(!junitAll.contains("<failure"), "\(junitAll)")
    }

    /// The index-coverage project: an entry by object (with columns, or the table alone), and
    /// by tables selector; the rest stay warnings.
    @Test func missingIndexesAreAcceptedByObjectAndTables() throws {
        let cli = try IndexCoverageCommandTests.project()
        defer { cli.remove() }
        try Self.append(
            """

            accept:
              - finding: performance.missing-index
                object: public.bare(tenant_id)
                reason: bare is tiny
              - finding: performance.missing-index
                object: cards
                reason: cards are looked up by id
              - finding: performance.missing-index
                tables: named('second') OR named('partial')
                reason: scanned nightly only

            """, to: cli.directory.appendingPathComponent("pgpe.yaml"))
        let findings = try Self.diagnostics(cli.directory, prefix: "performance.missing-index")
        func table(_ finding: JSONValue) -> String {
            let message = finding["message"]?.string ?? ""
            return message.range(of: " ON ").map { String(message[$0.upperBound...]) } ?? message
        }
        let accepted = findings.filter { $0["accepted"] != nil }.map(table).sorted()
        #expect(
            accepted == [
                "public.bare (tenant_id);", "public.cards (board_code);", "public.partial (tenant_id);", "public.second (tenant_id);",
            ], "\(findings)")
        #expect(findings.filter { $0["accepted"] != nil }.allSatisfy { $0["severity"]?.string == "info" })
        let warnings = findings.filter { $0["accepted"] == nil }
        #expect(warnings.map(table).sorted() == ["public.boards (code);", "public.dropped (tenant_id);"])
        #expect(warnings.allSatisfy { $0["severity"]?.string == "warning" })
        #expect(try CLIRunner.run(["analyze", "--strict"], in: cli.directory).status == 1)
    }

    @Test func anEntryMatchingNoFindingIsStaleAndABrokenOneIsOneDiagnostic() throws {
        let project = try Self.project(
            accept: """
                  - finding: sidechannel.view-definer
                    object: public.nothing
                    reason: no such view
                  - finding: sidechannel.view-definr
                    reason: a typo
                """)
        let text = try CLIRunner.run(["analyze"], in: project)
        #expect(text.status == 0, "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "pgpe.yaml:11:5: warning[config.stale-accept]: this accept entry (finding sidechannel.view-definer about public.nothing) matches no finding"
            ), "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "pgpe.yaml:14:14: warning[config.unknown-finding]: 'accept[1].finding' names 'sidechannel.view-definr', which is no finding accept: can accept, so the entry accepts nothing; did you mean 'sidechannel.view-definer'?"
            ), "\(text.stdout)")
        #expect(text.stdout.components(separatedBy: "config.stale-accept").count == 2)
        #expect(text.stdout.contains("leaky.sql:18:13: warning[sidechannel.view-definer]"))

        // On the fixed schema, an entry for a finding that is gone is stale.
        let fixed = try Self.project(accept: Self.acceptEverything)
        let config = fixed.appendingPathComponent("pgpe.yaml")
        try (try String(contentsOf: config, encoding: .utf8)).replacingOccurrences(of: "schema: leaky.sql", with: "schema: fixed.sql")
            .write(to: config, atomically: true, encoding: .utf8)
        let json = try Self.diagnostics(fixed, prefix: "config.stale-accept")
        #expect(json.compactMap { $0["line"]?.int }.sorted() == [11, 14, 17, 23, 26], "\(json)")

        // A missing reason is an error: the run fails and the entry accepts nothing.
        let broken = try Self.project(accept: "  - finding: sidechannel.view-definer\n    object: public.doc_titles")
        let run = try CLIRunner.run(["analyze"], in: broken)
        #expect(run.status == 1)
        #expect(run.stdout.contains("pgpe.yaml:11:5: error[config.missing-key]: 'accept[0]' needs 'reason'"), "\(run.stdout)")
    }

    /// `--write-baseline` records the side-channel and performance warnings without their lines:
    /// a strict run with the baseline passes, also after the schema's statements move; a new
    /// finding fails it and is the only one marked new.
    @Test func aBaselineRecordsTheFindingsAndFailsAStrictRunOnlyOnNewOnes() throws {
        let project = try Self.project()
        let baseline = project.appendingPathComponent("pgpe-baseline.json")
        let write = try CLIRunner.run(["analyze", "--strict", "--write-baseline", baseline.path], in: project)
        #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
        let recorded = try JSONValue(parsing: try String(contentsOf: baseline, encoding: .utf8))
        let entries = recorded["findings"]?.array ?? []
        #expect(entries.filter { $0["finding"] != nil }.count == 10, "\(recorded)")
        #expect(
            Set(entries.compactMap { $0["object"]?.string }) == [
                "public.doc_titles", "public.doc_count()", "public.events_a", "public.events_b", "public.docs(tenant_id)",
                "public.events(tenant_id)", "public.docs(id)", "public.docs(id, title)",
                "comment_doc_title on public.comments", "public.comments(tenant_id)",
            ])
        #expect(entries.allSatisfy { $0["detail"]?.string?.count == 8 })
        let bytes = try Data(contentsOf: baseline)
        _ = try CLIRunner.run(["analyze", "--write-baseline", baseline.path], in: project)
        #expect(try Data(contentsOf: baseline) == bytes)

        let old = try CLIRunner.run(["analyze", "--strict", "--baseline", baseline.path], in: project)
        #expect(old.status == 0, "\(old.stdout)")
        #expect(old.stdout.contains("warning[sidechannel.view-definer]") && old.stdout.contains("[in the baseline]"))

        // The statements move down: the same findings.
        let schema = project.appendingPathComponent("leaky.sql")
        let original = try String(contentsOf: schema, encoding: .utf8)
        try ("-- moved\n\n\n" + original).write(to: schema, atomically: true, encoding: .utf8)
        let moved = try CLIRunner.run(["analyze", "--strict", "--baseline", baseline.path, "--format", "json"], in: project)
        #expect(moved.status == 0, "\(moved.stdout)")
        let movedViews = (try JSONValue(parsing: moved.stdout)["diagnostics"]?.array ?? []).filter {
            $0["code"]?.string == "sidechannel.view-definer"
        }
        #expect(movedViews.first?["line"]?.int == 21 && movedViews.first?["baseline"]?.bool == true)

        // A second definer view: new, and the strict run fails on it alone.
        try Self.append(
            "CREATE VIEW public.doc_ids AS SELECT d.id FROM public.docs d;\nGRANT SELECT ON public.doc_ids TO pgpe_side_reader;\n",
            to: schema)
        let new = try CLIRunner.run(["analyze", "--strict", "--baseline", baseline.path, "--format", "json"], in: project)
        #expect(new.status == 1)
        let marked = (try JSONValue(parsing: new.stdout)["diagnostics"]?.array ?? []).filter { $0["baseline"] != nil }
        #expect(
            marked.filter { $0["baseline"]?.bool == false }.compactMap { $0["message"]?.string?.prefix(25) } == [
                "view public.doc_ids reads"
            ])
        #expect(marked.filter { $0["baseline"]?.bool == true }.count == 10)
        let sarif = try JSONValue(
            parsing: try CLIRunner.run(["analyze", "--baseline", baseline.path, "--format", "sarif"], in: project).stdout)
        let states = (sarif["runs"]?[0]?["results"]?.array ?? []).compactMap { $0["baselineState"]?.string }
        #expect(states.sorted() == ["new"] + Array(repeating: "unchanged", count: 10))
        // Without --strict the warnings fail nothing, baseline or not.
        #expect(try CLIRunner.run(["analyze", "--baseline", baseline.path], in: project).status == 0)
    }

    /// With the live catalog as the schema, the findings name the same objects and the same
    /// entries accept them all.
    @Test func theEntriesAcceptTheLiveCatalogsFindingsToo() async throws {
        let project = try Self.project(accept: Self.acceptEverything)
        try await withTestDatabase { database in
            try GoldenRoles.ensure([SideChannelCommandTests.reader], on: database.server)
            try database.connection.execute(
                GoldenRoles.idempotentRoles(try String(contentsOf: project.appendingPathComponent("leaky.sql"), encoding: .utf8)))
            let config = project.appendingPathComponent("pgpe.yaml")
            let live = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(
                of: "schema: leaky.sql\n", with: "database: ${PGPE_TEST_TARGET}\n")
            try live.write(to: config, atomically: true, encoding: .utf8)
            let environment = ["PGPE_TEST_TARGET": database.url()]
            let run = try CLIRunner.run(["analyze", "--strict", "--format", "json"], in: project, environment: environment)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let json = try JSONValue(parsing: run.stdout)
            let diagnostics = json["diagnostics"]?.array ?? []
            let findings = diagnostics.filter {
                ($0["code"]?.string?.hasPrefix("sidechannel.") ?? false) || $0["code"]?.string == "performance.missing-index"
            }
            #expect(findings.allSatisfy { $0["severity"]?.string == "info" }, "\(findings)")
            #expect(findings.filter { $0["accepted"] != nil }.count == 10, "\(findings)")
            #expect(!diagnostics.contains { $0["code"]?.string == "config.stale-accept" }, "\(diagnostics)")
        }
    }
}
