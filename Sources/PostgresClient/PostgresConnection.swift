import CLibPQ

/// One connection to PostgreSQL through libpq, owning its `PGconn*` and freeing it with
/// `PQfinish` on `close()` or when released.
///
/// Not thread-safe: use a connection from one thread (or task) at a time, or guard it with
/// a lock. Every error it throws and every notice it keeps has had the password removed.
public final class PostgresConnection {
    /// The libpq connection; `nil` once closed.
    private var handle: OpaquePointer?
    /// Removes every known form of the password from messages.
    private let scrubber: PostgresPasswordScrubber
    /// Receives the server's notices.
    private let noticeBuffer: PostgresNoticeBuffer
    /// Numbers savepoints of nested `transaction` calls.
    var savepointCounter = 0

    /// The connection string with its password replaced by `***` (empty when the connection
    /// came from the PG* environment variables alone).
    public let redactedConnectionString: String

    /// The number of round trips issued (`query` and `execute` calls, including those of
    /// `transaction`), for checks that an operation issues a bounded number of statements.
    public private(set) var queryCount = 0

    /// The notices and warnings the server sent, oldest first (the last 1,000 are kept).
    public var notices: [PostgresNotice] { noticeBuffer.notices }

    /// Connects as libpq does, from a `postgresql://` URL, a `key=value` string, a bare
    /// database name, or nothing (`nil` or empty: the `PG*` environment variables and
    /// `.pgpass` alone).
    ///
    /// Unless the string or `PGCONNECT_TIMEOUT` sets one, `connect_timeout` is
    /// `connectTimeout` seconds (libpq treats values below 2 as 2); unless the string or
    /// `PGAPPNAME` sets one, `application_name` is `pgpe`. The client encoding is always
    /// UTF-8. Throws a `.connection` `PostgresError` without the password in it.
    public init(_ connectionString: String? = nil, connectTimeout: Int = 10) throws {
        let parsed = connectionString.flatMap { $0.isEmpty ? nil : PostgresConnectionString($0) }
        var scrubber = PostgresPasswordScrubber()
        scrubber.add(contentsOf: parsed?.passwordForms ?? [])
        scrubber.add(LibPQ.environment("PGPASSWORD"))
        if let ambiguity = parsed?.ambiguity {
            throw PostgresError(kind: .connection, message: ambiguity)
        }
        var setsTimeout = LibPQ.environment("PGCONNECT_TIMEOUT") != nil
        if let parsed, parsed.isConnectionString {
            let options = try LibPQ.parseConnectionOptions(
                parsed.text, hidesQuotedText: parsed.hasPassword, scrubber: scrubber)
            scrubber.add(options["password"])
            setsTimeout = setsTimeout || options["connect_timeout"] != nil
        }
        // Entries before `dbname` are defaults the expanded string overrides; entries after
        // it override the string.
        var settings: [(String, String)] = []
        if !setsTimeout { settings.append(("connect_timeout", String(connectTimeout))) }
        settings.append(("fallback_application_name", "pgpe"))
        if let parsed { settings.append(("dbname", parsed.text)) }
        settings.append(("client_encoding", "UTF8"))
        let raw = LibPQ.withCStrings(settings.map { $0.0 }) { keywords in
            LibPQ.withCStrings(settings.map { $0.1 }) { values in
                PQconnectdbParams(keywords, values, 1)
            }
        }
        // The password libpq ended up using (including one read from `.pgpass`).
        if let raw { scrubber.add(LibPQ.string(PQpass(raw))) }
        let connection: OpaquePointer
        do {
            connection = try LibPQ.check(raw, .connect, connection: nil, scrubber: scrubber)
        } catch {
            if let raw { PQfinish(raw) }
            throw error
        }
        let noticeBuffer = PostgresNoticeBuffer(scrubber: scrubber)
        noticeBuffer.install(on: connection)
        self.handle = connection
        self.scrubber = scrubber
        self.noticeBuffer = noticeBuffer
        self.redactedConnectionString = parsed?.redacted ?? ""
    }

    deinit {
        close()
    }

    /// Whether the connection is open (not closed, and not lost when last used).
    public var isOpen: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// Closes the connection (`PQfinish`); later calls throw a `.connection` error. Closing
    /// twice does nothing.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// The version of the libpq library linked in (`PQlibVersion`, `150018` for 15.18).
    public static var libpqVersion: Int {
        Int(PQlibVersion())
    }

    /// `connectionString` with its password replaced by `***`, for display (URL and
    /// `key=value` forms; see `PostgresConnectionString`).
    public static func redact(_ connectionString: String) -> String {
        PostgresConnectionString.redact(connectionString)
    }

    /// The server version as an integer (`150018` for 15.18), 0 when closed.
    public var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Whether a transaction block is open (including a failed one awaiting `ROLLBACK`).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Whether a transaction block is open and a statement in it has failed.
    var isInFailedTransaction: Bool {
        handle.map { PQtransactionStatus($0) == PQTRANS_INERROR } ?? false
    }

    /// Removes and returns the notices received so far.
    public func takeNotices() -> [PostgresNotice] {
        defer { noticeBuffer.notices.removeAll() }
        return noticeBuffer.notices
    }

    /// Runs one statement with `parameters` bound to `$1`, `$2`, ... (`PQexecParams`, text
    /// format): values are never spliced into the SQL text.
    ///
    /// Each parameter is sent as untyped text, so PostgreSQL infers its type from context as
    /// for a quoted literal; cast in SQL (`$1::int8`, `$2::text[]`) where context does not
    /// decide. Throws a `.query` `PostgresError` when the statement fails, a `.connection` one
    /// when the connection is closed or lost (it is then closed).
    public func query(_ sql: String, _ parameters: [PostgresValue?] = []) throws -> PostgresResult {
        try run(sql, parameters: parameters)
    }

    /// Runs a script of one or more statements without parameters (`PQexec`), as for DDL;
    /// returns the result of the last statement. Unless the script manages transactions
    /// itself, PostgreSQL runs its statements as one implicit transaction.
    @discardableResult
    public func execute(_ script: String) throws -> PostgresResult {
        try run(script, parameters: nil)
    }

    /// Issues one round trip: `PQexecParams` when `parameters` is given, `PQexec` otherwise.
    private func run(_ sql: String, parameters: [PostgresValue?]?) throws -> PostgresResult {
        guard let handle else {
            throw PostgresError(kind: .connection, message: "the connection is closed")
        }
        guard !sql.utf8.contains(0) else {
            throw PostgresError(kind: .query, message: "the statement text contains a NUL character")
        }
        let texts = parameters?.map { $0?.parameterText } ?? []
        if let bad = texts.firstIndex(where: { $0?.utf8.contains(0) ?? false }) {
            throw PostgresError(
                kind: .query, message: "parameter $\(bad + 1) contains a NUL character, which text cannot hold")
        }
        queryCount += 1
        let raw: OpaquePointer?
        if parameters != nil {
            raw = LibPQ.withCStrings(texts) { values in
                PQexecParams(handle, sql, Int32(texts.count), nil, values, nil, nil, 0)
            }
        } else {
            raw = PQexec(handle, sql)
        }
        let result: OpaquePointer
        do {
            result = try LibPQ.check(raw, .execute, connection: handle, scrubber: scrubber)
        } catch let error as PostgresError where error.kind == .connection {
            close()
            throw error
        }
        defer { PQclear(result) }
        return Self.decode(result)
    }

    /// Copies a libpq result into Swift values.
    private static func decode(_ result: OpaquePointer) -> PostgresResult {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { column in
            PostgresColumn(name: LibPQ.string(PQfname(result, column)) ?? "", typeOID: PQftype(result, column))
        }
        let lookup = PostgresColumnLookup(columns: columns)
        var rows: [PostgresRow] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [PostgresValue?] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                guard PQgetisnull(result, row, column) == 0, let bytes = PQgetvalue(result, row, column) else {
                    values.append(nil)
                    continue
                }
                let length = Int(PQgetlength(result, row, column))
                let text = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
                values.append(PostgresValue(text: text, typeOID: columns[Int(column)].typeOID))
            }
            rows.append(PostgresRow(lookup: lookup, values: values))
        }
        return PostgresResult(
            lookup: lookup, rows: rows,
            commandTag: LibPQ.string(PQcmdStatus(result)) ?? "",
            affectedRows: LibPQ.string(PQcmdTuples(result)).flatMap { Int($0) })
    }

    /// Runs `body` with the libpq connection, or throws when closed.
    func withHandle<Result>(_ body: (OpaquePointer, PostgresPasswordScrubber) throws -> Result) throws -> Result {
        guard let handle else {
            throw PostgresError(kind: .connection, message: "the connection is closed")
        }
        return try body(handle, scrubber)
    }
}
