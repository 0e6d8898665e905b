import Testing

@testable import SMT

extension SMTTests {
    /// Reals hold values between integers (SQL numeric), compare with integers through
    /// `toReal`, and read back as decimals.
    @Test func realsLieBetweenIntegers() throws {
        let z3 = try Z3Context()
        let x = try z3.constant("x", z3.realSort)
        let n = try z3.constant("n", z3.intSort)
        let solver = try Solver(context: z3, strategy: .kernel)
        try solver.add(z3.gt(x, z3.real(1)))
        try solver.add(z3.lt(x, z3.real(2)))
        try solver.add(z3.eq(z3.toReal(n), x))
        #expect(try solver.check().isUnsat, "no integer lies strictly between 1 and 2")
        let open = try Solver(context: z3, strategy: .kernel)
        try open.add(z3.gt(x, z3.real(1)))
        try open.add(z3.lt(x, z3.real(2)))
        let model = try #require(try open.check().model)
        let text = try #require(try model.decimalText(x))
        let value = try #require(Double(text.replacingOccurrences(of: "?", with: "")))
        #expect(value > 1 && value < 2, "\(text)")
        #expect(try z3.realSort.isReal)
        #expect(try !z3.intSort.isReal)
    }
}
