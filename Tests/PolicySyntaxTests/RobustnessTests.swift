import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@Suite struct RobustnessTests {
    /// Every range a parse produces must lie inside the text and on character boundaries.
    static func checkRanges(_ parsed: ParsedFile) -> Bool {
        let ok = parsed.source.holds
        for diagnostic in parsed.diagnostics where !ok(diagnostic.range) { return false }
        for token in parsed.tokens where !ok(token.range) { return false }
        for item in parsed.tree.items where !ok(item.range) { return false }
        for comment in parsed.tree.comments where !ok(comment.range) { return false }
        return true
    }

    @Test func randomAndMutatedInputsNeverCrashOrEscapeTheText() throws {
        let seeds = [
            try Fixtures.exampleText("policies/tenancy.policy"),
            try Fixtures.exampleText("policies/soft_delete.policy"),
        ]
        let inputs = FuzzCorpus.inputs(count: 1_000, seed: 0xF022, seeds: seeds)
        var formatted = 0
        for input in inputs {
            let parsed = Parser.parse(text: input)
            #expect(Self.checkRanges(parsed), "range outside the text for input:\n\(input.prefix(300))")
            if let output = Formatter.format(parsed) {
                formatted += 1
                let again = Parser.parse(text: output)
                #expect(!again.hasErrors, "formatter output does not parse:\n\(output.prefix(500))")
                #expect(SyntaxDump.dump(again.tree) == SyntaxDump.dump(parsed.tree))
            } else {
                #expect(parsed.hasErrors)
            }
        }
        // The corpus must exercise the formatter too, not only the error paths.
        #expect(formatted > 100)
    }
}
