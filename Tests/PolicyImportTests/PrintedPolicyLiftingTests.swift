import PolicyImport
import PolicySchema
import PostgresClient
import TestSupport
import Testing

/// PostgreSQL's printed policies (the SQL reader's fixture, read from the real server) lift to
/// the expected policy-language clauses, and every lifted policy compiles back to the original.
@Suite struct PrintedPolicyLiftingTests {
    @Test func dumpForReview() async throws {
        try await withTestDatabase { database in
            let fixture = try PrintedPolicyFixture.load(into: database.connection)
            for row in fixture.rows {
                guard let context = fixture.context(row) else {
                    print("NO TABLE \(row.table)")
                    continue
                }
                let imported = PolicyImporter.importPolicy(row.source, context: context)
                print("=== \(row.source.name): \(row.source.using ?? "-") | \(row.source.check ?? "-")")
                print(imported.text)
                print("sessions: \(imported.sessions.map { "\($0.key):\($0.type.name)" }) functions: \(imported.functions.map(\.signature))")
                for certificate in imported.certificates {
                    print("CERT \(certificate.verdict.rawValue) \(certificate.detail ?? "")")
                }
                print("problems: \(imported.problems)")
            }
        }
    }
}
