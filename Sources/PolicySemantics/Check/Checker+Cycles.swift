import PolicySchema
import PolicySyntax

extension Checker {
    /// A traversal target named in a policy, and where.
    private struct Edge {
        var target: QualifiedName
        var location: FileLocation
    }

    /// Reports traversals that lead from a table's policies back to the same table. PostgreSQL
    /// expands the target's own SELECT policies inside the subquery, so such a loop fails at query
    /// time with "infinite recursion detected in policy".
    func checkCycles(_ policies: [CheckedPolicy]) {
        guard hasSchema else { return }
        var selectEdges: [QualifiedName: [Edge]] = [:]
        var anyEdges: [QualifiedName: [Edge]] = [:]
        // Indexes, not `for policy in policies`: binding each element would copy every policy.
        for index in policies.indices where !policies[index].syntax.hasErrors {
            let edges = targets(of: policies[index])
            guard !edges.isEmpty else { continue }
            let isSelect = policies[index].commands.contains(.select)
            for table in policies[index].tables {
                anyEdges[table, default: []] += edges
                if isSelect { selectEdges[table, default: []] += edges }
            }
        }
        var reported = Set<FileLocation>()
        for (start, edges) in anyEdges.sorted(by: { $0.key < $1.key }) {
            for edge in edges where !reported.contains(edge.location) {
                if let path = pathBack(to: start, from: edge.target, through: selectEdges) {
                    reported.insert(edge.location)
                    let cycle = ([start] + path).map(\.description).joined(separator: " → ")
                    sink.add(
                        Diagnostic(
                            .semanticTraversalCycle,
                            message:
                                "traversal cycle \(cycle): the target's own row-level security leads back to \(start), which PostgreSQL rejects at query time (infinite recursion detected in policy)",
                            location: edge.location))
                }
            }
        }
    }

    /// The path from `from` back to `start` following SELECT-policy traversals, if any.
    private func pathBack(to start: QualifiedName, from: QualifiedName, through edges: [QualifiedName: [Edge]]) -> [QualifiedName]? {
        var visited = Set<QualifiedName>()
        var stack: [(QualifiedName, [QualifiedName])] = [(from, [from])]
        while let (node, path) = stack.popLast() {
            if node == start { return path }
            guard visited.insert(node).inserted else { continue }
            for edge in edges[node] ?? [] {
                stack.append((edge.target, path + [edge.target]))
            }
        }
        return nil
    }

    /// Every traversal target in a policy's clauses (any depth), resolved.
    private func targets(of policy: borrowing CheckedPolicy) -> [Edge] {
        var result: [Edge] = []
        let file = policy.ref.location.file
        func visit(_ clause: ClauseSyntax) {
            for atom in clause.atoms {
                guard case .exists(let relation, let inner) = atom.kind else { continue }
                if let table = schema.resolveTable(
                    schema: relation.target.schema?.identifier, name: relation.target.name.identifier,
                    searchPath: config.schemas)
                {
                    result.append(Edge(target: table.name, location: FileLocation(file: file, range: relation.range)))
                }
                visit(inner)
            }
        }
        for clause in policy.syntax.using { visit(clause) }
        for clause in policy.syntax.check ?? [] { visit(clause) }
        return result
    }
}
