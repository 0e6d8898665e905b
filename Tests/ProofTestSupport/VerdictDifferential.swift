import Foundation
import PolicyProofs
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicyWorkloads
import PostgresClient
import TestSupport

/// The verdict-level differential test: generated projects are checked, analysed (tenant
/// isolation and fail-closed, as `pgpe analyze` proves them), compiled and applied to the test
/// PostgreSQL, which is then searched for rows that contradict each verdict (see
/// `VerdictSearch`). A PROVEN verdict PostgreSQL refutes is a contradiction (a soundness bug);
/// a FAILED verdict whose repro script does not show the leak is an imprecision.
public final class VerdictDifferential {
    /// Changes the verdicts before they are judged (to check that wrong verdicts are caught).
    public typealias Transform = @Sendable ([Verdict]) -> [Verdict]

    private let connection: PostgresConnection
    private let transform: Transform?
    private let reproLimit: Int

    /// A differential on a superuser connection to an empty database; `transform` (for tests of
    /// the test) changes the analysis's verdicts before they are judged; at most `reproLimit`
    /// repro scripts run per project (those of FAILED verdicts the search did not confirm first).
    public init(connection: PostgresConnection, transform: Transform? = nil, reproLimit: Int = .max) {
        self.connection = connection
        self.transform = transform
        self.reproLimit = reproLimit
    }

    /// Checks, analyses, applies and searches one project (`seed` drives the rows and sessions).
    public func run(_ project: VerdictProject, seed: UInt64) throws -> VerdictRun {
        let (policySet, diagnostics) = project.check()
        var run = VerdictRun(
            project: project, errors: diagnostics.filter { $0.severity == .error }.map { "\($0.id): \($0.message)" },
            verdicts: [], contradictions: [], imprecisions: [], unexpected: [], statistics: [:], compiledSQL: "", rowsSQL: "")
        guard run.isValid else { return run }
        var options = AnalysisOptions(config: policySet.config, jobs: 1)
        options.proofs = [.tenantIsolation, .failClosed]
        let started = Date()
        var verdicts = Analyzer(policySet: policySet, options: options).run().verdicts
        if let transform { verdicts = transform(verdicts) }
        run.statistics["analysis milliseconds"] = Int(Date().timeIntervalSince(started) * 1_000)
        let judged = verdicts.filter { $0.key != nil && $0.command != nil && $0.status != .unknown }
        run.verdicts = judged
        for verdict in verdicts {
            run.statistics["verdict: \(verdict.proof.rawValue) \(verdict.status.rawValue)", default: 0] += 1
        }
        run.compiledSQL = PolicyCompiler.compile(policySet).sql
        let search = VerdictSearch(connection: connection, project: project, policySet: policySet, verdicts: verdicts, seed: seed)
        let searchStarted = Date()
        defer { search.finish() }
        if let refused = try search.setUp(compiledSQL: run.compiledSQL) {
            run.unexpected.append(refused)
            return run
        }
        func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = Date()
            defer { run.statistics["\(name) milliseconds", default: 0] += Int(Date().timeIntervalSince(start) * 1_000) }
            return try body()
        }
        try search.mark()
        try timed("seed") { try search.seedRows() }
        search.makeSessions(roles: Array(Set(judged.flatMap(search.databaseRoles))).sorted())
        try timed("probe") { try search.probe() }
        try search.rewind()
        run.rowsSQL = search.rowsSQL
        run.unexpected += search.unexpected
        let leaks = Dictionary(judged.map { ($0, search.leaks($0)) }, uniquingKeysWith: { first, _ in first })
        // FAILED verdicts the search did not confirm first: their scripts say most.
        let failed = judged.filter { $0.status == .failed }
        let chosen = (failed.filter { leaks[$0]?.isEmpty ?? true } + failed.filter { !(leaks[$0]?.isEmpty ?? true) }).prefix(reproLimit)
        let printed = try timed("repro") { try search.runRepros(Array(chosen)) }
        run.statistics.merge(search.statistics, uniquingKeysWith: +)
        for verdict in judged {
            let leaks = leaks[verdict] ?? []
            let what = "\(verdict.proof.rawValue) \(verdict.status.rawValue)"
            run.statistics["searched: \(what)", default: 0] += 1
            if verdict.status == .proven {
                guard let (role, evidence) = leaks.first, let key = verdict.key, let command = verdict.command else { continue }
                run.contradictions.append(
                    VerdictContradiction(
                        verdict: verdict.summary, proof: verdict.proof, table: verdict.table, command: command, side: verdict.side,
                        role: verdict.role, key: key, databaseRole: role,
                        roleNamedElsewhere: verdict.role == PolicySet.publicRole
                            && Self.rolesOfTraversalTargets(verdict.table, policySet).contains(role),
                        evidence: evidence))
                continue
            }
            if !leaks.isEmpty { run.statistics["found by the search: \(what)", default: 0] += 1 }
            guard let notices = printed[verdict] else { continue }
            let missing = ReproExpectation.missing(for: verdict, in: notices)
            if missing.isEmpty {
                run.statistics["reproduced by the repro script: \(what)", default: 0] += 1
            } else {
                run.imprecisions.append(
                    VerdictImprecision(verdict: verdict.summary, printed: notices, missing: missing, foundBySearch: !leaks.isEmpty))
            }
        }
        run.statistics["search milliseconds"] = Int(Date().timeIntervalSince(searchStarted) * 1_000)
        return run
    }

    /// The roles named by the policies of the tables `table`'s policies reach through traversals
    /// (transitively, through the targets' own policies).
    static func rolesOfTraversalTargets(_ table: QualifiedName, _ policySet: PolicySet) -> Set<String> {
        func targets(_ clause: Clause) -> [QualifiedName] {
            clause.atoms.flatMap { atom -> [QualifiedName] in
                guard case .exists(let traversal) = atom else { return [] }
                return [traversal.target] + targets(traversal.clause)
            }
        }
        var reached = Set<QualifiedName>()
        var pending = [table]
        while let current = pending.popLast() {
            for policy in policySet.policies(governing: current) {
                for normalized in [policy.using[current], policy.check[current]].compactMap({ $0 }) {
                    for target in normalized.clauses.flatMap(targets) where reached.insert(target).inserted { pending.append(target) }
                }
            }
        }
        return Set(reached.flatMap { policySet.policies(governing: $0).flatMap(\.roles) })
    }

    /// The smallest project found, from `run`'s, that still has a contradiction like `contradiction`
    /// (same proof, table and key), and its run.
    public func shrink(_ run: VerdictRun, contradiction: VerdictContradiction, seed: UInt64, budget: Int) -> (run: VerdictRun, tries: Int) {
        var last = run
        let (project, tries) = VerdictShrinker(budget: budget).shrink(run.project) { candidate in
            guard let result = try? self.run(candidate, seed: seed), result.isValid,
                result.contradictions.contains(where: { $0.signature == contradiction.signature })
            else { return false }
            last = result
            return true
        }
        precondition(last.project == project)
        return (last, tries)
    }

    /// Runs `count` valid projects generated from `seed` on a fresh test database; shrinks the
    /// first `reproductions` contradictions of different kinds.
    public static func campaign(
        seed: UInt64, count: Int, reproLimit: Int = .max, reproductions: Int = 3, shrinkBudget: Int = 150,
        transform: Transform? = nil, progress: ((Int, VerdictCampaign) -> Void)? = nil
    ) throws -> VerdictCampaign {
        try DifferentialRunner.prepareRoles(on: PostgresTestServer.fromEnvironment())
        let database = try TestDatabase.create()
        defer { try? database.drop() }
        var connection = database.connection
        var differential = VerdictDifferential(connection: connection, transform: transform, reproLimit: reproLimit)
        var generator = VerdictProjectGenerator(seed: seed)
        var campaign = VerdictCampaign(seed: seed)
        var shrunk = Set<String>()
        let started = Date()
        var tried = 0
        while campaign.projects < count && tried < count * 2 {
            tried += 1
            let project = generator.next()
            let projectSeed = seed &+ UInt64(tried) &* 0x9E37_79B9
            if tried % 100 == 0 {
                // A fresh server process now and then: each keeps caches of what it has seen.
                if connection !== database.connection { connection.close() }
                connection = try database.connect()
                differential = VerdictDifferential(connection: connection, transform: transform, reproLimit: reproLimit)
            }
            let run: VerdictRun
            do {
                run = try differential.run(project, seed: projectSeed)
            } catch {
                campaign.projects += 1
                campaign.unexpected.append("\(project.label): the search failed: \(error)")
                continue
            }
            guard run.isValid else {
                for error in Set(run.errors.map { String($0.prefix { $0 != ":" }) }) { campaign.invalid[error, default: 0] += 1 }
                continue
            }
            campaign.add(run)
            for contradiction in run.contradictions
            where campaign.reproductions.count < reproductions
                && shrunk.insert("\(contradiction.proof) \(contradiction.roleNamedElsewhere)").inserted
            {
                let (small, tries) = differential.shrink(run, contradiction: contradiction, seed: projectSeed, budget: shrinkBudget)
                campaign.reproductions.append("minimal reproduction (\(tries) candidates tried) of \(run.project.label):\n\(small)")
            }
            progress?(campaign.projects, campaign)
        }
        campaign.milliseconds = Date().timeIntervalSince(started) * 1_000
        if connection !== database.connection { connection.close() }
        return campaign
    }
}
