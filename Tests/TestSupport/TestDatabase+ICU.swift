import PolicyWorkloads
import PostgresClient

extension TestDatabase {
    /// Whether the server was built with ICU, so that `CREATE COLLATION ... (provider = icu)`
    /// (and with it a nondeterministic collation) works. Debian's PostgreSQL 15 is; the 16 and
    /// 18 builds from PyPI that `make test` also runs on are not (no PyPI build is), so a test
    /// of ICU collations checks them on 15 and prints that it could not on the others.
    public func supportsICU() throws -> Bool {
        // A temporary collation, in a session of its own: it goes with the session.
        let probe = try connect()
        defer { probe.close() }
        do {
            try probe.execute("CREATE COLLATION pg_temp.pgpe_icu_probe (provider = icu, locale = 'und')")
            return true
        } catch let error as PostgresError where error.sqlState == "0A000" {
            print("PostgreSQL \(probe.serverVersion / 10000) has no ICU (\(error.message)): ICU collations are checked on 15")
            return false
        }
    }
}
