import PolicySyntax

/// PostgreSQL's default names for constraints and indexes (`users_pkey`,
/// `users_tenant_id_fkey`, `users_email_key`), so that names read from hand-written SQL match
/// the ones `pg_dump` and the live catalog show.
public enum ConstraintNaming {
    /// The longest identifier PostgreSQL keeps, in bytes (NAMEDATALEN - 1).
    static let maximumLength = PostgresIdentifier.maximumBytes

    /// The default name for a constraint on `table` over `columns` with `label`
    /// (`pkey`, `fkey`, `key`, `idx`); `pkey` uses no columns.
    public static func defaultName(table: String, columns: [String], label: String) -> String {
        let addition = label == "pkey" ? nil : PostgresIdentifier.prefix(columns.joined(separator: "_"), bytes: maximumLength)
        return objectName(table, addition, label: label)
    }

    /// `name1_name2_label`, with `name1` and `name2` shortened (the longer one first) so the
    /// whole fits in 63 bytes.
    private static func objectName(_ name1: String, _ name2: String?, label: String) -> String {
        var overhead = label.utf8.count + 1
        if name2 != nil { overhead += 1 }
        let available = maximumLength - overhead
        var length1 = name1.utf8.count
        var length2 = name2?.utf8.count ?? 0
        while length1 + length2 > available {
            if length1 > length2 { length1 -= 1 } else { length2 -= 1 }
        }
        var result = PostgresIdentifier.prefix(name1, bytes: length1)
        if let name2 { result += "_" + PostgresIdentifier.prefix(name2, bytes: length2) }
        return result + "_" + label
    }
}
