import Cancellation
import Foundation
import PolicySchema
import PolicySemantics
import PolicySyntax
import SMT
import Synchronization

/// Runs the proofs of SPEC section 6 on a checked policy set: per governed table, command, role
/// and side, on the normalized effective predicates, through Z3, in parallel workers that each
/// own a Z3 context. Results are cached by what they depend on, so a second run after an edit
/// re-proves only what changed.
public final class Analyzer {
    /// The policy set.
    public let policySet: PolicySet
    /// The options.
    public let options: AnalysisOptions
    /// The cache (shared across runs by the language server).
    public let cache: ProofCache
    /// Maps a location to its 1-based line, for UNKNOWN reasons ("raw SQL at file:line").
    public var lineLookup: @Sendable (FileLocation) -> Int = { _ in 0 }
    /// The policy set `policy-equivalence` compares this one with, and how reasons name it
    /// (without one that proof plans nothing).
    public let comparison: (set: PolicySet, label: String)?

    /// Creates an analyzer; `comparison` is the other policy set of `policy-equivalence`.
    public init(
        policySet: PolicySet, options: AnalysisOptions, cache: ProofCache = ProofCache(),
        comparison: (set: PolicySet, label: String)? = nil
    ) {
        self.policySet = policySet
        self.options = options
        self.cache = cache
        self.comparison = comparison
    }

    /// Runs every enabled proof and returns the verdicts; `cancellation` stops it early.
    /// `progress` gets (queries done, queries); `tableFinished` gets each table's verdicts
    /// (sorted) as soon as all of them are known, from a worker thread, never after a
    /// cancellation. Tables whose questions look cheapest go first, so one slow table holds
    /// back as few others as possible.
    public func run(
        cancellation: CancellationToken = CancellationToken(), progress: (@Sendable (Int, Int) -> Void)? = nil,
        tableFinished: (@Sendable (QualifiedName, [Verdict]) -> Void)? = nil
    ) -> AnalysisReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let index = PredicateIndex(set: policySet)
        let planner = ProofPlanner(
            index: index, options: options,
            comparison: comparison.map { (PredicateIndex(set: $0.set), $0.label) })
        // Tables whose signature is unchanged since a run that shared this cache keep their verdicts.
        var reused: [Verdict] = []
        var signatures: [QualifiedName: TableSignature] = [:]
        if comparison == nil {
            for table in planner.tables {
                let signature = TableSignature(table: table, keys: planner.isolationKeys(for: table), index: index, options: options)
                if let verdicts = cache.verdicts(of: table, signature: signature) {
                    reused += verdicts.map { verdict in
                        var copy = verdict
                        copy.cached = true
                        return copy
                    }
                } else {
                    signatures[table] = signature
                }
            }
        }
        let queries = Analyzer.cheapFirst(
            planner.plan(
                skipping: comparison == nil ? Set(planner.tables).subtracting(signatures.keys) : [],
                jobs: options.jobs), cache: cache)
        let state = RunState(tables: queries.map(\.table))
        if let tableFinished, !cancellation.isCancelled {
            // Tables answered already: at once.
            var byTable: [QualifiedName: [Verdict]] = [:]
            for table in planner.tables where !state.isPending(table) { byTable[table] = [] }
            for verdict in reused { byTable[verdict.table, default: []].append(verdict) }
            for table in planner.tables {
                if let verdicts = byTable[table] { tableFinished(table, Analyzer.sorted(verdicts, tables: policySet.governedTables)) }
            }
        }
        let workers = max(1, min(options.jobs, queries.count))
        let group = DispatchGroup()
        // What the workers need, without `self`.
        let (timeout, sharedCache, lookup, governed) = (options.timeoutMilliseconds, cache, lineLookup, policySet.governedTables)
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard
                    let runner = try? ProofRunner(
                        index: index, timeoutMilliseconds: timeout, cache: sharedCache,
                        cancellation: cancellation)
                else { return }
                runner.lineLookup = lookup
                defer { runner.release(cancelled: cancellation.isCancelled) }
                while !cancellation.isCancelled, let index = state.claim() {
                    let (verdict, cached) = runner.run(queries[index])
                    let (done, finished) = state.record(index, verdict, cached: cached)
                    progress?(done, queries.count)
                    // A query interrupted by the cancellation gave no real answer.
                    if let finished, let tableFinished, !cancellation.isCancelled {
                        tableFinished(verdict.table, Analyzer.sorted(finished, tables: governed))
                    }
                }
                state.add(queries: runner.queries, blameQueries: runner.blameQueries, solverMilliseconds: runner.solverMilliseconds)
            }
        }
        group.wait()
        let (results, queryCount, blameQueryCount, cacheHits, solverTime) = state.snapshot()
        let fresh = results.compactMap { $0 }
        if !cancellation.isCancelled {
            var byTable: [QualifiedName: [Verdict]] = [:]
            for verdict in fresh { byTable[verdict.table, default: []].append(verdict) }
            for (table, signature) in signatures { cache.store(byTable[table] ?? [], of: table, signature: signature) }
        }
        let verdicts = Analyzer.sorted(fresh + reused, tables: policySet.governedTables)
        return AnalysisReport(
            verdicts: verdicts, queries: queryCount, blameQueries: blameQueryCount, cacheHits: cacheHits + reused.count,
            shortcuts: verdicts.filter(\.byShortcut).count,
            milliseconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000,
            solverMilliseconds: solverTime, cancelled: cancellation.isCancelled)
    }

    /// The queries grouped by table, the tables ordered by how much their questions the cache
    /// cannot answer weigh (their keys' lengths: the predicates' size), lightest first, keeping
    /// the planned order among equals.
    static func cheapFirst(_ queries: [ProofQuery], cache: ProofCache) -> [ProofQuery] {
        var order: [QualifiedName] = []
        var groups: [QualifiedName: [ProofQuery]] = [:]
        var weight: [QualifiedName: Int] = [:]
        for query in queries {
            if groups[query.table] == nil { order.append(query.table) }
            groups[query.table, default: []].append(query)
            if query.fixed == nil, query.build != nil, cache.outcome(query.cacheKey) == nil {
                weight[query.table, default: 0] += query.cacheKey.utf8.count
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let (x, y) = (weight[a.element] ?? 0, weight[b.element] ?? 0)
            return x != y ? x < y : a.offset < b.offset
        }
        return ranked.flatMap { groups[$0.element] ?? [] }
    }

    /// Verdicts in `order`, comparing precomputed ranks first (`tables` is sorted).
    static func sorted(_ verdicts: [Verdict], tables: [QualifiedName]) -> [Verdict] {
        var rank: [QualifiedName: Int] = [:]
        for (position, table) in tables.enumerated() { rank[table] = position }
        let proofs = Dictionary(uniqueKeysWithValues: ProofID.allCases.enumerated().map { ($1, $0) })
        let keyed = verdicts.map { verdict in
            (
                table: rank[verdict.table] ?? tables.count, command: verdict.command?.order ?? -1, proof: proofs[verdict.proof] ?? 0,
                verdict: verdict
            )
        }
        return keyed.sorted { a, b in
            if a.table != b.table { return a.table < b.table }
            if a.table == tables.count && a.verdict.table != b.verdict.table { return a.verdict.table < b.verdict.table }
            if a.command != b.command { return a.command < b.command }
            if a.proof != b.proof { return a.proof < b.proof }
            return order(a.verdict, b.verdict)
        }.map(\.verdict)
    }

    /// Sort order of verdicts: table, command, proof, role, side, key.
    static func order(_ a: Verdict, _ b: Verdict) -> Bool {
        if a.table != b.table { return a.table < b.table }
        let ac = a.command?.order ?? -1
        let bc = b.command?.order ?? -1
        if ac != bc { return ac < bc }
        if a.proof != b.proof { return a.proof < b.proof }
        if a.role != b.role { return a.role < b.role }
        if a.side != b.side { return a.side == .using }
        return (a.key ?? "") < (b.key ?? "")
    }
}

/// The shared state of one run's workers.
private final class RunState: Sendable {
    /// What the workers record.
    private struct Progress {
        var results: [Verdict?]
        var next = 0
        var finished = 0
        var queries = 0
        var blameQueries = 0
        var cacheHits = 0
        var solverMilliseconds = 0.0
        /// Per table, how many of its queries are still unanswered.
        var remaining: [QualifiedName: Int] = [:]
    }

    /// The table of each query, and per table the positions of its queries.
    private let tables: [QualifiedName]
    private let positions: [QualifiedName: [Int]]
    private let progress: Mutex<Progress>

    init(tables: [QualifiedName]) {
        self.tables = tables
        var positions: [QualifiedName: [Int]] = [:]
        var progress = Progress(results: [Verdict?](repeating: nil, count: tables.count))
        for (index, table) in tables.enumerated() {
            positions[table, default: []].append(index)
            progress.remaining[table, default: 0] += 1
        }
        self.positions = positions
        self.progress = Mutex(progress)
    }

    /// Whether `table` has queries to answer in this run.
    func isPending(_ table: QualifiedName) -> Bool {
        progress.withLock { $0.remaining[table] != nil }
    }

    func claim() -> Int? {
        progress.withLock { progress in
            guard progress.next < progress.results.count else { return nil }
            progress.next += 1
            return progress.next - 1
        }
    }

    /// Records an answer; returns how many are done and, when it was its table's last, the
    /// table's verdicts.
    func record(_ index: Int, _ verdict: Verdict, cached: Bool) -> (done: Int, table: [Verdict]?) {
        progress.withLock { progress in
            progress.results[index] = verdict
            progress.finished += 1
            if cached { progress.cacheHits += 1 }
            let table = tables[index]
            let left = (progress.remaining[table] ?? 1) - 1
            progress.remaining[table] = left
            guard left == 0 else { return (progress.finished, nil) }
            return (progress.finished, (positions[table] ?? []).compactMap { progress.results[$0] })
        }
    }

    func add(queries count: Int, blameQueries blameCount: Int, solverMilliseconds time: Double) {
        progress.withLock { progress in
            progress.queries += count
            progress.blameQueries += blameCount
            progress.solverMilliseconds += time
        }
    }

    func snapshot() -> ([Verdict?], Int, Int, Int, Double) {
        progress.withLock { ($0.results, $0.queries, $0.blameQueries, $0.cacheHits, $0.solverMilliseconds) }
    }
}
