import PolicySchema
import PolicySyntax

/// A policy after checking: what it governs and its normal form on each governed table.
public struct CheckedPolicy: Sendable {
    /// The policy's name and location.
    public var ref: PolicyRef
    /// The declaration.
    public var syntax: PolicyDeclSyntax
    /// PERMISSIVE or RESTRICTIVE.
    public var kind: PolicyKind
    /// The commands, in canonical order.
    public var commands: [PolicyCommand]
    /// The `TO` roles (identifiers); empty means PUBLIC.
    public var roles: [String]
    /// Whether a `WITH CHECK` block was written.
    public var hasCheck: Bool
    /// Tables the selector matches, sorted.
    public var tables: [QualifiedName]
    /// USING in normal form per table (absent for tables where the policy has errors).
    public var using: [QualifiedName: NormalizedPolicy]
    /// WITH CHECK in normal form per table (USING when no block was written).
    public var check: [QualifiedName: NormalizedPolicy]
    /// Whether the policy has syntax or semantic errors.
    public var hasErrors: Bool

    /// Whether the policy applies to `role` (policies without `TO` apply to every role).
    public func applies(toRole role: String) -> Bool {
        roles.isEmpty || roles.contains(role) || roles.contains("public")
    }

    /// Whether the policy applies to a session that has the privileges of `roles` (a role and
    /// those it is a member of, `RoleGraph.privileges(of:)`).
    public func applies(toAnyOf roles: Set<String>) -> Bool {
        self.roles.isEmpty || self.roles.contains { $0 == "public" || roles.contains($0) }
    }

    /// Whether the policy governs every command.
    public var isForAll: Bool { commands.count == PolicyCommand.allCases.count }

    /// The same policy after the text of `path` moved `delta` bytes, with `syntax`: the
    /// declaration as parsed at its new place (the same bytes).
    func shifted(by delta: Int, in path: String, syntax: PolicyDeclSyntax) -> CheckedPolicy {
        var result = self
        result.ref = ref.shifted(by: delta, in: path)
        result.syntax = syntax
        result.using = using.mapValues { $0.shifted(by: delta, in: path) }
        result.check = check.mapValues { $0.shifted(by: delta, in: path) }
        return result
    }
}
