import PolicyEngine
import PolicySyntax
import TestSupport
import Testing

/// Editor features for `outer(c)` and `GOVERN SELECTOR …` (SPEC 11.3): hover, completion,
/// definition, semantic tokens and symbols know what they refer to.
@Suite struct OuterAndGovernFeatureTests {
    static let outerPolicy = """
        POLICY p PERMISSIVE FOR SELECT SELECTOR named('comments') CLAUSE
          exists(rel(_, task_id, tasks, id), {col(title) = 1️⃣outer(2️⃣body) AND exists(rel(_, project_id, projects, id), {col(name) = outer(3️⃣title)})})
        """

    @Test func outerHoverNamesTheRowTheTraversalStartsFrom() throws {
        let fixture = try EngineFixture(Self.outerPolicy)
        #expect(!fixture.snapshot.hasErrors, "\(fixture.snapshot.diagnostics.map(\.message))")
        let top = try #require(HoverProvider.hover(at: fixture["2️⃣"], in: fixture.path, snapshot: fixture.snapshot))
        #expect(
            top.markdown.hasPrefix("**outer(body)**: a column of the row the traversal starts from (the governed row)"), "\(top.markdown)")
        #expect(top.markdown.contains("- public.comments.body: `text` NOT NULL"), "\(top.markdown)")
        let nested = try #require(HoverProvider.hover(at: fixture["3️⃣"], in: fixture.path, snapshot: fixture.snapshot))
        #expect(nested.markdown.contains("(the enclosing traversal's target row)"), "\(nested.markdown)")
        #expect(nested.markdown.contains("- public.tasks.title: `text` NOT NULL"), "\(nested.markdown)")
        // Definition: the column's line in the enclosing table's CREATE TABLE.
        let definitions = DefinitionProvider.definitions(at: fixture["3️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(definitions.count == 1)
    }

    @Test func outerCompletesTheEnclosingRowsColumns() throws {
        let fixture = try EngineFixture(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, project_id, projects, id), {col(name) = outer(1️⃣")
        let labels = CompletionProvider.completions(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.snapshot).map(\.label)
        #expect(Set(labels) == ["id", "project_id", "title", "assignee_id", "status"])
        let inside = try EngineFixture(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, project_id, projects, id), {1️⃣")
        #expect(
            CompletionProvider.completions(at: inside["1️⃣"], in: inside.path, snapshot: inside.snapshot).map(\.label).contains("outer"))
    }

    @Test func outerIsAFunctionWordAndItsColumnAProperty() {
        let source = MarkedSource(Self.outerPolicy)
        let tokens = SemanticTokenProvider.tokens(in: Parser.parse(text: source.text, path: "t.policy"))
        #expect(tokens.first { $0.range.start == source["1️⃣"] }?.type.rawValue == "function")
        #expect(tokens.first { $0.range.start == source["2️⃣"] }?.type.rawValue == "property")
    }

    @Test func governHoverSymbolsAndCompletion() throws {
        let fixture = try EngineFixture("1️⃣GOVERN SELECTOR named('config') OR named('files')\n")
        #expect(!fixture.snapshot.hasErrors, "\(fixture.snapshot.diagnostics.map(\.message))")
        let hover = try #require(HoverProvider.hover(at: fixture["1️⃣"] + 1, in: fixture.path, snapshot: fixture.snapshot))
        #expect(hover.markdown.hasPrefix("**GOVERN**: row-level security on, no policy from this item"), "\(hover.markdown)")
        #expect(hover.markdown.contains("on 2 tables: public.config, public.files"), "\(hover.markdown)")
        let symbols = SymbolProvider.documentSymbols(in: fixture.path, snapshot: fixture.snapshot)
        #expect(symbols.map(\.name) == ["GOVERN SELECTOR named('config') OR named('files')"])
        #expect(
            ReferenceProvider.tables(at: fixture["1️⃣"] + 1, in: fixture.path, snapshot: fixture.snapshot).map(\.name) == ["config", "files"])
        let start = try EngineFixture("1️⃣")
        #expect(CompletionProvider.completions(at: start["1️⃣"], in: start.path, snapshot: start.snapshot).map(\.label).contains("GOVERN"))
        let afterGovern = try EngineFixture("GOVERN 1️⃣")
        #expect(
            CompletionProvider.completions(at: afterGovern["1️⃣"], in: afterGovern.path, snapshot: afterGovern.snapshot).map(\.label)
                == ["SELECTOR"])
    }
}
