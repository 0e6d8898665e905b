import Foundation
import PostgresClient

/// The throwaway PostgreSQL server `make test` starts (`scripts/pg.sh`), as described by
/// the `PGPE_TEST_*` environment variables.
public struct PostgresTestServer: Sendable {
    /// The unix socket directory (`PGPE_TEST_PGHOST`).
    public let host: String
    /// The port (`PGPE_TEST_PGPORT`).
    public let port: String
    /// The superuser (`PGPE_TEST_PGUSER`).
    public let user: String
    /// The server's `bin` directory (`PGPE_TEST_PGBIN`), e.g. for `psql`; may be empty.
    public let binDirectory: String

    /// Reads the `PGPE_TEST_*` variables; throws (failing the test, never skipping it) when
    /// they are not set.
    public static func fromEnvironment() throws -> PostgresTestServer {
        let environment = ProcessInfo.processInfo.environment
        func required(_ name: String) throws -> String {
            guard let value = environment[name], !value.isEmpty else {
                throw TestDatabaseError("PostgreSQL tests run under `make test`: \(name) is not set")
            }
            return value
        }
        return PostgresTestServer(
            host: try required("PGPE_TEST_PGHOST"),
            port: try required("PGPE_TEST_PGPORT"),
            user: try required("PGPE_TEST_PGUSER"),
            binDirectory: environment["PGPE_TEST_PGBIN"] ?? "")
    }

    /// A `key=value` connection string (values quoted as libpq reads them).
    public func connectionString(database: String, user: String? = nil, password: String? = nil) -> String {
        var pairs = [("host", host), ("port", port), ("user", user ?? self.user), ("dbname", database)]
        if let password { pairs.append(("password", password)) }
        return pairs.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: " ")
    }

    /// A `postgresql://` URL with every component percent-encoded (the socket directory
    /// becomes the host, `%2Ftmp%2F...`).
    public func url(database: String, user: String? = nil, password: String? = nil) -> String {
        var credentials = Self.percentEncoded(user ?? self.user)
        if let password { credentials += ":" + Self.percentEncoded(password) }
        return "postgresql://\(credentials)@\(Self.percentEncoded(host)):\(port)/\(Self.percentEncoded(database))"
    }

    /// The `PG*` variables that point libpq at `database` (for a subprocess's environment).
    public func libpqEnvironment(database: String, user: String? = nil) -> [String: String] {
        ["PGHOST": host, "PGPORT": port, "PGUSER": user ?? self.user, "PGDATABASE": database]
    }

    /// A superuser connection to `database`.
    public func connect(database: String) throws -> PostgresConnection {
        try PostgresConnection(connectionString(database: database))
    }

    /// `value` single-quoted for a `key=value` string, with `\` and `'` escaped.
    public static func quoted(_ value: String) -> String {
        var out = "'"
        for character in value {
            if character == "\\" || character == "'" { out.append("\\") }
            out.append(character)
        }
        return out + "'"
    }

    /// `value` with every byte outside `A-Z a-z 0-9 - . _ ~` percent-encoded.
    public static func percentEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            let scalar = Unicode.Scalar(byte)
            if ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "-._~".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
