import Foundation
import PolicyConfig
import PolicyImport
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// The property of SPEC 11.6 on generated policies: a policy of the language, compiled and
/// created on PostgreSQL, read back from `pg_policies`, lifted, compiled again and created in
/// its place, reads back to the same predicate (canonical forms equal; EQUIVALENT when nothing
/// stayed raw). `PGPE_LIFT_CASES` sets the number of policies (default 500).
@Suite struct GeneratedPolicyLiftingTests {
    static let schemaSQL = """
        CREATE TABLE public.projects (id uuid PRIMARY KEY, tenant_id uuid, is_deleted boolean, level integer);
        CREATE TABLE public.items (id integer PRIMARY KEY, tenant_id uuid, owner_id uuid, age integer, status text,
            is_deleted boolean, name text, "Mixed Case" text, project_id uuid REFERENCES public.projects (id));
        CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT true $$;
        """
    static let configYAML = """
        session:
          app.tenant_id: uuid
          app.user_id: uuid
          app.level: integer
        functions:
          is_member: {args: [uuid, uuid], returns: boolean}

        """

    /// Generated policies on `items` that check without errors.
    static func policies(count: Int, schema: SchemaModel, config: ProjectConfig) -> [String] {
        let vocabulary = PolicyTextGenerator.Vocabulary.basic
        let generator = PolicyTextGenerator(vocabulary: vocabulary, randomLayout: false, allowRaw: true)
        var rng = SeededGenerator(seed: 0x1414)
        var texts: [String] = []
        var attempts = 0
        while texts.count < count && attempts < count * 5 {
            attempts += 1
            let clauses = (0..<rng.int(1...2)).map { _ in "CLAUSE " + generator.clause(depth: 0, columns: vocabulary.columns, &rng) }
            let text = "POLICY g\(texts.count) PERMISSIVE FOR SELECT SELECTOR named('items') " + clauses.joined(separator: " OR ")
            if !CheckHarness.check(text, schema: schema, config: config).hasErrors { texts.append(text) }
        }
        return texts
    }

    @Test func generatedPoliciesLiftBackToThemselvesThroughPostgreSQL() async throws {
        let count = ProcessInfo.processInfo.environment["PGPE_LIFT_CASES"].flatMap { Int($0) } ?? 500
        let schema = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: Self.schemaSQL)).0
        let (config, _, diagnostics) = ConfigLoader.load(text: Self.configYAML, path: "/project/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let table = try #require(schema.table(QualifiedName(schema: "public", name: "items")))
        let context = LiftContext(table: table, schema: schema, config: config)
        let texts = Self.policies(count: count, schema: schema, config: config)
        #expect(texts.count == count)
        var verdicts: [LiftCertificate.Verdict: Int] = [:]
        try await withTestDatabase { database in
            let connection = database.connection
            try connection.execute(Self.schemaSQL)
            for start in stride(from: 0, to: texts.count, by: 100) {
                let batch = Array(texts[start..<min(start + 100, texts.count)])
                let set = CheckHarness.check(batch.joined(separator: "\n\n"), schema: schema, config: config)
                try #require(!set.hasErrors, "\(set.diagnostics.map(\.message))")
                try connection.execute("BEGIN")
                defer { _ = try? connection.execute("ROLLBACK") }
                try connection.execute(PolicyCompiler.compile(set).sql)
                let originals = try PrintedPolicyFixture.readPolicies(connection).filter { $0.table == table.name }
                #expect(originals.count == batch.count)
                var lifted: [String: (PrintedPolicyFixture.Row, ImportedPolicy)] = [:]
                for row in originals {
                    let imported = PolicyImporter.importPolicy(row.source, context: context)
                    #expect(imported.problems.isEmpty, "\(row.source.using ?? ""): \(imported.problems)")
                    // Everything the generator writes is in the language but raw('1 = 1'): only that
                    // stays raw (a function wrapped as (SELECT f(…) AS f) and a raw status test inside a
                    // traversal, which PostgreSQL reads as the enclosing row's, outer(status), included).
                    let notes = imported.using?.notes ?? []
                    #expect(notes.allSatisfy { $0.sql == "1 = 1" }, "\(row.source.using ?? ""): \(notes)")
                    for certificate in imported.certificates {
                        #expect(certificate.verdict != .different, "\(row.source.using ?? ""): \(certificate.detail ?? "")")
                    }
                    try connection.execute("DROP POLICY \(SQLQuoting.identifier(row.source.name)) ON public.items")
                    for statement in imported.compiledSQL { try connection.execute(statement) }
                    lifted[PolicyNaming.name(policy: row.source.name, table: "items", command: nil)] = (row, imported)
                }
                for row in try PrintedPolicyFixture.readPolicies(connection) where row.table == table.name {
                    guard let (original, imported) = lifted[row.source.name], let text = original.source.using else { continue }
                    let certificate = LiftCertificate.judge(
                        original: text, roundTrip: row.source.using ?? "", table: "items", hasRaw: imported.using?.hasRaw ?? false)
                    verdicts[certificate.verdict, default: 0] += 1
                    #expect(certificate.verdict != .different, "\(text) → \(imported.text): \(certificate.detail ?? "")")
                }
            }
        }
        #expect(verdicts.values.reduce(0, +) == texts.count)
        #expect(verdicts[.equivalent, default: 0] > texts.count / 2, "\(verdicts)")
        print("GeneratedPolicyLiftingTests: \(texts.count) policies, \(verdicts)")
    }
}
