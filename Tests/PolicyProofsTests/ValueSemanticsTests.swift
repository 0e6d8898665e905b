import Foundation
import PolicyConfig
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

/// What the proofs and the normal form may assume about values: text order is the collation's
/// (not byte order), literals of types with several spellings per value may be equal, dates and
/// timestamps compare as instants.
@Suite struct ValueSemanticsTests {
    static let table = QualifiedName(schema: "public", name: "docs")

    static func policySet(_ clauses: String, columns: [String]) -> PolicySet {
        let schema = SchemaModel(tables: [
            TestSchema.table("public.docs", ["id uuid", "tenant_id uuid"] + columns, primaryKey: ["id"])
        ])
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.tenant_id", type: .uuid)]
        config.isolation = [IsolationKeyDecl(key: "app.tenant_id")]
        return CheckHarness.check(
            """
            POLICY p PERMISSIVE FOR SELECT SELECTOR ALL
              CLAUSE col(tenant_id) = session('app.tenant_id')
              OR CLAUSE \(clauses)
            """, schema: schema, config: config)
    }

    static func verdicts(_ set: PolicySet, _ proof: ProofID) -> [Verdict] {
        var options = AnalysisOptions(config: set.config)
        options.proofs = [proof]
        return Analyzer(policySet: set, options: options).run().verdicts
            .filter { $0.proof == proof && ($0.command == .select || $0.command == nil) && $0.side == .using }
    }

    /// `name >= 'b' AND name <= 'B'` holds for 'b' under en_US (a–z sort before A–Z there only
    /// in byte order): not a contradiction, and the rows it admits are shared across tenants.
    @Test func textOrderIsTheCollationsNotByteOrder() throws {
        let set = Self.policySet("col(name) >= lit('b') AND col(name) <= lit('B')", columns: ["name text"])
        #expect(!set.hasErrors, "\(set.diagnostics.map(\.message))")
        let isolation = Self.verdicts(set, .tenantIsolation)
        #expect(!isolation.isEmpty && isolation.allSatisfy { $0.status == .failed }, "\(isolation.map(ProofHarness.describe))")
        let contradiction = Self.verdicts(set, .contradiction).filter { $0.status == .failed }
        #expect(contradiction.isEmpty, "\(contradiction.map(ProofHarness.describe))")
        #expect(Normalizer.fold(.string("b"), .lessEqual, .string("B")) == nil)
        #expect(Normalizer.fold(.string("b"), .equal, .string("B")) == false)
    }

    /// Two jsonb literals with different text may be one value (`{"a":1}` and `{"a": 1}`): the
    /// normal form keeps both atoms rather than dropping the NOT IN (which widened the SQL), and
    /// the proofs do not take them for different values.
    @Test func literalsWithSeveralSpellingsAreNotAssumedDifferent() throws {
        let set = Self.policySet(#"col(j) IN lit(['{"a":1}', '{"b":2}']) AND col(j) NOT IN lit(['{"a": 1}'])"#, columns: ["j jsonb"])
        #expect(!set.hasErrors, "\(set.diagnostics.map(\.message))")
        let clauses = set.policies[0].using[Self.table]?.clauses ?? []
        let extra = clauses.first { $0.atoms.count > 1 || $0.description.contains("j") }
        #expect(extra?.description.contains("NOT IN") == true || extra?.description.contains("!=") == true, "\(clauses.map(\.description))")

        let equalTexts = Self.policySet(#"col(j) = lit('{"a":1}') AND col(j) = lit('{"a": 1}')"#, columns: ["j jsonb"])
        #expect(!equalTexts.diagnostics.contains { $0.id == "semantic.unsatisfiable-policy" })
        let isolation = Self.verdicts(equalTexts, .tenantIsolation)
        #expect(!isolation.isEmpty && isolation.allSatisfy { $0.status == .failed }, "\(isolation.map(ProofHarness.describe))")
    }

    /// Date literals are checked and written as YYYY-MM-DD, so '2024-9-15' equals '2024-09-15';
    /// a date window is not a contradiction.
    @Test func datesCompareAsDates() throws {
        let set = Self.policySet("col(d) = lit('2024-09-15') AND col(d) = lit('2024-9-15')", columns: ["d date"])
        #expect(!set.hasErrors, "\(set.diagnostics.map(\.message))")
        #expect(
            set.policies[0].using[Self.table]?.clauses.contains { $0.description == "col(d) = lit('2024-09-15')" } == true,
            "\(set.policies[0].using[Self.table]?.clauses.map(\.description) ?? [])")
        let window = Self.policySet("col(d) > lit('2024-9-01') AND col(d) < lit('2024-10-01')", columns: ["d date"])
        let isolation = Self.verdicts(window, .tenantIsolation)
        #expect(!isolation.isEmpty && isolation.allSatisfy { $0.status == .failed }, "\(isolation.map(ProofHarness.describe))")
        let row = try #require(isolation.first?.counterexample?.row.values["d"])
        guard case .text(let text) = row else {
            Issue.record("date rendered as \(row)")
            return
        }
        #expect(text > "2024-09-01" && text < "2024-10-01", "\(text)")
        let empty = Self.policySet("col(d) > lit('2024-09-30') AND col(d) < lit('2024-10-01')", columns: ["d date"])
        #expect(
            Self.verdicts(empty, .contradiction).contains { $0.status == .failed }, "no date lies strictly between two consecutive days")
    }

    /// A date meets a timestamp as its midnight (days and microseconds are not compared as
    /// numbers); `infinity` lies beyond every date, `epoch` is 1970-01-01.
    @Test func datesMeetTimestampsAndSpecialValues() throws {
        let mixed = Self.policySet(
            "col(d) = lit('2024-09-15') AND col(ts) = lit('2024-09-15 00:00:00') AND col(d) = col(ts)",
            columns: ["d date", "ts timestamp"])
        #expect(!mixed.hasErrors, "\(mixed.diagnostics.map(\.message))")
        let isolation = Self.verdicts(mixed, .tenantIsolation)
        #expect(!isolation.isEmpty && isolation.allSatisfy { $0.status == .failed }, "\(isolation.map(ProofHarness.describe))")
        #expect(Self.verdicts(mixed, .contradiction).allSatisfy { $0.status != .failed })

        let special = Self.policySet("col(d) = lit('Infinity') AND col(ts) = lit('epoch')", columns: ["d date", "ts timestamp"])
        #expect(!special.hasErrors, "\(special.diagnostics.map(\.message))")
        #expect(
            special.policies[0].using[Self.table]?.clauses.contains {
                $0.description == "col(d) = lit('infinity') AND col(ts) = lit('1970-01-01 00:00:00')"
            } == true, "\(special.policies[0].using[Self.table]?.clauses.map(\.description) ?? [])")
        let beyond = Self.policySet("col(d) = lit('infinity') AND col(d) < lit('9999-12-31')", columns: ["d date"])
        #expect(Self.verdicts(beyond, .contradiction).contains { $0.status == .failed }, "no date is both infinity and before 9999")
    }

    /// Invalid and ambiguous temporal literals are errors at their range.
    @Test(arguments: [
        ("col(d) = lit('2024-02-30')", "no such date"),
        ("col(d) = lit('9/15/2024')", "YYYY-MM-DD"),
        ("col(ts) = lit('2024-01-01 10:00+02')", "ignores an offset"),
        ("col(tz) = lit('2024-01-01 25:00')", "write timestamps"),
    ])
    func invalidTemporalLiteralsAreErrors(clause: String, message: String) {
        let set = Self.policySet(clause, columns: ["d date", "ts timestamp", "tz timestamptz"])
        let errors = set.diagnostics.filter { $0.id == "semantic.invalid-literal" }
        #expect(errors.count == 1 && errors[0].message.contains(message), "\(set.diagnostics.map(\.message))")
    }

    /// Canonical texts, day and microsecond numbers, both ways.
    @Test func temporalLiteralsRoundTrip() throws {
        #expect(try TemporalLiteral.date("2024-9-5").canonical == "2024-09-05")
        #expect(try TemporalLiteral.date("1970-01-01").days == 0)
        #expect(try TemporalLiteral.date("2000-02-29").days == 11_016)
        #expect(throws: TemporalLiteral.Invalid.self) { try TemporalLiteral.date("1900-02-29") }
        #expect(TemporalLiteral.dateText(-1) == "1969-12-31")
        #expect(TemporalLiteral.dateText(-719_163) == "0001-12-31 BC", "year 0 is 1 BC")
        #expect(TemporalLiteral.dateText(2_932_897) == "10000-01-01")
        let tz = try TemporalLiteral.timestamp("2024-01-01T01:30:00.250+02:30", withTimeZone: true)
        #expect(tz.canonical == "2023-12-31 23:00:00.25+00")
        #expect(try TemporalLiteral.timestamp("2023-12-31 23:00:00.25", withTimeZone: true).microseconds == tz.microseconds)
        #expect(try TemporalLiteral.timestamp("2024-03-01", withTimeZone: false).canonical == "2024-03-01 00:00:00")
        for days in stride(from: Int64(-800_000), through: 3_000_000, by: 997) {
            let text = TemporalLiteral.dateText(days)
            guard !text.hasSuffix(" BC"), text.count == 10 else { continue }
            #expect(try TemporalLiteral.date(text).days == days, "\(text)")
        }
    }

    /// '' sorts first in every collation: `name < ''` (or `'' > name`) is never true, so it
    /// admits no row and gives no counterexample; `name <= ''` holds only for '' itself (a row
    /// two tenants share), and `name >= ''` for every name.
    @Test func nothingSortsBelowTheEmptyString() throws {
        for clause in ["col(name) < lit('')", "lit('') > col(name)"] {
            let set = Self.policySet(clause, columns: ["name text"])
            #expect(!set.hasErrors, "\(set.diagnostics.map(\.message))")
            let isolation = Self.verdicts(set, .tenantIsolation)
            #expect(
                !isolation.isEmpty && isolation.allSatisfy { $0.status == .proven }, "\(clause): \(isolation.map(ProofHarness.describe))")
            #expect(Self.verdicts(set, .contradiction).contains { $0.status == .failed && $0.command == nil }, "\(clause)")
        }
        let atMost = Self.verdicts(Self.policySet("col(name) <= lit('')", columns: ["name text"]), .tenantIsolation)
        let failed = try #require(atMost.first { $0.status == .failed })
        #expect(failed.counterexample?.row.values["name"] == .text(""), "\(String(describing: failed.counterexample))")
        let atLeast = Self.verdicts(
            Self.policySet("col(name) >= lit('') AND col(name) = lit('x')", columns: ["name text"]), .tenantIsolation)
        #expect(atLeast.contains { $0.status == .failed })
    }

    /// The same holds for a session value that is '': with `missing_context: error` a text key
    /// left empty reads as '' (fail-closed asks about it), and `name < ''` is never true, so
    /// `name < session(k)` admits nothing without the key. (The order relation once left that
    /// open, and fail-closed was FAILED with a counterexample PostgreSQL never shows.)
    @Test func nothingSortsBelowAnEmptySessionValue() throws {
        let schema = SchemaModel(tables: [TestSchema.table("public.docs", ["id uuid", "name text"], primaryKey: ["id"])])
        var config = ProjectConfig(baseDirectory: "/tmp")
        config.sessionKeys = [SessionKeyDecl(key: "app.label", type: .text)]
        config.isolation = [IsolationKeyDecl(key: "app.label")]
        config.missingContext = .error
        let set = CheckHarness.check(
            """
            POLICY p PERMISSIVE FOR SELECT SELECTOR ALL
              CLAUSE col(name) < session('app.label')
            """, schema: schema, config: config)
        #expect(!set.hasErrors, "\(set.diagnostics.map(\.message))")
        let failClosed = Self.verdicts(set, .failClosed)
        #expect(!failClosed.isEmpty && failClosed.allSatisfy { $0.status == .proven }, "\(failClosed.map(ProofHarness.describe))")
    }
}
