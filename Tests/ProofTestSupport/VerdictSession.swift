/// A session of the verdict search: the role it runs as and the value of each session key.
struct VerdictSession: Hashable, Sendable {
    /// Its number in the search (results are keyed by it).
    var number: Int
    /// The role (`SET ROLE`), a role without BYPASSRLS that owns no table.
    var role: String
    /// Key → value; a key left out is unset (set to '' where the key is known).
    var values: [String: String]

    /// `role r, app.a = 'v', app.b unset` for the keys `keys`.
    func describe(keys: [String]) -> String {
        "role \(role)" + keys.map { key in values[key].map { ", \(key) = '\($0)'" } ?? ", \(key) unset" }.joined()
    }
}
