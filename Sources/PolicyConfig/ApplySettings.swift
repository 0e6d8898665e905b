/// The `apply:` section of pgpe.yaml (an extension of SPEC 1.1, documented in the README).
public struct ApplySettings: Hashable, Sendable {
    /// `SET LOCAL lock_timeout` for apply and the round trip, in milliseconds.
    public var lockTimeoutMilliseconds: Int

    /// The defaults: 5 s.
    public init(lockTimeoutMilliseconds: Int = 5000) {
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
    }
}
