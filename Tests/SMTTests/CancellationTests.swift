import Cancellation
import Dispatch
import Synchronization
import Testing

@testable import SMT

extension SMTTests {
    /// Cancelling the token from another thread stops a check that would run for a minute,
    /// with either strategy: it answers `.unknown` (not "timeout") within milliseconds, and the
    /// context stays usable.
    @Test(arguments: [Solver.Strategy.tactics, .kernel])
    func cancellingTheTokenStopsARunningCheck(strategy: Solver.Strategy) throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 11, strategy: strategy) // about a minute to run to the end
        let token = CancellationToken()
        let cancelledAt = Mutex<ContinuousClock.Instant?>(nil)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) {
            cancelledAt.withLock { $0 = ContinuousClock.now }
            token.cancel()
        }
        let result = try solver.check(timeoutMilliseconds: 120_000, cancellation: token)
        let returned = ContinuousClock.now
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(["interrupted", "canceled"].contains(reason), "reason: \(reason)")
        let cancelled = try #require(cancelledAt.withLock { $0 })
        #expect(returned - cancelled < .milliseconds(500), "cancellation took \(returned - cancelled)")

        // The context is fully usable afterwards: simplification, evaluation and new checks.
        let x = try z3.constant("x", z3.intSort)
        #expect(try z3.simplify(z3.add([z3.int(2), z3.int(3)])) == z3.int(5))
        let easy = try Solver(context: z3, strategy: strategy)
        try easy.add(z3.eq(x, z3.int(7)))
        let model = try #require(try easy.check(timeoutMilliseconds: 5_000, cancellation: CancellationToken()).model)
        #expect(try model.int(x) == 7)
    }

    /// A token cancelled before the check never starts the query: "canceled", at once.
    @Test func aCancelledTokenDoesNotStartACheck() throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 11)
        let token = CancellationToken()
        token.cancel()
        let clock = ContinuousClock()
        var result: CheckResult?
        let elapsed = try clock.measure { result = try solver.check(timeoutMilliseconds: nil, cancellation: token) }
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(String(describing: result))")
            return
        }
        #expect(reason == "canceled")
        #expect(elapsed < .milliseconds(500))
        #expect(try z3.simplify(z3.not(z3.bool(false))) == z3.bool(true))
    }

    /// A token that is not cancelled changes nothing: the deadline still answers "timeout",
    /// with either strategy, and a token cancelled after the check has no effect on the context.
    @Test(arguments: [Solver.Strategy.tactics, .kernel])
    func theDeadlineAnswersTimeoutWithAToken(strategy: Solver.Strategy) throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 10, strategy: strategy)
        let token = CancellationToken()
        let clock = ContinuousClock()
        var result: CheckResult?
        let elapsed = try clock.measure { result = try solver.check(timeoutMilliseconds: 50, cancellation: token) }
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(String(describing: result))")
            return
        }
        #expect(reason == "timeout")
        #expect(elapsed < .seconds(1))
        token.cancel()
        #expect(try z3.simplify(z3.not(z3.bool(false))) == z3.bool(true))
    }

    /// Many checks with deadlines of a few milliseconds, on several threads at once, each on a
    /// context made and deleted for it, some with a long deadline but stopped by their token:
    /// every one of them finishes (Z3's own timer threads could leave `Z3_del_context`
    /// spinning forever).
    @Test func manyShortDeadlinesOnSeveralThreadsAllFinish() throws {
        let threads = 4
        let checksPerThread = 40
        let answered = Mutex(0)
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for thread in 0..<threads {
            DispatchQueue.global().async(group: group) {
                for check in 0..<checksPerThread {
                    do {
                        let z3 = try Z3Context()
                        let solver = try pigeonhole(z3, holes: 8, strategy: check % 2 == 0 ? .tactics : .kernel)
                        let token = CancellationToken()
                        var milliseconds = UInt32(1 + check % 5)
                        if (thread + check) % 3 == 0 {
                            // A long deadline, the check stopped by its token instead.
                            milliseconds = 60_000
                            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(check % 4)) { token.cancel() }
                        }
                        let result = try solver.check(timeoutMilliseconds: milliseconds, cancellation: token)
                        if case .unknown(let reason) = result, !["timeout", "canceled", "interrupted"].contains(reason) {
                            failures.withLock { $0.append("unexpected reason \(reason)") }
                        }
                        answered.withLock { $0 += 1 }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        #expect(group.wait(timeout: .now() + .seconds(120)) == .success, "checks still running after 2 minutes")
        #expect(answered.withLock { $0 } == threads * checksPerThread)
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
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
