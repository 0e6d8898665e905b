import PolicyEngine
import PolicySyntax
import Testing

@Suite struct DefinitionTests {
    @Test func columnGoesToItsLineInEachMatchedTable() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let targets = DefinitionProvider.definitions(at: fixture["3️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(targets.map { fixture.text(at: $0) } == ["tenant_id", "tenant_id", "tenant_id"])
        #expect(targets.allSatisfy { $0.file == fixture.file("schema.sql") })
        // users, projects and comments: lines 13, 20 and 36 of the example.
        #expect(targets.map { fixture.line(of: $0) }.sorted() == [13, 20, 36])
    }

    @Test func relationTableGoesToItsCreateTable() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let targets = DefinitionProvider.definitions(at: fixture["6️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(targets.count == 1)
        #expect(fixture.text(at: targets[0]) == "public.projects")
        #expect(fixture.line(of: targets[0]) == 18)
    }

    @Test func relationTargetColumnGoesToTheTargetsColumn() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let targets = DefinitionProvider.definitions(at: fixture["7️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(targets.map { fixture.line(of: $0) } == [19])
    }

    @Test func sessionKeyAndFunctionGoToPgpeYaml() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let session = DefinitionProvider.definitions(at: fixture["4️⃣"] + 2, in: fixture.path, snapshot: fixture.snapshot)
        #expect(session.map(\.file) == [fixture.file("pgpe.yaml")])
        #expect(session.map { fixture.text(at: $0) } == ["app.tenant_id"])
        let function = DefinitionProvider.definitions(at: fixture["9️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(function.map { fixture.text(at: $0) } == ["is_member"])
    }

    @Test func selectorGoesToTheTablesItMatches() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let targets = DefinitionProvider.definitions(at: fixture["2️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(Set(targets.map { fixture.text(at: $0) }) == ["public.users", "public.projects", "public.comments"])
    }
}
