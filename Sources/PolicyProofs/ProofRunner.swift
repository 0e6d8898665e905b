import Cancellation
import Foundation
import PolicySchema
import PolicySemantics
import PolicySyntax
import SMT

/// Runs proof queries on one Z3 context (one worker thread).
final class ProofRunner {
    /// The policy set's effective predicates.
    let index: PredicateIndex
    /// The policy set.
    var set: PolicySet { index.set }
    /// The worker's own context.
    let z3: Z3Context
    /// Per solver check, in milliseconds.
    let timeout: Int
    /// Outcomes shared by the workers and across runs.
    let cache: ProofCache
    /// Stops the running solver check when the run is cancelled.
    let cancellation: CancellationToken?
    private(set) var queries = 0
    /// Solver queries asked only to decide blame (a failed question asked again without some clauses).
    private(set) var blameQueries = 0
    private(set) var solverMilliseconds = 0.0

    /// A runner on a context from `cache`'s pool (one of an earlier run), or a new one.
    init(index: PredicateIndex, timeoutMilliseconds: Int, cache: ProofCache, cancellation: CancellationToken? = nil) throws {
        self.index = index
        let lent = cache.borrowSolver()
        self.z3 = try lent?.context ?? Z3Context()
        self.solver = lent?.solver
        self.timeout = timeoutMilliseconds
        self.cache = cache
        self.cancellation = cancellation
    }

    /// Gives the context back to the cache's pool for the next run, unless the run was
    /// `cancelled` or the context was interrupted (`Z3Context.interrupt()`): Z3 keeps an
    /// interrupt pending on an idle context, which would make the next run's check "canceled".
    func release(cancelled: Bool) {
        guard !cancelled, z3.interruptionCount == 0 else { return }
        cache.returnSolver(context: z3, solver: solver)
    }

    /// Answers one query: fixed answers and cache hits without the solver, else one or two
    /// solver runs (the second with raw SQL read adversarially).
    func run(_ query: ProofQuery) -> (Verdict, cached: Bool) {
        let started = DispatchTime.now().uptimeNanoseconds
        var verdict = Verdict(
            proof: query.proof, table: query.table, command: query.command, role: query.role, key: query.key,
            side: query.side, status: .proven, reason: nil, counterexample: nil, blame: [], milliseconds: 0,
            solverMilliseconds: 0, byShortcut: false, cached: false)
        func finish(_ value: Verdict, question: Int = 0) -> Verdict {
            var result = value
            result.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            result.direction = ProofRunner.direction(of: query, status: value.status, question: question)
            return result
        }
        if let fixed = query.fixed {
            verdict.status = fixed.status
            verdict.reason = fixed.reason
            verdict.byShortcut = fixed.byShortcut
            if fixed.status == .failed { verdict.blame = query.failureBlame }
            return (finish(verdict), false)
        }
        if let outcome = cache.outcome(query.cacheKey) {
            verdict.status = outcome.status
            // A failure is explained in this query's words (the cached one may be another command's),
            // those of the question that failed.
            let reasons = [query.failureReason] + query.alternatives.map(\.failureReason)
            verdict.reason = outcome.status == .failed && outcome.question < reasons.count ? reasons[outcome.question] : outcome.reason
            verdict.counterexample = outcome.counterexample.map { retarget($0, to: query.table) }
            verdict.blame = remap(outcome.blame, query: query)
            verdict.cached = true
            return (finish(verdict, question: outcome.question), true)
        }
        let solved = solve(query)
        verdict.status = solved.status
        verdict.reason = solved.reason
        verdict.counterexample = solved.counterexample
        verdict.blame = solved.blame
        verdict.solverMilliseconds = solved.solverMilliseconds
        // An answer cut short by a cancellation says nothing about the question: remembered, it
        // would come back as UNKNOWN "cancelled" in every later run that asks it.
        if cancellation?.isCancelled != true {
            cache.store(
                query.cacheKey,
                ProofCache.Outcome(
                    status: solved.status, reason: solved.reason, counterexample: solved.counterexample,
                    blame: solved.blameTexts, solverMilliseconds: solved.solverMilliseconds, question: solved.question))
        }
        return (finish(verdict, question: solved.question), false)
    }

    /// The direction a verdict of `query` reports: a failure's is that of the question that
    /// failed; a query of one question reports its own whatever the answer.
    private static func direction(of query: ProofQuery, status: VerdictStatus, question: Int) -> ComparisonDirection? {
        if query.directions.count == 1 { return query.directions[0] }
        guard status == .failed, question < query.directions.count else { return nil }
        return query.directions[question]
    }

    private struct Solved {
        var status: VerdictStatus
        var reason: String?
        var counterexample: Counterexample?
        var blame: [Blame]
        var blameTexts: [(session: Int?, policy: String, clause: String)]
        var solverMilliseconds: Double
        /// Which question decided (see `ProofCache.Outcome.question`).
        var question = 0
    }

    /// One solver check of a question: its answer, the encoder that built it, and how it was
    /// built (blame asks the same question again with some clauses left out).
    private struct Checked {
        var result: CheckResult?
        var encoder: QueryEncoder?
        var error: String?
        var milliseconds: Double
        var build: ProofQuery.Build
        var mode: QueryEncoder.RawMode
        var printable: Bool
    }

    private func check(
        _ build: @escaping ProofQuery.Build, mode: QueryEncoder.RawMode, printable: Bool = false,
        removing removed: Set<FileLocation> = []
    ) -> Checked {
        let encoder = QueryEncoder(z3: z3, index: index, rawMode: mode)
        encoder.removedClauses = removed
        var checked = Checked(result: nil, encoder: encoder, error: nil, milliseconds: 0, build: build, mode: mode, printable: printable)
        do {
            var assertions = try build(encoder)
            assertions += encoder.assertions
            assertions += try encoder.keyConstraints()
            if printable { assertions += try encoder.printableTextConstraints() }
            // One solver per worker, a scope per query: making a solver costs more than most checks.
            let solver = try reusableSolver()
            try solver.push()
            defer { try? solver.pop() }
            try solver.add(assertions)
            if removed.isEmpty { queries += 1 } else { blameQueries += 1 }
            let start = DispatchTime.now().uptimeNanoseconds
            checked.result = try solver.check(timeoutMilliseconds: UInt32(max(1, timeout)), cancellation: cancellation)
            checked.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            solverMilliseconds += checked.milliseconds
        } catch {
            checked.error = "\(error)"
        }
        return checked
    }

    private var solver: Solver?

    /// The worker's solver (SMT kernel), made on first use.
    private func reusableSolver() throws -> Solver {
        if let solver { return solver }
        let made = try Solver(context: z3, strategy: .kernel)
        solver = made
        return made
    }

    private func unknownReason(_ result: CheckResult?, error: String?) -> String {
        if let error { return "solver error: \(error)" }
        if case .unknown(let reason)? = result {
            if reason.contains("timeout") { return "timeout after \(timeout) ms" }
            if reason.contains("interrupted") || reason.contains("canceled") { return "cancelled" }
            return "solver gave up (\(reason))"
        }
        return "undecided"
    }

    /// Why an answer rests on what the solver cannot know: raw SQL (its places, relative to the
    /// project), or an equality that is not identity (its column and collation).
    private func opaqueReason(_ encoder: QueryEncoder?) -> String {
        var reasons: [String] = []
        if let raw = encoder?.rawLocations, !raw.isEmpty {
            let places = raw.map { "\(set.config.displayPath($0.file)):\(sourceLine($0))" }
            reasons.append("depends on raw SQL at " + places.joined(separator: ", "))
        }
        if let caveats = encoder?.equalityCaveats, !caveats.isEmpty {
            reasons.append(
                "depends on equality on " + caveats.joined(separator: ", ")
                    + ", which is not identity: different values may be equal there, so different keys may match the same row")
        }
        return reasons.isEmpty ? "depends on raw SQL at an unknown place" : reasons.joined(separator: "; ")
    }

    private func sourceLine(_ location: FileLocation) -> Int {
        lineLookup?(location) ?? 0
    }

    /// Maps a location to its 1-based line (set by the analyzer, which knows the files).
    var lineLookup: ((FileLocation) -> Int)?

    /// Solves the query's question and its alternatives, in order: the property holds when
    /// each of them gives the answer that means it holds; the first that does not decides.
    private func solve(_ query: ProofQuery) -> Solved {
        guard let build = query.build else {
            return Solved(
                status: .unknown, reason: "solver error: no query", counterexample: nil, blame: [], blameTexts: [],
                solverMilliseconds: 0)
        }
        let questions = [(build: build, failureReason: query.failureReason)] + query.alternatives
        var total = 0.0
        for (position, question) in questions.enumerated() {
            var solved = solve(query, build: question.build, failureReason: question.failureReason)
            total += solved.solverMilliseconds
            solved.solverMilliseconds = total
            solved.question = position
            let holds = solved.status == .proven
            if !holds || position == questions.count - 1 { return solved }
        }
        return Solved(status: .proven, reason: nil, counterexample: nil, blame: [], blameTexts: [], solverMilliseconds: total)
    }

    private func solve(_ query: ProofQuery, build: @escaping ProofQuery.Build, failureReason: String) -> Solved {
        let first = check(build, mode: .free)
        var total = first.milliseconds
        func make(
            _ status: VerdictStatus, _ reason: String?, model: Model? = nil, checked: Checked? = nil,
            blame: [Blame] = []
        ) -> Solved {
            var solved = Solved(
                status: status, reason: reason, counterexample: nil, blame: blame, blameTexts: [],
                solverMilliseconds: total)
            if let model, let checked, let encoder = checked.encoder {
                solved.counterexample = try? counterexample(model: model, encoder: encoder)
                let found = blameFromModel(model: model, encoder: encoder, checked: checked)
                solved.blame = found.blame
                solved.blameTexts = found.texts
                solved.solverMilliseconds += found.milliseconds
            } else {
                solved.blameTexts = blame.map { ($0.session, $0.policy, "") }
            }
            return solved
        }
        guard let result = first.result else {
            return make(.unknown, unknownReason(nil, error: first.error))
        }
        // Raw SQL or an equality that is not identity: solved again read adversarially.
        let hasRaw = !(first.encoder?.rawLocations.isEmpty ?? true) || !(first.encoder?.equalityCaveats.isEmpty ?? true)
        switch (result, query.failsWhenSatisfiable) {
        case (.unknown, _):
            return make(.unknown, unknownReason(result, error: nil))
        case (.unsat, true):
            return make(.proven, nil)
        case (.unsat, false):
            return make(.failed, failureReason, blame: query.failureBlame)
        case (.sat(let model), true):
            guard hasRaw else {
                guard first.encoder != nil else { return make(.failed, failureReason, blame: query.failureBlame) }
                let (chosen, chosenCheck, extra) = printableModel(build, model: model, checked: first)
                total += extra
                return make(.failed, failureReason, model: chosen, checked: chosenCheck)
            }
            let second = check(build, mode: .adversarial)
            total += second.milliseconds
            switch second.result {
            case .sat(let adversarialModel)?:
                guard second.encoder != nil else { return make(.failed, failureReason, blame: query.failureBlame) }
                let (chosen, chosenCheck, extra) = printableModel(build, model: adversarialModel, checked: second)
                total += extra
                return make(.failed, failureReason, model: chosen, checked: chosenCheck)
            case .unsat?:
                return make(.unknown, opaqueReason(first.encoder))
            default:
                return make(.unknown, unknownReason(second.result, error: second.error))
            }
        case (.sat, false):
            guard hasRaw else { return make(.proven, nil) }
            let second = check(build, mode: .adversarial)
            total += second.milliseconds
            switch second.result {
            case .sat?: return make(.proven, nil)
            case .unsat?: return make(.unknown, opaqueReason(first.encoder))
            default: return make(.unknown, unknownReason(second.result, error: second.error))
            }
        }
    }

    /// A model without characters PostgreSQL text cannot hold (re-solving once when needed),
    /// and the extra solver time spent.
    private func printableModel(_ build: @escaping ProofQuery.Build, model: Model, checked: Checked) -> (Model, Checked, Double) {
        guard let encoder = checked.encoder, needsPrintableRetry(model: model, encoder: encoder) else { return (model, checked, 0) }
        let retry = check(build, mode: encoder.rawMode, printable: true)
        if case .sat(let printable)? = retry.result, retry.encoder != nil {
            return (printable, retry, retry.milliseconds)
        }
        return (model, checked, retry.milliseconds)
    }

    private func needsPrintableRetry(model: Model, encoder: QueryEncoder) -> Bool {
        for row in encoder.rows {
            for value in row.columns.values where QueryEncoder.encoding(value.family) == .string {
                if let codes = try? model.characterCodes(model.evaluate(value.value)),
                    codes.contains(where: { $0 == 0 || ($0 >= 0xD800 && $0 <= 0xDFFF) })
                {
                    return true
                }
            }
        }
        for session in encoder.sessions {
            for value in session.keys.values where QueryEncoder.encoding(value.family) == .string {
                if let codes = try? model.characterCodes(model.evaluate(value.value)),
                    codes.contains(where: { $0 == 0 || ($0 >= 0xD800 && $0 <= 0xDFFF) })
                {
                    return true
                }
            }
        }
        return false
    }

    // MARK: - Counterexamples and blame

    private func counterexample(model: Model, encoder: QueryEncoder) throws -> Counterexample? {
        var renderer = ValueRenderer(model: model, encoder: encoder)
        func render(_ row: RowInstance) throws -> Counterexample.Row {
            var values: [String: SQLValue] = [:]
            for column in row.table.columns {
                guard let value = row.columns[column.name] else { continue }
                values[column.name] = try renderer.render(value, model: model)
            }
            return Counterexample.Row(table: row.table.name, values: values, session: row.session.map { $0 + 1 }, role: row.label)
        }
        guard let main = encoder.rows.first else { return nil }
        var sessions: [[String: String?]] = []
        for session in encoder.sessions {
            var settings: [String: String?] = [:]
            for (key, value) in session.keys {
                settings[key] = ValueRenderer.setting(try renderer.render(value, model: model))
            }
            sessions.append(settings)
        }
        return Counterexample(
            row: try render(main), sessions: sessions,
            witnesses: try encoder.rows.dropFirst().map(render))
    }

    /// Which clauses to blame for a counterexample: those whose removal alone leaves no
    /// counterexample at all (the question asked again without the clause). When no single
    /// clause is enough (two independent leaks), the set found by `correctionSet`. Each clause is
    /// named for the sessions it admitted. Without an answer (a timeout) the first clause
    /// admitting each session is blamed.
    private func blameFromModel(model: Model, encoder: QueryEncoder, checked: Checked)
        -> (blame: [Blame], texts: [(session: Int?, policy: String, clause: String)], milliseconds: Double)
    {
        var milliseconds = 0.0
        /// The question without `removed` clauses: `nil` without an answer.
        func without(_ removed: [FileLocation]) -> (result: CheckResult, encoder: QueryEncoder)? {
            let trial = check(checked.build, mode: checked.mode, printable: checked.printable, removing: Set(removed))
            milliseconds += trial.milliseconds
            guard let result = trial.result, let trialEncoder = trial.encoder else { return nil }
            return (result, trialEncoder)
        }
        let admitted = ProofRunner.admitted(model: model, encoder: encoder)
        var chosen = admitted.clauses.filter { without([$0])?.result.isUnsat == true }
        var sessions = admitted.sessions
        var clauses = admitted.texts
        if chosen.isEmpty && !admitted.clauses.isEmpty {
            chosen = correctionSet(start: admitted.clauses, sessions: &sessions, clauses: &clauses, without: without) ?? []
        }
        var blame: [Blame] = []
        var texts: [(session: Int?, policy: String, clause: String)] = []
        if chosen.isEmpty {
            // No answer: the first clause admitting each session.
            var done = Set<Int>()
            for entry in encoder.clauseTerms where !done.contains(entry.session) {
                guard let origin = entry.clause.origin, (try? model.bool(entry.term)) == true else { continue }
                done.insert(entry.session)
                blame.append(Blame(policy: origin.policy, location: origin.location, session: entry.session + 1))
                texts.append((entry.session + 1, origin.policy, entry.clause.description))
            }
            return (blame, texts, milliseconds)
        }
        for location in chosen {
            guard let (policy, clause) = clauses[location] else { continue }
            for session in sessions[location] ?? [] {
                blame.append(Blame(policy: policy, location: location, session: session + 1))
                texts.append((session + 1, policy, clause))
            }
        }
        return (blame, texts, milliseconds)
    }

    /// The clauses (by location, in encoding order) that admit some session in `model`, the
    /// sessions (0-based) each admits, and each clause's policy and text.
    private static func admitted(model: Model, encoder: QueryEncoder)
        -> (clauses: [FileLocation], sessions: [FileLocation: [Int]], texts: [FileLocation: (policy: String, clause: String)])
    {
        var clauses: [FileLocation] = []
        var sessions: [FileLocation: [Int]] = [:]
        var texts: [FileLocation: (policy: String, clause: String)] = [:]
        for entry in encoder.clauseTerms {
            guard let origin = entry.clause.origin, sessions[origin.location]?.contains(entry.session) != true,
                (try? model.bool(entry.term)) == true
            else { continue }
            if sessions[origin.location] == nil {
                clauses.append(origin.location)
                texts[origin.location] = (origin.policy, entry.clause.description)
            }
            sessions[origin.location, default: []].append(entry.session)
        }
        return (clauses, sessions, texts)
    }

    /// A set of clauses whose removal leaves no counterexample, none of which the others can do
    /// without: from `start` (the clauses true in the first model) the clauses admitting a
    /// session in each model that remains are added, then each clause the rest suffice without
    /// is dropped. `nil` when the solver gives no answer or a counterexample needs no clause.
    private func correctionSet(
        start: [FileLocation], sessions: inout [FileLocation: [Int]],
        clauses: inout [FileLocation: (policy: String, clause: String)],
        without: ([FileLocation]) -> (result: CheckResult, encoder: QueryEncoder)?
    ) -> [FileLocation]? {
        var removed = start
        while true {
            guard let (result, encoder) = without(removed) else { return nil }
            switch result {
            case .unsat:
                for location in removed where removed.count > 1 {
                    let rest = removed.filter { $0 != location }
                    if without(rest)?.result.isUnsat == true { removed = rest }
                }
                return removed
            case .sat(let next):
                let found = ProofRunner.admitted(model: next, encoder: encoder)
                guard !found.clauses.isEmpty else { return nil }
                removed += found.clauses
                sessions.merge(found.sessions) { old, _ in old }
                clauses.merge(found.texts) { old, _ in old }
            case .unknown:
                return nil
            }
        }
    }

    /// Blame remembered by clause text, located in this query's policies (the cached answer may
    /// come from another table, whose policies have other names and places).
    private func remap(_ texts: [(session: Int?, policy: String, clause: String)], query: ProofQuery) -> [Blame] {
        if texts.allSatisfy({ $0.clause.isEmpty }) && query.failureBlame.count > 0 { return query.failureBlame }
        var result: [Blame] = []
        for text in texts {
            let candidates = query.blameCandidates.sorted {
                ($0.policy.name == text.policy ? 0 : 1) < ($1.policy.name == text.policy ? 0 : 1)
            }
            found: for candidate in candidates {
                for clause in candidate.clauses where clause.description == text.clause {
                    guard let origin = clause.origin else { continue }
                    result.append(Blame(policy: candidate.policy.name, location: origin.location, session: text.session))
                    break found
                }
            }
        }
        return result
    }

    /// A cached counterexample moved to another table with the same predicate: the row and the
    /// old rows (rows of the same table) change table.
    private func retarget(_ example: Counterexample, to table: QualifiedName) -> Counterexample {
        guard example.row.table != table, let model = set.schema.table(table) else { return example }
        let original = example.row.table
        func move(_ row: Counterexample.Row) -> Counterexample.Row {
            guard row.table == original else { return row }
            var moved = row
            moved.table = table
            moved.values = row.values.filter { model.column($0.key) != nil }
            return moved
        }
        var result = example
        result.row = move(example.row)
        result.witnesses = example.witnesses.map(move)
        return result
    }
}
