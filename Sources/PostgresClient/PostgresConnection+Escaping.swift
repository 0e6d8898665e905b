import CLibPQ

extension PostgresConnection {
    /// `text` as a SQL string literal (`'it''s'`, or `E'...'` when it has backslashes), for
    /// the few statements that cannot take parameters (`CREATE ROLE ... PASSWORD`, DDL).
    /// Prefer `query(_:_:)` parameters everywhere else.
    public func quoteLiteral(_ text: String) throws -> String {
        try escape(text, PQescapeLiteral)
    }

    /// `name` as a SQL identifier, double-quoted with embedded quotes doubled.
    public func quoteIdentifier(_ name: String) throws -> String {
        try escape(name, PQescapeIdentifier)
    }

    /// The SCRAM-SHA-256 verifier (`SCRAM-SHA-256$...`) for `password` and `user`, computed
    /// by libpq on this side so that `ALTER ROLE ... PASSWORD '<verifier>'` never sends the
    /// password itself (nor leaves it in `pg_stat_statements` or the server log).
    public func encryptPassword(_ password: String, user: String) throws -> String {
        try withHandle { handle, scrubber in
            let raw = PQencryptPasswordConn(handle, password, user, "scram-sha-256")
            let checked = try LibPQ.check(OpaquePointer(raw), .allocate, connection: handle, scrubber: scrubber)
            let pointer = UnsafeMutablePointer<CChar>(checked)
            defer { PQfreemem(pointer) }
            return String(cString: pointer)
        }
    }

    /// Runs one of libpq's escaping functions on `text` and frees its result.
    private func escape(
        _ text: String, _ function: (OpaquePointer?, UnsafePointer<CChar>?, Int) -> UnsafeMutablePointer<CChar>?
    ) throws -> String {
        guard !text.utf8.contains(0) else {
            throw PostgresError(kind: .query, message: "the text to quote contains a NUL character")
        }
        return try withHandle { handle, scrubber in
            let raw = function(handle, text, text.utf8.count)
            let checked = try LibPQ.check(OpaquePointer(raw), .allocate, connection: handle, scrubber: scrubber)
            let pointer = UnsafeMutablePointer<CChar>(checked)
            defer { PQfreemem(pointer) }
            return String(cString: pointer)
        }
    }
}
