import ArgumentParser
import Foundation
import JSON
import PolicyDatabase
import PolicyEngine
import PolicySQL
import PolicySyntax

/// `pgpe monitor`: drift between the policies and a live database, posture findings, and the
/// repair.
struct MonitorCommand: ParsableCommand {
    /// The command's name, abstract and discussion.
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Report drift between the policies and a live database (exit 0: no drift, 1: drift, 2: tool failure).",
        discussion: """
            Drift types: missing_policy, modified_policy, missing_grant, rls_disabled (critical), \
            rls_not_forced (high), extra_policy, extra_grant (warning). A USING or WITH CHECK whose \
            text differs is compared by meaning: proven equivalent is cosmetic_change (info, not \
            drift), narrower a warning, wider critical with a witness row; an unmanaged permissive \
            policy that admits rows the managed ones refuse is critical, with a witness, and \
            --execute drops it without --prune. Posture findings (login \
            roles that bypass RLS, governed tables owned by a role their policies name) are \
            reported too but do not change the exit code. Each raw('...') is tried on the \
            database (database.raw-sql-error, exit 1 when PostgreSQL rejects one). With --execute \
            the exit code says whether drift remains after the repair.
            """)

    /// `--config`.
    @OptionGroup var workspace: WorkspaceOptions
    /// `--database`.
    @OptionGroup var connection: DatabaseOptions

    /// The output format: text, json, sarif, github or junit.
    @Option(name: .long, help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .text

    /// Print the SQL that repairs each item.
    @Flag(name: .long, help: "Print the SQL that repairs each item.")
    var reconcile = false

    /// Run the repair in one transaction.
    @Flag(name: .long, help: "Run the repair in one transaction (implies --reconcile).")
    var execute = false

    /// Let the repair drop unmanaged policies and revoke unmanaged grants.
    @Flag(
        name: .long,
        help:
            "Let the repair drop unmanaged policies and revoke unmanaged grants (otherwise they are only reported, except unmanaged policies that admit rows the managed ones refuse)."
    )
    var prune = false

    /// Check again every SECONDS and print changes in drift, until interrupted.
    @Option(
        name: .long, help: ArgumentHelp("Check again every SECONDS and print changes in drift, until interrupted.", valueName: "SECONDS"))
    var watch: Double?

    /// With --watch, stop after N checks.
    @Option(name: .long, help: ArgumentHelp("With --watch, stop after N checks (exit code of the last one).", valueName: "N"))
    var iterations: Int?

    /// Refuses combinations of flags that make no sense (exit 2).
    func validate() throws {
        if let watch, !(watch > 0) { throw ValidationError("--watch needs a positive number of seconds") }
        if watch != nil, format == .sarif || format.isCI {
            throw ValidationError("--watch prints changes as text or JSON lines, not \(format.rawValue)")
        }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if iterations != nil, watch == nil { throw ValidationError("--iterations needs --watch") }
    }

    /// Runs the command; exit codes as in the abstract.
    func run() throws {
        let live = try LiveWorkspace(options: workspace)
        let pending = live.startCompiling()
        let connect = {
            try live.connect(pending) {
                try connection.connect(config: live.config.database, lockTimeoutMilliseconds: live.config.apply.lockTimeoutMilliseconds)
            }
        }
        let desired = live.desired(pending)
        if let watch {
            try MonitorWatch(command: self, workspace: live, desired: desired, interval: watch, connect: connect).run()
            return
        }
        let database = try connect()
        var outcome = try check(database, desired: desired)
        outcome.rawSQL = try rawSQLDiagnostics(database, workspace: live)
        print(outcome, workspace: live)
        if let failure = outcome.recheckFailure { throw ToolFailure(failure) }
        if outcome.hasDrift || !outcome.rawSQL.isEmpty { throw ExitCode(1) }
    }

    // MARK: - One check

    /// One check: the drift (found inside the repair transaction with `--execute`), the repair
    /// that ran, and the drift that remains after it.
    struct Outcome {
        /// The comparison.
        var assessment: Assessment
        /// The repair plan (with `--reconcile` or `--execute`).
        var plan: ApplyPlan?
        /// Whether the plan ran and committed.
        var executed = false
        /// The comparison after the repair (with `--execute`).
        var after: Assessment?
        /// Why there is no comparison after a repair that was committed.
        var recheckFailure: String?
        /// The raw SQL PostgreSQL rejects (`database.raw-sql-error`).
        var rawSQL: [Diagnostic] = []

        /// Whether drift exists (after the repair, when one ran).
        var hasDrift: Bool { !(after ?? assessment).drift.isEmpty }
    }

    /// Compares once with what `desired` compiles, repairing with `--execute`.
    func check(_ database: LiveDatabase, desired: (LiveCatalog) throws -> CompiledProgram) throws -> Outcome {
        do {
            if execute {
                let result = try database.apply(prune: prune, dryRun: false, desired: desired)
                var outcome = Outcome(assessment: result.assessment, plan: result.plan, executed: result.executed)
                do {
                    outcome.after = try database.assess(desired)
                } catch let error as DatabaseError where result.executed {
                    // The repair is committed: say so, not the error's "nothing was changed".
                    outcome.recheckFailure =
                        "the repair was committed (\(result.plan.actions.count) statements), "
                        + "but checking again afterwards failed: cannot \(error.action): \(error.message)"
                }
                return outcome
            }
            let assessment = try database.assess(desired)
            return Outcome(assessment: assessment, plan: reconcile ? assessment.plan(prune: prune) : nil)
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
    }

    /// Each raw atom of the policies (as last checked) tried on `database`.
    func rawSQLDiagnostics(_ database: LiveDatabase, workspace: LiveWorkspace) throws -> [Diagnostic] {
        do {
            return try database.rawSQLDiagnostics(RawProbe.probes(in: workspace.snapshot.policySet))
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
    }

    /// Prints one check in the chosen format.
    func print(_ outcome: Outcome, workspace: LiveWorkspace) {
        let printer = DriftPrinter(workspace: workspace)
        let repairs = reconcile || execute
        switch format {
        case .text:
            var text = printer.text(
                outcome.assessment, repairs: repairs, prune: prune,
                color: Terminal.colorEnabled(fileDescriptor: 1))
            if let plan = outcome.plan, repairs {
                text +=
                    "\n" + (plan.isEmpty ? "-- nothing to repair" : "-- repair SQL\(outcome.executed ? " (executed)" : "")\n" + plan.script)
            }
            if !outcome.rawSQL.isEmpty {
                let diagnostics = DiagnosticPrinter(snapshot: workspace.snapshot)
                text += "\nraw SQL rejected by the database:\n" + diagnostics.text(outcome.rawSQL, color: false)
            }
            if let failure = outcome.recheckFailure { text += "\nafter the repair: not checked again (\(failure))" }
            if let after = outcome.after {
                text += "\nafter the repair: " + printer.summary(after)
                for item in after.drift {
                    text +=
                        "\n  \(item.severity.rawValue) \(item.type.rawValue) "
                        + DriftPrinter.line("\(item.table)\(item.policy.map { " \($0)" } ?? ""): \(item.description)")
                }
            }
            Terminal.standardOutput(text)
        case .json:
            var extra: JSONObject = [:]
            if let plan = outcome.plan, repairs {
                extra["reconcile"] = ["sql": .array(plan.actions.map { .string($0.sql) }), "executed": .bool(outcome.executed)]
            }
            if let after = outcome.after {
                extra["remaining"] = .array(after.drift.map { printer.json($0) })
            }
            if let failure = outcome.recheckFailure { extra["recheck_error"] = .string(failure) }
            extra["raw_sql"] = DiagnosticPrinter(snapshot: workspace.snapshot).json(outcome.rawSQL)
            Terminal.standardOutput(printer.json(outcome.assessment, extra: extra).serializedString())
        case .sarif:
            Terminal.standardOutput(printer.sarif(outcome.after ?? outcome.assessment, diagnostics: outcome.rawSQL).serializedString())
        case .github:
            let text = GitHubAnnotations.render(printer.ciFindings(outcome.after ?? outcome.assessment, diagnostics: outcome.rawSQL))
            if !text.isEmpty { Terminal.standardOutput(text) }
        case .junit:
            let findings = printer.ciFindings(outcome.after ?? outcome.assessment, diagnostics: outcome.rawSQL)
            Terminal.standardOutput(JUnitReport.render(findings, name: "pgpe monitor"))
        }
    }
}
