import PolicySyntax

/// Folding ranges: every policy and grant, every traversal written over several lines, block
/// comments and runs of line comments.
public enum FoldingProvider {
    /// The folds of the policy file at `path`, spanning two lines or more, in order (none when
    /// the snapshot has no such file).
    public static func folds(in path: String, snapshot: WorkspaceSnapshot) -> [FoldRange] {
        snapshot.file(path).map { folds(in: $0) } ?? []
    }

    /// The folds of `file`, spanning two lines or more, in order.
    public static func folds(in file: ParsedFile) -> [FoldRange] {
        let table = file.source.lineTable
        var result: [FoldRange] = []
        func add(_ range: SourceRange, _ kind: FoldRange.Kind) {
            let end = max(range.start, range.end - 1)
            guard table.lineIndex(of: range.start) < table.lineIndex(of: end) else { return }
            result.append(FoldRange(start: range.start, end: end, kind: kind))
        }
        for item in file.tree.items {
            add(item.range, .region)
            if case .policy(let policy) = item {
                for clause in policy.using + (policy.check ?? []) { addTraversals(clause, add) }
            }
        }
        var run: SourceRange?
        for comment in file.tree.comments {
            if comment.kind == .block {
                add(comment.range, .comment)
                continue
            }
            if let current = run, table.lineIndex(of: comment.range.start) == table.lineIndex(of: current.end) + 1 {
                run = current.union(comment.range)
            } else {
                if let current = run { add(current, .comment) }
                run = comment.range
            }
        }
        if let current = run { add(current, .comment) }
        return result.sorted { $0.start < $1.start }
    }

    private static func addTraversals(_ clause: ClauseSyntax, _ add: (SourceRange, FoldRange.Kind) -> Void) {
        for atom in clause.atoms {
            if case .exists(_, let inner) = atom.kind {
                add(atom.range, .region)
                addTraversals(inner, add)
            }
        }
    }
}
