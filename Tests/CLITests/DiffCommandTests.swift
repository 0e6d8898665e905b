import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

/// `pgpe diff` as a user runs it: the base read from git (`--base`) or a directory
/// (`--base-dir`), `--fail-on new-access` exit codes, and the formats.
@Suite struct DiffCommandTests {
    /// The running example in a fresh git repository, its first commit made.
    static func repository() throws -> URL {
        let directory = try CLIRunner.copyExample()
        try GitRepository(directory).initialize()
        return directory
    }

    static func commit(_ message: String, in directory: URL) throws {
        try GitRepository(directory).commit(message)
    }

    /// A policy that lets every session read tasks whose status is 'public'.
    static let openTasks = "\nPOLICY open_tasks PERMISSIVE FOR SELECT SELECTOR named('tasks')\n  CLAUSE col(status) = lit('public')\n"

    static func append(_ text: String, to file: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(file)
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    /// `--base REV` compares with the files git holds at REV, not the working tree's: a
    /// committed widening is ADDED with its witness and clause and fails `--fail-on new-access`;
    /// compared with itself nothing changed; an uncommitted narrowing is REMOVED only.
    @Test func baseRevisionReadWithGit() throws {
        let directory = try Self.repository()
        try Self.append(Self.openTasks, to: "policies/tenancy.policy", in: directory)
        try Self.commit("open tasks", in: directory)
        let widened = try CLIRunner.run(["diff", "--base", "HEAD~1", "--fail-on", "new-access"], in: directory)
        #expect(widened.status == 1, "\(widened.stdout)\(widened.stderr)")
        #expect(widened.stdout.contains("ADDED     public.tasks SELECT USING role=PUBLIC"), "\(widened.stdout)")
        #expect(widened.stdout.contains("status='public'"), "the witness row")
        #expect(widened.stdout.contains("admitted now by policy open_tasks, policies/tenancy.policy:"), "\(widened.stdout)")
        #expect(widened.stdout.contains("compared with HEAD~1: 1 added, 0 removed"), "\(widened.stdout)")
        // Without --fail-on the same comparison succeeds.
        #expect(try CLIRunner.run(["diff", "--base", "HEAD~1"], in: directory).status == 0)

        let same = try CLIRunner.run(["diff", "--fail-on", "new-access"], in: directory)
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("compared with HEAD: 0 added, 0 removed, 25 unchanged, 0 unknown"), "\(same.stdout)")

        // An uncommitted edit (the working tree) against HEAD: the soft-delete filter back on
        // tasks' traversal is narrower, which is not new access.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("policies/tenancy.policy"))
        try GitRepository(directory).run(["checkout", "HEAD~1", "--", "policies/tenancy.policy"])
        let narrowed = try CLIRunner.run(["diff", "--fail-on", "new-access"], in: directory)
        #expect(narrowed.status == 0, "\(narrowed.stdout)\(narrowed.stderr)")
        #expect(narrowed.stdout.contains("REMOVED   public.tasks SELECT USING role=PUBLIC"), "\(narrowed.stdout)")
        #expect(narrowed.stdout.contains("admitted before by policy open_tasks"), "\(narrowed.stdout)")
        #expect(!narrowed.stdout.contains("ADDED"))
    }

    /// `--format github`: added access is an annotation on the clause that admits it, an error
    /// under `--fail-on new-access` (a warning without); every line is one workflow command.
    /// `--format junit` validates against the JUnit schema, the added access a failure only when
    /// it fails the run.
    @Test func githubAndJUnitFormats() throws {
        let directory = try Self.repository()
        try Self.append(Self.openTasks, to: "policies/tenancy.policy", in: directory)
        try Self.commit("open tasks", in: directory)
        let gated = try CLIRunner.run(["diff", "--base", "HEAD~1", "--fail-on", "new-access", "--format", "github"], in: directory)
        #expect(gated.status == 1, "\(gated.stdout)\(gated.stderr)")
        let lines = gated.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty && lines.allSatisfy(CIReportTests.isWorkflowCommand), "\(gated.stdout)")
        let added = try #require(lines.first { $0.contains("added access") }, "\(gated.stdout)")
        #expect(added.hasPrefix("::error file=policies/tenancy.policy,line="), "\(added)")
        #expect(added.contains("title=added access%3A SELECT USING on public.tasks for PUBLIC"), "\(added)")
        #expect(CIReportTests.unescape(added).contains("status='public'"), "the witness: \(added)")
        let warned = try CLIRunner.run(["diff", "--base", "HEAD~1", "--format", "github"], in: directory)
        #expect(warned.status == 0)
        #expect(warned.stdout.split(separator: "\n").contains { $0.hasPrefix("::warning file=policies/tenancy.policy,") })

        let junit = try CLIRunner.run(["diff", "--base", "HEAD~1", "--fail-on", "new-access", "--format", "junit"], in: directory)
        #expect(junit.status == 1)
        let validated = try CIReportTests.validate(junit.stdout)
        #expect(validated.status == 0, "\(validated.output)\n\(junit.stdout)")
        #expect(junit.stdout.contains(#"failures="1""#), "\(junit.stdout)")
        #expect(junit.stdout.contains(#"<testcase name="SELECT USING PUBLIC" classname="public.tasks">"#), "\(junit.stdout)")
        let ungated = try CLIRunner.run(["diff", "--base", "HEAD~1", "--format", "junit"], in: directory)
        #expect(ungated.stdout.contains(#"failures="0""#), "\(ungated.stdout)")
    }

    /// Git's failures are tool failures (exit 2) with git's reason.
    @Test func unknownRevisionOrNoRepositoryIsAToolFailure() throws {
        let directory = try Self.repository()
        let unknown = try CLIRunner.run(["diff", "--base", "no-such-revision"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--base no-such-revision: unknown revision 'no-such-revision'"), "\(unknown.stderr)")
        let plain = try CLIRunner.copyExample()
        let outside = try CLIRunner.run(["diff"], in: plain)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("--base HEAD:"), "\(outside.stderr)")
        let both = try CLIRunner.run(["diff", "--base", "HEAD", "--base-dir", "."], in: directory)
        #expect(both.status == 64 || both.status == 2, "\(both.stderr)")
    }

    /// A policy file added in the working tree is read; one only in the revision is not.
    @Test func filesAddedOrDeletedSinceTheRevision() throws {
        let directory = try Self.repository()
        try Self.openTasks.write(
            to: directory.appendingPathComponent("policies/open.policy"), atomically: true, encoding: .utf8)
        let added = try CLIRunner.run(["diff", "--fail-on", "new-access"], in: directory)
        #expect(added.status == 1)
        #expect(added.stdout.contains("admitted now by policy open_tasks, policies/open.policy:3:3"), "\(added.stdout)")
        try Self.commit("open", in: directory)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("policies/open.policy"))
        let removed = try CLIRunner.run(["diff", "--fail-on", "new-access"], in: directory)
        #expect(removed.status == 0, "\(removed.stdout)")
        #expect(removed.stdout.contains("REMOVED   public.tasks SELECT USING role=PUBLIC"), "\(removed.stdout)")
    }

    /// `--base-dir DIR` reads another copy of the project.
    @Test func baseDirectory() throws {
        let base = try CLIRunner.copyExample()
        let current = try CLIRunner.copyExample()
        try Self.append(Self.openTasks, to: "policies/tenancy.policy", in: current)
        let run = try CLIRunner.run(["diff", "--base-dir", base.path, "--fail-on", "new-access"], in: current)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("compared with \(base.path): 1 added, 0 removed, 24 unchanged, 0 unknown"), "\(run.stdout)")
        let back = try CLIRunner.run(["diff", "--base-dir", current.path, "--fail-on", "new-access"], in: base)
        #expect(back.status == 0)
        #expect(back.stdout.contains("0 added, 1 removed"), "\(back.stdout)")
        let missing = try CLIRunner.run(["diff", "--base-dir", "/no/such/dir"], in: current)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--base-dir: no such file or directory"), "\(missing.stderr)")
    }

    /// JSON is deterministic (no timings) and holds each change with its witness and clause.
    @Test func jsonIsDeterministicAndComplete() throws {
        let base = try CLIRunner.copyExample()
        let current = try CLIRunner.copyExample()
        try Self.append(Self.openTasks, to: "policies/tenancy.policy", in: current)
        let first = try CLIRunner.run(["diff", "--base-dir", base.path, "--format", "json"], in: current)
        let second = try CLIRunner.run(["diff", "--base-dir", base.path, "--format", "json", "--jobs", "1"], in: current)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let json = try JSONValue(parsing: first.stdout)
        #expect(json["summary"]?["added"] == .integer(1))
        #expect(json["summary"]?["addsAccess"] == .bool(true))
        let changes = json["changes"]?.array ?? []
        #expect(changes.count == 25)
        let added = try #require(changes.first { $0["kind"] == .string("added") })
        #expect(added["table"] == .string("public.tasks"))
        #expect(added["command"] == .string("SELECT"))
        #expect(added["predicate"] == .string("using"))
        #expect(added["witness"]?["row"]?["values"]?["status"] == .string("public"))
        #expect(added["clauses"]?[0]?["policy"] == .string("open_tasks"))
        #expect(added["clauses"]?[0]?["line"] == .integer(20), "the CLAUSE line of the appended policy")
    }

    /// Markdown: a summary line, a table per changed table, the witness as small tables; each
    /// table's rows have as many cells as its header, and no raw HTML. (The CommonMark parse
    /// is tests-e2e/test_diff_markdown.py's, with markdown-it-py.)
    @Test func markdownIsAPullRequestComment() throws {
        let base = try CLIRunner.copyExample()
        let current = try CLIRunner.copyExample()
        try Self.append(
            Self.openTasks.replacingOccurrences(of: "lit('public')", with: "lit('a|b`<i>')"), to: "policies/tenancy.policy", in: current)
        let run = try CLIRunner.run(["diff", "--base-dir", base.path, "--format", "markdown"], in: current)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("## pgpe diff against ") == true)
        #expect(lines.contains("**Access added**: 1 added, 0 removed, 24 unchanged, 0 unknown."), "\(run.stdout)")
        #expect(lines.contains("### public.tasks"))
        #expect(lines.contains("| Change | Command | Role | Side | Clause |"))
        #expect(lines.contains { $0.hasPrefix("| added | SELECT | PUBLIC | USING | policy open\\_tasks, policies/tenancy.policy:") })
        #expect(lines.contains("| status | ``'a\\|b`<i>'`` |"), "the value as a code span, its pipe escaped:\n\(run.stdout)")
        #expect(lines.filter { $0.contains("<i>") }.allSatisfy { $0.contains("``") }, "no raw HTML outside code spans")
        // Tables: a header, a delimiter row, rows with the header's cell count.
        func cells(_ line: String) -> Int {
            var count = 0
            var escaped = false
            for character in line {
                if character == "|" && !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            return count - 1
        }
        var index = 0
        var tables = 0
        while index < lines.count {
            guard lines[index].hasPrefix("|") else {
                index += 1
                continue
            }
            tables += 1
            let width = cells(lines[index])
            #expect(index + 1 < lines.count && lines[index + 1] == "|" + String(repeating: " --- |", count: width))
            #expect(index == 0 || lines[index - 1].isEmpty, "a blank line before each table")
            index += 2
            while index < lines.count && lines[index].hasPrefix("|") {
                #expect(cells(lines[index]) == width, "\(lines[index])")
                index += 1
            }
        }
        #expect(tables >= 3, "changes, the row, the session:\n\(run.stdout)")
    }
}
