import Testing

@testable import SMT

extension SMTTests {
    /// A sort mismatch is a thrown `SolverError` naming the operation, and the context stays usable.
    @Test func sortMismatchIsAThrownError() throws {
        let z3 = try Z3Context()
        let n = try z3.constant("n", z3.intSort)
        let s = try z3.constant("s", z3.stringSort)
        let error = try #require(throws: SolverError.self) { try z3.eq(n, s) }
        #expect(error.operation == "eq(_:_:)")
        #expect(error.message.contains("incompatible"))
        #expect([.sortError, .exception].contains(error.kind))
        // The context is still usable after the error.
        #expect(try z3.simplify(z3.eq(n, n)) == z3.bool(true))
        #expect(throws: SolverError.self) { try z3.and(n, s) }
        #expect(throws: SolverError.self) { try z3.lt(z3.bool(true), z3.bool(false)) }
    }

    /// Terms of one context cannot be used in another.
    @Test func termsFromAnotherContextAreRejected() throws {
        let first = try Z3Context()
        let second = try Z3Context()
        let x = try first.constant("x", first.intSort)
        let error = try #require(throws: SolverError.self) { try second.not(x) }
        #expect(error.kind == .wrapper)
        #expect(throws: SolverError.self) { try Solver(context: second).add(first.bool(true)) }
    }

    /// Popping an unopened scope, asserting a non-Boolean, an unknown parameter: all thrown errors.
    @Test func misuseOfSolversIsAThrownError() throws {
        let z3 = try Z3Context()
        let solver = try Solver(context: z3)
        #expect(throws: SolverError.self) { try solver.pop() }
        #expect(throws: SolverError.self) { try solver.add(z3.int(3)) }
        #expect(throws: SolverError.self) { try z3.setParameter("no_such_parameter", "1") }
        let model = try #require(try solver.check().model)
        let other = try Z3Context()
        #expect(throws: SolverError.self) { try model.evaluate(other.bool(true)) }
    }
}
