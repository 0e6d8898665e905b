import Foundation
import JSON
import PolicyWorkloads
import TestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func theExampleChecksCleanAndIsFormatted() throws {
        let example = try CLIRunner.copyExample()
        let check = try CLIRunner.run(["check"], in: example)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.isEmpty)
        let fmt = try CLIRunner.run(["fmt", "--check"], in: example)
        #expect(fmt.status == 0, "\(fmt.stdout)\(fmt.stderr)")
    }

    @Test func errorsHaveTheTextFormatAndExitOne() throws {
        let example = try CLIRunner.copyExample()
        let path = example.appendingPathComponent("policies/tenancy.policy")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "col('tenant_id') = session", with: "col('tenant') = session")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check"], in: example)
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "policies/tenancy.policy:6:14: error[semantic.unknown-column]: unknown column 'tenant' on public.comments, public.projects and public.users; did you mean 'tenant_id'?"
            ),
            "\(result.stdout)")
    }

    /// Two policies whose SQL names collide on a table (`"Tenant"` and `tenant` both name
    /// `tenant_users`) are an error of `check`, not only of `compile`.
    @Test func policiesWhoseSQLNamesCollideAreACheckError() throws {
        let example = try CLIRunner.copyExample()
        try """
        POLICY "Tenant_Isolation" PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')
        """.write(to: example.appendingPathComponent("policies/collide.policy"), atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["check"], in: example)
        let compile = try CLIRunner.run(["compile"], in: example)
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("error[compile.name-collision]"), "\(check.stdout)")
        #expect(compile.status == 1)
    }

    /// A NUL in a string literal is a check error at its line and column, and `compile`
    /// refuses (exit 1) instead of printing SQL that holds it.
    @Test func aNulInAStringLiteralIsACheckError() throws {
        let example = try CLIRunner.copyExample()
        try "POLICY nul_name PERMISSIVE FOR SELECT SELECTOR named('users')\n  CLAUSE col(email) = lit('a\u{0}b')\n"
            .write(to: example.appendingPathComponent("policies/nul.policy"), atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["check"], in: example)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("policies/nul.policy:2:29: error[syntax.nul-character]"), "\(check.stdout)")
        let compile = try CLIRunner.run(["compile"], in: example)
        #expect(compile.status == 1, "\(compile.stdout)\(compile.stderr)")
        #expect(!compile.stdout.utf8.contains(0))
    }

    @Test func jsonIsTheDocumentedContract() throws {
        let example = try CLIRunner.copyExample()
        try "POLICY broken PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x = lit(1)\n"
            .write(to: example.appendingPathComponent("policies/broken.policy"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check", "--format", "json"], in: example)
        #expect(result.status == 1)
        let json = try JSONValue(parsing: result.stdout)
        let diagnostics = try #require(json["diagnostics"]?.array)
        #expect(diagnostics.count == 1)
        let first = try #require(diagnostics.first?.object)
        #expect(first.keys == ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"])
        #expect(first["file"]?.string == "policies/broken.policy")
        #expect(first["line"]?.int == 1)
        #expect(first["column"]?.int == 62)
        #expect(first["severity"]?.string == "error")
        #expect(first["code"]?.string == "syntax.expected-close-paren")
    }

    @Test func sarifIsVersion210WithTheSameContent() throws {
        let example = try CLIRunner.copyExample()
        try "POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = lit(null)\n"
            .write(to: example.appendingPathComponent("policies/null.policy"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check", "--format", "sarif"], in: example)
        #expect(result.status == 1)
        let json = try JSONValue(parsing: result.stdout)
        #expect(json["version"]?.string == "2.1.0")
        let results = try #require(json["runs"]?[0]?["results"]?.array)
        #expect(results.count == 1)
        #expect(results.first?["ruleId"]?.string == "semantic.null-comparison")
        #expect(results.first?["level"]?.string == "error")
        #expect(results.first?["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.string == "policies/null.policy")
        #expect(results.first?["locations"]?[0]?["physicalLocation"]?["region"]?["startColumn"]?.int == 63)
        // The rule's metadata comes from the diagnostic catalogue and links to its documentation.
        let rules = try #require(json["runs"]?[0]?["tool"]?["driver"]?["rules"]?.array)
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule["id"]?.string == "semantic.null-comparison")
        #expect(rule["shortDescription"]?["text"]?.string?.hasPrefix("A comparison with null is never true in SQL") == true)
        #expect(rule["defaultConfiguration"]?["level"]?.string == "error")
        #expect(rule["helpUri"]?.string == "https://github.com/pgpe/pgpe/blob/main/docs/diagnostics.md#semantic.null-comparison")
        let documentation = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        #expect(documentation.contains("<a id=\"semantic.null-comparison\"></a>"))
    }

    @Test func toolFailuresExitTwo() throws {
        let example = try CLIRunner.copyExample()
        let badFlag = try CLIRunner.run(["check", "--no-such-flag"], in: example)
        #expect(badFlag.status == 2)
        let missingConfig = try CLIRunner.run(["check", "--config", "nope.yaml"], in: example)
        #expect(missingConfig.status == 2)
        #expect(missingConfig.stderr.contains("config file not found: nope.yaml"))
        let missingPath = try CLIRunner.run(["check", "no/such/dir"], in: example)
        #expect(missingPath.status == 2)
    }

    @Test func fmtRewritesAndCheckReportsUnformattedFiles() throws {
        let example = try CLIRunner.copyExample()
        let path = example.appendingPathComponent("policies/messy.policy")
        try "policy messy permissive for select selector named('users') clause col(tenant_id)=session('app.tenant_id') -- keep me\n"
            .write(to: path, atomically: true, encoding: .utf8)
        let check = try CLIRunner.run(["fmt", "--check"], in: example)
        #expect(check.status == 1)
        #expect(check.stdout.contains("would reformat policies/messy.policy"))
        let write = try CLIRunner.run(["fmt"], in: example)
        #expect(write.status == 0)
        let formatted = try String(contentsOf: path, encoding: .utf8)
        #expect(
            formatted == """
                POLICY messy
                  PERMISSIVE
                  FOR SELECT
                  SELECTOR named('users')
                  CLAUSE col(tenant_id) = session('app.tenant_id') -- keep me

                """)
        #expect(try CLIRunner.run(["fmt", "--check"], in: example).status == 0)
    }
}
