import PolicyEngine
import PolicySyntax
import Testing

@Suite struct CompletionTests {
    private func labels(_ marked: String, _ marker: String = "1️⃣") throws -> [String] {
        let fixture = try EngineFixture(marked)
        return CompletionProvider.completions(at: fixture[marker], in: fixture.path, snapshot: fixture.snapshot).map(\.label)
    }

    @Test func columnsOfTheTablesTheSelectorMatches() throws {
        let labels = try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR has_column('tenant_id') CLAUSE col(1️⃣")
        #expect(labels.contains("tenant_id"))
        #expect(labels.contains("email")) // users
        #expect(labels.contains("body")) // comments
        #expect(!labels.contains("size")) // files has no tenant_id
    }

    @Test func columnsOfATraversalTarget() throws {
        let labels = try labels(
            "POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, project_id, projects, id), {col(1️⃣")
        #expect(Set(labels) == ["id", "tenant_id", "name", "owner_id", "is_deleted"])
    }

    @Test func aPartlyTypedColumnReplacesTheWord() throws {
        let fixture = try EngineFixture("POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(ten1️⃣")
        let entries = CompletionProvider.completions(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        let entry = try #require(entries.first { $0.label == "tenant_id" })
        #expect(fixture.source.text.utf8Slice(entry.replaceRange) == "ten")
        #expect(entry.detail == "uuid")
    }

    @Test func sessionKeysAreQuoted() throws {
        let fixture = try EngineFixture("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(tenant_id) = session(1️⃣")
        let entries = CompletionProvider.completions(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        // The declared keys, then the built-in current_user and session_user (SPEC 11.1).
        #expect(entries.map(\.label) == ["app.tenant_id", "app.user_id", "current_user", "session_user"])
        #expect(entries.map(\.detail) == ["uuid", "uuid", "text", "text"])
        #expect(entries.first?.insertText == "'app.tenant_id'")
    }

    @Test func tablesAndColumnsInRel() throws {
        #expect(
            try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, project_id, 1️⃣")
                .contains("projects"))
        #expect(
            try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, project_id, projects, 1️⃣")
                .contains("is_deleted"))
        #expect(
            try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE exists(rel(_, 1️⃣")
                == ["assignee_id", "id", "project_id", "status", "title"])
    }

    @Test func functionsInFnAndTypesInHasColumn() throws {
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE fn(1️⃣") == ["is_member"])
        let types = try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR has_column(tenant_id, 1️⃣")
        #expect(types.contains("uuid") && types.contains("timestamptz"))
    }

    @Test func keywordsBySection() throws {
        #expect(try labels("POLICY p 1️⃣") == ["PERMISSIVE", "RESTRICTIVE"])
        #expect(try labels("POLICY p PERMISSIVE FOR 1️⃣") == ["ALL", "DELETE", "INSERT", "SELECT", "UPDATE"])
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT, 1️⃣") == ["ALL", "DELETE", "INSERT", "SELECT", "UPDATE"])
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT 1️⃣") == ["SELECTOR", "TO"])
        let selector = try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR 1️⃣")
        #expect(selector.contains("has_column") && selector.contains("ALL") && selector.contains("named"))
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL 1️⃣").first == "CLAUSE")
        let atoms = try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE 1️⃣")
        #expect(Set(atoms) == ["col", "session", "lit", "fn", "exists", "raw", "now", "true", "false"])
        let operators = try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) 1️⃣")
        #expect(operators.contains("=") && operators.contains("IS NULL") && operators.contains("IN"))
        let connectors = try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x') 1️⃣")
        #expect(connectors.contains("AND") && connectors.contains("OR CLAUSE") && connectors.contains("WITH CHECK CLAUSE"))
        #expect(try labels("1️⃣") == ["GOVERN", "GRANT", "POLICY"])
    }

    @Test func rolesAfterTo() throws {
        let labels = try labels(
            "POLICY a PERMISSIVE FOR SELECT TO app_user SELECTOR ALL CLAUSE col(id) = lit('x')\nPOLICY p PERMISSIVE FOR SELECT TO 1️⃣")
        #expect(labels == ["PUBLIC", "app_user"])
    }

    @Test func namedAndTaggedOfferTablesAndTags() throws {
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR named(1️⃣").contains("comments"))
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR tagged(1️⃣") == ["pii"])
    }

    @Test func orAndWithAreFinishedNotRepeated() throws {
        let clause = "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x')"
        #expect(try labels(clause + " OR 1️⃣") == ["CLAUSE"])
        #expect(try labels(clause + " OR CL1️⃣") == ["CLAUSE"])
        #expect(try labels(clause + " WITH 1️⃣") == ["CHECK CLAUSE"])
        #expect(try labels(clause + " WITH CHECK 1️⃣") == ["CLAUSE"])
        // After the check clause: no second WITH CHECK.
        let afterCheck = try labels(clause + " WITH CHECK CLAUSE col(id) = lit('y') 1️⃣")
        #expect(afterCheck.contains("OR CLAUSE") && afterCheck.contains("AND") && !afterCheck.contains("WITH CHECK CLAUSE"))
        // The word being typed replaces itself: "OR CLAUSE" for "O".
        #expect(try labels(clause + " O1️⃣").contains("OR CLAUSE"))
    }

    @Test func nothingInsideComments() throws {
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT -- then 1️⃣").isEmpty)
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT // SEL1️⃣").isEmpty)
        #expect(try labels("POLICY p PERMISSIVE FOR /* 1️⃣ */ SELECT").isEmpty)
        #expect(try labels("POLICY p PERMISSIVE FOR /* unterminated 1️⃣").isEmpty)
        // Just after a comment's end the section's words come back.
        #expect(try labels("POLICY p PERMISSIVE FOR /* commands */ 1️⃣") == ["ALL", "DELETE", "INSERT", "SELECT", "UPDATE"])
        #expect(try labels("POLICY p PERMISSIVE FOR -- commands\n  1️⃣") == ["ALL", "DELETE", "INSERT", "SELECT", "UPDATE"])
    }

    @Test func noKeywordsInsideQuotes() throws {
        #expect(try labels("POLICY p PERMISSIVE FOR 'SEL1️⃣").isEmpty)
        #expect(try labels("POLICY p 'x1️⃣").isEmpty)
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('x') \"O1️⃣").isEmpty)
        #expect(try labels("POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('tr1️⃣").isEmpty)
        // Names are still offered in quotes, quoted.
        let fixture = try EngineFixture("POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col('ten1️⃣")
        let entries = CompletionProvider.completions(at: fixture["1️⃣"], in: fixture.path, snapshot: fixture.snapshot)
        #expect(entries.contains { $0.label == "tenant_id" && $0.insertText == "'tenant_id'" })
        #expect(!entries.contains { $0.kind == .keyword || $0.kind == .function })
    }
}
