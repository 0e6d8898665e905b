/// A connection string as libpq reads it, a `postgresql://` URL or `key=value` pairs, that
/// knows where its password is: for display with the password replaced by `***`, and to
/// scrub every form of the password out of messages.
///
/// Its `description` is the redacted form, so printing one never shows the password.
public struct PostgresConnectionString: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The text exactly as given (it may contain a password: never print it).
    let text: String
    /// The text with every password value replaced by `***`.
    public let redacted: String
    /// Whether the text is a URL (`postgresql://` or `postgres://`).
    public let isURL: Bool
    /// Whether libpq would read the text as a connection string rather than a database name.
    public let isConnectionString: Bool
    /// Whether the text holds a password (possibly empty, possibly malformed).
    public let hasPassword: Bool
    /// Why the text is refused before libpq sees it: a URL whose password has an unencoded
    /// `@`, `/` or `?`, a malformed key=value string, or a "database name" that looks like a
    /// mistyped URL. In each libpq might read part of a password as a host, database name or
    /// option, echo it in an error or send it to the server's log; the redacted form hides
    /// every part that could be password.
    let ambiguity: String?
    /// Every form of the password found: as written, and decoded.
    let passwordForms: [String]

    /// Reads `text` (empty means "use the PG* environment").
    public init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        let prefix = Self.urlPrefix(of: bytes)
        isURL = prefix != nil
        isConnectionString = isURL || bytes.contains(UInt8(ascii: "="))
        var found: Found
        if let prefix {
            found = Self.scanURL(bytes, from: prefix)
        } else if isConnectionString {
            found = Self.scanKeyValue(bytes)
        } else {
            found = Self.scanName(bytes)
        }
        var redactedBytes = bytes
        for span in found.spans.sorted(by: { $0.lowerBound > $1.lowerBound }) {
            redactedBytes.replaceSubrange(span, with: Array("***".utf8))
        }
        redacted = String(decoding: redactedBytes, as: UTF8.self)
        hasPassword = found.hasPassword
        ambiguity = found.ambiguity
        passwordForms = found.spans.map { String(decoding: bytes[$0], as: UTF8.self) } + found.decoded
    }

    /// The redacted text.
    public var description: String { redacted }

    /// The redacted text.
    public var debugDescription: String { "PostgresConnectionString(\(redacted))" }

    /// `text` with its password replaced by `***`.
    public static func redact(_ text: String) -> String {
        PostgresConnectionString(text).redacted
    }

    // MARK: - Scanning

    /// What a scan found: byte ranges of password values, their decoded values, and trouble.
    private struct Found {
        var spans: [Range<Int>] = []
        var decoded: [String] = []
        var hasPassword = false
        var ambiguity: String?
    }

    /// Text libpq reads as a database name. A name with `:`, `@`, `/` or white space is most
    /// likely a URL or key=value string written wrongly (`Postgres://u:pw@h/db`, a leading
    /// space, `jdbc:postgresql://...`) that may hold a password; libpq would send all of it to
    /// the server as the database name (into its log) and echo it in the error. It is refused
    /// and shown as `***`.
    private static func scanName(_ bytes: [UInt8]) -> Found {
        var found = Found()
        let suspicious: Set<UInt8> = [UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D]
        if bytes.contains(where: suspicious.contains) {
            found.spans.append(0..<bytes.count)
            found.ambiguity =
                "the connection string is neither a postgresql:// (or postgres://) URL, "
                + "a key=value string nor a plain database name; it is not shown because it may hold a password"
        }
        return found
    }

    private static func urlPrefix(of bytes: [UInt8]) -> Int? {
        for scheme in ["postgresql://", "postgres://"] {
            let schemeBytes = Array(scheme.utf8)
            if bytes.starts(with: schemeBytes) { return schemeBytes.count }
        }
        return nil
    }

    /// Finds the password in `scheme://[user[:password]@]host.../db?password=...`.
    private static func scanURL(_ bytes: [UInt8], from start: Int) -> Found {
        var found = Found()
        let at = UInt8(ascii: "@")
        let slash = UInt8(ascii: "/")
        let colon = UInt8(ascii: ":")
        let question = UInt8(ascii: "?")
        let firstQuestion = bytes[start...].firstIndex(of: question) ?? bytes.count
        // The credentials end at the last `@` before the query; failing that, at the first
        // `@` before any `/` (libpq's own rule, which lets a `?` into the password).
        var credentialsEnd = bytes[start..<firstQuestion].lastIndex(of: at)
        if credentialsEnd == nil {
            let libpqEnd = bytes[start...].firstIndex { $0 == at || $0 == slash }
            if let libpqEnd, bytes[libpqEnd] == at { credentialsEnd = libpqEnd }
        }
        // A later `@` (after a `?` or `/`) may end a password that holds those characters, which
        // libpq would split into host, database or query and echo: hide up to it, and refuse.
        // An `@` in the value of a `key=value` query parameter (`user=alice@corp`) is no such end.
        let laterAts = bytes.indices.filter { $0 > (credentialsEnd ?? start - 1) && $0 >= start && bytes[$0] == at }
        if let lastAt = laterAts.last(where: { !isInQueryValue(bytes, $0, from: start) }),
            let colonIndex = bytes[start..<lastAt].firstIndex(of: colon)
        {
            found.hasPassword = true
            found.spans.append((colonIndex + 1)..<lastAt)
            found.ambiguity =
                "the connection URL has an '@' after a '/' or '?' following its credentials, so where its password "
                + "ends is ambiguous; percent-encode '@', '/' and '?' in the user name, password and query as %40, %2F and %3F"
            return found
        }
        if let credentialsEnd, let colonIndex = bytes[start..<credentialsEnd].firstIndex(of: colon) {
            let span = (colonIndex + 1)..<credentialsEnd
            found.hasPassword = true
            if !span.isEmpty {
                found.spans.append(span)
                found.decoded.append(contentsOf: percentDecoded(bytes[span]).map { [$0] } ?? [])
            }
            if bytes[span].contains(at) || bytes[span].contains(slash) {
                found.ambiguity =
                    "the connection URL has an unencoded '@' or '/' in its user name or password; "
                    + "percent-encode them as %40 and %2F"
            }
        }
        // Query parameters after the credentials: `password=...` (possibly percent-encoded).
        let queryStart = bytes[(credentialsEnd ?? start)...].firstIndex(of: question)
        if let queryStart {
            var index = queryStart + 1
            while index < bytes.count {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
                if let equals = bytes[index..<end].firstIndex(of: UInt8(ascii: "=")),
                    percentDecoded(bytes[index..<equals]) == "password"
                {
                    let span = (equals + 1)..<end
                    found.hasPassword = true
                    if !span.isEmpty {
                        found.spans.append(span)
                        found.decoded.append(contentsOf: percentDecoded(bytes[span]).map { [$0] } ?? [])
                    }
                }
                index = end + 1
            }
        }
        return found
    }

    /// Finds every `password = value` in `key=value` pairs, where a value is either
    /// single-quoted (`'a b\'c'`) or runs to the next whitespace, and a backslash escapes the
    /// next character. A malformed tail after `password` is treated as part of the password.
    private static func scanKeyValue(_ bytes: [UInt8]) -> Found {
        var found = Found()
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        func skipSpace() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        let equals = UInt8(ascii: "=")
        let quote = UInt8(ascii: "'")
        let backslash = UInt8(ascii: "\\")
        while true {
            skipSpace()
            guard index < bytes.count else { break }
            let keyStart = index
            while index < bytes.count, bytes[index] != equals, !isSpace(bytes[index]) { index += 1 }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
            if !key.utf8.allSatisfy({ isKeywordByte($0) }) {
                // No libpq keyword looks like this (`jdbc:postgresql://...?user`): the string
                // is something else written wrongly, and may hold a password anywhere.
                found.spans.append(keyStart..<bytes.count)
                found.ambiguity =
                    "the key=value connection string has a key that is not a connection keyword; "
                    + "the rest of it is not shown because it may hold a password"
                break
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == equals else {
                // A word without `=` (libpq rejects the string and echoes it): a password may
                // follow, so everything from here on is hidden, and the string refused.
                found.spans.append(keyStart..<bytes.count)
                found.ambiguity =
                    "the key=value connection string has a word without '=' (put values with spaces "
                    + "in single quotes); the rest of it is not shown because it may hold a password"
                break
            }
            index += 1
            skipSpace()
            let valueStart = index
            var value: [UInt8] = []
            var terminated = true
            if index < bytes.count, bytes[index] == quote {
                index += 1
                terminated = false
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == backslash, index < bytes.count {
                        value.append(bytes[index])
                        index += 1
                    } else if byte == quote {
                        terminated = true
                        break
                    } else {
                        value.append(byte)
                    }
                }
            } else {
                while index < bytes.count, !isSpace(bytes[index]) {
                    if bytes[index] == backslash, index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
            }
            guard key == "password" else { continue }
            found.hasPassword = true
            var end = index
            if !terminated || !nextIsKeyValue(bytes, from: index) {
                // An unterminated quote or words without `=` after the value (a password with
                // an unquoted space): the rest of the string may be password, so hide it all.
                end = bytes.count
                while end > valueStart, isSpace(bytes[end - 1]) { end -= 1 }
            }
            if valueStart < end {
                found.spans.append(valueStart..<end)
                found.decoded.append(String(decoding: value, as: UTF8.self))
            }
            if end == bytes.count { break }
        }
        return found
    }

    /// Whether the byte at `index` lies in the value of a `keyword=value` parameter of the query
    /// that starts at the first `?` after `start`.
    private static func isInQueryValue(_ bytes: [UInt8], _ index: Int, from start: Int) -> Bool {
        let question = UInt8(ascii: "?")
        let ampersand = UInt8(ascii: "&")
        let equals = UInt8(ascii: "=")
        guard let query = bytes[start..<index].firstIndex(of: question) else { return false }
        let segmentStart = (bytes[query..<index].lastIndex { $0 == ampersand || $0 == question } ?? query) + 1
        guard let equal = bytes[segmentStart..<index].firstIndex(of: equals), equal > segmentStart else { return false }
        return bytes[segmentStart..<equal].allSatisfy(isKeywordByte)
    }

    /// Whether `byte` can be part of a libpq keyword (`sslmode`, `target_session_attrs`).
    private static func isKeywordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    /// Whether what follows `index` is the end or another `key=` (not a stray word).
    private static func nextIsKeyValue(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return true }
        while index < bytes.count, bytes[index] != UInt8(ascii: "="), !isSpace(bytes[index]) { index += 1 }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "=")
    }

    /// Decodes `%XX` escapes (and nothing else, as libpq); `nil` when an escape is malformed.
    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        var index = bytes.startIndex
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
