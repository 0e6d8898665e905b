import Testing

@testable import SMT

extension SMTTests {
    /// Whether `text` is in the language of `pattern` as a SQL LIKE, decided by Z3.
    private func like(_ text: String, _ pattern: String, escape: Unicode.Scalar? = "\\", in z3: Z3Context) throws -> Bool {
        let solver = try Solver(context: z3)
        try solver.add(z3.matches(z3.string(text), z3.likeRegex(pattern, escape: escape)))
        switch try solver.check() {
        case .sat: return true
        case .unsat: return false
        case .unknown(let reason): throw SolverError(kind: .wrapper, message: reason, operation: "like")
        }
    }

    /// String `<`, `<=`, `>`, `>=` and `=` are lexicographic, in models and in simplification.
    @Test func stringEqualityAndOrdering() throws {
        let z3 = try Z3Context()
        let s = try z3.constant("s", z3.stringSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.gt(s, z3.string("apple")))
        try solver.add(z3.lt(s, z3.string("apply")))
        try solver.add(z3.eq(z3.length(s), z3.int(6)))
        let model = try #require(try solver.check().model)
        let value = try #require(try model.string(s))
        #expect(value.count == 6)
        #expect(value.unicodeScalars.lexicographicallyPrecedes("apply".unicodeScalars))
        #expect("apple".unicodeScalars.lexicographicallyPrecedes(value.unicodeScalars))

        #expect(try z3.simplify(z3.le(z3.string("abc"), z3.string("abd"))) == z3.bool(true))
        #expect(try z3.simplify(z3.ge(z3.string("b"), z3.string("abc"))) == z3.bool(true))
        #expect(try z3.simplify(z3.eq(z3.string("abc"), z3.string("abc"))) == z3.bool(true))

        try solver.add(z3.eq(s, z3.string("apple")))
        #expect(try solver.check().isUnsat)
    }

    /// LIKE patterns: `%` any string, `_` one code point, escapes, decided by Z3.
    @Test func likePatternsAsRegularExpressions() throws {
        let z3 = try Z3Context()
        #expect(try like("abc", "a%", in: z3))
        #expect(try like("a", "a%", in: z3))
        #expect(try !like("xabc", "a%", in: z3))
        #expect(try like("abc", "a_c", in: z3))
        #expect(try like("aüc", "a_c", in: z3))
        #expect(try like("a🙂c", "a_c", in: z3))
        #expect(try like("a\u{2FFFF}c", "a_c", in: z3))
        #expect(try !like("ac", "a_c", in: z3))
        #expect(try !like("abbc", "a_c", in: z3))
        #expect(try like("100%", "100\\%", in: z3))
        #expect(try !like("1000", "100\\%", in: z3))
        #expect(try like("a_b", "a\\_b", in: z3))
        #expect(try !like("axb", "a\\_b", in: z3))
        #expect(try like("x.y", "%.%%", in: z3))
        #expect(try like("", "%", in: z3))
        #expect(try !like("", "_", in: z3))
        // `_` is one code point: a combining accent after it is a literal of its own.
        #expect(try like("e\u{301}", "_\u{301}", in: z3))
        #expect(try like("\u{E9}\u{301}x", "__x", in: z3))
        #expect(try !like("\u{E9}\u{301}x", "_x", in: z3))
        // Another escape character, or none.
        #expect(try like("50%", "50!%", escape: "!", in: z3))
        #expect(try !like("500", "50!%", escape: "!", in: z3))
        #expect(try like("a\\b", "a\\b", escape: nil, in: z3))
        #expect(try like("a\\bc", "a\\b%", escape: nil, in: z3))
        #expect(throws: SolverError.self) { try z3.likeRegex("abc\\") }
    }

    /// A model of LIKE constraints is a string that really matches them.
    @Test func likeConstraintsGiveMatchingModels() throws {
        let z3 = try Z3Context()
        let email = try z3.constant("email", z3.stringSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.matches(email, z3.likeRegex("%@acme._o%")))
        try solver.add(z3.eq(z3.length(email), z3.int(12)))
        try solver.add(z3.not(z3.matches(email, z3.likeRegex("%.com"))))
        let model = try #require(try solver.check().model)
        let value = try #require(try model.string(email))
        #expect(value.unicodeScalars.count == 12)
        let at = try #require(value.firstRange(of: "@acme."))
        let rest = value[at.upperBound...].unicodeScalars
        #expect(rest.count >= 2)
        #expect(rest.dropFirst().first == "o")
        #expect(!value.hasSuffix(".com"))
    }

    /// Any string, including non-ASCII, control characters and backslashes, comes back from a model unchanged.
    @Test(arguments: [
        "ü日本🙂", "tab\tnew\nline", "back\\slash", "\\u{41} is not A", "nul\u{0}byte", "quote\"s", "é\u{301}",
        "\u{7F}\u{80}\u{FF}\u{100}\u{FFFF}\u{10000}\u{2FFFF}", "del\u{7F} and tilde~", "",
    ])
    func stringsRoundTripThroughTheModel(_ text: String) throws {
        let z3 = try Z3Context()
        let s = try z3.constant("s", z3.stringSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.eq(s, z3.string(text)))
        let model = try #require(try solver.check().model)
        let value = try #require(try model.string(s))
        #expect(Array(value.unicodeScalars) == Array(text.unicodeScalars))
        #expect(try model.int(z3.length(s)) == text.unicodeScalars.count)
    }

    /// A solver-chosen string with a backslash before `u{` is decoded by character, not misread as an escape.
    @Test func solverBuiltStringsDecodeCharacterByCharacter() throws {
        let z3 = try Z3Context()
        let s = try z3.constant("s", z3.stringSort)
        let solver = try Solver(context: z3)
        // Force a backslash next to non-ASCII characters the solver had to choose.
        try solver.add(z3.matches(s, z3.regexConcat([z3.regexLiteral("\\u{"), z3.regexRange(from: "α", to: "ω"), z3.regexLiteral("}")])))
        let model = try #require(try model(solver))
        let codes = try #require(try model.characterCodes(s))
        #expect(codes.count == 5)
        #expect(Array(codes.prefix(3)) == [0x5C, 0x75, 0x7B])
        #expect((0x3B1...0x3C9).contains(codes[3]))
        #expect(codes[4] == 0x7D)
    }

    private func model(_ solver: Solver) throws -> Model? {
        try solver.check().model
    }

    /// A character Z3 4.8.12 cannot represent is a thrown error, not a silent change.
    @Test func charactersBeyondZ3sRangeAreRejected() throws {
        let z3 = try Z3Context()
        let error = try #require(throws: SolverError.self) { try z3.string("plane 3: \u{30000}") }
        #expect(error.kind == .wrapper)
        #expect(error.message.contains("U+30000"))
    }

    /// `x IN (...)` holds exactly for the listed values; an empty list is false.
    @Test func inListsAreDisjunctionsOfEqualities() throws {
        let z3 = try Z3Context()
        let role = try z3.constant("role", z3.stringSort)
        let solver = try Solver(context: z3)
        try solver.add(z3.isMember(role, of: [z3.string("admin"), z3.string("viewer")]))
        try solver.add(z3.not(z3.eq(role, z3.string("admin"))))
        #expect(try solver.check().model?.string(role) == "viewer")
        try solver.add(z3.not(z3.eq(role, z3.string("viewer"))))
        #expect(try solver.check().isUnsat)
        #expect(try z3.simplify(z3.isMember(role, of: [])) == z3.bool(false))
    }
}
