import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

private let events = TestSchema.table(
    "public.events",
    [
        "id integer not null", "tenant_id uuid", "expires_at timestamptz", "starts_at timestamp", "day date", "title text",
        "n integer",
    ],
    primaryKey: ["id"])
private let schema = SchemaModel(tables: [events])

private func check(_ clauses: String) -> PolicySet {
    CheckHarness.check("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL \(clauses)", schema: schema)
}

/// The clauses of the one policy in normal form, `{atoms}` each; `false` when none is left.
private func normalized(_ clauses: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let set = check(clauses)
    let errors = set.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
    guard let result = set.policies.first?.using[events.name] else { return "<errors>" }
    return result.clauses.isEmpty ? "false" : result.clauses.map { "{\($0)}" }.joined(separator: " | ")
}

/// SPEC 11.3 in the checker and the normal form: `true` absorbs an OR, `false` drops out of
/// one and makes an AND false; `now()` is a timestamptz that is never NULL.
@Suite struct ConstantAndNowCheckTests {
    @Test func trueAndFalseInTheNormalForm() {
        #expect(normalized("CLAUSE true") == "{true}")
        #expect(normalized("CLAUSE col(n) = lit(1) OR CLAUSE true") == "{true}")
        #expect(normalized("CLAUSE false OR CLAUSE col(n) = lit(1)") == "{col(n) = lit(1)}")
        #expect(normalized("CLAUSE false") == "false")
        #expect(normalized("CLAUSE false OR CLAUSE false") == "false")
        // In a conjunction (with a warning): true drops, false empties the clause.
        #expect(normalized("CLAUSE col(n) = lit(1) AND true") == "{col(n) = lit(1)}")
        #expect(normalized("CLAUSE col(n) = lit(1) AND false OR CLAUSE col(n) = lit(2)") == "{col(n) = lit(2)}")
    }

    @Test func writtenFalseIsNoContradictionToReport() {
        // `CLAUSE false` admits nothing on purpose: neither an unsatisfiable policy nor a contradictory clause.
        for text in ["CLAUSE false", "CLAUSE false OR CLAUSE false", "CLAUSE false OR CLAUSE col(n) = lit(1)"] {
            let set = check(text)
            #expect(set.diagnostics.isEmpty, "\(text): \(set.diagnostics.map(\.message))")
        }
        // A real contradiction still is one.
        let contradiction = check("CLAUSE col(n) = lit(1) AND col(n) = lit(2)")
        #expect(contradiction.diagnostics.map(\.id) == ["semantic.unsatisfiable-policy"])
    }

    @Test func aConstantJoinedWithAndIsWarnedAbout() {
        let source = MarkedSource("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(n) = lit(1) AND 1️⃣true2️⃣ AND 3️⃣false4️⃣")
        let set = CheckHarness.check(source.text, schema: schema)
        let warnings = set.diagnostics.filter { $0.id == "semantic.constant-in-conjunction" }
        #expect(warnings.count == 2, "\(set.diagnostics.map(\.message))")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(
            warnings.map(\.location.range) == [
                SourceRange(start: source["1️⃣"], end: source["2️⃣"]), SourceRange(start: source["3️⃣"], end: source["4️⃣"]),
            ])
        #expect(warnings.first?.message.contains("changes nothing") == true)
        #expect(warnings.last?.message.contains("admit no row") == true)
        // Alone, and alone inside a traversal's braces, they are fine.
        #expect(check("CLAUSE true").diagnostics.isEmpty)
    }

    @Test func nowComparesWithTimestampsAndDates() {
        #expect(normalized("CLAUSE col(expires_at) > now()") == "{col(expires_at) > now()}")
        #expect(normalized("CLAUSE now() < col(expires_at)") == "{col(expires_at) > now()}")
        #expect(normalized("CLAUSE col(starts_at) <= now() AND col(day) = now()") == "{col(day) = now() AND col(starts_at) <= now()}")
        #expect(normalized("CLAUSE now() >= lit('2024-01-01 12:00:00+02')") == "{now() >= lit('2024-01-01 10:00:00+00')}")
        // Never NULL: IS NOT NULL is true, IS NULL false.
        #expect(normalized("CLAUSE now() IS NOT NULL") == "{true}")
        #expect(normalized("CLAUSE now() IS NULL OR CLAUSE col(n) = lit(1)") == "{col(n) = lit(1)}")
    }

    @Test(arguments: [
        ("col(title) = now()", "col(title) is text but now() is timestamptz"),
        ("col(n) < now()", "col(n) is integer but now() is timestamptz"),
        ("now() = lit(5)", "now() is timestamptz but lit(5) is integer"),
        ("now() = lit('soon')", "not a valid timestamptz"),
        ("now() LIKE lit('2024%')", "LIKE compares text"),
        ("now() IN lit([1, 2])", "now() is timestamptz but lit([1, 2]) is integer"),
    ])
    func nowAgainstTheWrongTypeIsAnError(_ atom: String, _ expected: String) {
        let set = check("CLAUSE \(atom)")
        let errors = set.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(set.diagnostics.map(\.message))")
        #expect(errors.first?.message.contains(expected) == true, "\(errors.map(\.message))")
    }
}
