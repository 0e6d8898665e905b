import PolicyConfig
import PolicySchema
import PolicySyntax
import TestSupport
import Testing

/// `session:` entries in the v2 form (`{type, sql}`), `profile: supabase` and the built-in
/// `current_user`/`session_user` (SPEC 11.1).
@Suite struct SessionValueConfigTests {
    @Test func theV2FormSitsBesideTheV1Form() {
        let fixture = ConfigFixture(
            """
            session:
              app.tenant_id: uuid
              auth.uid:
                type: uuid
                sql: auth.uid()
              jwt.org_id: {type: uuid, sql: "(auth.jwt() ->> 'org_id')::uuid"}
              role: { type: text, sql: current_user }
              app.level: {type: int}
            """)
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        let keys = fixture.config.sessionKeys
        #expect(keys.map(\.key) == ["app.tenant_id", "auth.uid", "jwt.org_id", "role", "app.level"])
        #expect(keys.map(\.type.name) == ["uuid", "uuid", "uuid", "text", "integer"])
        #expect(keys.map(\.sql) == [nil, "auth.uid()", "(auth.jwt() ->> 'org_id')::uuid", "current_user", nil])
        #expect(keys.map(\.isSetting) == [true, false, false, false, true])
        #expect(fixture.text(at: keys[1].location) == "auth.uid")
    }

    @Test func theSupabaseProfileDeclaresItsThreeValues() {
        let fixture = ConfigFixture(
            """
            session:
              app.tenant_id: uuid
              auth.role: {type: text, sql: "coalesce(auth.role(), 'anon')"}
            profile: supabase
            isolation:
              - key: auth.uid
            """)
        #expect(fixture.diagnostics.isEmpty, "\(fixture.diagnostics)")
        #expect(fixture.config.profile == .supabase)
        let keys = fixture.config.sessionKeys
        // The profile's first; the file's own auth.role replaces the profile's.
        #expect(keys.map(\.key) == ["auth.uid", "auth.jwt", "app.tenant_id", "auth.role"])
        #expect(keys.map(\.type.name) == ["uuid", "jsonb", "uuid", "text"])
        #expect(keys.map(\.sql) == ["auth.uid()", "auth.jwt()", nil, "coalesce(auth.role(), 'anon')"])
        #expect(fixture.text(at: keys[0].location) == "supabase")

        let before = ConfigFixture("profile: supabase\nsession:\n  auth.uid: {type: text, sql: auth.uid()::text}\n")
        #expect(before.config.sessionKeys.map(\.key) == ["auth.role", "auth.jwt", "auth.uid"])
        #expect(before.config.sessionKey("auth.uid")?.type == .text)
    }

    @Test func currentUserAndSessionUserAreBuiltIn() throws {
        let config = ConfigFixture("session:\n  app.tenant_id: uuid\n").config
        #expect(config.sessionKeys.map(\.key) == ["app.tenant_id"])
        #expect(config.sessionValues.map(\.key) == ["app.tenant_id", "current_user", "session_user"])
        let currentUser = try #require(config.sessionKey("current_user"))
        #expect(currentUser.type == .text && currentUser.sql == "current_user" && currentUser.location == nil)
        #expect(config.sessionKey("session_user")?.sql == "session_user")
        #expect(ProjectConfig(baseDirectory: "/").sessionKey("current_user") != nil)

        // An isolation key may be a built-in value; declaring one is an error at its key.
        let fixture = ConfigFixture("session:\n  1️⃣current_user: text\nisolation:\n  - key: session_user\n")
        let diagnostic = try #require(fixture.single("config.builtin-session-key"))
        fixture.expect(diagnostic, at: "1️⃣", covering: "current_user")
        #expect(diagnostic.message == "'current_user' is built in (type text, SQL current_user); remove it from 'session'")
        #expect(fixture.diagnostics("config.undeclared-session-key").isEmpty)
        #expect(fixture.config.sessionKeys.isEmpty)
    }

    @Test func valuesWithTheirOwnSQLNeedNoPrefix() {
        let fixture = ConfigFixture("session:\n  role: {type: text, sql: current_user}\n  1️⃣tenant: {type: uuid}\n")
        fixture.expect(fixture.single("config.session-key-format"), at: "1️⃣", covering: "tenant")
    }

    @Test func errorsAreAtTheirKeyOrValue() {
        let fixture = ConfigFixture(
            """
            session:
              1️⃣auth.uid: {sql: auth.uid()}
              auth.a: {type: 2️⃣uuidd, sql: auth.uid()}
              auth.b: {type: uuid, 3️⃣sqll: auth.uid()}
              auth.c: {type: uuid, sql: 4️⃣"auth.uid(); DROP TABLE t"}
              auth.d: {type: uuid, sql: 5️⃣"(auth.uid()"}
              auth.e: {type: uuid, sql: 6️⃣"auth.uid() -- me"}
              auth.f: {type: uuid, sql: 7️⃣''}
              auth.g: {type: uuid, sql: 8️⃣[a]}
            profile: 9️⃣supabas
            """)
        fixture.expect(fixture.single("config.missing-key"), at: "1️⃣", covering: "auth.uid")
        #expect(
            fixture.diagnostics("config.missing-key").first?.message == "session value 'auth.uid' needs 'type': the SQL type of its value")
        fixture.expect(fixture.single("config.unknown-type"), at: "2️⃣", covering: "uuidd")
        let unknown = fixture.single("config.unknown-key")
        fixture.expect(unknown, at: "3️⃣", covering: "sqll")
        #expect(unknown?.message == "unknown key 'sqll' in 'session.auth.b'; did you mean 'sql'?")
        let invalid = fixture.diagnostics("config.invalid-value")
        #expect(invalid.count == 5)
        fixture.expect(invalid[safe: 0], at: "4️⃣", covering: "\"auth.uid(); DROP TABLE t\"")
        #expect(
            invalid[safe: 0]?.message
                == "'session.auth.c.sql' must be one SQL expression, but it holds ';': write one expression, not statements")
        fixture.expect(invalid[safe: 1], at: "5️⃣", covering: "\"(auth.uid()\"")
        #expect(invalid[safe: 1]?.message == "'session.auth.d.sql' must be one SQL expression, but it leaves a parenthesis open")
        fixture.expect(invalid[safe: 2], at: "6️⃣", covering: "\"auth.uid() -- me\"")
        fixture.expect(invalid[safe: 3], at: "7️⃣", covering: "''")
        fixture.expect(invalid[safe: 4], at: "9️⃣", covering: "supabas")
        #expect(invalid[safe: 4]?.message == "unknown profile 'supabas'; expected 'supabase'; did you mean 'supabase'?")
        #expect(invalid[safe: 4]?.fixIts.first?.edits.first?.newText == "supabase")
        fixture.expect(fixture.single("config.wrong-type"), at: "8️⃣", covering: "[a]")
        // auth.b keeps its type and is read with current_setting; the others are left out.
        #expect(fixture.config.sessionKeys.map(\.key) == ["auth.b"])
        #expect(fixture.config.profile == nil)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
