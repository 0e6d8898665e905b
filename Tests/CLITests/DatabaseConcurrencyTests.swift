import Foundation
import PolicyWorkloads
import PostgresClient
import TestSupport
import Testing

/// `apply` under contention: a locked table past `lock_timeout` is exit 2 within the timeout
/// with nothing changed; two applies started together both succeed.
@Suite struct DatabaseConcurrencyTests {
    /// The running example with `lock_timeout_ms` set, its schema made in `database` and its
    /// policies applied; returns the project and the `--database` arguments.
    static func appliedExample(_ database: TestDatabase, lockTimeoutMilliseconds: Int) throws -> (DatabaseCLI, [String]) {
        var config = try Fixtures.exampleText("pgpe.yaml")
        config += "apply:\n  lock_timeout_ms: \(lockTimeoutMilliseconds)\n"
        let cli = try DatabaseCLI.example(config: config)
        try database.connection.execute(try Fixtures.exampleText("schema.sql"))
        let target = ["--database", database.connectionString()]
        #expect(try cli.run(["apply"] + target).status == 0)
        return (cli, target)
    }

    /// Sessions queued for a lock on `table` of `database`.
    static func lockWaiters(_ database: TestDatabase, on table: String) throws -> Int {
        try database.connection.query(
            """
            SELECT count(*) AS n FROM pg_locks
            WHERE NOT granted AND relation = '\(table)'::regclass
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """
        ).first?["n"]?.int ?? 0
    }

    /// A locked table: exit 2 within `lock_timeout_ms`, nothing changed.
    @Test func aLockedTableExitsTwoWithinTheTimeout() async throws {
        let config = try Fixtures.exampleText("pgpe.yaml") + "apply:\n  lock_timeout_ms: 1000\n"
        try await DatabaseCLI.withExampleDatabase(config: config) { database, cli, target in
            try database.connection.execute("ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY")
            let holder = try database.connect()
            try holder.execute("BEGIN; LOCK TABLE public.tasks IN ACCESS EXCLUSIVE MODE")
            defer { _ = try? holder.execute("ROLLBACK") }
            let run = try cli.run(["apply"] + target)
            #expect(run.status == 2, "\(run.output)")
            #expect(run.stderr.contains("lock_timeout"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was changed"))
            #expect(run.elapsed < .milliseconds(4_500), "took \(run.elapsed): less than the default 5 s, so lock_timeout_ms was used")
            try holder.execute("ROLLBACK")
            #expect(try database.connection.query("SELECT 1 FROM pg_policies").isEmpty)
            let states = try database.connection.query(
                """
                SELECT count(*) FILTER (WHERE relrowsecurity) AS enabled, count(*) FILTER (WHERE relforcerowsecurity) AS forced
                FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
                """)
            #expect(states.first?["enabled"]?.int == 1)
            #expect(states.first?["forced"]?.int == 0)
        }
    }

    /// `monitor --execute` whose repair commits but whose check afterwards cannot get a lock
    /// says the repair was committed (exit 2), never "nothing was changed". The order is
    /// forced through the lock queue: a reader holds `users`, the repair queues behind it, a
    /// second session queues behind the repair; when the reader ends, the repair commits and
    /// the second session takes the lock the check afterwards needs (its round trip of the
    /// re-created policy on users).
    @Test func aRepairThatCommittedIsReportedWhenTheCheckAfterwardsFails() async throws {
        try await withTestDatabase { database in
            // Long enough for the steps below on a loaded machine; the check afterwards waits it out.
            let (cli, target) = try Self.appliedExample(database, lockTimeoutMilliseconds: 10_000)
            defer { cli.remove() }
            // No policy on users to compare by round trip: the repair's first lock on users is
            // the one it keeps until it commits.
            try database.connection.execute(
                "ALTER TABLE public.users NO FORCE ROW LEVEL SECURITY; DROP POLICY tenant_isolation_users ON public.users")
            let reader = try database.connect()
            try reader.execute("BEGIN; LOCK TABLE public.users IN ACCESS SHARE MODE")
            let (process, out, err) = try cli.start(["monitor", "--execute"] + target)
            defer { if process.isRunning { process.terminate() } }
            func lockWaiters() throws -> Int { try Self.lockWaiters(database, on: "public.users") }
            // Blocking sleeps: this test must keep its thread (a task sleeping asynchronously
            // waits for a free thread to resume, which the other tests may hold for seconds, and
            // the repair gives up on its lock meanwhile).
            func waitFor(_ waiters: Int) throws {
                var waited = 0
                while try lockWaiters() < waiters, waited < 2_400 {
                    Thread.sleep(forTimeInterval: 0.025)
                    waited += 1
                }
                let activity = try database.connection.query(
                    "SELECT pid, wait_event_type AS w, state, left(query, 80) AS q FROM pg_stat_activity WHERE datname = current_database()"
                ).map { "\($0["pid"]?.int ?? 0) \($0["w"]?.string ?? "-") \($0["state"]?.string ?? "-") \($0["q"]?.string ?? "")" }
                #expect(try lockWaiters() == waiters, "\(activity)")
            }
            try waitFor(1)
            // Used by the thread below until it has the lock, then (ROLLBACK) by this one: one
            // thread at a time, as a connection asks.
            nonisolated(unsafe) let blocker = try database.connect()
            let locked = LockedBox(false)
            Thread.detachNewThread {
                _ = try? blocker.execute("BEGIN; LOCK TABLE public.users IN ACCESS EXCLUSIVE MODE")
                locked.set(true)
            }
            try waitFor(2)
            try reader.execute("ROLLBACK")
            process.waitUntilExit()
            let stdout = try String(contentsOf: out, encoding: .utf8)
            let stderr = try String(contentsOf: err, encoding: .utf8)
            #expect(locked.get())
            _ = try? blocker.execute("ROLLBACK")
            #expect(process.terminationStatus == 2, "\(stdout)\n\(stderr)")
            #expect(stderr.contains("the repair was committed"), "\(stderr)")
            #expect(!stderr.contains("nothing was changed"), "\(stderr)")
            #expect(stdout.contains("-- repair SQL (executed)"), "\(stdout)")
            #expect(stdout.contains("after the repair: not checked again"), "\(stdout)")
            let forced = try database.connection.query("SELECT relforcerowsecurity AS f FROM pg_class WHERE oid = 'public.users'::regclass")
            #expect(forced.first?["f"]?.bool == true)
        }
    }

    /// `apply --prune` and a concurrent `CREATE POLICY`: a policy created after the apply read
    /// the catalog (while its round trip waits for a lock) is dropped by the prune, not left in
    /// place unreported. Orchestrated through pg_locks: a reader holds `comments` (the first
    /// table the round trip touches), the apply queues behind it, the other session creates a
    /// policy on `users` and commits, then the reader ends.
    @Test func applyPruneSeesAPolicyCreatedConcurrently() async throws {
        try await withTestDatabase { database in
            let (cli, target) = try Self.appliedExample(database, lockTimeoutMilliseconds: 30_000)
            defer { cli.remove() }
            let reader = try database.connect()
            try reader.execute("BEGIN; LOCK TABLE public.comments IN ACCESS SHARE MODE")
            let (process, out, err) = try cli.start(["apply", "--prune"] + target)
            defer { if process.isRunning { process.terminate() } }
            func waiters(_ table: String) throws -> Int { try Self.lockWaiters(database, on: table) }
            // Blocking sleeps (see above): this test keeps its thread.
            func waitForTheApply() throws {
                var waited = 0
                while try waiters("public.comments") < 1, process.isRunning, waited < 2_400 {
                    Thread.sleep(forTimeInterval: 0.025)
                    waited += 1
                }
            }
            try waitForTheApply()
            #expect(try waiters("public.comments") == 1, "the apply waits for comments in its round trip")
            let creator = try database.connect()
            try creator.execute("SET lock_timeout = '5s'; CREATE POLICY sneaky ON public.users USING (true)")
            creator.close()
            try reader.execute("ROLLBACK")
            process.waitUntilExit()
            let stdout = try String(contentsOf: out, encoding: .utf8)
            let stderr = try String(contentsOf: err, encoding: .utf8)
            #expect(process.terminationStatus == 0, "\(stdout)\n\(stderr)")
            #expect(stdout.contains("-- drop_policy public.users sneaky\nDROP POLICY sneaky ON public.users;"), "\(stdout)")
            #expect(
                try database.connection.query("SELECT 1 FROM pg_policies WHERE policyname = 'sneaky'").isEmpty,
                "the policy created concurrently survived the prune:\n\(stdout)")
            let monitor = try cli.run(["monitor"] + target)
            #expect(monitor.status == 0, "\(monitor.output)")
        }
    }

    /// Two processes at once: both exit 0, exactly one does the work.
    @Test func twoAppliesStartedTogetherBothSucceed() async throws {
        try await DatabaseCLI.withExampleDatabase { _, cli, target in
            let first = try cli.start(["apply", "--format", "json"] + target)
            let second = try cli.start(["apply", "--format", "json"] + target)
            first.0.waitUntilExit()
            second.0.waitUntilExit()
            #expect(first.0.terminationStatus == 0)
            #expect(second.0.terminationStatus == 0)
            let outputs = try [first.1, second.1].map { try DatabaseCLI.json(try String(contentsOf: $0, encoding: .utf8)) }
            let executed = outputs.map { $0["executed"] as? Bool }
            #expect(executed.filter { $0 == true }.count == 1, "exactly one apply did the work: \(executed)")
            #expect(outputs.contains { ($0["plan"] as? [Any])?.isEmpty == true })
            let monitor = try cli.run(["monitor"] + target)
            #expect(monitor.status == 0, "\(monitor.output)")
        }
    }

    /// `--watch` prints the first check in full, then each change as it happens.
    @Test func watchPrintsChangesInDrift() async throws {
        try await DatabaseCLI.withExampleDatabase { database, cli, target in
            #expect(try cli.run(["apply"] + target).status == 0)
            // No --iterations: the test ends the process once it has seen what it waits for.
            let (process, out, err) = try cli.start(["monitor", "--watch", "0.2"] + target)
            defer { if process.isRunning { process.terminate() } }
            func checks() throws -> Int {
                try String(contentsOf: err, encoding: .utf8).components(separatedBy: "checked at").count - 1
            }
            // Waits (up to a minute, for loaded machines) until `count` checks have finished.
            func waitFor(_ count: Int) async throws {
                var waited = 0
                while try checks() < count, process.isRunning, waited < 2_400 {
                    try await Task.sleep(for: .milliseconds(25))
                    waited += 1
                }
            }
            try await waitFor(1)
            try database.connection.execute("ALTER TABLE public.projects DISABLE ROW LEVEL SECURITY")
            try await waitFor(try checks() + 2)
            try database.connection.execute("ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY")
            try await waitFor(try checks() + 2)
            // SIGTERM ends a watch (even though this process's threads block it and the child
            // inherits that mask).
            process.terminate()
            var waited = 0
            while process.isRunning, waited < 400 {
                try await Task.sleep(for: .milliseconds(25))
                waited += 1
            }
            if process.isRunning {
                Issue.record("monitor --watch ignored SIGTERM")
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            let stdout = try String(contentsOf: out, encoding: .utf8)
            let stderr = try String(contentsOf: err, encoding: .utf8)
            #expect(stdout.contains("no drift"), "\(stdout)\n\(stderr)")
            #expect(stdout.contains(" + critical rls_disabled public.projects: row level security is disabled"), "\(stdout)\n\(stderr)")
            #expect(stdout.contains(" - critical rls_disabled public.projects"), "\(stdout)\n\(stderr)")
            #expect(stdout.components(separatedBy: "rls_disabled").count == 3, "each change printed once: \(stdout)")
        }
    }
}
