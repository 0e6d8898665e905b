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

    @Option(name: .long, help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .text

    @Option(name: .long, help: "Only these proofs (comma-separated ids).")
    var proofs: String?

    @Option(name: .long, help: "Skip these proofs (comma-separated ids).")
    var disableProofs: String?

    @Option(name: .long, help: "Write an SQL reproduction script per FAILED verdict into DIR.")
    var emitRepro: String?

    @Option(name: .long, help: "Worker threads, each with its own Z3 context (default: the number of cores).")
    var jobs: Int?

    @Flag(
        name: .long,
        help: "Exit 1 on UNKNOWN verdicts too, and on side-channel and performance warnings that are not accepted.")
    var strict = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Fail only on findings this baseline (written by --write-baseline) does not record.", valueName: "FILE"))
    var baseline: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Record the current findings (FAILED and UNKNOWN verdicts, side-channel and performance warnings, that are not accepted) in FILE; the run then fails on none of them.",
            valueName: "FILE"))
    var writeBaseline: String?

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

    @Flag(
        name: .long,
        help:
            "Check the verdicts on the live database in a transaction that rolls back: FAILED counterexamples must leak, PROVEN isolation must hold (exit 1 on a MISMATCH)."
    )
    var probe = false

    @OptionGroup var connection: DatabaseOptions

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
        return try workspace.loadOther(equivalentTo, option: "--equivalent-to")
    }

    func run() throws {
        let snapshot = try workspace.load()
        let other = try loadComparison()
        let printer = DiagnosticPrinter { path in snapshot.sourceFile(path) ?? other?.sourceFile(path) }
        var diagnostics = snapshot.diagnostics + (other?.diagnostics ?? [])
        if let jobs, jobs < 1 { throw ToolFailure("--jobs must be at least 1") }
        let only = try parseIDs(proofs)
        let disabled = try parseIDs(disableProofs) ?? []
        let recorded = try baseline.map(BaselineFile.read)
        var report: AnalysisReport?
        var probed: AnalyzeProbe?
        var planned: AnalyzePlanCheck?
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
            diagnostics += IndexCoverage.diagnostics(snapshot.policySet)
            if let url = connection.database, !url.isEmpty {
                let checked = try AnalyzePlanCheck.run(snapshot: snapshot, connection: connection)
                diagnostics += checked.diagnostics(snapshot.policySet)
                planned = checked
            }
            let acceptance = FindingAcceptance(policySet: snapshot.policySet)
            diagnostics = acceptance.apply(diagnostics)
            if !result.cancelled {
                diagnostics += acceptance.stale(result.verdicts, findings: diagnostics, liveChecked: planned != nil) {
                    request.runs($0, on: snapshot)
                }
            }
            if let directory = emitRepro { try writeRepros(result, snapshot: snapshot, directory: directory) }
            if probe { probed = try AnalyzeProbe.run(result, snapshot: snapshot, connection: connection) }
        }
        var findings = Findings(report: report, diagnostics: diagnostics, policySet: snapshot.policySet, recorded: recorded)
        if let writeBaseline, report != nil {
            try BaselineFile.write(findings.current, to: writeBaseline)
            findings.recorded = findings.current
        }
        switch format {
        case .text:
            printText(report, diagnostics: diagnostics, printer: printer, findings: findings)
            if let probed { Terminal.standardOutput(probed.text(color: Terminal.colorEnabled(fileDescriptor: 1)).joined(separator: "\n")) }
            if let planned {
                Terminal.standardOutput(
                    planned.text(color: Terminal.colorEnabled(fileDescriptor: 1), verbose: verbose).joined(separator: "\n"))
            }
        case .json:
            var object = json(report, diagnostics: diagnostics, printer: printer, findings: findings)
            if case .object(var members) = object, probed != nil || planned != nil {
                if let probed { members["probe"] = probed.json }
                if let planned { members["planCheck"] = planned.json }
                object = .object(members)
            }
            Terminal.standardOutput(object.serializedString())
        case .sarif:
            Terminal.standardOutput(sarif(report, diagnostics: diagnostics, printer: printer, findings: findings).serializedString())
        case .github:
            let text = GitHubAnnotations.render(
                ciFindings(report, diagnostics: diagnostics, printer: printer, findings: findings, policySet: snapshot.policySet))
            if !text.isEmpty { Terminal.standardOutput(text) }
        case .junit:
            Terminal.standardOutput(
                JUnitReport.render(
                    ciFindings(report, diagnostics: diagnostics, printer: printer, findings: findings, policySet: snapshot.policySet),
                    name: "pgpe analyze"))
        }
        if hasErrors { throw ExitCode(1) }
        guard let report else { return }
        if probed?.hasMismatch == true { throw ExitCode(1) }
        let failing = report.failures + (strict ? report.unknowns : [])
        if failing.contains(where: { findings.isNew($0) }) { throw ExitCode(1) }
        if strict, diagnostics.contains(where: findings.fails) { throw ExitCode(1) }
    }

    /// The findings of a run and the baseline they are compared with.
    struct Findings {
        /// The identity of each FAILED or UNKNOWN verdict (an accepted one's too).
        var identities: [Verdict: FindingIdentity] = [:]
        /// The identities of the side-channel and performance findings a baseline records
        /// (`SchemaFindingIdentity.isFinding`).
        var schemaIdentities = Set<SchemaFindingIdentity>()
        /// The baseline's findings, when `--baseline` (or `--write-baseline`) gives one.
        var recorded: BaselineFile.Contents?

        /// Identifies the findings of `report` and `diagnostics`.
        init(report: AnalysisReport?, diagnostics: [Diagnostic], policySet: PolicySet, recorded: BaselineFile.Contents?) {
            self.recorded = recorded
            for verdict in report?.verdicts ?? [] where verdict.status != .proven {
                identities[verdict] = FindingIdentity(verdict, policySet: policySet)
            }
            for diagnostic in diagnostics where SchemaFindingIdentity.isFinding(diagnostic) {
                schemaIdentities.insert(SchemaFindingIdentity(diagnostic))
            }
        }

        /// The identities of the findings that are not accepted and not hints.
        var current: BaselineFile.Contents {
            BaselineFile.Contents(
                verdicts: Set(
                    identities.filter { $0.key.status == .unknown || ($0.key.status == .failed && !$0.key.proof.isHint) }.values),
                findings: schemaIdentities)
        }

        /// Whether `verdict` is in the baseline.
        func isRecorded(_ verdict: Verdict) -> Bool {
            guard let recorded, let identity = identities[verdict] else { return false }
            return recorded.verdicts.contains(identity)
        }

        /// Whether the finding `diagnostic` is in the baseline.
        func isRecorded(_ diagnostic: Diagnostic) -> Bool {
            guard let recorded, SchemaFindingIdentity.isFinding(diagnostic) else { return false }
            return recorded.findings.contains(SchemaFindingIdentity(diagnostic))
        }

        /// Whether `diagnostic` is a finding that fails a `--strict` run: a side-channel or
        /// performance warning, not accepted, not in the baseline.
        func fails(_ diagnostic: Diagnostic) -> Bool {
            SchemaFindingIdentity.isFinding(diagnostic) && (recorded == nil || !isRecorded(diagnostic))
        }

        /// Whether `verdict` fails the run as far as the baseline goes: there is none, or it does
        /// not record the verdict.
        func isNew(_ verdict: Verdict) -> Bool {
            recorded == nil || !isRecorded(verdict)
        }
    }

    /// The diagnostics and every verdict as CI findings: a verdict is a test case of its table's
    /// suite, failed when it fails the run (not accepted, not a hint, not in the baseline).
    private func ciFindings(
        _ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter, findings: Findings, policySet: PolicySet
    ) -> [CIFinding] {
        var result = printer.ciFindings(diagnostics) { $0.severity == .error || (strict && findings.fails($0)) }
        guard let report else { return result }
        for verdict in report.verdicts {
            var name = "\(verdict.proof.rawValue)"
            if let command = verdict.command { name += " \(command.rawValue)" }
            name += " \(verdict.side == .using ? "USING" : "WITH CHECK") role=\(verdict.role)"
            if let key = verdict.key { name += " key=\(key)" }
            var message = verdict.status == .proven ? "" : verdict.summary
            if let example = verdict.counterexample { message += "; " + ProofDiagnostics.describe(example) }
            let failing = verdict.status == .failed && !verdict.proof.isHint || (strict && verdict.status == .unknown)
            let isNew = findings.isNew(verdict)
            var level: CIFinding.Level?
            var outcome = CIFinding.Outcome.passed
            switch verdict.status {
            case .proven: break
            case .accepted: level = .notice
            case .unknown:
                level = failing && isNew ? .error : .warning
                outcome = failing && isNew ? .failed : .skipped
            case .failed:
                level = failing && isNew ? .error : .notice
                outcome = failing && isNew ? .failed : .passed
            }
            if failing, !isNew { message += " (in the baseline)" }
            let location =
                verdict.blame.first?.location ?? ProofDiagnostics.fallbackLocation(verdict, policySet: policySet)
            result.append(
                CIFinding(
                    rule: verdict.proof.sarifKind.id, level: level, outcome: outcome,
                    title: "\(verdict.proof.rawValue) \(verdict.status.rawValue) on \(verdict.table)", message: message,
                    position: location.map(printer.position), group: verdict.table.description, name: name))
        }
        return result
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

    private func printText(_ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter, findings: Findings) {
        let color = Terminal.colorEnabled(fileDescriptor: 1)
        let shown = diagnostics.map { diagnostic in
            guard findings.isRecorded(diagnostic) else { return diagnostic }
            var marked = diagnostic
            marked.message += " [in the baseline]"
            return marked
        }
        let text = printer.text(shown, color: color)
        if !text.isEmpty { Terminal.standardOutput(text) }
        guard let report else { return }
        var lines: [String] = []
        var byTable: [QualifiedName: [Verdict]] = [:]
        for verdict in report.verdicts { byTable[verdict.table, default: []].append(verdict) }
        for (table, verdicts) in byTable.sorted(by: { $0.key < $1.key }) where !verbose {
            let failed = verdicts.filter { $0.status == .failed && !$0.proof.isHint }.count
            let unknown = verdicts.filter { $0.status == .unknown }.count
            let accepted = verdicts.filter { $0.status == .accepted }.count
            let status: String
            if failed > 0 {
                status = Terminal.paint("FAILED ", "1;31", enabled: color)
            } else if unknown > 0 {
                status = Terminal.paint("UNKNOWN", "33", enabled: color)
            } else if accepted > 0 {
                status = Terminal.paint("ACCEPTED", "34", enabled: color)
            } else {
                status = Terminal.paint("PROVEN ", "32", enabled: color)
            }
            let proofs = Set(verdicts.map(\.proof.rawValue)).sorted().joined(separator: ", ")
            lines.append(
                "\(status) "
                    + Terminal.inert("\(table): \(verdicts.count) verdicts (\(proofs))\(accepted > 0 ? ", \(accepted) accepted" : "")"))
        }
        for verdict in report.verdicts where verbose || verdict.status != .proven {
            let status: String
            switch verdict.status {
            case .proven: status = Terminal.paint("PROVEN ", "32", enabled: color)
            case .failed:
                status = Terminal.paint(verdict.proof.isHint ? "HINT   " : "FAILED ", verdict.proof.isHint ? "36" : "1;31", enabled: color)
            case .unknown: status = Terminal.paint("UNKNOWN", "33", enabled: color)
            case .accepted: status = Terminal.paint("ACCEPTED", "34", enabled: color)
            }
            // Names come from the schema or the live catalog: control characters are escaped
            // (`Terminal.inert`), the status's colour is not.
            var line = "\(verdict.proof.rawValue) \(verdict.table)"
            if let command = verdict.command { line += " \(command.rawValue)" }
            line += " \(verdict.side == .using ? "USING" : "WITH CHECK") role=\(verdict.role)"
            if let key = verdict.key { line += " key=\(key)" }
            if verdict.status != .proven, let reason = verdict.reason { line += ": \(reason)" }
            if let acceptance = verdict.acceptance {
                let at = printer.position(acceptance.location)
                line += " [\(acceptance.status.rawValue), accepted at \(at.file):\(at.start.line): \(acceptance.reason)]"
            }
            if findings.isRecorded(verdict) { line += " [in the baseline]" }
            lines.append("\(status) " + Terminal.inert(line))
            if verdict.status == .failed, let example = verdict.counterexample {
                lines.append(Terminal.inert("    counterexample: " + ProofDiagnostics.describe(example)))
                for witness in example.witnesses {
                    let values = witness.values.sorted { $0.key < $1.key }.filter { !$0.value.isNull }.map { "\($0.key)=\($0.value)" }
                        .joined(separator: ", ")
                    lines.append(Terminal.inert("    \(witness.role) of session \(witness.session ?? 0) in \(witness.table): {\(values)}"))
                }
            }
            if verdict.status != .proven {
                for blame in verdict.blame {
                    let position = printer.position(blame.location)
                    lines.append(
                        Terminal.inert(
                            "    \(blame.session.map { "session \($0) admitted by" } ?? "at") policy \(blame.policy), \(position.file):\(position.start.line):\(position.start.column)"
                        ))
                }
            }
        }
        let proven = report.verdicts.filter { $0.status == .proven }.count
        let failed = report.failures.count
        let hints = report.verdicts.filter { $0.status == .failed && $0.proof.isHint }.count
        let unknown = report.unknowns.count
        let accepted = report.verdicts.filter { $0.status == .accepted }.count
        var summary = String(
            format: "%d verdicts: %d PROVEN, %d FAILED, %d UNKNOWN, %d ACCEPTED, %d hints", report.verdicts.count, proven, failed,
            unknown, accepted, hints)
        if findings.recorded != nil {
            let recorded = (report.failures + report.unknowns).filter(findings.isRecorded).count
            summary += " (\(recorded) of them in the baseline)"
        }
        lines.append(
            summary
                + String(
                    format: " in %.0f ms (solver %.0f ms, %d queries, %d cached, %d by shortcut)", report.milliseconds,
                    report.solverMilliseconds, report.queries + report.blameQueries, report.cacheHits, report.shortcuts))
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

    /// A counterexample (or drift's witness row): `{"row", "sessions", "witnesses"}`.
    static func counterexample(_ example: Counterexample) -> JSONValue {
        let sessions: [JSONValue] = example.sessions.map { settings in
            var keys = JSONObject()
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) { keys[key] = value.map { .string($0) } ?? .null }
            return .object(keys)
        }
        return [
            "row": AnalyzeCommand.row(example.row), "sessions": .array(sessions),
            "witnesses": .array(example.witnesses.map(AnalyzeCommand.row)),
        ]
    }

    static func row(_ row: Counterexample.Row) -> JSONValue {
        var values = JSONObject()
        for (key, value) in row.values.sorted(by: { $0.key < $1.key }) { values[key] = AnalyzeCommand.value(value) }
        var object: JSONObject = ["table": .string(row.table.description), "values": .object(values)]
        if let session = row.session { object["session"] = .integer(session) }
        object["role"] = .string(row.role)
        return .object(object)
    }

    /// What a verdict is about, as the JSON of `verdicts` and `probe` names it.
    static func identity(_ verdict: Verdict) -> JSONObject {
        [
            "proof": .string(verdict.proof.rawValue),
            "table": .string(verdict.table.description),
            "command": verdict.command.map { .string($0.rawValue) } ?? .null,
            "role": .string(verdict.role),
            "key": verdict.key.map { .string($0) } ?? .null,
            "predicate": .string(verdict.side.rawValue),
        ]
    }

    /// A blamed clause as JSON: its policy, file, line and column (1-based), and the session it admitted.
    static func blame(_ blame: Blame, printer: DiagnosticPrinter) -> JSONValue {
        let position = printer.position(blame.location)
        var item: JSONObject = [
            "policy": .string(blame.policy), "file": .string(position.file),
            "line": .integer(position.start.line), "column": .integer(position.start.column),
        ]
        if let session = blame.session { item["session"] = .integer(session) }
        return .object(item)
    }

    private func json(_ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter, findings: Findings) -> JSONValue {
        var object: JSONObject = [
            "diagnostics": printer.json(diagnostics) { diagnostic in
                guard findings.recorded != nil, SchemaFindingIdentity.isFinding(diagnostic) else { return [:] }
                return ["baseline": .bool(findings.isRecorded(diagnostic))]
            }
        ]
        let verdicts: [JSONValue] = (report?.verdicts ?? []).map { verdict in
            var entry = AnalyzeCommand.identity(verdict)
            entry["status"] = .string(verdict.status.rawValue)
            entry["reason"] = verdict.reason.map { .string($0) } ?? .null
            if let acceptance = verdict.acceptance {
                let at = printer.position(acceptance.location)
                entry["accepted"] = [
                    "status": .string(acceptance.status.rawValue), "reason": .string(acceptance.reason), "file": .string(at.file),
                    "line": .integer(at.start.line),
                ]
            }
            if findings.recorded != nil, verdict.status != .proven { entry["baseline"] = .bool(findings.isRecorded(verdict)) }
            entry["counterexample"] = verdict.counterexample.map(AnalyzeCommand.counterexample) ?? .null
            entry["blame"] = .array(verdict.blame.map { AnalyzeCommand.blame($0, printer: printer) })
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
                "accepted": .integer(report.verdicts.filter { $0.status == .accepted }.count),
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

    /// FAILED verdicts as results; accepted ones carry a SARIF suppression with the entry's
    /// reason, and with a baseline each says whether it is new (`baselineState`).
    private func sarif(_ report: AnalysisReport?, diagnostics: [Diagnostic], printer: DiagnosticPrinter, findings: Findings) -> JSONValue {
        var results: [JSONValue] = []
        var rules = Set<DiagnosticKind>()
        for verdict in report?.verdicts ?? [] where verdict.status == .failed || verdict.acceptance?.status == .failed {
            guard let location = verdict.blame.first?.location else { continue }
            let rule = verdict.proof.sarifKind
            rules.insert(rule)
            var message = verdict.summary
            if let example = verdict.counterexample { message += "; " + ProofDiagnostics.describe(example) }
            guard case .object(var result) = printer.sarifResult(rule: rule, message: message, location: location) else { continue }
            if let acceptance = verdict.acceptance {
                result["suppressions"] = [["kind": "external", "justification": .string(acceptance.reason)]]
            } else if findings.recorded != nil {
                result["baselineState"] = .string(findings.isRecorded(verdict) ? "unchanged" : "new")
            }
            results.append(.object(result))
        }
        return printer.sarif(diagnostics, extra: results, extraRules: Array(rules)) { diagnostic in
            guard findings.recorded != nil, SchemaFindingIdentity.isFinding(diagnostic) else { return nil }
            return findings.isRecorded(diagnostic) ? "unchanged" : "new"
        }
    }
}
