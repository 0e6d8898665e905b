/// The transaction-level advisory lock that serializes `apply` and `monitor --execute` runs on
/// one database (advisory locks are per database).
public enum AdvisoryLock {
    /// The key: the ASCII bytes of `pgpe.app` read as a big-endian 64-bit integer
    /// (`8099566034721271920`), taken with `pg_advisory_xact_lock(key)`.
    public static let applyKey: Int64 = 0x7067_7065_2E61_7070
}
