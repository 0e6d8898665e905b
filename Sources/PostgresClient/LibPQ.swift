import CLibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place where libpq return codes become `PostgresError`s, and small helpers for
/// passing strings across the C boundary.
enum LibPQ {
    /// Returns `handle` when `call` succeeded; otherwise throws a `PostgresError` whose text
    /// has been passed through `scrubber` (and frees whatever the failed call returned).
    ///
    /// `connection` is the `PGconn*` a result or allocation belongs to (`nil` for `.connect`
    /// and `.parse`).
    static func check(
        _ handle: OpaquePointer?, _ call: LibPQCall, connection: OpaquePointer?,
        scrubber: PostgresPasswordScrubber
    ) throws -> OpaquePointer {
        switch call {
        case .connect:
            guard let handle else {
                throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
            }
            guard PQstatus(handle) == CONNECTION_OK else {
                let message = trimmed(string(PQerrorMessage(handle))) ?? "unknown connection failure"
                throw PostgresError(kind: .connection, message: scrubber.scrub(message))
            }
            return handle
        case .execute:
            guard let handle else {
                throw connectionError(connection, scrubber: scrubber, fallback: "libpq returned no result")
            }
            let status = PQresultStatus(handle)
            switch status {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                return handle
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                PQclear(handle)
                throw PostgresError(
                    kind: .connection,
                    message: "COPY FROM STDIN / TO STDOUT is not supported; the connection was closed")
            default:
                let error = resultError(handle, connection: connection, scrubber: scrubber)
                PQclear(handle)
                throw error
            }
        case .allocate:
            guard let handle else {
                throw connectionError(connection, scrubber: scrubber, fallback: "libpq could not allocate memory")
            }
            return handle
        case .parse(let errorMessage, let hidesQuotedText):
            guard let handle else {
                var message = trimmed(string(errorMessage)) ?? "libpq could not parse the connection string"
                if let errorMessage { PQfreemem(errorMessage) }
                if hidesQuotedText { message = hidingQuotedText(message) }
                throw PostgresError(kind: .connection, message: scrubber.scrub(message))
            }
            return handle
        }
    }

    /// The error a failed (non-`NULL`) result describes; a `.connection` error when the
    /// connection is no longer usable.
    private static func resultError(
        _ result: OpaquePointer, connection: OpaquePointer?, scrubber: PostgresPasswordScrubber
    ) -> PostgresError {
        func field(_ code: Int32) -> String? { scrubber.scrub(trimmed(string(PQresultErrorField(result, code)))) }
        let alive = connection.map { PQstatus($0) == CONNECTION_OK } ?? false
        let message = field(diag("M")) ?? trimmed(string(PQresultErrorMessage(result))) ?? "unknown error"
        return PostgresError(
            kind: alive ? .query : .connection,
            sqlState: field(diag("C")),
            severity: field(diag("V")) ?? field(diag("S")),
            message: scrubber.scrub(message),
            detail: field(diag("D")),
            hint: field(diag("H")),
            position: field(diag("P")).flatMap { Int($0) })
    }

    /// A `.connection` error from the connection's own error message.
    private static func connectionError(
        _ connection: OpaquePointer?, scrubber: PostgresPasswordScrubber, fallback: String
    ) -> PostgresError {
        let message = connection.flatMap { trimmed(string(PQerrorMessage($0))) } ?? fallback
        let alive = connection.map { PQstatus($0) == CONNECTION_OK } ?? false
        return PostgresError(kind: alive ? .query : .connection, message: scrubber.scrub(message))
    }

    /// The `PG_DIAG_*` field code for a one-letter field name (`C` is SQLSTATE, `M` the
    /// primary message, `D` detail, `H` hint, `P` position, `V`/`S` severity).
    static func diag(_ letter: Unicode.Scalar) -> Int32 {
        Int32(letter.value)
    }

    /// `message` with every `"..."` fragment other than a lone `=` replaced by `"***"`.
    /// Quotes are found among Unicode scalars: one fused with a combining mark still ends a
    /// fragment (libpq reads bytes).
    static func hidingQuotedText(_ message: String) -> String {
        var out = ""
        var fragment: String?
        for scalar in message.unicodeScalars {
            if scalar == "\"" {
                if let inside = fragment {
                    out += inside == "=" ? "\"=\"" : "\"***\""
                    fragment = nil
                } else {
                    fragment = ""
                }
            } else if fragment != nil {
                fragment?.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if fragment != nil { out += "\"***" }
        return out
    }

    /// The Swift string for a C string, `nil` for `NULL`.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// `text` without surrounding whitespace and newlines, `nil` when `nil` or empty.
    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return nil }
        return String(text[first...last])
    }

    /// The value of environment variable `name`, `nil` when unset or empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { return nil }
        return value
    }

    /// Calls `body` with a `NULL`-terminated array of C strings (`nil` entries stay `NULL`),
    /// freed when it returns; pass the array where libpq takes `const char *const *`.
    static func withCStrings<Result>(
        _ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> Result
    ) rethrows -> Result {
        var pointers: [UnsafePointer<CChar>?] = []
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { for pointer in owned { pointer.deallocate() } }
        for string in strings {
            guard let string else {
                pointers.append(nil)
                continue
            }
            let bytes = Array(string.utf8)
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            owned.append(buffer)
            pointers.append(UnsafePointer(buffer))
        }
        pointers.append(nil)
        return try body(pointers)
    }

    /// Parses a connection string with libpq's own parser into keyword -> value (only
    /// keywords that have a value). Throws a `.connection` error when it does not parse.
    static func parseConnectionOptions(
        _ text: String, hidesQuotedText: Bool, scrubber: PostgresPasswordScrubber
    ) throws -> [String: String] {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let parsed = PQconninfoParse(text, &errorMessage)
        let options = try check(
            OpaquePointer(parsed), .parse(errorMessage: errorMessage, hidesQuotedText: hidesQuotedText),
            connection: nil, scrubber: scrubber)
        let first = UnsafeMutablePointer<PQconninfoOption>(options)
        defer { PQconninfoFree(first) }
        var values: [String: String] = [:]
        var option = first
        while let keyword = string(option.pointee.keyword) {
            if let value = string(option.pointee.val) { values[keyword] = value }
            option += 1
        }
        return values
    }
}
