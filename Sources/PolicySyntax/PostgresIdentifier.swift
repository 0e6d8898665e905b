/// PostgreSQL's limit on identifiers: names longer than 63 bytes (NAMEDATALEN - 1) are cut, by
/// the SQL scanner for every identifier it reads (quoted or not) and for the names PostgreSQL
/// makes up, at a character boundary (`truncate_identifier` with a UTF-8 server encoding).
public enum PostgresIdentifier {
    /// The longest identifier PostgreSQL keeps, in bytes.
    public static let maximumBytes = 63

    /// `name` as PostgreSQL stores it: at most 63 bytes, cut at a character boundary.
    public static func truncated(_ name: String) -> String {
        prefix(name, bytes: maximumBytes)
    }

    /// The longest prefix of `text` of at most `limit` UTF-8 bytes that ends on a character
    /// (Unicode scalar) boundary; `text` itself when it fits.
    public static func prefix(_ text: String, bytes limit: Int) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > limit else { return text }
        var cut = max(0, limit)
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return String(decoding: bytes[0..<cut], as: UTF8.self)
    }
}
