import Foundation
import PolicyDatabase
import PostgresClient
import TestSupport
import Testing

/// All or nothing: an apply that fails part-way leaves policies, RLS switches and grants exactly
/// as they were; a lock held past the timeout fails within it; two applies serialize.
@Suite struct AtomicityTests {
    /// The example plus a policy on `users` (the last table in the plan) whose raw SQL names a
    /// column that does not exist, and a GRANT, so the failure comes after earlier tables were
    /// enabled, forced and given policies.
    static func brokenWorkspace(role: String) throws -> PolicyWorkspace {
        var workspace = try PolicyWorkspace.example()
        workspace.policies["broken.policy"] = """
            POLICY broken
              PERMISSIVE
              FOR SELECT
              SELECTOR named('users')
              CLAUSE raw('no_such_column = 1')

            GRANT SELECT TO \(role) SELECTOR named('comments')
            """
        return workspace
    }

    /// A statement failing late in the plan rolls back everything before it.
    @Test func aStatementThatFailsLeavesEverythingAsItWas() async throws {
        try await withTestDatabase { database in
            let role = try database.createRole(login: false)
            let workspace = try Self.brokenWorkspace(role: role)
            try workspace.load(into: database)
            let live = try LiveDatabase.testing(database)
            try database.connection.execute(
                "ALTER TABLE public.files ENABLE ROW LEVEL SECURITY; CREATE POLICY keep_me ON public.files USING (true)")
            let before = try CatalogFingerprint.read(database)
            var plan: ApplyPlan?
            let error = try #require(throws: DatabaseError.self) {
                try live.apply(prune: true, dryRun: false, desired: workspace.program(for:)) { _, reviewed in plan = reviewed }
            }
            #expect(error.kind == .statement)
            #expect(error.sqlState == "42703")
            #expect(error.description.contains("no_such_column"))
            #expect(error.description.contains("nothing was changed"))
            // The plan got as far as executing: earlier tables had statements before the failing one.
            let actions = try #require(plan).actions
            let failing = try #require(actions.firstIndex { $0.policy == "broken_users" })
            #expect(failing > 10)
            #expect(actions.contains { $0.kind == .grant } && actions.contains { $0.kind == .dropPolicy })
            #expect(try CatalogFingerprint.read(database) == before)
            #expect(!live.connection.isInTransaction)
        }
    }

    /// A table locked by another session fails the apply within the lock timeout.
    @Test func aTableLockedPastTheTimeoutFailsWithinItAndChangesNothing() async throws {
        try await withTestDatabase { database in
            let example = try PolicyWorkspace.example()
            let live = try LiveDatabase.applied(example, on: database, lockTimeoutMilliseconds: 700)
            try database.connection.execute(
                "ALTER TABLE public.projects DISABLE ROW LEVEL SECURITY; DROP POLICY tenant_isolation_users ON public.users")
            let before = try CatalogFingerprint.read(database)
            let holder = try database.connect()
            try holder.execute("BEGIN; LOCK TABLE public.users IN ACCESS EXCLUSIVE MODE")
            defer { _ = try? holder.execute("ROLLBACK") }
            let clock = ContinuousClock()
            let start = clock.now
            let error = try #require(throws: DatabaseError.self) { try live.apply(example) }
            let elapsed = clock.now - start
            #expect(error.kind == .lockTimeout)
            #expect(error.sqlState == "55P03")
            #expect(error.description.contains("within 700 ms"))
            #expect(elapsed < .milliseconds(4_000), "took \(elapsed): far less than the default 5 s, so the 700 ms setting was used")
            try holder.execute("ROLLBACK")
            #expect(try CatalogFingerprint.read(database) == before)
        }
    }

    /// The comparison's round trip is bounded by the lock timeout too.
    @Test func monitorAlsoGivesUpOnALockedTable() async throws {
        try await withTestDatabase { database in
            let example = try PolicyWorkspace.example()
            let live = try LiveDatabase.applied(example, on: database, lockTimeoutMilliseconds: 500)
            let holder = try database.connect()
            try holder.execute("BEGIN; LOCK TABLE public.comments IN ACCESS EXCLUSIVE MODE")
            defer { _ = try? holder.execute("ROLLBACK") }
            let error = try #require(throws: DatabaseError.self) { try live.assess(example) }
            #expect(error.kind == .lockTimeout)
            try holder.execute("ROLLBACK")
            #expect(try live.assess(example).drift.isEmpty)
        }
    }

    /// Two applies started together: one waits for the other's advisory lock, then finds an
    /// empty plan; both succeed and the database ends in the expected state.
    @Test func twoAppliesSerialize() async throws {
        try await withTestDatabase { database in
            let example = try PolicyWorkspace.example()
            try example.load(into: database)
            let first = try LiveDatabase.testing(database)
            // The second apply connects on its own thread (a connection belongs to one thread).
            let secondConnection = database.connectionString()
            // The first apply holds the lock (after reading the catalog) until the second is seen
            // waiting for it.
            let waiting = try database.connect()
            let secondResult = LockedBox<Result<ApplyResult, Error>?>(nil)
            let firstResult = try first.apply(prune: false, dryRun: false, desired: example.program(for:)) { _, _ in
                let thread = Thread {
                    secondResult.set(
                        Result {
                            try LiveDatabase(connection: PostgresConnection(secondConnection), lockTimeoutMilliseconds: 5000).apply(example)
                        })
                }
                thread.start()
                let deadline = Date().addingTimeInterval(4)
                while Date() < deadline {
                    let rows = try waiting.query(
                        """
                        SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                        """)
                    if !rows.isEmpty { return }
                    Thread.sleep(forTimeInterval: 0.02)
                }
                Issue.record("the second apply never waited for the advisory lock")
            }
            #expect(firstResult.executed)
            var outcome: Result<ApplyResult, Error>?
            for _ in 0..<300 {
                outcome = secondResult.get()
                if outcome != nil { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let secondApply = try #require(outcome).get()
            #expect(secondApply.plan.isEmpty)
            #expect(!secondApply.executed)
            #expect(try first.assess(example).drift.isEmpty)
        }
    }
}
