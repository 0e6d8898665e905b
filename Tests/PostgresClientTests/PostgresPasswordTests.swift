import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// Password authentication for `pgpe_password_user` (the role `pg_hba.conf` makes use
/// scram-sha-256), and the rule that no form of a password appears in any error.
@Suite struct PostgresPasswordTests {
    /// Wrong passwords that need quoting or encoding in every form.
    static let wrongPasswords = [
        "wrong-password",
        #"spaces and 'single' "double" quotes"#,
        "50%off @home/:?#&=",
        #"é-ünïcode \ back"#,
    ]

    /// The ways a password can be written into a connection string.
    static func forms(of password: String) -> [String] {
        [password, PostgresTestServer.percentEncoded(password), PostgresTestServer.quoted(password)]
    }

    /// Records an issue for each form of `password` found in the error's texts.
    static func expectAbsent(_ password: String, in error: PostgresError, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in [error.description, error.message, String(reflecting: error)] {
            for form in forms(of: password) {
                #expect(!text.contains(form), "password form \(form.debugDescription) in: \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The three ways a test passes credentials: URL user info, URL query, `key=value`.
    static func connectionStrings(_ database: TestDatabase, user: String, password: String) -> [String] {
        [
            database.url(user: user, password: password),
            database.url(user: user) + "?password=" + PostgresTestServer.percentEncoded(password),
            database.connectionString(user: user, password: password),
        ]
    }

    /// The right password authenticates in URL, URL-query and quoted `key=value` forms.
    @Test func correctPasswordConnectsInEveryForm() async throws {
        try await withTestDatabase { database in
            let (user, password) = try database.ensurePasswordRole()
            for string in Self.connectionStrings(database, user: user, password: password) {
                let connection = try PostgresConnection(string)
                #expect(try connection.query("SELECT current_user AS u").first?["u"]?.string == user)
                #expect(connection.redactedConnectionString.contains("***"))
                for form in Self.forms(of: password) {
                    #expect(!connection.redactedConnectionString.contains(form))
                }
            }
        }
    }

    /// A wrong password fails with a clear message containing no form of it.
    @Test(arguments: wrongPasswords)
    func wrongPasswordFailsClearlyWithoutShowingIt(password: String) async throws {
        try await withTestDatabase { database in
            let (user, _) = try database.ensurePasswordRole()
            for string in Self.connectionStrings(database, user: user, password: password) {
                let error = try #require(throws: PostgresError.self) { try PostgresConnection(string) }
                #expect(error.kind == .connection)
                #expect(error.message.contains(#"password authentication failed for user "pgpe_password_user""#))
                Self.expectAbsent(password, in: error)
            }
        }
    }

    /// libpq echoes the offending token of a malformed string; with a password in the string
    /// that token may be (part of) the password.
    @Test func malformedPasswordIsNotEchoed() async throws {
        try await withTestDatabase { database in
            let server = database.server
            let url =
                "postgresql://pgpe_password_user:wr%zzong@\(PostgresTestServer.percentEncoded(server.host)):\(server.port)/\(database.name)"
            let badEscape = try #require(throws: PostgresError.self) { try PostgresConnection(url) }
            #expect(badEscape.kind == .connection)
            #expect(badEscape.message.contains("invalid percent-encoded token"))
            Self.expectAbsent("wr%zzong", in: badEscape)

            let unquoted = database.connectionString(user: "pgpe_password_user") + " password=secret part"
            let missingEquals = try #require(throws: PostgresError.self) { try PostgresConnection(unquoted) }
            #expect(missingEquals.message.contains(#"missing "=" after"#))
            Self.expectAbsent("part", in: missingEquals)
            Self.expectAbsent("secret", in: missingEquals)
        }
    }

    /// A server message that quotes the password (here: a cast of it) is scrubbed too, as
    /// are notices.
    @Test func serverTextQuotingThePasswordIsScrubbed() async throws {
        try await withTestDatabase { database in
            let (user, password) = try database.ensurePasswordRole()
            let connection = try PostgresConnection(database.connectionString(user: user, password: password))
            let error = try #require(throws: PostgresError.self) {
                try connection.query("SELECT $1::int", [.text(password)])
            }
            #expect(error.sqlState == "22P02")
            #expect(error.message == #"invalid input syntax for type integer: "***""#)
            Self.expectAbsent(password, in: error)

            try connection.execute(
                """
                CREATE FUNCTION pg_temp.echo(t text) RETURNS void LANGUAGE plpgsql
                AS $$ BEGIN RAISE NOTICE 'got %', t; END $$
                """)
            _ = try connection.query("SELECT pg_temp.echo($1)", [.text(password)])
            #expect(connection.notices.map(\.message) == ["got ***"])
        }
    }

    /// Printing, dumping or reflecting a connection or a connection string shows the
    /// redacted form only, though both keep the password inside.
    @Test func reflectionNeverShowsThePassword() async throws {
        try await withTestDatabase { database in
            let (user, password) = try database.ensurePasswordRole()
            let string = database.connectionString(user: user, password: password)
            let connection = try PostgresConnection(string)
            let parsed = PostgresConnectionString(string)
            var dumped = ""
            dump(connection, to: &dumped)
            dump(parsed, to: &dumped)
            let texts = [
                dumped, String(describing: connection), String(reflecting: connection),
                String(describing: parsed), String(reflecting: parsed),
            ]
            for text in texts {
                #expect(text.contains("***"), "\(text)")
                for form in Self.forms(of: password) {
                    #expect(!text.contains(form), "\(text)")
                }
            }
        }
    }
}
