import JSON
import PolicyDatabase
import PolicyEngine
import PolicyProofs

/// `pgpe analyze --probe`: the verdicts checked against the live database, and how they print.
struct AnalyzeProbe {
    /// The results, in the report's order.
    let results: [ProbeResult]

    /// Whether a verdict disagrees with the database (exit 1).
    var hasMismatch: Bool { results.contains { $0.status == .mismatch } }

    /// Connects (`--database`, else `database:` of pgpe.yaml; one of them is required) and
    /// checks the report's FAILED counterexamples and PROVEN isolation verdicts.
    static func run(_ report: AnalysisReport, snapshot: WorkspaceSnapshot, connection: DatabaseOptions) throws -> AnalyzeProbe {
        let config = snapshot.config
        guard connection.target(config: config.database) != nil else {
            throw ToolFailure("--probe needs a database: --database URL or 'database:' in pgpe.yaml")
        }
        let cases = ProbeCase.cases(
            for: report.verdicts, policySet: snapshot.policySet, timeoutMilliseconds: config.analysis.timeoutMilliseconds)
        let database = try connection.connect(config: config.database, lockTimeoutMilliseconds: config.apply.lockTimeoutMilliseconds)
        defer { database.connection.close() }
        do {
            return AnalyzeProbe(results: try database.probe(cases))
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
    }

    /// One line per probed verdict and a summary line.
    func text(color: Bool) -> [String] {
        var lines: [String] = []
        for result in results {
            let code = result.status == .agree ? "32" : result.status == .mismatch ? "1;31" : "33"
            let status = Terminal.paint(result.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), code, enabled: color)
            let verdict = result.verdict
            var line = "probe \(status) \(verdict.status.rawValue) \(verdict.proof.rawValue) \(verdict.table)"
            if let command = verdict.command { line += " \(command.rawValue)" }
            line += " \(verdict.side == .using ? "USING" : "WITH CHECK") role=\(verdict.role)"
            if let key = verdict.key { line += " key=\(key)" }
            lines.append(line + ": " + result.detail)
        }
        let count = { (status: ProbeStatus) in results.filter { $0.status == status }.count }
        lines.append("probe: \(count(.agree)) AGREE, \(count(.mismatch)) MISMATCH, \(count(.skipped)) SKIPPED (rolled back)")
        return lines
    }

    /// The `probe` member of `--format json`.
    var json: JSONValue {
        let count = { (status: ProbeStatus) in JSONValue.integer(results.filter { $0.status == status }.count) }
        let items: [JSONValue] = results.map { result in
            var object = AnalyzeCommand.identity(result.verdict)
            object["verdict"] = .string(result.verdict.status.rawValue)
            object["status"] = .string(result.status.rawValue)
            object["detail"] = .string(result.detail)
            return .object(object)
        }
        return [
            "results": .array(items),
            "summary": ["agree": count(.agree), "mismatch": count(.mismatch), "skipped": count(.skipped)],
        ]
    }
}
