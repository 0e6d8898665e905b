/// A session of the verdict search: the role it runs as and the value of each session key.
public struct VerdictSession: Hashable, Sendable, CustomStringConvertible {
    /// Its number in the search (results are keyed by it).
    public var number: Int
    /// The role (`SET ROLE`), a role without BYPASSRLS that owns no table.
    public var role: String
    /// Key → value; a key left out is unset (set to '' where the key is known).
    public var values: [String: String]

    /// `role r, app.a = 'v', app.b unset` in key order.
    public var description: String {
        "role \(role)" + values.keys.sorted().map { ", \($0) = '\(values[$0] ?? "")'" }.joined()
    }

    /// The same text with every key of `keys` (unset ones named as such).
    public func describe(keys: [String]) -> String {
        "role \(role)" + keys.map { key in values[key].map { ", \(key) = '\($0)'" } ?? ", \(key) unset" }.joined()
    }
}
