import PolicyProofs
import PolicySchema
import PolicySyntax

/// The latest verdicts of a workspace's background proofs, per table, with the diagnostics
/// shown for them. Between runs the diagnostics move along with edits (and disappear when an
/// edit crosses one of their ends), so they neither flicker nor point at the wrong text.
///
/// A table has a signature only while its diagnostics are all shown: one that lost a diagnostic
/// to an edit is proven again even when a later edit restores the text it was proven for.
public struct ProofResults: Sendable {
    /// The verdicts per governed table.
    public private(set) var verdicts: [QualifiedName: [Verdict]] = [:]
    /// The signature each table had when it was proven (see `ProofImpact`).
    public private(set) var signatures: [QualifiedName: String] = [:]
    /// The diagnostics shown for each table's verdicts.
    public private(set) var tableDiagnostics: [QualifiedName: [Diagnostic]] = [:]
    /// Diagnostics about the whole set, shown at their definitions: tables no policy governs,
    /// `accept:` entries that match no finding once every governed table has verdicts, and the
    /// side channels (SPEC 11.11), at the object in the schema file and at the policies they weaken,
    /// and the missing indexes (those `accept:` accepts as information).
    public private(set) var coverageDiagnostics: [Diagnostic] = []
    /// How many runs were accepted.
    public private(set) var runs = 0
    /// The workspace generation of the last accepted run.
    public private(set) var provenGeneration = -1

    /// No results yet.
    public init() {}

    /// Every shown diagnostic.
    public var diagnostics: [Diagnostic] {
        tableDiagnostics.keys.sorted().flatMap { tableDiagnostics[$0] ?? [] } + coverageDiagnostics
    }

    /// Moves the diagnostics in `path` along with `edit`; those whose ends it crosses are dropped,
    /// and their tables' signatures with them (so the next job proves those tables again).
    public mutating func map(_ edit: TextEdit, in path: String) {
        func move(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            diagnostics.compactMap { diagnostic in
                guard diagnostic.location.file == path else { return diagnostic }
                guard let range = diagnostic.location.range.mapped(through: edit) else { return nil }
                var moved = diagnostic
                moved.location.range = range
                moved.notes = diagnostic.notes.compactMap { note in
                    guard note.location.file == path else { return note }
                    guard let noteRange = note.location.range.mapped(through: edit) else { return nil }
                    var movedNote = note
                    movedNote.location.range = noteRange
                    return movedNote
                }
                moved.fixIts = []
                return moved
            }
        }
        for (table, diagnostics) in tableDiagnostics where diagnostics.contains(where: { $0.location.file == path }) {
            let moved = move(diagnostics)
            // Fewer diagnostics than the verdicts give: nothing would bring them back once the
            // text is as it was proven (an undo), so the table is no longer current.
            if moved.count != diagnostics.count { signatures[table] = nil }
            tableDiagnostics[table] = moved
        }
        coverageDiagnostics = move(coverageDiagnostics)
    }

    /// Forgets the diagnostics shown in `path`, whose text changed with no edit to move them
    /// through (a closed buffer gave way to the file on disk), and the verdicts of their
    /// tables, so the next proof job proves those tables again.
    public mutating func forget(file path: String) {
        for (table, diagnostics) in tableDiagnostics where diagnostics.contains(where: { $0.location.file == path }) {
            tableDiagnostics[table] = diagnostics.filter { $0.location.file != path }
            signatures[table] = nil
        }
        coverageDiagnostics.removeAll { $0.location.file == path }
    }

    /// Takes the verdicts of a finished run: its tables' verdicts replace the old ones, tables
    /// that are no longer governed are forgotten, and blocked tables keep what they had.
    public mutating func accept(_ result: ProofJobResult) {
        let job = result.job
        let set = job.snapshot.policySet
        var byTable: [QualifiedName: [Verdict]] = [:]
        for verdict in result.verdicts { byTable[verdict.table, default: []].append(verdict) }
        for table in job.tables {
            let tableVerdicts = byTable[table] ?? []
            verdicts[table] = tableVerdicts
            signatures[table] = job.signatures[table]
            tableDiagnostics[table] = ProofDiagnostics.diagnostics(for: tableVerdicts, policySet: set)
        }
        for table in Array(verdicts.keys) where job.signatures[table] == nil {
            verdicts[table] = nil
            signatures[table] = nil
            tableDiagnostics[table] = nil
        }
        for table in Array(tableDiagnostics.keys) where job.signatures[table] == nil {
            tableDiagnostics[table] = nil
        }
        let coverageOn = set.config.isProofEnabled(ProofID.coverage.rawValue, default: ProofID.coverage.isOnByDefault)
        let acceptance = FindingAcceptance(policySet: set)
        let findings = acceptance.apply(SideChannelFindings.diagnostics(set, atPolicies: true) + IndexCoverage.diagnostics(set))
        coverageDiagnostics = (coverageOn ? ProofDiagnostics.ungoverned(set) : []) + findings
        // Stale waivers only once every governed table is proven: a table not proven yet (or
        // blocked by an error) would make its entries look stale.
        if !acceptance.isEmpty, set.governedTables.allSatisfy({ verdicts[$0] != nil }) {
            let request = AnalysisRequest()
            coverageDiagnostics += acceptance.stale(verdicts.values.flatMap { $0 }, findings: findings) {
                request.runs($0, on: job.snapshot)
            }
        }
        runs += 1
        provenGeneration = job.generation
    }

    /// Takes one table's verdicts from a run still in progress: shown at once, while the
    /// table's signature stays as it was until the whole run is accepted (a run cancelled
    /// before then proves the table again, and every table that traverses to it).
    public mutating func accept(table: QualifiedName, verdicts tableVerdicts: [Verdict], of job: ProofJob) {
        guard job.tables.contains(table) else { return }
        verdicts[table] = tableVerdicts
        tableDiagnostics[table] = ProofDiagnostics.diagnostics(for: tableVerdicts, policySet: job.snapshot.policySet)
    }

    /// Records that the verdicts describe workspace generation `generation` as well (nothing
    /// that generation changed needs proving).
    public mutating func markCurrent(_ generation: Int) {
        provenGeneration = generation
    }

    /// Forgets everything (the configuration or schema changed beyond repair).
    public mutating func removeAll() {
        self = ProofResults()
    }
}
