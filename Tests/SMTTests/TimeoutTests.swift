import Dispatch
import Testing

@testable import SMT

extension SMTTests {
    /// A hard query with a 50 ms limit answers `.unknown` with reason "timeout", promptly.
    @Test func hardQueryTimesOutAsUnknown() throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 10)
        guard try expectPromptTimeout(solver) else { return }
        // The query really is hard: a limit six times longer is not enough either.
        guard case .unknown = try solver.check(timeoutMilliseconds: 300) else {
            Issue.record("pigeonhole(10) finished within 300 ms; the timeout test needs a harder query")
            return
        }
        // Removing the limit again works: an easy query with no timeout is answered.
        let easy = try Solver(context: z3)
        try easy.add(z3.bool(true))
        #expect(try easy.check().model != nil)
    }

    /// A zero limit is the smallest limit, not "no limit".
    @Test func zeroTimeoutIsNotUnlimited() throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 10)
        let clock = ContinuousClock()
        let start = clock.now
        guard case .unknown(let reason) = try solver.check(timeoutMilliseconds: 0) else {
            Issue.record("expected unknown")
            return
        }
        #expect(reason.contains("timeout"))
        #expect(clock.now - start < .seconds(2))
    }

    /// `Z3Context.interrupt()` from another thread stops a blocking check, which answers `.unknown`.
    @Test func interruptFromAnotherThreadStopsABlockingCheck() throws {
        let z3 = try Z3Context()
        let solver = try pigeonhole(z3, holes: 11)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { z3.interrupt() }
        let clock = ContinuousClock()
        var result: CheckResult?
        let elapsed = try clock.measure { result = try solver.check() }
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(String(describing: result))")
            return
        }
        #expect(["interrupted", "canceled"].contains(reason), "reason: \(reason)")
        #expect(elapsed < .seconds(2))
    }
}
