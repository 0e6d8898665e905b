import PolicySchema

/// The role memberships of a schema, as row-level security reads them: a policy `TO a` applies
/// to a session running as `b` when `b` is `a` or has `a`'s privileges through memberships that
/// inherit (`GRANT a TO b`, `CREATE ROLE b IN ROLE a`, not NOINHERIT), directly or through other
/// roles (PostgreSQL's `has_privs_of_role`).
public struct RoleGraph: Hashable, Sendable {
    /// For each role with memberships, the roles whose policies apply to it (itself included).
    private let closures: [String: Set<String>]
    /// The schema roles, sorted.
    public let roles: [String]

    /// The graph of `roles`' memberships (cycles, which PostgreSQL refuses, are cut).
    public init(roles: [RoleModel]) {
        var parents: [String: [String]] = [:]
        for role in roles where !role.memberOf.isEmpty { parents[role.name] = role.memberOf }
        var closures: [String: Set<String>] = [:]
        for role in roles where !role.memberOf.isEmpty {
            var seen: Set<String> = [role.name]
            var pending = [role.name]
            while let next = pending.popLast() {
                for parent in parents[next] ?? [] where seen.insert(parent).inserted { pending.append(parent) }
            }
            closures[role.name] = seen
        }
        self.closures = closures
        self.roles = roles.map(\.name).sorted()
    }

    /// The roles whose policies apply to a session running as `role`: itself and every role it
    /// has the privileges of.
    public func privileges(of role: String) -> Set<String> {
        closures[role] ?? [role]
    }

    /// The memberships as text, for cache keys (`b<a,c;d<a`).
    public var signature: String {
        closures.keys.sorted().map { "\($0)<" + (closures[$0] ?? []).subtracting([$0]).sorted().joined(separator: ",") }
            .joined(separator: ";")
    }

    /// The roles a verdict about `table` must cover: one per distinct set of applicable named
    /// roles among `named` (the roles the policies that bear on the table name), preferring a
    /// named role, else the first schema role by name that is a member of some of them; and
    /// PUBLIC (any role that is a member of none).
    public func representatives(of named: Set<String>) -> [String] {
        var chosen: [String: String] = [:]
        for role in named.sorted() {
            let key = privileges(of: role).intersection(named).sorted().joined(separator: "\u{0}")
            if chosen[key] == nil { chosen[key] = role }
        }
        for role in closures.keys.sorted() where !named.contains(role) {
            let applicable = privileges(of: role).intersection(named)
            guard !applicable.isEmpty else { continue }
            let key = applicable.sorted().joined(separator: "\u{0}")
            if chosen[key] == nil { chosen[key] = role }
        }
        return chosen.values.sorted() + [PolicySet.publicRole]
    }
}
