import ArgumentParser
import Foundation
import JSON
import PolicyDatabase
import PolicySQL

/// `pgpe monitor --watch`: checks on an interval and prints what changed. The first check is
/// printed in full; later ones print a line per item that appeared (`+`) or was resolved (`-`),
/// or nothing when nothing changed. Each check leaves a line on stderr. A failed check is
/// reported on stderr and retried at the next interval (reconnecting when the connection was
/// lost).
struct MonitorWatch {
    /// The command and its flags.
    let command: MonitorCommand
    /// The workspace.
    let workspace: LiveWorkspace
    /// What each check compares with.
    let desired: (LiveCatalog) throws -> CompiledProgram
    /// Seconds between checks.
    let interval: Double
    /// Opens a connection.
    let connect: () throws -> LiveDatabase

    /// Runs until interrupted, or for `--iterations` checks.
    func run() throws {
        Self.acceptTerminationSignals()
        var database: LiveDatabase?
        var previous: [String: DriftItem]?
        var lastCode: Int32 = 0
        var iteration = 0
        let printer = DriftPrinter(workspace: workspace)
        while true {
            iteration += 1
            let time = Self.timestamp()
            do {
                let current = try database ?? connect()
                database = current
                let outcome = try command.check(current, desired: desired)
                if let failure = outcome.recheckFailure {
                    command.print(outcome, workspace: workspace)
                    throw ToolFailure(failure)
                }
                let items = (outcome.after ?? outcome.assessment).drift
                let byIdentity = Dictionary(items.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
                if let previous {
                    let appeared = items.filter { previous[$0.identity] == nil }
                    let resolved = previous.values.filter { byIdentity[$0.identity] == nil }
                        .sorted { ($0.table, $0.type.rawValue, $0.policy ?? "") < ($1.table, $1.type.rawValue, $1.policy ?? "") }
                    if !appeared.isEmpty || !resolved.isEmpty {
                        printChanges(time: time, appeared: appeared, resolved: resolved, items: items, printer: printer)
                    }
                } else if command.format == .json {
                    var line = printer.json(outcome.assessment)
                    if case .object(var object) = line {
                        object["time"] = .string(time)
                        line = .object(object)
                    }
                    Terminal.standardOutput(line.serializedString())
                } else {
                    command.print(outcome, workspace: workspace)
                }
                previous = byIdentity
                lastCode = items.isEmpty ? 0 : 1
                Terminal.standardError(
                    "pgpe monitor: checked at \(time): \(items.count) drift item\(items.count == 1 ? "" : "s") (\(String(format: "%.0f", outcome.assessment.milliseconds)) ms)"
                )
            } catch let failure as ToolFailure {
                Terminal.standardError("pgpe monitor: check at \(time) failed: \(failure.message)")
                database = database.flatMap { $0.connection.isOpen ? $0 : nil }
                lastCode = 2
            }
            if let limit = command.iterations, iteration >= limit { break }
            Thread.sleep(forTimeInterval: interval)
        }
        if lastCode != 0 { throw ExitCode(lastCode) }
    }

    /// Prints the items that appeared and were resolved since the last check.
    private func printChanges(
        time: String, appeared: [DriftItem], resolved: [DriftItem], items: [DriftItem],
        printer: DriftPrinter
    ) {
        switch command.format {
        case .json:
            let value: JSONValue = [
                "time": .string(time),
                "appeared": .array(appeared.map { printer.json($0) }),
                "resolved": .array(resolved.map { printer.json($0) }),
                "drift": .integer(items.count),
            ]
            Terminal.standardOutput(value.serializedString())
        case .text, .sarif, .github, .junit:
            var lines: [String] = []
            for item in appeared { lines.append("\(time) + \(Self.line(item))") }
            for item in resolved { lines.append("\(time) - \(Self.line(item))") }
            lines.append("\(time) now \(items.count) drift item\(items.count == 1 ? "" : "s")")
            Terminal.standardOutput(lines.joined(separator: "\n"))
        }
    }

    private static func line(_ item: DriftItem) -> String {
        "\(item.severity.rawValue) \(item.type.rawValue) \(item.table)\(item.policy.map { " \($0)" } ?? ""): \(item.description)"
    }

    /// Unblocks SIGINT and SIGTERM, which a parent may have left blocked in the mask pgpe
    /// inherited (a process spawned from a thread that blocks them does), so that a long-running
    /// watch ends when a service manager or a terminal asks it to.
    private static func acceptTerminationSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        let status = pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        if status != 0 {
            Terminal.standardError("pgpe monitor: cannot unblock SIGINT and SIGTERM (error \(status)); stop it with SIGKILL")
        }
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
