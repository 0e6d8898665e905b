import Testing

@testable import SMT

extension SMTTests {
    /// A satisfiable query gives a model whose Int, Bool and String values are the forced ones.
    @Test func satisfiableQueryHasAModelWithTheValues() throws {
        let z3 = try Z3Context()
        let x = try z3.constant("x", z3.intSort)
        let flag = try z3.constant("flag", z3.boolSort)
        let name = try z3.constant("name", z3.stringSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.gt(x, z3.int(41)))
        try solver.add(z3.lt(x, z3.int(43)))
        try solver.add(z3.iff(flag, z3.eq(x, z3.int(42))))
        try solver.add(z3.eq(name, z3.concat([z3.string("ten"), z3.string("ant")])))
        let model = try #require(try solver.check().model)
        #expect(try model.int(x) == 42)
        #expect(try model.bool(flag) == true)
        #expect(try model.string(name) == "tenant")
        let names = try model.constants.map(\.name).sorted()
        #expect(names == ["flag", "name", "x"])
    }

    /// `age > 65 ∧ age < 18` is unsatisfiable (the SPEC's solver-only contradiction).
    @Test func contradictoryQueryIsUnsat() throws {
        let z3 = try Z3Context()
        let age = try z3.constant("age", z3.intSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.gt(age, z3.int(65)))
        try solver.add(z3.lt(age, z3.int(18)))
        #expect(try solver.check().isUnsat)
    }

    /// In the (null flag, value) encoding, SQL `x = y` is true only when both are non-null and equal.
    @Test func nullPairEqualityHoldsOnlyWhenBothAreNonNull() throws {
        let z3 = try Z3Context()
        let x = try Nullable(z3, "x", z3.intSort)
        let y = try Nullable(z3, "y", z3.intSort)
        let equal = try x.sqlEqualIsTrue(y, in: z3)
        let solver = try Solver(context: z3)
        try solver.add(equal)

        let model = try #require(try solver.check().model)
        #expect(try model.bool(x.isNull) == false)
        #expect(try model.bool(y.isNull) == false)
        #expect(try model.int(x.value) == model.int(y.value))

        for nulls in [[x.isNull], [y.isNull], [x.isNull, y.isNull]] {
            try solver.push()
            try solver.add(nulls)
            #expect(try solver.check().isUnsat, "x = y must not be true with \(nulls) null")
            try solver.pop()
        }
        try solver.add(z3.eq(x.value, z3.int(7)))
        let seven = try #require(try solver.check().model)
        #expect(try seven.int(y.value) == 7)
    }

    /// Integers beyond 64 bits are read back exactly as text, and `int(_:)` declines them.
    @Test func bigIntegersReadBackAsText() throws {
        let z3 = try Z3Context()
        let n = try z3.constant("n", z3.intSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.eq(n, z3.mul([z3.int(decimal: "123456789012345678901"), z3.int(10)])))
        let model = try #require(try solver.check().model)
        #expect(try model.integerText(n) == "1234567890123456789010")
        #expect(try model.int(n) == nil)
    }

    /// Assumptions hold for one check only, and the unsat core names the ones that conflict.
    @Test func assumptionsAndUnsatCore() throws {
        let z3 = try Z3Context()
        let x = try z3.constant("x", z3.intSort)
        let (a, b, c) = (try z3.constant("a", z3.boolSort), try z3.constant("b", z3.boolSort), try z3.constant("c", z3.boolSort))
        let solver = try Solver(context: z3)
        try solver.add(z3.implies(a, z3.gt(x, z3.int(10))))
        try solver.add(z3.implies(b, z3.lt(x, z3.int(5))))
        try solver.add(z3.implies(c, z3.eq(x, z3.int(20))))
        #expect(try solver.check(assumptions: [a, b, c]).isUnsat)
        let core = Set(try solver.unsatCore())
        #expect(core.isSuperset(of: [a, b]))
        #expect(try solver.check(assumptions: [a, c]).model?.int(x) == 20)
    }

    /// `f(a)`, `¬f(b)` and `a = b` together are unsatisfiable: equal arguments, equal results.
    @Test func uninterpretedFunctionsAreCongruent() throws {
        let z3 = try Z3Context()
        let int = try z3.intSort
        let isMember = try z3.function("is_member", domain: [int], range: z3.boolSort)
        let (a, b) = (try z3.constant("a", int), try z3.constant("b", int))
        let solver = try Solver(context: z3)
        try solver.add(isMember(a))
        try solver.add(!isMember(b))
        let model = try #require(try solver.check().model)
        #expect(try model.int(a) != model.int(b))
        try solver.add(z3.eq(a, b))
        #expect(try solver.check().isUnsat)
    }

    /// A universally quantified axiom and a negated existential are decided as expected.
    @Test func universalAndNegatedExistentialQuantifiers() throws {
        let z3 = try Z3Context()
        let int = try z3.intSort
        let next = try z3.function("next", domain: [int], range: int)
        let bound = try z3.constant("bound_x", int)
        // ∀x. next(x) = x + 1, together with next(3) = 5, is unsat.
        let solver = try Solver(context: z3)
        try solver.add(z3.forall([bound], z3.eq(next(bound), z3.add([bound, z3.int(1)]))))
        try solver.push()
        try solver.add(z3.eq(next(z3.int(3)), z3.int(5)))
        #expect(try solver.check().isUnsat)
        try solver.pop()
        try solver.add(z3.eq(next(z3.int(3)), z3.int(4)))
        #expect(try solver.check().model != nil)

        // ¬∃w. k < w < k + 2 is unsat (w = k + 1); ¬∃w. k < w < k + 1 holds for every k.
        let k = try z3.constant("k", int)
        let w = try z3.freshConstant(prefix: "w", int)
        func noWitnessBetween(_ width: Int) throws -> Term {
            try z3.not(z3.exists([w], z3.and(z3.lt(k, w), z3.lt(w, z3.add([k, z3.int(width)])))))
        }
        let gap = try Solver(context: z3)
        try gap.add(noWitnessBetween(2))
        #expect(try gap.check().isUnsat)
        let none = try Solver(context: z3)
        try none.add(noWitnessBetween(1))
        try none.add(z3.eq(k, z3.int(9)))
        #expect(try none.check().model?.int(k) == 9)
    }

    /// Binding a non-constant term in a quantifier is a thrown error.
    @Test func constantsUnderAQuantifierMustBeConstants() throws {
        let z3 = try Z3Context()
        let x = try z3.constant("x", z3.intSort)
        let notAConstant = try z3.add([x, z3.int(1)])
        let error = try #require(throws: SolverError.self) {
            try z3.forall([notAConstant], z3.gt(x, z3.int(0)))
        }
        #expect(error.kind == .wrapper)
    }

    /// Values of an uninterpreted sort (uuid here) are only equal or different, and functions over them are congruent.
    @Test func uninterpretedSortsHoldOpaqueValues() throws {
        let z3 = try Z3Context()
        let uuid = try z3.uninterpretedSort(named: "uuid")
        let tenantOf = try z3.function("tenant_of", domain: [uuid], range: uuid)
        let (row, alice, bob) = (try z3.constant("row", uuid), try z3.constant("alice", uuid), try z3.constant("bob", uuid))
        let solver = try Solver(context: z3)
        try solver.add(z3.distinct([alice, bob]))
        try solver.add(z3.eq(tenantOf(row), alice) || z3.eq(tenantOf(row), bob))
        let model = try #require(try solver.check().model)
        #expect(try model.bool(z3.eq(alice, bob)) == false)
        #expect(try model.constants.count == 3)
        try solver.add(z3.eq(tenantOf(row), alice))
        try solver.add(z3.eq(tenantOf(row), bob))
        #expect(try solver.check().isUnsat)
        #expect("\(uuid)" == "uuid")
        #expect(tenantOf.name == "tenant_of")
    }

    /// `ite`, subtraction and the Boolean operators build the expected terms.
    @Test func conditionalsAndArithmetic() throws {
        let z3 = try Z3Context()
        let (x, y) = (try z3.constant("x", z3.intSort), try z3.constant("y", z3.intSort))
        let flag = try z3.constant("flag", z3.boolSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.eq(y, z3.ite(flag, then: z3.sub(x, z3.int(1)), else: z3.mul([x, z3.int(2)]))))
        try solver.add(z3.eq(x, z3.int(10)))
        try solver.add(!flag)
        #expect(try solver.check().model?.int(y) == 20)
        try solver.add(flag || z3.bool(false))
        #expect(try solver.check().isUnsat)
    }
}
