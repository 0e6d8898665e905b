import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe analyze` with `accept:` entries and baselines (SPEC 11.8), and the CI formats of
/// `check`, `analyze` and `monitor` (SPEC 11.10): GitHub workflow commands that match GitHub's
/// syntax whatever the message holds, and JUnit XML that validates against the Jenkins/Ant
/// schema (Tests/Fixtures/junit/jenkins-junit.xsd, with xmllint, which `make test` installs).
@Suite struct CIReportTests {
    /// Two global tables readable by every session: `config` and `tenants` FAIL tenant-isolation
    /// and fail-closed for SELECT and coverage for INSERT, UPDATE and DELETE.
    static let globalTables = """
        POLICY config_read PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE true
        POLICY tenants_read PERMISSIVE FOR SELECT SELECTOR named('tenants') CLAUSE col(plan) = lit('free')

        """

    /// The running example with `policies/global.policy` and `accept:` appended to pgpe.yaml.
    static func project(policies: String = globalTables, accept: String? = nil) throws -> URL {
        let example = try CLIRunner.copyExample()
        try policies.write(to: example.appendingPathComponent("policies/global.policy"), atomically: true, encoding: .utf8)
        if let accept {
            let config = example.appendingPathComponent("pgpe.yaml")
            let text = try String(contentsOf: config, encoding: .utf8) + "accept:\n" + accept + "\n"
            try text.write(to: config, atomically: true, encoding: .utf8)
        }
        return example
    }

    // MARK: - accept

    @Test func acceptedFindingsDoNotFailTheRunAndShowTheirReasonInEveryFormat() throws {
        let project = try Self.project(
            accept: """
                  - proof: coverage
                    tables: named('config') OR named('tenants')
                    commands: [INSERT, UPDATE, DELETE]
                    reason: written only by the service role
                  - proof: [tenant-isolation, fail-closed]
                    roles: PUBLIC
                    reason: global tables, the same for every tenant
                  - proof: traversal
                    reason: a leak fixed long ago
                """)
        let text = try CLIRunner.run(["analyze"], in: project)
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(
            text.stdout.contains(
                "ACCEPTED coverage public.config INSERT WITH CHECK role=*: no permissive policy for INSERT on public.config: every INSERT is denied [FAILED, accepted at pgpe.yaml:10: written only by the service role]"
            ), "\(text.stdout)")
        #expect(text.stdout.contains("0 FAILED, 0 UNKNOWN, 10 ACCEPTED"), "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "\nACCEPTED public.config: 15 verdicts (contradiction, coverage, fail-closed, tenant-isolation), 5 accepted\n"),
            "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "pgpe.yaml:17:5: warning[config.stale-accept]: this accept entry (proof traversal on ALL) matches no FAILED or UNKNOWN verdict"
            ), "\(text.stdout)")

        let json = try JSONValue(parsing: try CLIRunner.run(["analyze", "--format", "json"], in: project).stdout)
        let accepted = (json["verdicts"]?.array ?? []).filter { $0["status"]?.string == "ACCEPTED" }
        #expect(accepted.count == 10)
        let isolation = try #require(accepted.first { $0["proof"]?.string == "tenant-isolation" })
        #expect(isolation["accepted"]?["status"]?.string == "FAILED")
        #expect(isolation["accepted"]?["reason"]?.string == "global tables, the same for every tenant")
        #expect(isolation["accepted"]?["line"]?.int == 14)
        #expect(json["summary"]?["accepted"]?.int == 10 && json["summary"]?["failed"]?.int == 0)

        let sarif = try JSONValue(parsing: try CLIRunner.run(["analyze", "--format", "sarif"], in: project).stdout)
        let results = sarif["runs"]?[0]?["results"]?.array ?? []
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(!suppressed.isEmpty && suppressed.count == results.filter { $0["ruleId"]?.string?.hasPrefix("proof.") == true }.count)
        #expect(suppressed.first?["suppressions"]?[0]?["justification"]?.string == "global tables, the same for every tenant")
    }

    // MARK: - baseline

    @Test func aBaselineLetsOldFindingsPassSurvivesReformattingAndFailsANewOne() throws {
        let project = try Self.project(
            policies: "POLICY tenants_read PERMISSIVE FOR SELECT SELECTOR named('tenants') CLAUSE col(plan) = lit('free')\n")
        let baseline = project.appendingPathComponent("pgpe-baseline.json").path
        let before = try CLIRunner.run(["analyze"], in: project)
        #expect(before.status == 1, "\(before.stdout)")
        let write = try CLIRunner.run(["analyze", "--write-baseline", baseline], in: project)
        #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: baseline))
        let recorded = try JSONValue(parsing: [UInt8](bytes))
        // tenant-isolation and fail-closed on SELECT, coverage on INSERT, UPDATE and DELETE.
        #expect(recorded["version"]?.int == 1 && recorded["findings"]?.array?.count == 5, "\(String(decoding: bytes, as: UTF8.self))")
        // Deterministic bytes: a second run writes the same file.
        _ = try CLIRunner.run(["analyze", "--write-baseline", baseline], in: project)
        #expect(try Data(contentsOf: URL(fileURLWithPath: baseline)) == bytes)

        let old = try CLIRunner.run(["analyze", "--baseline", baseline], in: project)
        #expect(old.status == 0, "\(old.stdout)\(old.stderr)")
        #expect(old.stdout.contains("(5 of them in the baseline)"), "\(old.stdout)")
        #expect(old.stdout.contains("tenant-isolation public.tenants SELECT USING role=PUBLIC key=app.tenant_id"))

        // Reformatted: comments, blank lines, one item over many lines, other spacing; the
        // findings are the same, and so are their identities.
        try """
        // The tenant registry: free plans are public.


        POLICY tenants_read
          PERMISSIVE
          FOR SELECT
          SELECTOR named('tenants')
          CLAUSE col(plan)   =   lit('free')
        """.write(to: project.appendingPathComponent("policies/global.policy"), atomically: true, encoding: .utf8)
        let moved = try CLIRunner.run(["analyze", "--baseline", baseline, "--format", "json"], in: project)
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        let movedVerdicts = try JSONValue(parsing: moved.stdout)["verdicts"]?.array ?? []
        let blamed = try #require(movedVerdicts.first { $0["proof"]?.string == "tenant-isolation" && $0["status"]?.string == "FAILED" })
        #expect(blamed["blame"]?[0]?["line"]?.int == 8, "the finding moved with its clause")
        #expect(blamed["baseline"]?.bool == true)

        // A new leak on another table fails the run; the old findings still pass.
        try
            (try String(contentsOf: project.appendingPathComponent("policies/global.policy"), encoding: .utf8)
            + "\nPOLICY config_read PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE true\n")
            .write(to: project.appendingPathComponent("policies/global.policy"), atomically: true, encoding: .utf8)
        let new = try CLIRunner.run(["analyze", "--baseline", baseline, "--format", "json"], in: project)
        #expect(new.status == 1, "\(new.stdout)\(new.stderr)")
        let verdicts = try JSONValue(parsing: new.stdout)["verdicts"]?.array ?? []
        let failed = verdicts.filter { $0["status"]?.string == "FAILED" }
        #expect(failed.filter { $0["baseline"]?.bool == false }.allSatisfy { $0["table"]?.string == "public.config" })
        #expect(failed.filter { $0["baseline"]?.bool == true }.allSatisfy { $0["table"]?.string == "public.tenants" })
        #expect(failed.filter { $0["baseline"]?.bool == false }.count == 5)

        // A wider clause on the old table is a new finding too: its clause's normal form changed.
        try "POLICY tenants_read PERMISSIVE FOR SELECT SELECTOR named('tenants') CLAUSE col(plan) = lit('pro')\n"
            .write(to: project.appendingPathComponent("policies/global.policy"), atomically: true, encoding: .utf8)
        let changed = try CLIRunner.run(["analyze", "--baseline", baseline], in: project)
        #expect(changed.status == 1, "\(changed.stdout)")
    }

    @Test func aBaselineThatIsNotOneIsAToolFailure() throws {
        let project = try Self.project()
        let path = project.appendingPathComponent("bad.json")
        try "{\"findings\": 3}".write(to: path, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["analyze", "--baseline", path.path], in: project)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("is not a pgpe baseline"), "\(run.stderr)")
    }

    // MARK: - pre-commit

    /// `.pre-commit-hooks.yaml` defines pgpe-check, pgpe-fmt and pgpe-analyze as system hooks,
    /// and each hook's entry is a pgpe command that passes on the running example.
    @Test func thePreCommitHooksRunPgpeCommandsThatPassOnTheExample() throws {
        let text = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        var hooks: [(id: String, entry: String, language: String)] = []
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("- id: ") {
                hooks.append((String(line.dropFirst(6)), "", ""))
            } else if line.hasPrefix("  entry: "), !hooks.isEmpty {
                hooks[hooks.count - 1].entry = String(line.dropFirst(9))
            } else if line.hasPrefix("  language: "), !hooks.isEmpty {
                hooks[hooks.count - 1].language = String(line.dropFirst(12))
            }
        }
        #expect(hooks.map(\.id) == ["pgpe-check", "pgpe-fmt", "pgpe-analyze"])
        #expect(hooks.allSatisfy { $0.language == "system" && $0.entry.hasPrefix("pgpe ") })
        let example = try CLIRunner.copyExample()
        for hook in hooks {
            var arguments = hook.entry.split(separator: " ").dropFirst().map(String.init)
            // pre-commit passes the changed files to hooks with pass_filenames (fmt).
            if hook.id == "pgpe-fmt" { arguments.append("policies/tenancy.policy") }
            let run = try CLIRunner.run(arguments, in: example)
            #expect(run.status == 0, "\(hook.id): \(run.stdout)\(run.stderr)")
        }
    }

    // MARK: - github

    /// `::level file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`: properties without a
    /// raw `,` or `:`, and nothing that could end the line or start another command.
    static let workflowCommand =
        #"^::(error|warning|notice) (file=[^,:\r\n]*,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,)?title=[^,:\r\n]*::[^\r\n]*$"#

    /// Whether `line` is one workflow command.
    static func isWorkflowCommand(_ line: String) -> Bool {
        guard let regex = try? Regex(workflowCommand) else { return false }
        return line.wholeMatch(of: regex) != nil
    }

    /// A command's message or property as GitHub reads it back.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
            .replacingOccurrences(of: "%25", with: "%")
    }

    @Test func githubAnnotationsMatchTheWorkflowCommandSyntaxWithHostileMessagesAndPaths() throws {
        // A project in a directory whose name holds `:`, `,` and `%`, and an accept entry whose
        // unknown proof id (quoted in the message) holds `%`, a line break, `::`, a comma and CR.
        let root = try CLIRunner.temporaryDirectory("pgpe-github")
        let project = root.appendingPathComponent("we:ird,100%")
        try FileManager.default.copyItem(at: try Self.project(), to: project)
        let hostile = "x%25y::z,w\nnext\r::error::pwned"
        let config = project.appendingPathComponent("pgpe.yaml")
        try
            (try String(contentsOf: config, encoding: .utf8)
            + "accept:\n  - proof: \"x%25y::z,w\\nnext\\r::error::pwned\"\n    reason: r\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let json = try CLIRunner.run(["check", "--config", "we:ird,100%/pgpe.yaml", "--format", "json"], in: root)
        let expected = try #require(
            (try JSONValue(parsing: json.stdout))["diagnostics"]?.array?.first { $0["code"]?.string == "config.unknown-proof" })
        let message = try #require(expected["message"]?.string)
        #expect(message.contains(hostile), "\(message)")

        let check = try CLIRunner.run(["check", "--config", "we:ird,100%/pgpe.yaml", "--format", "github"], in: root)
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(lines)")
        for line in lines { #expect(Self.isWorkflowCommand(line), "\(line)") }
        let line = try #require(lines.first)
        #expect(line.hasPrefix("::warning file=we%3Aird%2C100%25/pgpe.yaml,line=\(expected["line"]?.int ?? 0),"), "\(line)")
        let body = try #require(line.range(of: "::", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex))
        #expect(Self.unescape(String(line[body.upperBound...])) == message)

        let analyze = try CLIRunner.run(["analyze", "--config", "we:ird,100%/pgpe.yaml", "--format", "github"], in: root)
        #expect(analyze.status == 1)
        let annotations = analyze.stdout.split(separator: "\n").map(String.init)
        #expect(annotations.allSatisfy { Self.isWorkflowCommand($0) }, "\(annotations)")
        let errors = annotations.filter { $0.hasPrefix("::error ") }
        // tenant-isolation and fail-closed on SELECT, coverage on INSERT, UPDATE and DELETE, of
        // config and of tenants.
        #expect(errors.count == 10, "\(annotations)")
        #expect(errors.allSatisfy { $0.contains("file=we%3Aird%2C100%25/policies/global.policy,line=") }, "\(errors)")
        #expect(annotations.contains { $0.hasPrefix("::error ") && $0.contains("title=tenant-isolation FAILED on public.config::") })
    }

    // MARK: - junit

    /// Validates `xml` with xmllint against the fixture schema; returns xmllint's output.
    static func validate(_ xml: String) throws -> (status: Int32, output: String) {
        let xmllint = "/usr/bin/xmllint"
        try #require(FileManager.default.isExecutableFile(atPath: xmllint), "make test installs libxml2-utils (scripts/deps.sh)")
        let file = try CLIRunner.temporaryDirectory("pgpe-junit").appendingPathComponent("report.xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        let schema = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/junit/jenkins-junit.xsd").path
        process.arguments = ["--noout", "--schema", schema, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func junitOfCheckAndAnalyzeValidatesAgainstTheJUnitSchema() throws {
        let project = try Self.project(
            accept:
                "  - proof: \"<b>&amp;\\u0001\\\"'\"\n    reason: r\n  - proof: coverage\n    tables: named('config')\n    reason: <service> & co"
        )
        let check = try CLIRunner.run(["check", "--format", "junit"], in: project)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let checked = try Self.validate(check.stdout)
        #expect(checked.status == 0, "\(checked.output)\n\(check.stdout)")
        #expect(check.stdout.contains("&lt;b&gt;&amp;amp;\\u{1}&quot;&apos;"), "\(check.stdout)")
        #expect(check.stdout.contains(#"<testcase name="checked" classname="policies/tenancy.policy"/>"#), "\(check.stdout)")

        let analyze = try CLIRunner.run(["analyze", "--format", "junit"], in: project)
        #expect(analyze.status == 1)
        let analyzed = try Self.validate(analyze.stdout)
        #expect(analyzed.status == 0, "\(analyzed.output)\n\(analyze.stdout)")
        #expect(analyze.stdout.contains(#"failures="7""#), "\(analyze.stdout)")
        #expect(analyze.stdout.contains("accepted: &lt;service&gt; &amp; co"), "\(analyze.stdout)")
        #expect(
            analyze.stdout.contains(
                #"<failure message="tenant-isolation FAILED on public.tenants" type="proof.tenant-isolation">policies/global.policy:2:"#),
            "\(analyze.stdout)")

        // Test cases are unique by suite and name (per-clause verdicts share a name: numbered).
        let testcase = try Regex(#"<testcase name="[^"]*" classname="[^"]*""#)
        let cases = analyze.stdout.split(separator: "\n").compactMap { $0.firstMatch(of: testcase).map { String($0.0) } }
        #expect(Set(cases).count == cases.count, "\(cases.filter { c in cases.count { $0 == c } > 1 })")
        #expect(cases.contains { $0.hasSuffix(" #2\" classname=\"public.projects\"") }, "\(cases)")

        // The schema is not a formality: a count that is not a number fails it.
        let broken = analyze.stdout.replacingOccurrences(of: #"failures="7""#, with: #"failures="seven""#)
        #expect(try Self.validate(broken).status != 0)
    }

    @Test func monitorWritesGitHubAnnotationsAndJUnit() async throws {
        try await DatabaseCLI.withExampleDatabase { _, cli, target in
            let github = try cli.run(["monitor", "--format", "github"] + target)
            #expect(github.status == 1)
            let lines = github.stdout.split(separator: "\n").map(String.init)
            #expect(lines.allSatisfy { Self.isWorkflowCommand($0) }, "\(lines)")
            let missing = lines.filter { $0.contains("title=missing_policy") }
            #expect(missing.count == 6 && missing.allSatisfy { $0.hasPrefix("::error file=policies/") }, "\(missing)")
            let junit = try cli.run(["monitor", "--format", "junit"] + target)
            #expect(junit.status == 1)
            let validated = try Self.validate(junit.stdout)
            #expect(validated.status == 0, "\(validated.output)\n\(junit.stdout)")
            #expect(junit.stdout.contains(#"<testsuites name="pgpe monitor" tests="#), "\(junit.stdout)")
            let watch = try cli.run(["monitor", "--format", "junit", "--watch", "1"] + target)
            #expect(watch.status == 64 || watch.status == 2, "\(watch.stderr)")
        }
    }
}
