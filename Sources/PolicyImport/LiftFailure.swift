/// Why a sub-expression cannot be lifted (internal: it becomes a `LiftNote` where the
/// sub-expression is kept raw).
struct LiftFailure: Error {
    /// A reason a person can read.
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
