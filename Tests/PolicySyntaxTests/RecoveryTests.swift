import PolicySyntax
import TestSupport
import Testing

@Suite struct RecoveryTests {
    @Test func threeIndependentErrorsGiveThreeDiagnosticsAndEveryPolicySurvives() {
        let text = """
            POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)

            POLICY b PERMISSIVE FOR SELEC SELECTOR ALL CLAUSE col(x) = lit(1)

            POLICY c PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x = lit(1)

            POLICY d PERMISSIVE FOR SELECT SELECTOR has_column(x CLAUSE col(x) = lit(1)
              OR CLAUSE col(y) = lit(2)

            POLICY e RESTRICTIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)
            """
        let parsed = Parser.parse(text: text, path: "three.policy")
        #expect(
            parsed.diagnostics.count == 3, "\(parsed.diagnostics.map { "\(parsed.source.position(of: $0.range.start)): \($0.message)" })")
        let lines = parsed.diagnostics.map { parsed.source.position(of: $0.range.start).line }
        #expect(lines == [3, 5, 7])
        let names = parsed.tree.policies.compactMap { $0.name?.text }
        #expect(names == ["a", "b", "c", "d", "e"])
        // The policies around the mistakes are complete.
        #expect(parsed.tree.policies[0].hasErrors == false)
        #expect(parsed.tree.policies[4].hasErrors == false)
        #expect(parsed.tree.policies[4].using.count == 1)
        // Recovery keeps what follows the mistake inside a policy, too.
        #expect(parsed.tree.policies[1].selector != nil)
        #expect(parsed.tree.policies[1].using.count == 1)
        #expect(parsed.tree.policies[2].using.first?.atoms.count == 1)
        #expect(parsed.tree.policies[3].using.count == 2)
    }

    @Test func missingClosingParenIsSynthesizedWithAFixIt() {
        let source = MarkedSource("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x1️⃣ = lit(1) AND col(y) = lit(2)")
        let parsed = Parser.parse(text: source.text)
        #expect(parsed.diagnostics.count == 1)
        let diagnostic = parsed.diagnostics[0]
        #expect(diagnostic.id == "syntax.expected-close-paren")
        #expect(diagnostic.message == "expected ')' after col(...), found '='")
        #expect(diagnostic.range == .empty(at: source["1️⃣"]))
        #expect(diagnostic.fixIts.first?.edits == [TextEdit(range: .empty(at: source["1️⃣"]), newText: ")")])
        #expect(parsed.tree.policies[0].using[0].atoms.count == 2)
    }

    @Test func missingAndBetweenAtoms() {
        let parsed = Parser.parse(text: "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1) col(y) = lit(2)")
        #expect(parsed.diagnostics.map(\.id) == ["syntax.expected-and"])
        #expect(parsed.tree.policies[0].using[0].atoms.count == 2)
    }

    @Test func missingClauseAfterOr() {
        let parsed = Parser.parse(text: "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1) OR col(y) = lit(2)")
        #expect(parsed.diagnostics.map(\.id) == ["syntax.expected-clause"])
        #expect(parsed.tree.policies[0].using.count == 2)
    }

    @Test func missingPolicyTypeAndIncompletePolicy() {
        let parsed = Parser.parse(
            text: """
                POLICY p FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)
                POLICY q PERMISSIVE FOR SELECT SELECTOR ALL
                POLICY r PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)
                """)
        #expect(parsed.diagnostics.map(\.id) == ["syntax.expected-policy-type", "syntax.incomplete-policy"])
        #expect(parsed.diagnostics.map { parsed.source.position(of: $0.range.start).line } == [1, 2])
        #expect(parsed.tree.policies.count == 3)
        #expect(parsed.tree.policies[2].hasErrors == false)
    }

    @Test func garbageBetweenItemsIsOneDiagnostic() {
        let parsed = Parser.parse(
            text: """
                POLICY a PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)
                this is ) not ( valid at all
                POLICY b PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1)
                """)
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics[0].message.hasPrefix("expected 'AND', 'OR CLAUSE', 'WITH CHECK' or the next item"))
        #expect(parsed.tree.policies.map { $0.name?.text } == ["a", "b"])
    }

    @Test func lexicalErrorsAreReportedOnce() {
        let parsed = Parser.parse(
            text: """
                POLICY a PERMISSIVE FOR SELECT SELECTOR named('unterminated CLAUSE col(x) = lit(1)
                POLICY b PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(1) § ¶
                POLICY c PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit(12abc)
                """)
        #expect(parsed.diagnostics.map(\.id) == ["syntax.unterminated-string", "syntax.unexpected-character", "syntax.invalid-number"])
        #expect(parsed.tree.policies.count == 3)
    }

    /// A NUL inside a string or quoted name is an error at the NUL (PostgreSQL text cannot hold
    /// one; libpq would end the statement there) and stays out of the value.
    @Test func aNulInAStringOrQuotedNameIsAnError() throws {
        let text = "POLICY \"p\u{0}q\" PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) = lit('a\u{0}b')"
        let parsed = Parser.parse(text: text)
        #expect(parsed.diagnostics.map(\.id) == ["syntax.nul-character", "syntax.nul-character"])
        let bytes = Array(text.utf8)
        #expect(parsed.diagnostics.map(\.range.start) == bytes.indices.filter { bytes[$0] == 0 })
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .error && $0.range.end == $0.range.start + 1 })
        #expect(parsed.tree.policies.first?.name?.identifier == "pq")
    }

    @Test func keywordsInNamePositionsAreNames() {
        let parsed = Parser.parse(
            text: "POLICY p PERMISSIVE FOR SELECT SELECTOR has_column(policy) CLAUSE col(clause) = col(select) AND col(for) = lit(1)")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
    }

    @Test func hostileNestingIsCappedWithoutOverflow() {
        let inputs = [
            "POLICY p PERMISSIVE FOR SELECT SELECTOR " + String(repeating: "(", count: 100_000) + "ALL",
            "POLICY p PERMISSIVE FOR SELECT SELECTOR " + String(repeating: "NOT ", count: 100_000) + "ALL CLAUSE col(x) = lit(1)",
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(x) IN lit(" + String(repeating: "[", count: 100_000),
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE " + String(repeating: "exists(rel(_, a, b, c), {", count: 20_000),
            "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE " + String(repeating: "fn(f, [", count: 50_000),
        ]
        for input in inputs {
            let parsed = Parser.parse(text: input)
            #expect(parsed.diagnostics.contains { $0.id == "syntax.nesting-too-deep" })
            #expect(parsed.diagnostics.filter { $0.severity == .error }.count <= 2)
            #expect(Formatter.format(parsed) == nil)
        }
    }
}
