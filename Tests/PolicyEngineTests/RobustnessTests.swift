import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@Suite struct RobustnessTests {
    /// Every feature on random and mutated texts, at random offsets (the ends and the middle of
    /// multi-byte characters included): nothing crashes, every range stays inside the text.
    @Test func everyFeatureSurvivesAnyText() throws {
        let seeds = [
            tenancyFixture.replacingOccurrences(of: "1️⃣", with: ""), (try? Fixtures.exampleText("policies/soft_delete.policy")) ?? "",
        ]
        let fixture = try EngineFixture("POLICY seed PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x')\n")
        var rng = SeededGenerator(seed: 0xF00D)
        for text in FuzzCorpus.inputs(count: 250, seed: 0xC0FFEE, seeds: seeds) {
            fixture.workspace.replace(fixture.path, text: text)
            fixture.workspace.rebuild()
            let workspace = fixture.workspace
            let snapshot = workspace.snapshot
            let file = try #require(snapshot.file(fixture.path))
            let length = file.source.bytes.count
            let inside = { (range: SourceRange) in range.start >= 0 && range.end <= length && range.start <= range.end }
            #expect(SemanticTokenProvider.tokens(in: file).allSatisfy { inside($0.range) })
            #expect(FoldingProvider.folds(in: file).allSatisfy { $0.start <= $0.end && $0.end <= length })
            #expect(SymbolProvider.documentSymbols(in: fixture.path, snapshot: snapshot).allSatisfy { inside($0.range) })
            _ = DocumentFormatter.edits(for: file)
            _ = CodeLensProvider.lenses(in: fixture.path, snapshot: workspace.snapshot)
            _ = InlayHintProvider.hints(in: fixture.path, range: SourceRange(start: 0, end: length), snapshot: snapshot)
            for _ in 0..<4 {
                let offset = rng.int(0...max(0, length))
                if let hover = HoverProvider.hover(at: offset, in: fixture.path, snapshot: workspace.snapshot) {
                    #expect(inside(hover.range))
                }
                #expect(
                    CompletionProvider.completions(at: offset, in: fixture.path, snapshot: snapshot).allSatisfy { inside($0.replaceRange) })
                _ = DefinitionProvider.definitions(at: offset, in: fixture.path, snapshot: snapshot)
                _ = ReferenceProvider.references(at: offset, in: fixture.path, snapshot: snapshot, includeDeclaration: true)
                _ = CodeActionProvider.actions(for: .empty(at: offset), in: fixture.path, snapshot: workspace.snapshot)
                if let target = RenameProvider.prepare(at: offset, in: fixture.path, snapshot: snapshot) {
                    #expect(inside(target.range))
                    _ = try? RenameProvider.rename(at: offset, in: fixture.path, to: "renamed", snapshot: snapshot)
                }
            }
        }
    }
}
