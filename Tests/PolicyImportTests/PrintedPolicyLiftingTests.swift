import PolicyImport
import PolicySQL
import PolicySchema
import PostgresClient
import TestSupport
import Testing

/// PostgreSQL's printed policies (the SQL reader's fixture, created on the real server and read
/// from `pg_policies`) lift to the expected clauses, and every lifted policy compiles back to
/// the original: by the canonical forms offline, and through PostgreSQL's own printer.
@Suite struct PrintedPolicyLiftingTests {
    /// The expected USING of fixture policies (`CLAUSE … OR CLAUSE …`), reviewed by hand.
    static let expected: [String: String] = [
        "p01": "CLAUSE session('auth.uid') = col(user_id)",
        "p02": "CLAUSE session('auth.uid') = col(user_id)",
        "p03": "CLAUSE col(tenant_id) = session('app.tenant_id')",
        "p04": "CLAUSE col(tenant_id) = session('app.tenant_id')",
        "p05": "CLAUSE exists(rel(_, org_id, members, org_id), {col(user_id) = session('auth.uid')})",
        "p06": "CLAUSE exists(rel(_, org_id, members, org_id), {col(user_id) = session('auth.uid') AND col(active) = lit(true)})",
        "p07":
            "CLAUSE raw('CASE WHEN (status = ''published''::status) THEN true WHEN (owner = CURRENT_USER) THEN true ELSE false END')",
        "p08": "CLAUSE col(status) IN lit(['draft', 'published'])",
        "p09": "CLAUSE col(owner) = session('current_user')",
        "p10": "CLAUSE col(status) = lit('Archived State')",
        "p11": "CLAUSE col(level) IN lit([1, 2, 3]) AND col(title) LIKE lit('A%') AND raw('title !~~* ''%x%''::text')",
        "p12": "CLAUSE col(user_id) IS NOT NULL OR CLAUSE col(org_id) IS NULL",
        "p13": "CLAUSE col(owner) = session('session_user') OR CLAUSE col(owner) = session('current_user')",
        "p14": "CLAUSE col(created_at) < now() AND raw('created_at > (CURRENT_TIMESTAMP - ''1 day''::interval)')",
        "p15": "CLAUSE raw('NOT (level > 5)') AND raw('(level <> 3) OR (level <> 4)')",
        "p18":
            "CLAUSE raw('(auth.jwt() ->> ''role''::text) = ''admin''::text') OR CLAUSE raw('(((auth.jwt() -> ''app_metadata''::text) ->> ''tenant''::text))::uuid = tenant_id')",
        "p19": "CLAUSE exists(rel(_, org_id, members, org_id), {col(user_id) = session('auth.uid')})",
        "p21":
            "CLAUSE col(\"User Id\") = session('auth.uid') AND col(\"Mixed\") = lit('It''s') AND col(\"a.b\") > lit(0) AND col(\"Ünï\") IS NOT NULL",
        "p22": "CLAUSE true",
        "p26":
            "CLAUSE exists(rel(_, org_id, members, org_id), {col(user_id) = session('auth.uid') AND exists(rel(_, role, members, role), {col(active) = lit(true)})})",
        "p29":
            "CLAUSE raw('(owner)::uuid = user_id') AND col(tenant_id) = session('auth.uid') AND raw('(level)::text = ''1''::text') AND raw('NOT (EXISTS (SELECT FROM members))')",
        "p30": "CLAUSE col(level) = lit(1) AND col(owner) = lit('x') AND col(level) >= lit(1) AND col(level) <= lit(5)",
        "p35":
            "CLAUSE exists(rel(_, org_id, members, org_id), {col(user_id) = session('auth.uid') AND col(role) IN lit(['admin', 'owner'])})",
        "p36":
            "CLAUSE raw('EXISTS (SELECT 1 FROM members m WHERE ((m.org_id = docs.org_id) AND CASE WHEN (m.role = ''admin''::text) THEN true ELSE m.active END))')",
        "p42":
            "CLAUSE exists(rel(_, org_id, members, org_id), {true}) AND raw('(tags[1:2] = ARRAY[''a''::text, ''b''::text]) OR ((data #> ''{a}''::text[]) = ''1''::jsonb)')",
    ]

    /// Lifts every fixture policy; checks the expected clauses and that none is DIFFERENT.
    @Test func fixturePoliciesLiftToTheExpectedClauses() async throws {
        try await withTestDatabase { database in
            let fixture = try PrintedPolicyFixture.load(into: database.connection)
            #expect(fixture.rows.count >= 47)
            var verdicts: [String: Int] = [:]
            for row in fixture.rows {
                let context = try #require(fixture.context(row), "no table \(row.table)")
                let imported = PolicyImporter.importPolicy(row.source, context: context)
                if let expected = Self.expected[row.source.name] {
                    #expect(imported.using?.dsl == expected, "\(row.source.name)")
                }
                #expect(imported.problems.isEmpty, "\(row.source.name): \(imported.problems)")
                for certificate in imported.certificates {
                    verdicts[certificate.verdict.rawValue, default: 0] += 1
                    #expect(certificate.verdict != .different, "\(row.source.name): \(certificate.detail ?? "")")
                    // RAW exactly when some part stayed raw.
                    let hasRaw = (imported.using?.hasRaw ?? false) || (imported.check?.hasRaw ?? false)
                    #expect(
                        (certificate.verdict == .raw) == hasRaw || imported.using?.hasRaw != imported.check?.hasRaw, "\(row.source.name)")
                }
            }
            #expect(verdicts["EQUIVALENT", default: 0] >= 15)
        }
    }

    /// The session values and functions a lifted policy needs are generated: a `current_setting`
    /// key with its cast's type; a function of the schema with its signature.
    @Test func generatedDeclarations() async throws {
        try await withTestDatabase { database in
            let fixture = try PrintedPolicyFixture.load(into: database.connection)
            let byName = Dictionary(uniqueKeysWithValues: fixture.rows.map { ($0.source.name, $0) })
            let p03 = try #require(byName["p03"])
            let imported = PolicyImporter.importPolicy(p03.source, context: try #require(fixture.context(p03)))
            #expect(imported.sessions.map(\.key) == ["app.tenant_id"] && imported.sessions.map(\.type.name) == ["uuid"])
            // active_check(level) is the schema's: lifted inside an IS NOT FALSE it stays raw, but
            // called as a condition it becomes fn(active_check, [col(level)]) with its signature.
            let source = ExpectedPolicy(
                name: "f", permissive: true, command: "SELECT", roles: ["public"],
                using: "(active_check(level) AND (user_id = auth.uid()))",
                check: nil)
            let called = PolicyImporter.importPolicy(source, context: try #require(fixture.context(p03)))
            #expect(called.using?.dsl == "CLAUSE fn(active_check, [col(level)]) AND col(user_id) = session('auth.uid')")
            #expect(called.functions.map(\.signature) == ["public.active_check(integer) returns boolean"])
            #expect(called.certificates.map(\.verdict) == [.equivalent])
        }
    }

    /// Through PostgreSQL: each lifted policy, compiled and created in place of the original,
    /// reads back (pg_policies) to a text whose canonical form is the original's.
    @Test func liftedPoliciesReadBackThroughPostgreSQLToTheOriginal() async throws {
        try await withTestDatabase { database in
            let connection = database.connection
            let fixture = try PrintedPolicyFixture.load(into: connection)
            var checked = 0
            for row in fixture.rows {
                let context = try #require(fixture.context(row))
                let imported = PolicyImporter.importPolicy(row.source, context: context)
                guard !imported.compiledSQL.isEmpty else {
                    Issue.record("\(row.source.name) did not compile: \(imported.problems)")
                    continue
                }
                let qualified = SQLQuoting.identifier(row.table.schema) + "." + SQLQuoting.identifier(row.table.name)
                try connection.execute("BEGIN")
                defer { _ = try? connection.execute("ROLLBACK") }
                try connection.execute("DROP POLICY \(SQLQuoting.identifier(row.source.name)) ON \(qualified)")
                for statement in imported.compiledSQL { try connection.execute(statement) }
                let readBack = try PrintedPolicyFixture.readPolicies(connection).filter {
                    $0.table == row.table && !fixture.rows.map(\.source.name).contains($0.source.name)
                }
                let lifted = try #require(readBack.first, "\(row.source.name)")
                if let original = row.source.using {
                    let certificate = LiftCertificate.judge(
                        original: original, roundTrip: lifted.source.using ?? "", table: row.table.name,
                        hasRaw: imported.using?.hasRaw ?? false)
                    #expect(certificate.verdict != .different, "\(row.source.name): \(certificate.detail ?? "")")
                }
                checked += 1
            }
            #expect(checked == fixture.rows.count)
        }
    }
}
