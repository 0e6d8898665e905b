import PolicyEngine
import PolicySyntax
import Testing

@Suite struct RenameAndFormattingTests {
    @Test func renamesEveryDeclarationAcrossFiles() throws {
        let fixture = try EngineFixture(
            "POLICY 1️⃣owner_only PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(assignee_id) = session('app.user_id')\n",
            others: ["dup.policy": "POLICY owner_only RESTRICTIVE FOR SELECT SELECTOR named('files') CLAUSE col(size) > lit(0)\n"])
        let target = try #require(RenameProvider.prepare(at: fixture["1️⃣"] + 3, in: fixture.path, snapshot: fixture.snapshot))
        #expect(target.placeholder == "owner_only")
        let edits = try RenameProvider.rename(at: fixture["1️⃣"], in: fixture.path, to: "assignee_only", snapshot: fixture.snapshot)
        #expect(edits.keys.sorted() == [fixture.path, fixture.file("policies/dup.policy")].sorted())
        #expect(edits.values.flatMap { $0 }.allSatisfy { $0.newText == "assignee_only" })
        #expect(edits[fixture.path]?.first.map { fixture.source.text.utf8Slice($0.range) } == "owner_only")
    }

    @Test func namesThatAreNotPlainIdentifiersAreQuoted() throws {
        let fixture = try EngineFixture("POLICY 1️⃣p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x')\n")
        let quoted = try RenameProvider.rename(at: fixture["1️⃣"], in: fixture.path, to: "Tenant \"A\"", snapshot: fixture.snapshot)
        #expect(quoted[fixture.path]?.first?.newText == "\"Tenant \"\"A\"\"\"")
        let keyword = try RenameProvider.rename(at: fixture["1️⃣"], in: fixture.path, to: "select", snapshot: fixture.snapshot)
        #expect(keyword[fixture.path]?.first?.newText == "\"select\"")
    }

    @Test func refusesCollisionsEmptyNamesAndNonNames() throws {
        let fixture = try EngineFixture(
            "POLICY 1️⃣a PERMISSIVE FOR SELECT SELECTOR ALL 2️⃣CLAUSE col(id) = lit('x')\nPOLICY b PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('y')\n"
        )
        #expect(throws: RenameError.self) {
            try RenameProvider.rename(at: fixture["1️⃣"], in: fixture.path, to: "b", snapshot: fixture.snapshot)
        }
        #expect(throws: RenameError.self) {
            try RenameProvider.rename(at: fixture["1️⃣"], in: fixture.path, to: "  ", snapshot: fixture.snapshot)
        }
        #expect(throws: RenameError.self) {
            try RenameProvider.rename(at: fixture["2️⃣"], in: fixture.path, to: "c", snapshot: fixture.snapshot)
        }
        #expect(RenameProvider.prepare(at: fixture["2️⃣"], in: fixture.path, snapshot: fixture.snapshot) == nil)
    }

    @Test func formattingIsTheFormattersOutputOrNothingWithErrors() throws {
        let messy = Parser.parse(text: "policy p permissive for select selector all clause col(id)=lit('x')", path: "m.policy")
        let edits = try #require(DocumentFormatter.edits(for: messy))
        #expect(edits.count == 1)
        #expect(edits[0].newText == Formatter.format(messy))
        #expect(edits[0].range == SourceRange(start: 0, end: messy.source.bytes.count))
        let clean = Parser.parse(text: edits[0].newText, path: "m.policy")
        #expect(DocumentFormatter.edits(for: clean) == [])
        #expect(DocumentFormatter.edits(for: Parser.parse(text: "POLICY p PERMISSIVE FOR", path: "e.policy")) == nil)
    }
}
