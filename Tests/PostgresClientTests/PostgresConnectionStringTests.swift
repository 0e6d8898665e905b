import PostgresClient
import Testing

/// Finding and redacting the password in both connection-string forms, without a server.
@Suite struct PostgresConnectionStringTests {
    /// URL passwords (user info and query, encoded or not) become `***`; the rest stays.
    @Test(arguments: [
        ("postgresql://alice:s3cret@db.example.com:5432/app", "postgresql://alice:***@db.example.com:5432/app"),
        ("postgres://alice:p%40ss%2Fw%3Ard@h/app", "postgres://alice:***@h/app"),
        ("postgresql://alice:pa?ss@h/app", "postgresql://alice:***@h/app"),
        ("postgresql://alice@h/app?password=s3cret&sslmode=disable", "postgresql://alice@h/app?password=***&sslmode=disable"),
        ("postgresql://h/app?pass%77ord=s3cret", "postgresql://h/app?pass%77ord=***"),
        ("postgresql://alice:@h/app", "postgresql://alice:@h/app"),
        ("postgresql://alice@h/app", "postgresql://alice@h/app"),
        ("postgresql://h/app?user=me@example.com", "postgresql://h/app?user=me@example.com"),
        ("postgresql:///app?host=/tmp", "postgresql:///app?host=/tmp"),
        // An `@` in a query parameter's value is not the end of a password.
        (
            "postgresql://postgres:secret@:5439/dt?host=/tmp/sock&application_name=me@laptop",
            "postgresql://postgres:***@:5439/dt?host=/tmp/sock&application_name=me@laptop"
        ),
        ("postgresql://:5439/dt?host=/tmp/sock&user=alice@corp", "postgresql://:5439/dt?host=/tmp/sock&user=alice@corp"),
        ("postgresql://u:p@h/db?application_name=a:b@c", "postgresql://u:***@h/db?application_name=a:b@c"),
    ])
    func redactsURLs(input: String, expected: String) {
        let parsed = PostgresConnectionString(input)
        #expect(parsed.isURL)
        #expect(parsed.redacted == expected)
        #expect(PostgresConnection.redact(input) == expected)
        #expect("\(parsed)" == expected)
    }

    /// `key=value` passwords, quoted, escaped or malformed, become `***`.
    @Test(arguments: [
        ("host=h password=s3cret user=u", "host=h password=*** user=u"),
        ("password = s3cret", "password = ***"),
        (#"user=u password='a b\'c\\d' dbname=x"#, "user=u password=*** dbname=x"),
        (#"password=un\ quoted port=1"#, "password=*** port=1"),
        ("password=first password=second", "password=*** password=***"),
        ("host=h password='unterminated and more", "host=h password=***"),
        ("password=has space host=h", "password=***"),
        ("password=has two spaces", "password=***"),
        ("host=h user=u", "host=h user=u"),
        ("passfile=/x/pgpass host=h", "passfile=/x/pgpass host=h"),
    ])
    func redactsKeyValueStrings(input: String, expected: String) {
        let parsed = PostgresConnectionString(input)
        #expect(!parsed.isURL)
        #expect(parsed.isConnectionString)
        #expect(parsed.redacted == expected)
    }

    /// A bare database name is not parsed for a password.
    @Test func bareDatabaseNameIsNotAConnectionString() {
        let parsed = PostgresConnectionString("mydb")
        #expect(!parsed.isConnectionString)
        #expect(!parsed.hasPassword)
        #expect(parsed.redacted == "mydb")
    }

    /// `hasPassword` tells whether any form of password is present.
    @Test func reportsWhetherAPasswordIsPresent() {
        #expect(PostgresConnectionString("postgresql://u:x@h/d").hasPassword)
        #expect(PostgresConnectionString("host=h password=''").hasPassword)
        #expect(!PostgresConnectionString("postgresql://u@h/d").hasPassword)
        #expect(!PostgresConnectionString("host=h").hasPassword)
    }

    /// Both printed forms of a connection string are redacted.
    @Test func debugDescriptionIsRedactedToo() {
        let parsed = PostgresConnectionString("postgresql://u:topsecret@h/d")
        #expect(!String(reflecting: parsed).contains("topsecret"))
        #expect(!"\(parsed)".contains("topsecret"))
    }

    /// A password with an unencoded `@` or `/` could be read by libpq as a host, port or
    /// database and echoed in an error, so such URLs are refused before libpq sees them.
    @Test(arguments: ["postgresql://u:p@ss@h/db", "postgresql://u:pa/ss@h/db"])
    func refusesAmbiguousURLs(input: String) throws {
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(input) }
        #expect(error.kind == .connection)
        #expect(error.message.contains("percent-encode"))
        #expect(!error.description.contains("ss@h"))
        #expect(!error.description.contains("pa/ss"))
        #expect(PostgresConnection.redact(input) == "postgresql://u:***@h/db")
    }

    /// A `?` inside a password with an `@` or `/` in it once moved where the credentials were
    /// taken to end, and the tail of the password was shown.
    @Test(arguments: [
        ("postgresql://app:Hunter/2?Secret@db.example.com/prod", "postgresql://app:***@db.example.com/prod"),
        ("postgresql://app:Hunter@2?Secret@db.example.com/prod", "postgresql://app:***@db.example.com/prod"),
        (#"postgresql://app:p@ss w'o\rd&?=%/:#@h/db"#, "postgresql://app:***@h/db"),
    ])
    func refusesURLsWhosePasswordHoldsAQuestionMark(input: String, expected: String) throws {
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(input) }
        #expect(error.kind == .connection)
        #expect(error.message.contains("percent-encode"))
        #expect(PostgresConnection.redact(input) == expected)
        for secret in ["Hunter", "Secret", "ss w'o"] {
            #expect(!error.description.contains(secret), "\(error.description)")
        }
    }

    /// What libpq would take for a database name but that looks like a mistyped URL or
    /// connection string is refused before libpq (and the server's log) sees it, and shown as
    /// `***` with no part of it in the message.
    @Test(arguments: [
        "Postgres://app:Hunter2Secret@db.example.com/prod",
        "POSTGRESQL://app:Hunter2Secret@db.example.com/prod",
        " postgresql://app:Hunter2Secret@db.example.com/prod",
        "postgresql:/app:Hunter2Secret@db.example.com/prod",
    ])
    func refusesNamesThatLookLikeURLs(input: String) throws {
        let parsed = PostgresConnectionString(input)
        #expect(!parsed.isURL)
        #expect(parsed.redacted == "***")
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(input) }
        #expect(error.kind == .connection)
        #expect(error.message.contains("neither a postgresql://"))
        #expect(!error.description.contains("Hunter2Secret"))
    }

    /// A `key=value` string with a word without `=`, or a key that is no keyword, before the
    /// password: libpq stops there and echoes the string, so it is refused and everything from
    /// that word on is hidden.
    @Test(arguments: [
        ("user=app dbname password=Hunter2Secret", "user=app ***", "word without '='"),
        ("jdbc:postgresql://db.example.com/prod?user=app&password=Hunter2Secret", "***", "not a connection keyword"),
        ("host=h postgresql://app:Hunter2Secret@h/db=x", "host=h ***", "not a connection keyword"),
    ])
    func refusesMalformedKeyValueStringsBeforeThePassword(input: String, redacted: String, reason: String) throws {
        #expect(PostgresConnection.redact(input) == redacted)
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(input) }
        #expect(error.kind == .connection)
        #expect(error.message.contains(reason))
        #expect(!error.description.contains("Hunter2Secret"))
    }
}
