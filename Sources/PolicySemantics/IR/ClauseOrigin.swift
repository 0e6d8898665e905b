import PolicySyntax

/// Where a normalized clause came from: its policy and the source clause.
public struct ClauseOrigin: Hashable, Sendable {
    /// The policy's name.
    public var policy: String
    /// The source clause (from `CLAUSE` to its last atom).
    public var location: FileLocation
    /// Whether the clause is in the `WITH CHECK` block.
    public var isCheck: Bool

    /// Creates an origin.
    public init(policy: String, location: FileLocation, isCheck: Bool) {
        self.policy = policy
        self.location = location
        self.isCheck = isCheck
    }

    /// The origin after the text of `path` moved `delta` bytes.
    func shifted(by delta: Int, in path: String) -> ClauseOrigin {
        ClauseOrigin(policy: policy, location: location.shifted(by: delta, in: path), isCheck: isCheck)
    }
}
