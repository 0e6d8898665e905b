import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// Code actions (SPEC 10): the fix-its of diagnostics (did-you-mean replacements, missing
/// brackets, `IS NULL`), adding the isolation atom to a clause that leaks, normalizing a
/// policy, and "Show compiled SQL" for the policy at the cursor and for the workspace.
public enum CodeActionProvider {
    /// The actions for `range` of the policy file at `path`.
    public static func actions(for range: SourceRange, in path: String, snapshot: WorkspaceSnapshot) -> [CodeActionInfo] {
        guard let file = snapshot.file(path) else { return [] }
        var result: [CodeActionInfo] = []
        let diagnostics = (snapshot.diagnosticsByFile()[path] ?? []).filter { touches($0.range, range) }
        for diagnostic in diagnostics {
            for fixIt in diagnostic.fixIts {
                result.append(
                    CodeActionInfo(
                        title: fixIt.title, category: .quickFix, edits: [fixIt.file: fixIt.edits],
                        diagnostics: [diagnostic], isPreferred: diagnostic.fixIts.count == 1))
            }
        }
        result += isolationFixes(for: range, in: file, snapshot: snapshot, diagnostics: diagnostics)
        let policy = file.tree.policies.first { $0.range.contains(range.start) }
        if let policy, let fix = normalization(of: policy, in: file, snapshot: snapshot) { result.append(fix) }
        if let policy, let checked = snapshot.checkedPolicy(policy, in: path), !checked.tables.isEmpty, !checked.hasErrors {
            let name = checked.ref.name
            result.append(
                CodeActionInfo(title: "Show compiled SQL of policy \(name)", category: .showCompiledSQL, compiledSQL: .policy(name)))
            result.append(
                CodeActionInfo(
                    title: "Open compiled SQL of policy \(name) in a new file", category: .openCompiledSQL,
                    compiledSQL: .policy(name)))
        }
        result.append(CodeActionInfo(title: "Show compiled SQL of the workspace", category: .showCompiledSQL, compiledSQL: .workspace))
        result.append(
            CodeActionInfo(
                title: "Open compiled SQL of the workspace in a new file", category: .openCompiledSQL,
                compiledSQL: .workspace))
        return result
    }

    private static func touches(_ a: SourceRange, _ b: SourceRange) -> Bool {
        a.start <= b.end && b.start <= a.end
    }

    // MARK: - Isolation

    /// For each clause in `range` that a FAILED tenant-isolation verdict blames: add
    /// `col(c) = session('K')` to it, where `c` is the column other clauses compare with K.
    private static func isolationFixes(
        for range: SourceRange, in file: ParsedFile, snapshot: WorkspaceSnapshot,
        diagnostics: [Diagnostic]
    ) -> [CodeActionInfo] {
        let path = file.source.path
        var result: [CodeActionInfo] = []
        var done = Set<String>()
        for verdicts in snapshot.proofs.verdicts.values {
            for verdict in verdicts where verdict.proof == .tenantIsolation && verdict.status == .failed {
                guard let key = verdict.key else { continue }
                for blame in verdict.blame where blame.location.file == path && touches(blame.location.range, range) {
                    guard let (policy, clause) = clause(at: blame.location.range, in: file),
                        let checked = snapshot.checkedPolicy(policy, in: path),
                        let column = isolationColumn(for: key, tables: checked.tables, snapshot: snapshot)
                    else { continue }
                    let atom = "col(\(Operand.name(column))) = session('\(key.doublingQuotes("'"))')"
                    guard done.insert("\(clause.range)|\(atom)").inserted else { continue }
                    let related = diagnostics.filter { $0.kind == .proofTenantIsolationFailed && $0.range == blame.location.range }
                    // `CLAUSE true` becomes the atom itself (`true AND atom` would be warned about).
                    let isTrue = clause.atoms.count == 1 && clause.atoms[0].kind == .constant(true)
                    result.append(
                        CodeActionInfo(
                            title: isTrue ? "Replace true with \(atom)" : "Add \(atom) to this clause", category: .quickFix,
                            edits: [
                                path: [
                                    isTrue
                                        ? TextEdit(range: clause.atoms[0].range, newText: atom)
                                        : TextEdit(range: .empty(at: clause.range.end), newText: " AND " + atom)
                                ]
                            ],
                            diagnostics: related, isPreferred: true))
                }
            }
        }
        return result
    }

    /// The top-level clause whose range is `range`, with its policy.
    private static func clause(at range: SourceRange, in file: ParsedFile) -> (PolicyDeclSyntax, ClauseSyntax)? {
        for policy in file.tree.policies where policy.range.contains(range) {
            for clause in policy.using + (policy.check ?? []) where clause.range == range { return (policy, clause) }
        }
        return nil
    }

    /// The column compared with session key `key` on every one of `tables`: the one other
    /// policies pin to it most often, else the key's last part (`app.tenant_id` → `tenant_id`).
    private static func isolationColumn(for key: String, tables: [QualifiedName], snapshot: WorkspaceSnapshot) -> String? {
        guard !tables.isEmpty else { return nil }
        var votes: [String: Int] = [:]
        let wanted = Set(tables)
        for policy in snapshot.policySet.policies {
            for table in policy.tables where wanted.contains(table) {
                for clause in policy.using[table]?.clauses ?? [] {
                    for atom in clause.atoms {
                        if case .compare(.column(let column), .equal, .session(let session)) = atom, session == key {
                            votes[column, default: 0] += 1
                        }
                    }
                }
            }
        }
        let models = tables.compactMap { snapshot.policySet.schema.table($0) }
        func onAll(_ column: String) -> Bool { models.count == tables.count && models.allSatisfy { $0.column(column) != nil } }
        for (column, _) in votes.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) where onAll(column) {
            return column
        }
        let fallback = String(key.split(separator: ".").last ?? Substring(key))
        return onAll(fallback) ? fallback : nil
    }

    // MARK: - Normalization

    /// "Normalize policy": the clauses replaced by their normal form, offered when that form is
    /// the same on every table the policy governs and differs from what is written.
    private static func normalization(of policy: PolicyDeclSyntax, in file: ParsedFile, snapshot: WorkspaceSnapshot) -> CodeActionInfo? {
        guard !policy.hasErrors, let first = policy.using.first,
            let checked = snapshot.checkedPolicy(policy, in: file.source.path), !checked.hasErrors,
            let table = checked.tables.first, let using = checked.using[table]
        else { return nil }
        let check = checked.hasCheck ? checked.check[table] : nil
        for other in checked.tables.dropFirst() {
            guard checked.using[other]?.clauses == using.clauses else { return nil }
            if checked.hasCheck, checked.check[other]?.clauses != check?.clauses { return nil }
        }
        let allClauses = using.clauses + (check?.clauses ?? [])
        guard !using.clauses.isEmpty, check.map({ !$0.clauses.isEmpty }) ?? true, !allClauses.contains(where: \.isTrue),
            !allClauses.contains(where: { $0.atoms.contains { $0.containsRaw } })
        else { return nil }
        var lines = using.clauses.enumerated().map { index, clause in (index == 0 ? "CLAUSE " : "  OR CLAUSE ") + clause.description }
        if let check {
            lines += check.clauses.enumerated().map { index, clause in
                (index == 0 ? "  WITH CHECK CLAUSE " : "  OR CLAUSE ") + clause.description
            }
        }
        let replacement = lines.joined(separator: "\n")
        let last = policy.check?.last ?? policy.using.last ?? first
        let region = SourceRange(start: first.range.start, end: last.range.end)
        guard squeeze(file.source.text(in: region)) != squeeze(replacement) else { return nil }
        let name = checked.ref.name
        return CodeActionInfo(
            title: "Normalize policy \(name)", category: .rewrite,
            edits: [file.source.path: [TextEdit(range: region, newText: replacement)]])
    }

    /// Text without whitespace and quotes, in lower case: equal for clauses that differ only in
    /// layout and quoting.
    private static func squeeze(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "'" && $0 != "\"" }.map(Character.init))
    }
}
