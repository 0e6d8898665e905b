import Foundation
import PolicySyntax

/// Document symbols (policies and grants with their selector and clauses, GOVERN items) and workspace
/// symbols (every policy, grant and schema table whose name matches a query).
public enum SymbolProvider {
    /// The outline of the policy file at `path`.
    public static func documentSymbols(in path: String, snapshot: WorkspaceSnapshot) -> [SymbolInfo] {
        guard let file = snapshot.file(path) else { return [] }
        var result: [SymbolInfo] = []
        for item in file.tree.items {
            switch item {
            case .policy(let policy):
                let name = policy.name?.identifier ?? "(unnamed policy)"
                var detail: [String] = []
                if let kind = policy.kind { detail.append(kind.rawValue) }
                if let commands = policy.commands {
                    detail.append("FOR " + (commands.isAll ? "ALL" : commands.commands.map(\.rawValue).joined(separator: ", ")))
                }
                if let checked = snapshot.checkedPolicy(policy, in: path) {
                    detail.append(checked.tables.count == 1 ? "1 table" : "\(checked.tables.count) tables")
                }
                var children: [SymbolInfo] = []
                if let selector = policy.selector, let keyword = policy.selectorKeywordRange {
                    children.append(
                        SymbolInfo(
                            name: "SELECTOR " + Formatter.selector(selector), category: .selector,
                            range: keyword.union(selector.range), selectionRange: keyword))
                }
                for (index, clause) in policy.using.enumerated() {
                    children.append(clauseSymbol(clause, label: index == 0 ? "CLAUSE" : "OR CLAUSE"))
                }
                for (index, clause) in (policy.check ?? []).enumerated() {
                    children.append(clauseSymbol(clause, label: index == 0 ? "WITH CHECK CLAUSE" : "OR CLAUSE"))
                }
                result.append(
                    SymbolInfo(
                        name: name, detail: detail.joined(separator: " · "), category: .policy, range: policy.range,
                        selectionRange: policy.name?.range ?? policy.keywordRange, children: children))
            case .grant(let grant):
                let name =
                    "GRANT " + grant.privileges.map(\.privilege.rawValue).joined(separator: ", ")
                    + " TO " + grant.roles.map(\.identifier).joined(separator: ", ")
                var children: [SymbolInfo] = []
                if let selector = grant.selector, let keyword = grant.selectorKeywordRange {
                    children.append(
                        SymbolInfo(
                            name: "SELECTOR " + Formatter.selector(selector), category: .selector,
                            range: keyword.union(selector.range), selectionRange: keyword))
                }
                result.append(
                    SymbolInfo(
                        name: name, category: .grant, range: grant.range, selectionRange: grant.keywordRange,
                        children: children))
            case .govern(let govern):
                let name = "GOVERN SELECTOR " + (govern.selector.map(Formatter.selector) ?? "")
                result.append(
                    SymbolInfo(name: name, category: .govern, range: govern.range, selectionRange: govern.keywordRange))
            }
        }
        return result
    }

    private static func clauseSymbol(_ clause: ClauseSyntax, label: String) -> SymbolInfo {
        let atoms = clause.atoms.filter { $0.kind != .missing }.map(Formatter.atom).joined(separator: " AND ")
        let text = atoms.count > 80 ? String(atoms.prefix(79)) + "…" : atoms
        return SymbolInfo(
            name: "\(label) \(text)", category: .clause, range: clause.range,
            selectionRange: clause.keywordRange ?? clause.range)
    }

    /// The policies, grants and tables whose names contain `query`'s characters in order,
    /// ignoring case (all of them for an empty query), at most `limit`.
    public static func workspaceSymbols(matching query: String, snapshot: WorkspaceSnapshot, limit: Int = 500) -> [WorkspaceSymbolInfo] {
        var result: [WorkspaceSymbolInfo] = []
        let needle = Array(query.lowercased().unicodeScalars)
        func matches(_ name: String) -> Bool {
            guard !needle.isEmpty else { return true }
            var index = 0
            for scalar in name.lowercased().unicodeScalars where index < needle.count && scalar == needle[index] { index += 1 }
            return index == needle.count
        }
        for policy in snapshot.policySet.policies where matches(policy.ref.name) {
            result.append(
                WorkspaceSymbolInfo(
                    name: policy.ref.name, category: .policy,
                    location: FileLocation(file: policy.ref.location.file, range: policy.ref.nameRange),
                    container: (policy.ref.location.file as NSString).lastPathComponent))
        }
        for file in snapshot.files {
            for grant in file.tree.grants {
                let name =
                    "GRANT " + grant.privileges.map(\.privilege.rawValue).joined(separator: ", ")
                    + " TO " + grant.roles.map(\.identifier).joined(separator: ", ")
                guard matches(name) else { continue }
                result.append(
                    WorkspaceSymbolInfo(
                        name: name, category: .grant,
                        location: FileLocation(file: file.source.path, range: grant.keywordRange),
                        container: (file.source.path as NSString).lastPathComponent))
            }
        }
        for table in snapshot.policySet.schema.tables where matches(table.name.name) || matches(table.name.description) {
            guard let location = table.location else { continue }
            result.append(
                WorkspaceSymbolInfo(
                    name: table.name.description, category: .table, location: location,
                    container: table.name.schema))
        }
        return Array(result.prefix(limit))
    }
}
