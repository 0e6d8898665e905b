import PolicyConfig
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// 10,000 random and mutated inputs through the parser, the checker and the formatter.
@Suite struct CheckerRobustnessTests {
    @Test func tenThousandInputsNeverCrashHangOrEscapeTheText() throws {
        let seeds = [
            try Fixtures.exampleText("policies/tenancy.policy"),
            try Fixtures.exampleText("policies/soft_delete.policy"),
        ]
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [
            SessionKeyDecl(key: "app.tenant_id", type: .uuid), SessionKeyDecl(key: "app.user_id", type: .uuid),
            SessionKeyDecl(key: "app.level", type: .integer),
        ]
        config.functions = [FunctionDecl(name: "is_member", arguments: [.uuid, .uuid], returns: .boolean)]
        let inputs = FuzzCorpus.inputs(count: 10_000, seed: 0xC4EC4, seeds: seeds)
        var checkedClean = 0
        var withErrors = 0
        for (index, input) in inputs.enumerated() {
            let parsed = Parser.parse(text: input, path: "fuzz.policy")
            let set = Checker.check(files: [parsed], config: config, schema: exampleLikeSchema)
            for diagnostic in parsed.diagnostics + set.diagnostics {
                #expect(diagnostic.location.file == "fuzz.policy")
                #expect(parsed.source.holds(diagnostic.range), "input \(index): \(diagnostic.id) at \(diagnostic.range)")
            }
            for policy in set.policies {
                #expect(parsed.source.holds(policy.ref.nameRange))
            }
            let formatted = Formatter.format(parsed)
            if formatted == nil { #expect(parsed.hasErrors) }
            if parsed.hasErrors || set.hasErrors { withErrors += 1 } else { checkedClean += 1 }
        }
        // The corpus reaches both the error paths and clean checks.
        #expect(withErrors > 1_000)
        #expect(checkedClean > 100)
    }
}
