/// What "Show compiled SQL" shows: one policy, or the whole workspace.
public enum CompiledSQLTarget: Hashable, Sendable {
    /// The policy with this name.
    case policy(String)
    /// Every governed table.
    case workspace

    /// A short name for files and titles (`tenant_isolation`, `workspace`).
    public var name: String {
        switch self {
        case .policy(let name): return name
        case .workspace: return "workspace"
        }
    }
}
