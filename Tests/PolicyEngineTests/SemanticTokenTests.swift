import PolicyEngine
import PolicySyntax
import TestSupport
import Testing

@Suite struct SemanticTokenTests {
    /// The type and modifiers of the token starting at each marker.
    private func classify(_ marked: String) -> [String: String] {
        let source = MarkedSource(marked)
        let parsed = Parser.parse(text: source.text, path: "t.policy")
        let tokens = SemanticTokenProvider.tokens(in: parsed)
        var result: [String: String] = [:]
        for (marker, offset) in source.markers {
            let token = tokens.first { $0.range.start == offset }
            result[marker] = token.map { $0.type.rawValue + ($0.modifiers.isEmpty ? "" : "+declaration") } ?? "none"
        }
        return result
    }

    @Test func everyKindOfToken() {
        let types = classify(
            """
            1️⃣// comment
            2️⃣POLICY 3️⃣p PERMISSIVE FOR 4️⃣SELECT SELECTOR 5️⃣has_column(6️⃣tenant_id, 7️⃣uuid)
              CLAUSE col(8️⃣status) 9️⃣= lit(🔟'x')
            """)
        #expect(types["1️⃣"] == "comment")
        #expect(types["2️⃣"] == "keyword")
        #expect(types["3️⃣"] == "class+declaration")
        #expect(types["4️⃣"] == "keyword")
        #expect(types["5️⃣"] == "function")
        #expect(types["6️⃣"] == "property")
        #expect(types["7️⃣"] == "type")
        #expect(types["8️⃣"] == "property")
        #expect(types["9️⃣"] == "operator")
        #expect(types["🔟"] == "string")
    }

    @Test func positionDecidesBetweenKeywordAndName() {
        let types = classify(
            """
            POLICY p PERMISSIVE FOR SELECT SELECTOR ALL
              CLAUSE col(1️⃣select) 2️⃣IS 3️⃣NULL AND col(x) = lit(4️⃣null) AND col(y) = lit(5️⃣true) AND col(z) = lit(6️⃣42)
              AND exists(7️⃣rel(_, 8️⃣a, 9️⃣t, b), {fn(🔟is_member, [col(x)])})
            """)
        #expect(types["1️⃣"] == "property")
        #expect(types["2️⃣"] == "keyword")
        #expect(types["3️⃣"] == "keyword")
        #expect(types["4️⃣"] == "enumMember")
        #expect(types["5️⃣"] == "enumMember")
        #expect(types["6️⃣"] == "number")
        #expect(types["7️⃣"] == "function")
        #expect(types["8️⃣"] == "property")
        #expect(types["9️⃣"] == "none")
        #expect(types["🔟"] == "function")
    }

    @Test func blockCommentsAreSplitAtLineBreaks() {
        let parsed = Parser.parse(text: "/* one\ntwo */\nPOLICY p", path: "t.policy")
        let comments = SemanticTokenProvider.tokens(in: parsed).filter { $0.type == .comment }
        #expect(comments.map { parsed.source.text(in: $0.range) } == ["/* one", "two */"])
    }

    @Test func legendOrderIsTheAgreedOne() {
        #expect(
            SemanticTokenType.allCases.map(\.rawValue) == [
                "keyword", "function", "string", "number", "comment", "operator",
                "class", "type", "property", "enumMember",
            ])
        #expect(SemanticTokenModifier.allCases.map(\.rawValue) == ["declaration"])
    }
}
