import SMT

/// One session in a query: its keys, created on first use.
final class SessionInstance {
    /// 0 for the first session.
    let index: Int
    /// The role it runs as.
    let role: String
    /// Key values by key.
    var keys: [String: EncodedValue] = [:]

    init(index: Int, role: String) {
        self.index = index
        self.role = role
    }
}
