import Foundation
import Testing

@testable import SMT

/// A solver loaded with the pigeonhole formula: `holes + 1` pigeons in `holes` holes, one per hole.
///
/// It is unsatisfiable and hard for resolution: on the 2-core reference machine Z3 4.8.12 needs
/// about 0.9 s for 9 holes, 6 s for 10 and 60 s for 11.
func pigeonhole(_ context: Z3Context, holes: Int, strategy: Solver.Strategy = .tactics) throws -> Solver {
    let solver = try Solver(context: context, strategy: strategy)
    let bool = try context.boolSort
    let sits = try (0...holes).map { pigeon in
        try (0..<holes).map { hole in try context.constant("p\(pigeon)h\(hole)", bool) }
    }
    for pigeon in sits {
        try solver.add(context.or(pigeon))
    }
    for hole in 0..<holes {
        for first in 0...holes {
            for second in (first + 1)..<(holes + 1) {
                try solver.add(!(sits[first][hole] && sits[second][hole]))
            }
        }
    }
    return solver
}

/// The process's resident set size in bytes, from /proc/self/statm.
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// A column or session value in the proofs' encoding: a null flag and a value.
struct Nullable {
    let isNull: Term
    let value: Term

    init(_ context: Z3Context, _ name: String, _ sort: Sort) throws {
        isNull = try context.constant("\(name).null", context.boolSort)
        value = try context.constant("\(name).value", sort)
    }

    /// SQL's `self = other` being true: both are non-null and the values are equal.
    func sqlEqualIsTrue(_ other: Nullable, in context: Z3Context) throws -> Term {
        try context.and(context.not(isNull), context.not(other.isNull), context.eq(value, other.value))
    }
}

/// Checks `solver` with a 50 ms limit and expects `.unknown` for "timeout" within a second;
/// returns whether the answer was unknown.
@discardableResult
func expectPromptTimeout(_ solver: Solver, sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
    let clock = ContinuousClock()
    var result: CheckResult?
    let elapsed = try clock.measure { result = try solver.check(timeoutMilliseconds: 50) }
    guard case .unknown(let reason) = result else {
        Issue.record("expected unknown, got \(String(describing: result))", sourceLocation: sourceLocation)
        return false
    }
    #expect(reason.contains("timeout"), "reason: \(reason)", sourceLocation: sourceLocation)
    #expect(elapsed < .seconds(1), sourceLocation: sourceLocation)
    return true
}
