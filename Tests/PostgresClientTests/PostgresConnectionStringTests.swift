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
}
