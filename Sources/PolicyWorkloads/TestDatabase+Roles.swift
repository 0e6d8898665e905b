import PostgresClient

extension TestDatabase {
    /// The role `scripts/pg.sh`'s `pg_hba.conf` makes authenticate with a password
    /// (scram-sha-256 over the local socket); every other role is trusted.
    public static let passwordRoleName = "pgpe_password_user"

    /// The password `ensurePasswordRole()` gives `passwordRoleName`: spaces, both quote
    /// kinds, a backslash, `%`, URL delimiters and a non-ASCII letter, so that every
    /// connection-string form has to quote or encode it.
    public static let passwordRolePassword = #"pw with 'single' "double" \back %41 @:/?#&= é"#

    /// Creates `passwordRoleName` if needed and sets its password to `passwordRolePassword`.
    ///
    /// The role is cluster-wide and shared by parallel tests, so this runs under an advisory
    /// lock and always sets the same password; the password is sent as a SCRAM verifier, never
    /// in clear. The role is not dropped.
    ///
    /// Advisory locks are per database, so the lock is taken in the `postgres` database,
    /// which every caller shares; locking in the test's own database would not serialize
    /// concurrent `ALTER ROLE`s ("tuple concurrently updated").
    @discardableResult
    public func ensurePasswordRole() throws -> (name: String, password: String) {
        let name = Self.passwordRoleName
        let admin = try server.connect(database: "postgres")
        defer { admin.close() }
        try admin.transaction { connection in
            _ = try connection.query("SELECT pg_advisory_xact_lock(hashtext($1))", [.text(name)])
            let exists = try connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(name)])
            let identifier = try connection.quoteIdentifier(name)
            if exists.isEmpty {
                try connection.execute("CREATE ROLE \(identifier) LOGIN")
            }
            let verifier = try connection.encryptPassword(Self.passwordRolePassword, user: name)
            try connection.execute("ALTER ROLE \(identifier) PASSWORD \(try connection.quoteLiteral(verifier))")
        }
        return (name, Self.passwordRolePassword)
    }

    /// Creates a role with a unique name (`pgpe_r_<random>`), dropped by `drop()`.
    ///
    /// `attributes` are extra `CREATE ROLE` options (`"BYPASSRLS"`, `"SUPERUSER"`); a
    /// `password` is stored as a SCRAM verifier (these roles authenticate by trust anyway;
    /// use `ensurePasswordRole()` to test password checks).
    public func createRole(login: Bool = true, password: String? = nil, attributes: String = "") throws -> String {
        let name = "pgpe_r_" + Self.randomSuffix()
        let identifier = try connection.quoteIdentifier(name)
        try connection.execute("CREATE ROLE \(identifier) \(login ? "LOGIN" : "NOLOGIN") \(attributes)")
        createdRoles.append(name)
        if let password {
            let verifier = try connection.encryptPassword(password, user: name)
            try connection.execute("ALTER ROLE \(identifier) PASSWORD \(try connection.quoteLiteral(verifier))")
        }
        return name
    }
}
