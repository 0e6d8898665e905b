import PolicySyntax

/// The names of compiled policies: `<policy>_<table>` for a single command or FOR ALL,
/// `<policy>_<table>_<command>` otherwise, lower case; names over 63 bytes are cut to 54 bytes
/// plus `_` and 8 hex digits of a stable hash of the full name.
public enum PolicyNaming {
    /// PostgreSQL's identifier limit (NAMEDATALEN - 1).
    public static let maximumBytes = 63

    /// The database name of `policy` on `table` for `command` (`nil` for FOR ALL or a single command).
    public static func name(policy: String, table: String, command: PolicyCommand?) -> String {
        var full = "\(policy)_\(table)"
        if let command { full += "_" + command.rawValue.lowercased() }
        return shorten(full.lowercased())
    }

    /// `name` itself when it fits in 63 bytes, else its first 54 bytes (whole characters), `_`
    /// and the hash.
    public static func shorten(_ name: String) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        var prefix = ""
        var bytes = 0
        for scalar in name.unicodeScalars {
            let width = String(scalar).utf8.count
            if bytes + width > 54 { break }
            prefix.unicodeScalars.append(scalar)
            bytes += width
        }
        return prefix + "_" + hash(name)
    }

    /// 8 lower-case hex digits of the 32-bit FNV-1a hash of the UTF-8 bytes.
    public static func hash(_ text: String) -> String {
        var value: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
