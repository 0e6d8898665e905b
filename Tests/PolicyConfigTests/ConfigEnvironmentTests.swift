import PolicyConfig
import PolicySyntax
import TestSupport
import Testing

@Suite struct ConfigEnvironmentTests {
    @Test func expansionRules() {
        let environment = ["A": "1", "B_2": "two", "EMPTY": ""]
        func expand(_ text: String) -> (String, [String], Bool) {
            let result = EnvironmentExpansion.expand(text, environment: environment)
            return (result.text, result.unsetVariables, result.malformed)
        }
        #expect(expand("plain") == ("plain", [], false))
        #expect(expand("${A}") == ("1", [], false))
        #expect(expand("x${A}y${B_2}z${A}") == ("x1ytwoz1", [], false))
        #expect(expand("${EMPTY}|${NOPE}|${NOPE}|${ALSO}") == ("|||", ["NOPE", "ALSO"], false))
        #expect(expand("$${A} costs $5 and $A") == ("${A} costs $5 and $A", [], false))
        #expect(expand("${A") == ("${A", [], true))
        #expect(expand("${}") == ("${}", [], true))
        #expect(expand("${1A}") == ("${1A}", [], true))
        #expect(expand("${A}${") == ("1${", [], true))
        // Expanded values are not expanded again.
        #expect(EnvironmentExpansion.expand("${X}", environment: ["X": "${A}"]).text == "${A}")
        #expect(EnvironmentExpansion.containsReference("a ${B}"))
        #expect(!EnvironmentExpansion.containsReference("a $${B}"))
    }

    @Test func setVariablesExpandInScalarsAndLists() {
        let fixture = ConfigFixture(
            """
            policies: ["${ROOT}/policies", '${ROOT}/extra/${NAME}.policy']
            schema: ${ROOT}/schema.sql
            schemas:
              - public
              - ${TENANT_SCHEMA}
            session:
              app.tenant_id: ${KEY_TYPE}
            analysis:
              timeout_ms: ${TIMEOUT}
            """, environment: ["ROOT": "db", "NAME": "x", "TENANT_SCHEMA": "tenants", "KEY_TYPE": "uuid", "TIMEOUT": " 250 "])
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        #expect(fixture.config.policyPaths == ["/project/db/policies", "/project/db/extra/x.policy"])
        #expect(fixture.config.schemaPath == "/project/db/schema.sql")
        #expect(fixture.config.schemas == ["public", "tenants"])
        #expect(fixture.config.sessionKeys.first?.type == .uuid)
        #expect(fixture.config.analysis.timeoutMilliseconds == 250)
    }

    @Test func unsetVariablesWarnAtTheValueAndExpandToNothing() throws {
        let fixture = ConfigFixture(
            """
            database: 1️⃣${DATABASE_URL}
            schema: 2️⃣${SCHEMA_DIR}/schema.sql
            policies: [policies, 3️⃣"${MORE}"]
            """)
        let found = fixture.diagnostics("config.unset-variable")
        try #require(found.count == 3, "\(fixture.diagnostics)")
        #expect(found.allSatisfy { $0.severity == .warning })
        fixture.expect(found[0], at: "1️⃣", covering: "${DATABASE_URL}")
        #expect(found[0].message == "environment variable 'DATABASE_URL' is not set; 'database' uses an empty string in its place")
        fixture.expect(found[1], at: "2️⃣", covering: "${SCHEMA_DIR}/schema.sql")
        #expect(found[1].message.contains("'SCHEMA_DIR'"))
        fixture.expect(found[2], at: "3️⃣", covering: "\"${MORE}\"")
        #expect(found[2].message.contains("'policies[1]'"))
        #expect(fixture.diagnostics.count == 3, "\(fixture.diagnostics)")
        #expect(fixture.config.database == nil)
        #expect(fixture.config.schemaPath == "/schema.sql")
        #expect(fixture.config.policyPaths == ["/project/policies"])
    }

    @Test func severalUnsetVariablesInOneStringEachWarnOnce() {
        let fixture = ConfigFixture("database: \"postgresql://${USER}:${PASS}@${HOST}/${USER}\"\n", environment: ["HOST": "db"])
        let names = fixture.diagnostics("config.unset-variable").map(\.message)
        #expect(names.count == 2)
        #expect(names[0].contains("'USER'") && names[1].contains("'PASS'"))
        #expect(fixture.config.database == "postgresql://:@db/")
    }

    /// `{` is a flow indicator in YAML, so `[${A}]` is a syntax error: the message says to quote.
    @Test func unquotedVariablesInFlowCollectionsGetAHint() throws {
        let fixture = ConfigFixture("policies: [${ROOT}/policies]\n", environment: ["ROOT": "r"])
        let diagnostic = try #require(fixture.single("config.invalid-yaml"))
        #expect(diagnostic.message.hasSuffix("; inside [ ] and { }, quote values that use ${VAR}"))
        let block = ConfigFixture("policies:\n  - ${ROOT}/policies\n", environment: ["ROOT": "r"])
        #expect(block.diagnostics.isEmpty)
        #expect(block.config.policyPaths == ["/project/r/policies"])
        let plain = ConfigFixture("policies: [a\n")
        #expect(plain.diagnostics.first?.message.contains("quote values") == false)
    }

    @Test func malformedReferencesAreWarnedAbout() throws {
        let fixture = ConfigFixture("schema: 1️⃣${SCHEMA\n")
        let diagnostic = try #require(fixture.single("config.malformed-variable"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "${SCHEMA")
        #expect(fixture.config.schemaPath == "/project/${SCHEMA")
    }

    @Test func theEscapeWritesALiteralDollarBrace() {
        let fixture = ConfigFixture("database: \"host=x password=$${NOT_A_VAR}\"\n")
        #expect(fixture.diagnostics.isEmpty)
        #expect(fixture.config.database == "host=x password=${NOT_A_VAR}")
    }

    /// Whatever goes wrong around it, the expanded connection string (with its password) is
    /// never part of a message.
    @Test func theDatabasePasswordNeverAppearsInADiagnostic() {
        let secret = "hunter2-Sup3rSecret"
        let url = "postgresql://app:\(secret)@db.internal:5432/prod"
        let environment = ["DATABASE_URL": url, "PASSWORD": secret]
        let texts = [
            "database: ${DATABASE_URL}\nschema: ${UNSET}\npolices: x\n",
            "database: ${DATABASE_URL}${MISSING}\n",
            "database: \"postgresql://app:${PASSWORD}@db/${DB\"\n",
            "database: [${DATABASE_URL}]\n",
            "database: {url: ${DATABASE_URL}}\n",
            "database: ${DATABASE_URL}\ndatabase: ${DATABASE_URL}\n",
            "database: ${DATABASE_URL}\nmissing_context: ${DATABASE_URL}\n",
            "database: \"${DATABASE_URL}\n",
            "database: ${DATABASE_URL}\nsession: {app.k: ${PASSWORD}}\n",
        ]
        for text in texts {
            let fixture = ConfigFixture(text, environment: environment)
            #expect(!fixture.diagnostics.isEmpty, "each case reports something: \(text)")
            for diagnostic in fixture.diagnostics {
                let rendered =
                    [diagnostic.message] + diagnostic.notes.map(\.message)
                    + diagnostic.fixIts.flatMap { [$0.title] + $0.edits.map(\.newText) }
                for part in rendered {
                    #expect(!part.contains(secret), "leaked in \(diagnostic.id): \(part)")
                }
            }
        }
    }

    @Test func theDatabaseValueIsKeptVerbatimWhenSet() {
        let fixture = ConfigFixture("database: ${DATABASE_URL}\n", environment: ["DATABASE_URL": "host=/tmp port=5 dbname=x"])
        #expect(fixture.diagnostics.isEmpty)
        #expect(fixture.config.database == "host=/tmp port=5 dbname=x")
    }
}
