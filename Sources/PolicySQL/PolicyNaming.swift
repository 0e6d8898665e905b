import PolicyConfig
import PolicySyntax

/// The names of compiled policies (SPEC 11.4). `suffixed` (the default): `<policy>_<table>` for
/// a single command or FOR ALL, `<policy>_<table>_<command>` otherwise, lower case; names over
/// 63 bytes are cut to 54 bytes plus `_` and 8 hex digits of a stable hash of the full name.
/// `exact`: the policy's name as written, `<name>_<command>` for two or three commands; a name
/// over 63 bytes is cut as PostgreSQL cuts it (`truncated`), which the compiler warns about.
public enum PolicyNaming {
    /// PostgreSQL's identifier limit (NAMEDATALEN - 1).
    public static let maximumBytes = PostgresIdentifier.maximumBytes

    /// The database name of `policy` on `table` for `command` (`nil` for FOR ALL or a single command).
    public static func name(policy: String, table: String, command: PolicyCommand?) -> String {
        var full = "\(policy)_\(table)"
        if let command { full += "_" + command.rawValue.lowercased() }
        return shorten(full.lowercased())
    }

    /// The database name of `policy` on `table` for `command` under `mode`.
    public static func name(policy: String, table: String, command: PolicyCommand?, mode: PolicyNamingMode) -> String {
        switch mode {
        case .suffixed: return name(policy: policy, table: table, command: command)
        case .exact: return truncated(written(policy: policy, command: command))
        }
    }

    /// The name `exact` asks for before any cut: the policy's name, `_<command>` appended for
    /// one of several commands.
    public static func written(policy: String, command: PolicyCommand?) -> String {
        command.map { policy + "_" + $0.rawValue.lowercased() } ?? policy
    }

    /// `name` as PostgreSQL stores it: at most 63 bytes, cut at a character boundary.
    public static func truncated(_ name: String) -> String {
        PostgresIdentifier.truncated(name)
    }

    /// `name` itself when it fits in 63 bytes, else its first 54 bytes (whole characters), `_`
    /// and the hash.
    public static func shorten(_ name: String) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        return PostgresIdentifier.prefix(name, bytes: 54) + "_" + hash(name)
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
