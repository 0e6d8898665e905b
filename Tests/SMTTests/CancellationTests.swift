import Testing
@testable import SMT

extension SMTTests {
    /// The async check honours its timeout the same way.
    @Test func asyncCheckTimesOutAsUnknown() async throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 10)
        let result = try await solver.check(timeout: .milliseconds(50))
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(reason.contains("timeout"), "reason: \(reason)")
    }

    /// Cancelling the calling task interrupts a query that would run for a minute: it throws
    /// `CancellationError` within milliseconds, and the context stays usable.
    @Test func cancellingTheTaskInterruptsARunningQuery() async throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 11)  // about a minute to run to the end
        let task = Task { try await solver.check(timeout: .seconds(120)) }
        try await Task.sleep(for: .milliseconds(300))
        let clock = ContinuousClock()
        let cancelled = clock.now
        task.cancel()
        let outcome = await task.result
        let elapsed = clock.now - cancelled
        #expect(elapsed < .milliseconds(500), "cancellation took \(elapsed)")
        #expect(throws: CancellationError.self) { try outcome.get() }

        // The context is fully usable afterwards: simplification, evaluation and new checks.
        let x = try z3.constant("x", z3.intSort)
        #expect(try z3.simplify(z3.add([z3.int(2), z3.int(3)])) == z3.int(5))
        let easy = try Solver(context: z3)
        try easy.add(z3.eq(x, z3.int(7)))
        let model = try #require(try await easy.check(timeout: .seconds(5)).model)
        #expect(try model.int(x) == 7)
    }

    /// A task cancelled before the check never starts the query.
    @Test func cancelledTaskDoesNotStartAQuery() async throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 11)
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await solver.check(timeout: nil)
        }
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(clock.now - start < .milliseconds(500))
        #expect(try z3.simplify(z3.not(z3.bool(false))) == z3.bool(true))
    }

    /// Z3 4.8.12 keeps an interruption that arrives while nothing runs; the wrapper clears it
    /// after a cancelled check, so the next simplification or model evaluation still works.
    @Test func pendingInterruptionIsCleared() throws {
        let z3 = try Z3Context()
        let sum = try z3.add([z3.int(1), z3.int(2)])
        z3.interrupt()
        let error = try #require(throws: SolverError.self) { try z3.simplify(sum) }
        #expect(error.message.contains("cancel"))
        z3.clearPendingInterruption()
        #expect(try z3.simplify(sum) == z3.int(3))
    }
}
