import Cancellation
import Dispatch
import Synchronization
import Testing

@testable import SMT

extension SMTTests {
    /// Deadlines that fire about when the check finishes on its own (the race between the timer
    /// and the check returning), on one reused kernel solver per thread as the proofs use it, some
    /// with a token cancelled at about the same moment: after every check the context is usable
    /// at once (no interruption left pending breaks `simplify` or a model), and a check that ended
    /// by itself keeps its answer.
    @Test func deadlinesRacingTheAnswerLeaveTheContextUsable() throws {
        let threads = 4
        let rounds = 150
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for thread in 0..<threads {
            DispatchQueue.global().async(group: group) {
                do {
                    let z3 = try Z3Context()
                    let solver = try Solver(context: z3, strategy: .kernel)
                    let x = try z3.constant("x", z3.intSort)
                    let bool = try z3.boolSort
                    for round in 0..<rounds {
                        let holes = 4 + (round + thread) % 4
                        let sits = try (0...holes).map { pigeon in
                            try (0..<holes).map { hole in try z3.constant("p\(pigeon)h\(hole)", bool) }
                        }
                        try solver.push()
                        for pigeon in sits { try solver.add(z3.or(pigeon)) }
                        for hole in 0..<holes {
                            for first in 0...holes {
                                for second in (first + 1)..<(holes + 1) {
                                    try solver.add(!(sits[first][hole] && sits[second][hole]))
                                }
                            }
                        }
                        let token = CancellationToken()
                        if round % 5 == 0 {
                            DispatchQueue.global().asyncAfter(deadline: .now() + .microseconds(500 * (round % 7))) { token.cancel() }
                        }
                        let result = try solver.check(timeoutMilliseconds: UInt32(1 + round % 6), cancellation: token)
                        if case .unknown(let reason) = result, !["timeout", "canceled", "interrupted"].contains(reason) {
                            failures.withLock { $0.append("round \(round): reason \(reason)") }
                        }
                        try solver.pop()
                        // Usable at once: simplification and a model of an easy question.
                        let five = try z3.simplify(z3.add([z3.int(2), z3.int(3)]))
                        if five != (try z3.int(5)) { failures.withLock { $0.append("round \(round): simplify gave \(five)") } }
                        try solver.push()
                        try solver.add(z3.eq(x, z3.int(round)))
                        let easy = try solver.check(timeoutMilliseconds: 10_000)
                        if try easy.model?.int(x) != round { failures.withLock { $0.append("round \(round): easy check \(easy)") } }
                        try solver.pop()
                    }
                } catch {
                    failures.withLock { $0.append("thread \(thread): \(error)") }
                }
            }
        }
        #expect(group.wait(timeout: .now() + .seconds(180)) == .success, "checks still running after 3 minutes")
        let found = failures.withLock { $0 }
        #expect(found.isEmpty, "\(found.prefix(10))")
    }
}
