import PolicySyntax
import Testing

@Suite struct SuggestionTests {
    @Test func editDistanceCountsTranspositionsAsOneEdit() {
        #expect(Suggestions.editDistance("", "") == 0)
        #expect(Suggestions.editDistance("abc", "") == 3)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("polices", "policies") == 1)
        #expect(Suggestions.editDistance("tenatn", "tenant") == 1)
        #expect(Suggestions.editDistance("日本", "日本語") == 1)
    }

    @Test func closeNamesAreSuggested() {
        let keys = ["policies", "schema", "database", "schemas", "session", "missing_context"]
        #expect(Suggestions.closest(to: "polices", among: keys) == "policies")
        #expect(Suggestions.closest(to: "Schema", among: keys) == "schema")
        #expect(Suggestions.closest(to: "schemass", among: keys) == "schemas")
        #expect(Suggestions.closest(to: "missing-context", among: keys) == "missing_context")
        #expect(Suggestions.closest(to: "timeout", among: ["timeout_ms", "max_depth"]) == "timeout_ms")
        #expect(Suggestions.closest(to: "tenant", among: ["tenant_id", "name"]) == "tenant_id")
        #expect(Suggestions.closest(to: "uuidd", among: ["text", "uuid", "date"]) == "uuid")
    }

    @Test func farNamesAreNot() {
        let keys = ["policies", "schema", "database"]
        #expect(Suggestions.closest(to: "zzz", among: keys) == nil)
        #expect(Suggestions.closest(to: "", among: keys) == nil)
        #expect(Suggestions.closest(to: "x", among: ["id"]) == nil)
        #expect(Suggestions.closest(to: "role", among: ["separate_roles"]) == nil)
        #expect(Suggestions.closest(to: "anything", among: [String]()) == nil)
        #expect(Suggestions.closest(to: String(repeating: "a", count: 5_000), among: keys) == nil)
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(Suggestions.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    }
}
