import ArgumentParser
import Foundation
import JSON
import PolicyDatabase
import PolicyEngine
import PolicySQL

/// `pgpe apply`: brings the database to the compiled policies in one transaction.
struct ApplyCommand: ParsableCommand {
    /// The command's name, abstract and discussion.
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract:
            "Apply the compiled policies to a database in one transaction (exit 0: applied or nothing to do, 1: the policies have errors, 2: tool failure; nothing is changed then).",
        discussion: """
            Computes a plan (enable and force RLS, create policies, ALTER POLICY when only roles \
            or expressions changed, drop and create otherwise, grants), prints it, and runs it in \
            one transaction under an advisory lock: all or nothing. lock_timeout (pgpe.yaml \
            'apply: {lock_timeout_ms}', default 5000) bounds every wait.
            """)

    /// `--format` of apply.
    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    /// `--config`.
    @OptionGroup var workspace: WorkspaceOptions
    /// `--database`.
    @OptionGroup var connection: DatabaseOptions

    /// Print the plan and its SQL; execute nothing.
    @Flag(name: .long, help: "Print the plan and its SQL; execute nothing.")
    var dryRun = false

    /// Also drop policies pgpe does not manage on governed tables, and revoke privileges no GRANT item gives on tables whose grants pgpe manages.
    @Flag(
        name: .long,
        help:
            "Also drop policies pgpe does not manage on governed tables, and revoke privileges no GRANT item gives on tables whose grants pgpe manages."
    )
    var prune = false

    /// The output format: text or json.
    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    /// Runs the command; exit codes as in the abstract.
    func run() throws {
        let live = try LiveWorkspace(options: workspace)
        let pending = live.startCompiling()
        let database = try live.connect(pending) {
            try connection.connect(config: live.config.database, lockTimeoutMilliseconds: live.config.apply.lockTimeoutMilliseconds)
        }
        database.progress = { Terminal.standardError("pgpe apply: \($0)") }
        let result: ApplyResult
        do {
            result = try database.apply(prune: prune, dryRun: dryRun, desired: live.desired(pending)) { assessment, plan in
                if format == .text { printPlan(plan, assessment: assessment) }
            }
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
        switch format {
        case .text:
            let count = result.plan.actions.count
            let statements =
                "\(count) statement\(count == 1 ? "" : "s") on \(result.plan.tableCount) table\(result.plan.tableCount == 1 ? "" : "s")"
            if result.plan.isEmpty {
                Terminal.standardOutput("nothing to do: the database matches the policies")
            } else if result.executed {
                Terminal.standardOutput(String(format: "applied %@ in one transaction (%.0f ms)", statements, result.milliseconds))
            } else {
                Terminal.standardOutput("dry run: \(statements) not executed")
            }
        case .json:
            let plan: [JSONValue] = result.plan.actions.map { action in
                [
                    "action": .string(action.kind.rawValue),
                    "table": .string(action.table.description),
                    "policy": action.policy.map { .string($0) } ?? .null,
                    "sql": .string(action.sql),
                ]
            }
            let printer = DriftPrinter(workspace: live)
            let warnings = Self.warnings(result.assessment).map { printer.json($0) }
            let value: JSONValue = ["plan": .array(plan), "executed": .bool(result.executed), "warnings": .array(warnings)]
            Terminal.standardOutput(value.serializedString())
        }
    }

    /// The plan as commented SQL, and what is left in place without `--prune`.
    private func printPlan(_ plan: ApplyPlan, assessment: Assessment) {
        var lines: [String] = []
        if !plan.isEmpty {
            lines.append(
                "-- plan: \(plan.actions.count) statement\(plan.actions.count == 1 ? "" : "s") on \(plan.tableCount) table\(plan.tableCount == 1 ? "" : "s")\(dryRun ? " (dry run)" : "")"
            )
            for action in plan.actions {
                lines.append("-- " + SQLQuoting.comment("\(action.kind.rawValue) \(action.table)\(action.policy.map { " \($0)" } ?? "")"))
                lines.append(action.sql)
            }
        }
        if !prune {
            let kept = assessment.drift.filter { $0.needsPrune }
            for item in kept {
                lines.append(
                    "-- left in place (pass --prune to remove): "
                        + SQLQuoting.comment(
                            "\(item.type.rawValue) \(item.table)\(item.policy.map { " \($0)" } ?? ""): \(item.description)"))
            }
        }
        for finding in Self.warnings(assessment) {
            lines.append(
                "-- warning: "
                    + SQLQuoting.comment(
                        "\(finding.kind.rawValue) \(finding.table.map(\.description) ?? finding.role): \(finding.description)"))
        }
        if !lines.isEmpty { Terminal.standardOutput(lines.joined(separator: "\n")) }
    }

    /// The posture findings `apply` warns about: tables FORCE subjects the owner of to their
    /// policies (SPEC 11.5).
    static func warnings(_ assessment: Assessment) -> [PostureFinding] {
        assessment.posture.filter { $0.kind == .forcedOwner }
    }
}
