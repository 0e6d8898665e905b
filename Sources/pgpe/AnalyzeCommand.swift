import ArgumentParser
import Foundation
import JSON
import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax
import WorkspaceFiles

/// `pgpe analyze`: the proofs of SPEC section 6 with Z3.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract:
            "Prove tenant isolation and the other properties of SPEC 6 with Z3 (exit 0: nothing FAILED, 1: a proof failed or the check found errors, 2: tool failure)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "text, json or sarif.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Only these proofs (comma-separated ids).")
    var proofs: String?

    @Option(name: .long, help: "Skip these proofs (comma-separated ids).")
    var disableProofs: String?

    @Option(name: .long, help: "Write an SQL reproduction script per FAILED verdict into DIR.")
    var emitRepro: String?

    @Option(name: .long, help: "Worker threads, each with its own Z3 context (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Exit 1 on UNKNOWN verdicts too.")
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Prove this policy set equivalent to another (turns on policy-equivalence).",
            discussion:
                "PATH is a pgpe.yaml, a directory holding one, or a directory (or file) of .policy files read with this workspace's pgpe.yaml and schema.",
            valueName: "PATH"))
    var equivalentTo: String?

    @Flag(name: .long, help: "Send every question to Z3, without the theorem-style shortcuts (for checking them).")
    var noShortcuts = false

    @Flag(name: .shortAndLong, help: "Text output: list every verdict, not only those that are not PROVEN.")
    var verbose = false

    private func parseIDs(_ text: String?) throws -> [ProofID]? {
        guard let text else { return nil }
        return try text.split(separator: ",").map { part in
            let id = part.trimmingCharacters(in: .whitespaces)
            guard let proof = ProofID(rawValue: id) else {
                throw ToolFailure("unknown proof '\(id)'; known: \(ProofID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return proof
        }
    }

    /// The other workspace of `--equivalent-to`.
    private func loadComparison() throws -> WorkspaceSnapshot? {
        guard let equivalentTo else { return nil }
        let path = WorkspaceLoader.absolutePath(equivalentTo, relativeTo: Terminal.workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ToolFailure("--equivalent-to: no such file or directory: \(equivalentTo)")
        }
        do {
            if isDirectory.boolValue {
                let config = (path as NSString).appendingPathComponent("pgpe.yaml")
                if FileManager.default.fileExists(atPath: config) {
                    return try WorkspaceLoader.load(configPath: config, directory: path)
                }
                return try workspace.load(paths: [path])
            }
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                return try WorkspaceLoader.load(configPath: path, directory: (path as NSString).deletingLastPathComponent)
            }
            return try workspace.load(paths: [path])
        } catch let error as WorkspaceLoader.LoadError {
            throw ToolFailure("--equivalent-to: \(error.message)")
        }
    }

    func run() throws {
        let snapshot = try workspace.load()
        let other = try loadComparison()
        let printer = DiagnosticPrinter { path in snapshot.sourceFile(path) ?? other?.sourceFile(path) }
        var diagnostics = snapshot.diagnostics + (other?.diagnostics ?? [])
        if let jobs, jobs < 1 { throw ToolFailure("--jobs must be at least 1") }
        let only = try parseIDs(proofs)
        let disabled = try parseIDs(disableProofs) ?? []
        var report: AnalysisReport?
        let hasErrors = snapshot.hasErrors || (other?.hasErrors ?? false)
        if !hasErrors {
            let request = AnalysisRequest(
                only: only, disabled: disabled, useShortcuts: !noShortcuts,
                comparison: other.map { ($0, equivalentTo ?? "the other policy set") })
            let session = ProofSession(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let showProgress = isatty(2) == 1
            var progress: (@Sendable (Int, Int) -> Void)?
            if showProgress {
                let line = ProofProgressLine()
                progress = { done, total in line.update(done: done, total: total) }
            }
            let result = session.analyze(snapshot, request, progress: progress)
            report = result
            if request.runs(.coverage, on: snapshot) { diagnostics += ProofDiagnostics.ungoverned(snapshot.policySet) }
            diagnostics += SideChannelFindings.diagnostics(snapshot.policySet)
            if let directory = emitRepro { try writeRepros(result, snapshot: snapshot, directory: directory) }
        }
        switch format {
        case .text: printText(report, diagnostics: diagnostics, printer: printer)
        case .json: Terminal.standardOutput(json(report, diagnostics: diagnostics, printer: printer).serializedString())
        case .sarif: Terminal.standardOutput(sarif(report, diagnostics: diagnostics, printer: printer).serializedString())
        }
        if hasErrors { throw ExitCode(1) }
        guard let report else { return }
        if !report.failures.isEmpty || (strict && !report.unknowns.isEmpty) { throw ExitCode(1) }
    }

    private func writeRepros(_ report: AnalysisReport, snapshot: WorkspaceSnapshot, directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var index = 0
            for verdict in report.verdicts where verdict.status == .failed {
                guard let script = ReproScript.script(for: verdict, policySet: snapshot.policySet) else { continue }
                index += 1
                let path = (directory as NSString).appendingPathComponent(ReproScript.fileName(for: verdict, index: index))
                try script.write(toFile: path, atomically: true, encoding: .utf8)
            }
        } catch {
            throw ToolFailure("cannot write repro scripts to \(directory): \(error.localizedDescription)")
        }
    }

    // MARK: - Output

    private func printText(_ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter) {
        let color = Terminal.colorEnabled(fileDescriptor: 1)
        let text = printer.text(diagnostics, color: color)
        if !text.isEmpty { Terminal.standardOutput(text) }
        guard let report else { return }
        var lines: [String] = []
        var byTable: [QualifiedName: [Verdict]] = [:]
        for verdict in report.verdicts { byTable[verdict.table, default: []].append(verdict) }
        for (table, verdicts) in byTable.sorted(by: { $0.key < $1.key }) where !verbose {
            let failed = verdicts.filter { $0.status == .failed && !$0.proof.isHint }.count
            let unknown = verdicts.filter { $0.status == .unknown }.count
            let status =
                failed > 0
                ? Terminal.paint("FAILED ", "1;31", enabled: color)
                : unknown > 0 ? Terminal.paint("UNKNOWN", "33", enabled: color) : Terminal.paint("PROVEN ", "32", enabled: color)
            let proofs = Set(verdicts.map(\.proof.rawValue)).sorted().joined(separator: ", ")
            lines.append("\(status) \(table): \(verdicts.count) verdicts (\(proofs))")
        }
        for verdict in report.verdicts where verbose || verdict.status != .proven {
            let status: String
            switch verdict.status {
            case .proven: status = Terminal.paint("PROVEN ", "32", enabled: color)
            case .failed:
                status = Terminal.paint(verdict.proof.isHint ? "HINT   " : "FAILED ", verdict.proof.isHint ? "36" : "1;31", enabled: color)
            case .unknown: status = Terminal.paint("UNKNOWN", "33", enabled: color)
            }
            var line = "\(status) \(verdict.proof.rawValue) \(verdict.table)"
            if let command = verdict.command { line += " \(command.rawValue)" }
            line += " \(verdict.side == .using ? "USING" : "WITH CHECK") role=\(verdict.role)"
            if let key = verdict.key { line += " key=\(key)" }
            if verdict.status != .proven, let reason = verdict.reason { line += ": \(reason)" }
            lines.append(line)
            if verdict.status == .failed, let example = verdict.counterexample {
                lines.append("    counterexample: " + ProofDiagnostics.describe(example))
                for witness in example.witnesses {
                    let values = witness.values.sorted { $0.key < $1.key }.filter { !$0.value.isNull }.map { "\($0.key)=\($0.value)" }
                        .joined(separator: ", ")
                    lines.append("    \(witness.role) of session \(witness.session ?? 0) in \(witness.table): {\(values)}")
                }
            }
            if verdict.status != .proven {
                for blame in verdict.blame {
                    let position = printer.position(blame.location)
                    lines.append(
                        "    \(blame.session.map { "session \($0) admitted by" } ?? "at") policy \(blame.policy), \(position.file):\(position.start.line):\(position.start.column)"
                    )
                }
            }
        }
        let proven = report.verdicts.filter { $0.status == .proven }.count
        let failed = report.failures.count
        let hints = report.verdicts.filter { $0.status == .failed && $0.proof.isHint }.count
        let unknown = report.unknowns.count
        lines.append(
            String(
                format:
                    "%d verdicts: %d PROVEN, %d FAILED, %d UNKNOWN, %d hints in %.0f ms (solver %.0f ms, %d queries, %d cached, %d by shortcut)",
                report.verdicts.count, proven, failed, unknown, hints, report.milliseconds, report.solverMilliseconds,
                report.queries + report.blameQueries, report.cacheHits, report.shortcuts))
        Terminal.standardOutput(lines.joined(separator: "\n"))
    }

    static func value(_ value: SQLValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .integer(number)
        case .text(let text): return .string(text)
        }
    }

    static func row(_ row: Counterexample.Row) -> JSONValue {
        var values = JSONObject()
        for (key, value) in row.values.sorted(by: { $0.key < $1.key }) { values[key] = AnalyzeCommand.value(value) }
        var object: JSONObject = ["table": .string(row.table.description), "values": .object(values)]
        if let session = row.session { object["session"] = .integer(session) }
        object["role"] = .string(row.role)
        return .object(object)
    }

    private func json(_ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter) -> JSONValue {
        var object: JSONObject = ["diagnostics": printer.json(diagnostics)]
        let verdicts: [JSONValue] = (report?.verdicts ?? []).map { verdict in
            var entry: JSONObject = [
                "proof": .string(verdict.proof.rawValue),
                "table": .string(verdict.table.description),
                "command": verdict.command.map { .string($0.rawValue) } ?? .null,
                "role": .string(verdict.role),
                "key": verdict.key.map { .string($0) } ?? .null,
                "predicate": .string(verdict.side.rawValue),
                "status": .string(verdict.status.rawValue),
                "reason": verdict.reason.map { .string($0) } ?? .null,
            ]
            if let example = verdict.counterexample {
                let sessions: [JSONValue] = example.sessions.map { settings in
                    var keys = JSONObject()
                    for (key, value) in settings.sorted(by: { $0.key < $1.key }) { keys[key] = value.map { .string($0) } ?? .null }
                    return .object(keys)
                }
                entry["counterexample"] = [
                    "row": AnalyzeCommand.row(example.row), "sessions": .array(sessions),
                    "witnesses": .array(example.witnesses.map(AnalyzeCommand.row)),
                ]
            } else {
                entry["counterexample"] = .null
            }
            entry["blame"] = .array(
                verdict.blame.map { blame in
                    let position = printer.position(blame.location)
                    var item: JSONObject = [
                        "policy": .string(blame.policy), "file": .string(position.file),
                        "line": .integer(position.start.line), "column": .integer(position.start.column),
                    ]
                    if let session = blame.session { item["session"] = .integer(session) }
                    return .object(item)
                })
            entry["ms"] = .double((verdict.milliseconds * 1000).rounded() / 1000)
            return .object(entry)
        }
        object["verdicts"] = .array(verdicts)
        if let report {
            object["summary"] = [
                "verdicts": .integer(report.verdicts.count),
                "proven": .integer(report.verdicts.filter { $0.status == .proven }.count),
                "failed": .integer(report.failures.count),
                "unknown": .integer(report.unknowns.count),
                "hints": .integer(report.verdicts.filter { $0.status == .failed && $0.proof.isHint }.count),
                "ms": .double((report.milliseconds * 1000).rounded() / 1000),
                "solverMs": .double((report.solverMilliseconds * 1000).rounded() / 1000),
                "queries": .integer(report.queries + report.blameQueries),
                "cached": .integer(report.cacheHits),
                "shortcuts": .integer(report.shortcuts),
            ]
        }
        return .object(object)
    }

    private func sarif(_ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter) -> JSONValue {
        var results: [JSONValue] = []
        var rules = Set<DiagnosticKind>()
        for verdict in report?.verdicts ?? [] where verdict.status == .failed {
            guard let location = verdict.blame.first?.location else { continue }
            let rule = verdict.proof.sarifKind
            rules.insert(rule)
            var message = verdict.summary
            if let example = verdict.counterexample { message += "; " + ProofDiagnostics.describe(example) }
            results.append(printer.sarifResult(rule: rule, message: message, location: location))
        }
        return printer.sarif(diagnostics, extra: results, extraRules: Array(rules))
    }
}
