import PolicyProofs
import PolicySchema
import PolicySyntax

extension Workspace {
    /// What a background run should prove now, or `nil` when every governed table's verdicts
    /// are current (or nothing can be proven while errors stand).
    ///
    /// Tables governed by a policy with errors are blocked: their old results stay until the
    /// policy is whole again. When a syntax error leaves it unclear which tables a broken
    /// policy governs, nothing is proven.
    public func proofJob() -> ProofJob? {
        let set = snapshot.policySet
        guard set.hasSchema, !set.governedTables.isEmpty || !proofs.verdicts.isEmpty || !proofs.signatures.isEmpty else { return nil }
        if hasUnattributedErrors { return nil }
        let current = ProofImpact.signatures(of: set, context: contextGeneration)
        var blocked = Set<QualifiedName>()
        for policy in set.policies where policy.hasErrors { blocked.formUnion(policy.tables) }
        if !blocked.isEmpty {
            let dependents = ProofImpact.dependents(in: set)
            var queue = Array(blocked)
            while let table = queue.popLast() {
                for dependent in dependents[table] ?? [] where blocked.insert(dependent).inserted { queue.append(dependent) }
            }
        }
        let affected = ProofImpact.affected(proven: proofs.signatures, current: current, set: set).subtracting(blocked)
        // Results of tables no longer governed go with the next run (also those whose signature
        // was dropped, see `ProofResults`).
        let forgotten = Set(proofs.signatures.keys).union(proofs.verdicts.keys).contains { current[$0] == nil && !blocked.contains($0) }
        guard !affected.isEmpty || forgotten else { return nil }
        return ProofJob(snapshot: snapshot, generation: generation, tables: affected, signatures: current, blocked: blocked)
    }

    /// A job proving every governed table of the current snapshot (the analyze command). Its
    /// result is taken like a background run's while the text stays as it is, unless errors
    /// block some tables or leave the set unclear: then it only answers the command.
    public func fullProofJob() -> ProofJob {
        let set = snapshot.policySet
        let partial = !set.hasSchema || hasUnattributedErrors || set.policies.contains(where: \.hasErrors)
        return ProofJob(
            snapshot: snapshot, generation: partial ? -1 : generation, tables: Set(set.governedTables),
            signatures: ProofImpact.signatures(of: set, context: contextGeneration), blocked: [])
    }

    /// Whether some syntax error lies outside every policy whose name and selector are known.
    public var hasUnattributedErrors: Bool { snapshot.hasUnattributedErrors }

    /// Whether a selector has no missing part (so which tables it matches is known).
    static func isComplete(_ selector: SelectorSyntax) -> Bool {
        switch selector.kind {
        case .missing: return false
        case .not(let inner), .parenthesized(let inner): return isComplete(inner)
        case .and(let terms), .or(let terms): return terms.allSatisfy(isComplete)
        default: return true
        }
    }

    /// Whether the proof results describe the current text.
    public var proofState: ProofState { snapshot.proofState }

    /// Records that nothing in the current snapshot needs proving (`proofJob()` returned `nil`).
    public mutating func markProofsCurrent() {
        proofs.markCurrent(generation)
    }

    /// Takes one table's verdicts from a run in progress if the run still describes the
    /// current text (see `ProofResults.accept(table:verdicts:of:)`). Returns whether it did.
    @discardableResult
    public mutating func accept(table: QualifiedName, verdicts: [Verdict], of job: ProofJob) -> Bool {
        guard job.generation == generation, job.tables.contains(table) else { return false }
        proofs.accept(table: table, verdicts: verdicts, of: job)
        return true
    }

    /// Takes a finished run's verdicts if they still describe the current text (a run of an
    /// older generation, or one that was cancelled, is dropped). Returns whether it was taken.
    @discardableResult
    public mutating func accept(_ result: ProofJobResult) -> Bool {
        guard !result.cancelled, result.job.generation == generation else { return false }
        var accepted = result
        if !result.job.blocked.isEmpty {
            // Blocked tables keep their results: pretend they were never part of the set change.
            var signatures = result.job.signatures
            for table in result.job.blocked { signatures[table] = proofs.signatures[table] }
            accepted = ProofJobResult(
                job: ProofJob(
                    snapshot: result.job.snapshot, generation: result.job.generation,
                    tables: result.job.tables, signatures: signatures, blocked: result.job.blocked),
                verdicts: result.verdicts, cancelled: false, milliseconds: result.milliseconds,
                queries: result.queries, cacheHits: result.cacheHits)
        }
        proofs.accept(accepted)
        return true
    }
}

extension WorkspaceSnapshot {
    /// Whether the proof results describe this text.
    public var proofState: ProofState {
        if hasUnattributedErrors { return .paused }
        return proofs.provenGeneration == generation ? .current : .pending
    }

    /// Whether some syntax error lies outside every policy whose name and selector are known
    /// (so a policy may have vanished from the set, and proofs would report its absence).
    public var hasUnattributedErrors: Bool {
        for file in files where file.hasErrors {
            let whole = file.tree.policies.filter { $0.name != nil && $0.selector.map(Workspace.isComplete) == true }
            for diagnostic in file.diagnostics where diagnostic.severity == .error {
                if !whole.contains(where: { $0.range.contains(diagnostic.range) }) { return true }
            }
        }
        return false
    }
}
