import Foundation
import PolicyEngine
import PolicyProofs
import PolicySQL
import PostgresClient
import TestSupport
import Testing

/// A text isolation column with a case-insensitive, nondeterministic ICU collation (catalogue
/// case `23-nondeterministic-collation`): on PostgreSQL sessions 'acme' and 'ACME' reach the
/// same row, and the tenant-isolation verdict is not PROVEN; its reason names the collation.
@Suite struct CollationKeyTests {
    @Test func differentKeysShareRowsAndTheVerdictSaysSo() async throws {
        let snapshot = try ProofHarness.load(try ProofCatalogue.load("23-nondeterministic-collation"))
        #expect(!snapshot.hasErrors, "\(snapshot.diagnostics.map(\.message))")
        let set = snapshot.policySet
        for shortcuts in [true, false] {
            let report = ProofHarness.analyze(snapshot, shortcuts: shortcuts, proofs: [.tenantIsolation])
            let accounts = report.verdicts.filter { $0.table.name == "accounts" && $0.command != nil }
            #expect(!accounts.isEmpty)
            for verdict in accounts {
                #expect(verdict.status != .proven, "\(ProofHarness.describe(verdict))")
                #expect(
                    verdict.reason?.contains("collation public.pgpe_cat_ci is nondeterministic") == true,
                    "\(ProofHarness.describe(verdict))")
            }
            let ledgers = report.verdicts.filter { $0.table.name == "ledgers" }
            #expect(!ledgers.isEmpty && ledgers.allSatisfy { $0.status == .proven }, "\(ledgers.map(ProofHarness.describe))")
        }
        let schemaSQL = try String(contentsOfFile: try #require(snapshot.config.schemaPath), encoding: .utf8)
        try await withTestDatabase { database in
            // The rows part needs an ICU build: Debian's 15 (no PyPI build of 16 or 18 has ICU).
            guard try database.supportsICU() else { return }
            try database.connection.execute(schemaSQL)
            try database.connection.execute(PolicyCompiler.compile(set).sql)
            try database.connection.execute(
                "INSERT INTO public.accounts (id, tenant, name) VALUES ('00000000-0000-4000-8000-000000000001', 'acme', 'a')")
            let role = try database.createRole(login: false)
            try database.connection.execute("GRANT SELECT ON public.accounts TO \(role)")
            func count(_ tenant: String) throws -> Int? {
                try database.connection.transaction { connection in
                    _ = try connection.query("SELECT set_config('app.tenant', $1, true)", [.text(tenant)])
                    try connection.execute("SET LOCAL ROLE \(role)")
                    return try connection.query("SELECT count(*) FROM public.accounts").first?[0]?.int
                }
            }
            // Two different keys, one row: the isolation the verdict does not claim.
            #expect(try count("acme") == 1)
            #expect(try count("ACME") == 1)
            #expect(try count("other") == 0)
        }
    }
}
