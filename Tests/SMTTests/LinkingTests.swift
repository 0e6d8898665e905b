import Testing

@testable import SMT

extension SMTTests {
    /// Calls into libz3: proves a fresh machine links Z3 and which version it has.
    @Test func linksZ3() throws {
        let version = Z3Context.z3Version
        let numbers = Z3Context.z3VersionNumbers
        #expect(version.hasPrefix("\(numbers.major).\(numbers.minor)."))
        #expect(numbers.major == 4)
        #expect(numbers.minor >= 8)
        _ = try Z3Context()
    }
}
