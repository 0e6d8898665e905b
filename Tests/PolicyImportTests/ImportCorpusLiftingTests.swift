import PolicyConfig
import PolicyDatabase
import PolicyImport
import PolicySQL
import PolicySchema
import PostgresClient
import TestSupport
import Testing

/// The import corpus (Tests/Fixtures/import-corpus: realistic schemas with hand-written
/// policies) at the level of lifting: every policy PostgreSQL prints for a corpus schema lifts
/// with no DIFFERENT certificate, and replacing every policy by its lifted policy's compiled SQL
/// leaves every session's rows and probe outcomes as they were.
@Suite struct ImportCorpusLiftingTests {
    /// The corpus cases' names.
    static let names: [String] = (try? ImportCorpusCase.all().map(\.name)) ?? []

    @Test func theCorpusHasAtLeastEightSchemas() throws {
        #expect(try ImportCorpusCase.all().count >= 8)
    }

    @Test(arguments: names) func everyPolicyLiftsAndTheLiftedPoliciesBehaveTheSame(name: String) async throws {
        let corpusCase = try ImportCorpusCase.named(name)
        try await withTestDatabase { database in
            let connection = database.connection
            try corpusCase.load(into: database)
            let before = try ImportCorpusBehaviour.record(corpusCase, on: connection)
            // The seed and sessions are not degenerate: some rows are seen, and not all sessions
            // see the same.
            #expect(before.contains { !$0.hasSuffix(": error 42501") && !$0.contains("probe") })
            #expect(Set(before.map { $0.drop { $0 != " " } }).count < before.count, "\(name): every session saw the same")

            let catalog = try LiveDatabase(connection: connection).introspect()
            let (config, _, diagnostics) = ConfigLoader.load(
                text: corpusCase.liftingConfigText, path: "/corpus/pgpe.yaml", environment: [:])
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            let policies = catalog.snapshot.policies.filter { corpusCase.schemas.contains($0.schema) }
            #expect(!policies.isEmpty)
            var verdicts: [LiftCertificate.Verdict: Int] = [:]
            var statements: [String] = []
            var imported: [String: ImportedPolicy] = [:]
            for policy in policies {
                let label = "\(name) \(policy.schema).\(policy.table) \(policy.name)"
                let table = try #require(catalog.model.table(QualifiedName(schema: policy.schema, name: policy.table)), "\(label)")
                let source = ExpectedPolicy(
                    name: policy.name, permissive: policy.permissive, command: policy.command, roles: policy.roles,
                    using: policy.qual, check: policy.withCheck)
                let lifted = PolicyImporter.importPolicy(source, context: LiftContext(table: table, schema: catalog.model, config: config))
                #expect(lifted.problems.isEmpty, "\(label): \(lifted.problems)\n\(lifted.text)")
                for certificate in lifted.certificates {
                    verdicts[certificate.verdict, default: 0] += 1
                    #expect(certificate.verdict != .different, "\(label): \(certificate.detail ?? "")\n\(lifted.text)")
                }
                for note in (lifted.using?.notes ?? []) + (lifted.check?.notes ?? []) {
                    print("import-corpus \(label): raw \(note.sql) (\(note.reason))")
                }
                statements += lifted.compiledSQL
                imported["\(policy.schema).\(policy.table).\(policy.name)"] = lifted
            }
            // The whole project as `pgpe import` makes it: generated entries merged across policies.
            let project = ProjectImporter().importProject(catalog.snapshot)
            for entry in project.policies {
                #expect(entry.verdict != .different, "\(name) \(entry.table) \(entry.name): \(entry.reason)")
                #expect(!entry.reason.contains("declared with other arguments"), "\(name) \(entry.table) \(entry.name): \(entry.reason)")
            }
            print(
                "import-corpus \(name): project \(project.policies.filter { $0.verdict == .equivalent }.count) EQUIVALENT, "
                    + "\(project.policies.filter { $0.verdict == .raw }.count) RAW; warnings \(project.warnings)")
            print(
                "import-corpus \(name): \(policies.count) policies, \(verdicts[.equivalent, default: 0]) EQUIVALENT, "
                    + "\(verdicts[.raw, default: 0]) RAW, \(verdicts[.different, default: 0]) DIFFERENT")

            // Replace every policy by the lifted ones, read them back through PostgreSQL's printer.
            try connection.execute("BEGIN")
            for policy in policies {
                try connection.execute(
                    "DROP POLICY \(SQLQuoting.identifier(policy.name)) ON "
                        + "\(SQLQuoting.identifier(policy.schema)).\(SQLQuoting.identifier(policy.table))")
            }
            for statement in statements { try connection.execute(statement) }
            try connection.execute("COMMIT")
            let readBack = try LiveDatabase(connection: connection).introspect().snapshot.policies.filter {
                corpusCase.schemas.contains($0.schema)
            }
            #expect(readBack.count == policies.count)
            for policy in policies {
                let label = "\(name) \(policy.schema).\(policy.table) \(policy.name)"
                let lifted = imported["\(policy.schema).\(policy.table).\(policy.name)"]
                guard
                    let again = readBack.first(where: { $0.schema == policy.schema && $0.table == policy.table && $0.name == policy.name })
                else {
                    Issue.record("\(label): not created again under its name")
                    continue
                }
                #expect(again.permissive == policy.permissive && again.command == policy.command && again.roles == policy.roles, "\(label)")
                if let original = policy.qual {
                    let certificate = LiftCertificate.judge(
                        original: original, roundTrip: again.qual ?? "", table: policy.table, hasRaw: lifted?.using?.hasRaw ?? false)
                    #expect(certificate.verdict != .different, "\(label): \(certificate.detail ?? "")")
                } else {
                    #expect(again.qual == nil, "\(label): \(again.qual ?? "")")
                }
                if let original = policy.withCheck {
                    // Without WITH CHECK, PostgreSQL checks new rows with USING.
                    let certificate = LiftCertificate.judge(
                        original: original, roundTrip: again.withCheck ?? again.qual ?? "", table: policy.table,
                        hasRaw: (lifted?.check ?? lifted?.using)?.hasRaw ?? false)
                    #expect(certificate.verdict != .different, "\(label): \(certificate.detail ?? "")")
                } else {
                    #expect(again.withCheck == nil, "\(label): \(again.withCheck ?? "")")
                }
            }
            // Compiled anew, a session value left unset reads as NULL (SPEC 11.1): incomplete
            // sessions may be refused more, everything else is the same.
            let after = try ImportCorpusBehaviour.record(corpusCase, on: connection)
            let differences = ImportCorpusBehaviour.differences(corpusCase, before: before, after: after, failClosed: true)
            #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
        }
    }
}
