import PolicyEngine
import PolicySyntax
import Testing

@Suite struct ReferenceTests {
    @Test func tableInRelFindsThePoliciesGoverningIt() throws {
        let fixture = try EngineFixture(
            tenancyFixture,
            others: [
                "soft.policy":
                    "POLICY soft_delete RESTRICTIVE FOR SELECT SELECTOR has_column('is_deleted') CLAUSE col(is_deleted) = lit(false)\n"
            ])
        let references = ReferenceProvider.references(
            at: fixture["6️⃣"], in: fixture.path, snapshot: fixture.snapshot,
            includeDeclaration: false)
        #expect(references.map { fixture.text(at: $0) }.sorted() == ["soft_delete", "tenant_isolation"])
        let withDeclaration = ReferenceProvider.references(
            at: fixture["6️⃣"], in: fixture.path, snapshot: fixture.snapshot,
            includeDeclaration: true)
        #expect(withDeclaration.first.map { fixture.text(at: $0) } == "public.projects")
    }

    @Test func aTablesCreateTableInTheSchemaFileFindsItsPolicies() throws {
        let fixture = try EngineFixture(tenancyFixture)
        let schema = try #require(fixture.snapshot.schemaSource.file)
        let found = try #require(schema.text.range(of: "CREATE TABLE public.tasks"))
        let offset = schema.text.utf8.distance(from: schema.text.startIndex, to: found.lowerBound)
        let references = ReferenceProvider.references(
            at: offset + 3, in: schema.path, snapshot: fixture.snapshot,
            includeDeclaration: false)
        #expect(references.map { fixture.text(at: $0) } == ["tenant_isolation_via_project"])
    }

    @Test func nothingOnAKeyword() throws {
        let fixture = try EngineFixture("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL 1️⃣CLAUSE col(id) = lit('x')\n")
        // CLAUSE belongs to no table-valued construct: the policy header answers for the policy's tables.
        let references = ReferenceProvider.references(
            at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.snapshot,
            includeDeclaration: false)
        #expect(references.map { fixture.text(at: $0) } == ["p"])
    }
}
