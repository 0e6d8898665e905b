import PolicyConfig
import PolicySQL
import PolicySchema
import PostgresClient

/// The live database pgpe governs: reads its catalog, compares it with the compiled policies,
/// and applies plans, each in one transaction with `lock_timeout` bounding every wait.
///
/// Owns one connection; use it from one task at a time. Every failure is a `DatabaseError`
/// (without any password), except errors thrown by the `desired` closures, which pass through
/// unchanged after the transaction is rolled back.
public final class LiveDatabase {
    /// The connection.
    public let connection: PostgresConnection
    /// `SET LOCAL lock_timeout` of every transaction, in milliseconds (default 5 s).
    public var lockTimeoutMilliseconds: Int
    /// Receives a short line at each phase of long operations (for progress on stderr).
    public var progress: ((String) -> Void)?
    /// Whether `assess` and `apply` read the schema model (columns, keys, types, functions) as
    /// well as the live state. Turn it off when the policies are checked against a schema file:
    /// drift needs only tables, roles, policies and grants. `introspect` always reads it all.
    public var readsSchemaModel = true
    /// Whether drift compares expressions whose text differs by meaning (SPEC 11.7).
    public var comparesMeaning = true
    /// The session values and functions policies read, for drift by meaning (the project's
    /// pgpe.yaml; lifting declares the others it meets).
    public var meaningConfig = ProjectConfig(baseDirectory: "/")
    /// The schema policies are checked against, when it is a file (`readsSchemaModel` off); by
    /// default the catalog's model.
    public var meaningSchema: SchemaModel?

    /// Wraps an open connection.
    public init(connection: PostgresConnection, lockTimeoutMilliseconds: Int = 5000) {
        self.connection = connection
        self.lockTimeoutMilliseconds = max(1, lockTimeoutMilliseconds)
    }

    /// Connects as libpq does: `target` is a URL or `key=value` string, or `nil` for the `PG*`
    /// environment variables (and `.pgpass`).
    public static func connect(
        _ target: String?, lockTimeoutMilliseconds: Int = 5000,
        connectTimeout: Int = 10
    ) throws -> LiveDatabase {
        do {
            let connection = try PostgresConnection(target, connectTimeout: connectTimeout)
            return LiveDatabase(connection: connection, lockTimeoutMilliseconds: lockTimeoutMilliseconds)
        } catch let error as PostgresError {
            throw DatabaseError(error, action: "connect to \(describe(target))")
        }
    }

    /// A target for messages: the connection string without its password, or the environment.
    public static func describe(_ target: String?) -> String {
        guard let target, !target.isEmpty else { return "the database the PG* environment variables name" }
        return PostgresConnection.redact(target)
    }

    /// Where catalogs read through this connection come from, for `SchemaModel.origin`.
    public var origin: String {
        connection.redactedConnectionString.isEmpty ? "PG* environment" : connection.redactedConnectionString
    }

    // MARK: - Reading

    /// Reads the catalog in one read-only REPEATABLE READ transaction.
    public func introspect() throws -> LiveCatalog {
        try withTransaction(
            action: "read the catalog",
            begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        ) {
            progress?("reading the catalog")
            return (try CatalogIntrospector(connection: connection, origin: origin).read(), commit: false)
        }
    }

    /// Compares the policies with the database without changing it: reads the catalog, asks
    /// `desired` for the compiled policies (so a schema can come from that catalog), computes
    /// canonical forms by round trip and the drift, all in one REPEATABLE READ transaction that
    /// is rolled back. Issues `CatalogQueries.all.count + 3` statements (11; 6 without the schema
    /// model), one fewer when no expected policy has a namesake to round-trip.
    public func assess(_ desired: (LiveCatalog) throws -> CompiledProgram) throws -> Assessment {
        let clock = ContinuousClock()
        let start = clock.now
        let before = connection.queryCount
        let (catalog, program, canonical) = try withTransaction(
            action: "compare the policies with the database", begin: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        ) {
            (try compare(desired), commit: false)
        }
        let detector = detector(program, catalog: catalog)
        return Assessment(
            catalog: catalog, program: program, canonical: canonical,
            drift: detector.drift(canonical: canonical), posture: detector.posture(),
            queryCount: connection.queryCount - before, milliseconds: Self.milliseconds(clock.now - start))
    }

    // MARK: - Applying

    /// Applies the policies in one transaction under the advisory lock `AdvisoryLock.applyKey`:
    /// compares (as `assess`, but after the lock is granted, so a concurrent apply's result is
    /// seen), passes the assessment and plan to `review` (to print them), and unless `dryRun`,
    /// the plan is empty or `review` throws, runs the plan and commits. All or nothing: any
    /// failure rolls everything back.
    ///
    /// Unless `dryRun`, the governed tables are locked after the comparison and the policies
    /// read again; when they changed in between, the comparison is done again (under the lock),
    /// so a policy created concurrently cannot survive a prune unreported.
    ///
    /// `prune` adds the drops of unmanaged policies and revokes of unmanaged grants on the
    /// tables pgpe governs. Throws a `.precondition` error, before running anything, when the
    /// plan needs a table or role the database lacks.
    public func apply(
        prune: Bool, dryRun: Bool, desired: (LiveCatalog) throws -> CompiledProgram,
        review: (Assessment, ApplyPlan) throws -> Void = { _, _ in }
    ) throws -> ApplyResult {
        let clock = ContinuousClock()
        let start = clock.now
        let before = connection.queryCount
        let begin =
            "BEGIN ISOLATION LEVEL READ COMMITTED;\nSET LOCAL lock_timeout = \(lockTimeoutMilliseconds);\n"
            + "SELECT pg_catalog.pg_advisory_xact_lock(\(AdvisoryLock.applyKey))"
        let (assessment, plan, executed) = try withTransaction(action: "apply the policies", begin: begin) {
            var (catalog, program, canonical) = try compare(desired)
            try releaseRoundTrip(canonical)
            if !dryRun {
                var locked = Set<QualifiedName>()
                while try lockGovernedTables(program, catalog: catalog, locked: &locked) {
                    (catalog, program, canonical) = try compare(desired)
                    try releaseRoundTrip(canonical)
                }
            }
            let detector = detector(program, catalog: catalog)
            let drift = detector.drift(canonical: canonical)
            let plan = ApplyPlan(repairing: drift, prune: prune)
            let assessment = Assessment(
                catalog: catalog, program: program, canonical: canonical, drift: drift,
                posture: detector.posture(), queryCount: connection.queryCount - before,
                milliseconds: Self.milliseconds(clock.now - start))
            let problems = assessment.problems(with: plan)
            if !problems.isEmpty {
                throw DatabaseError(
                    kind: .precondition, action: "apply the policies",
                    message: problems.joined(separator: "; "))
            }
            try review(assessment, plan)
            guard !dryRun, !plan.isEmpty else { return ((assessment, plan, false), commit: false) }
            let count = plan.actions.count
            progress?("executing \(count) statement\(count == 1 ? "" : "s") on \(plan.tableCount) table\(plan.tableCount == 1 ? "" : "s")")
            try connection.execute("SET LOCAL search_path TO DEFAULT;\n" + plan.script)
            return ((assessment, plan, true), commit: true)
        }
        return ApplyResult(
            assessment: assessment, plan: plan, executed: executed,
            milliseconds: Self.milliseconds(clock.now - start))
    }

    // MARK: - Steps

    /// The drift detector for `program` and `catalog`, comparing by meaning unless that is off.
    private func detector(_ program: CompiledProgram, catalog: LiveCatalog) -> DriftDetector {
        let meaning = comparesMeaning ? MeaningComparator(schema: meaningSchema ?? catalog.model, config: meaningConfig) : nil
        return DriftDetector(program: program, catalog: catalog, meaning: meaning)
    }

    /// Reads the catalog, compiles, and round-trips the expected policies that have a
    /// namesake, inside the caller's transaction (the scratch policies stay in the savepoint).
    private func compare(_ desired: (LiveCatalog) throws -> CompiledProgram)
        throws -> (LiveCatalog, CompiledProgram, [PolicyKey: CanonicalPolicy])
    {
        progress?("reading the catalog")
        var introspector = CatalogIntrospector(connection: connection, origin: origin)
        introspector.readsSchemaModel = readsSchemaModel
        let catalog = try introspector.read()
        let program = try desired(catalog)
        let requests = DriftDetector(program: program, catalog: catalog).roundTripRequests()
        if !requests.isEmpty {
            progress?("comparing \(requests.count) existing polic\(requests.count == 1 ? "y" : "ies") by round trip")
        }
        do {
            let canonical = try PolicyRoundTrip(connection: connection).canonicalize(requests)
            return (catalog, program, canonical)
        } catch let error as PostgresError where PolicyRoundTrip.cannotCreate(error) {
            // A role that owns nothing (an auditor) or a read-only server cannot create the
            // scratch policies: drift compares lifted meanings instead (SPEC 11.7).
            try connection.execute("ROLLBACK TO SAVEPOINT \(PolicyRoundTrip.savepoint); RELEASE SAVEPOINT \(PolicyRoundTrip.savepoint)")
            progress?("no round trip (\(error.message)): comparing by meaning")
            return (catalog, program, [:])
        }
    }

    /// Ends the round trip's savepoint (dropping its scratch policies), when it made one.
    private func releaseRoundTrip(_ canonical: [PolicyKey: CanonicalPolicy]) throws {
        guard !canonical.isEmpty else { return }
        try connection.execute("ROLLBACK TO SAVEPOINT \(PolicyRoundTrip.savepoint); RELEASE SAVEPOINT \(PolicyRoundTrip.savepoint)")
    }

    /// Locks the governed tables of `program` that exist in `catalog` and are not in `locked` yet
    /// (`ACCESS SHARE`: it lets the application read and write, but no `CREATE`, `ALTER` or `DROP
    /// POLICY`, which take `ACCESS EXCLUSIVE`, until the transaction ends), then reads the
    /// policies again. Returns whether they changed between the catalog read and the lock, so
    /// that the caller compares again: then a policy created meanwhile is seen (and dropped by
    /// `--prune`) rather than surviving unreported. Two statements when nothing changed.
    private func lockGovernedTables(
        _ program: CompiledProgram, catalog: LiveCatalog,
        locked: inout Set<QualifiedName>
    ) throws -> Bool {
        let tables = program.tables.map(\.table).filter { catalog.table($0) != nil && !locked.contains($0) }
        guard !tables.isEmpty else { return false }
        progress?("locking \(tables.count) governed table\(tables.count == 1 ? "" : "s")")
        try connection.execute(
            "LOCK TABLE " + tables.map { "ONLY " + SQLQuoting.qualified($0) }.joined(separator: ", ") + " IN ACCESS SHARE MODE")
        locked.formUnion(tables)
        let policies = try CatalogIntrospector(connection: connection, origin: origin).readPolicies()
        return policies != catalog.snapshot.policies
    }

    /// Runs `body` in a transaction opened by `begin` (followed by `SET LOCAL lock_timeout`
    /// unless `begin` sets it, and `SET LOCAL search_path = pg_catalog`), then commits when
    /// `body` says so and rolls back otherwise. Any failure rolls back; PostgreSQL failures
    /// become `DatabaseError`s about `action`.
    func withTransaction<Result>(
        action: String, begin: String,
        _ body: () throws -> (Result, commit: Bool)
    ) throws -> Result {
        var opening = begin
        if !begin.contains("lock_timeout") { opening += ";\nSET LOCAL lock_timeout = \(lockTimeoutMilliseconds)" }
        opening += ";\nSET LOCAL search_path = pg_catalog"
        var committing = false
        do {
            try connection.execute(opening)
            let (value, commit) = try body()
            committing = commit
            try connection.execute(commit ? "COMMIT" : "ROLLBACK")
            return value
        } catch let error as PostgresError {
            rollBack()
            throw DatabaseError(
                error, action: action, lockTimeoutMilliseconds: lockTimeoutMilliseconds,
                unchanged: !(committing && error.kind == .connection))
        } catch {
            rollBack()
            throw error
        }
    }

    /// Ends a failed transaction, ignoring failure (the original error is what matters).
    private func rollBack() {
        if connection.isInTransaction { _ = try? connection.execute("ROLLBACK") }
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15
    }
}
