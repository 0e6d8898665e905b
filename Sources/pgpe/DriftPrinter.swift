import Foundation
import JSON
import PolicyDatabase
import PolicyEngine
import PolicyProofs
import PolicySQL
import PolicySyntax

/// Renders `pgpe monitor` results: drift items and posture findings as text, JSON or SARIF.
struct DriftPrinter {
    /// Positions of the policies drift items point at.
    let diagnostics: DiagnosticPrinter
    /// pgpe.yaml, where SARIF results without a policy location point.
    let configFile: String?

    /// Creates a printer for a workspace.
    init(workspace: LiveWorkspace) {
        diagnostics = DiagnosticPrinter(snapshot: workspace.snapshot)
        configFile = workspace.config.configFile
    }

    // MARK: - Text

    /// The drift, the posture findings and a summary; with `repairs`, the repair SQL of each
    /// item (`prune` says whether extra items' repairs run).
    func text(_ assessment: Assessment, repairs: Bool, prune: Bool, color: Bool) -> String {
        var lines: [String] = []
        for item in assessment.drift + assessment.cosmetic {
            let severity = Self.paint(item.severity, color: color)
            var head =
                "\(severity) \(item.type.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(Self.line(item.table.description))"
            if let policy = item.policy { head += " \(Self.line(policy))" }
            lines.append(head)
            lines.append("    \(Self.line(item.description))")
            if [.modifiedPolicy, .extraGrant, .missingGrant, .cosmeticChange].contains(item.type) {
                if let expected = item.expected { lines.append("    expected: \(Self.line(expected))") }
                if let observed = item.observed { lines.append("    observed: \(Self.line(observed))") }
            } else if item.type == .extraPolicy, let observed = item.observed {
                lines.append("    observed: \(Self.line(observed))")
            }
            if let witness = item.witness { lines.append("    witness: " + Self.line(ProofDiagnostics.describe(witness))) }
            if let source = item.source {
                let position = diagnostics.position(source)
                lines.append("    declared at \(position.file):\(position.start.line):\(position.start.column)")
            }
            if repairs {
                if let remediation = item.remediation {
                    let skipped = item.needsPrune && !prune
                    lines.append(skipped ? "    repair (with --prune):" : "    repair:")
                    lines += Self.sqlLines(remediation).map { "      \($0)" }
                } else {
                    lines.append("    repair: none (pgpe creates no tables)")
                }
            }
        }
        if !assessment.posture.isEmpty {
            lines.append("posture:")
            for finding in assessment.posture {
                var head = "\(Self.paint(finding.severity, color: color)) \(finding.kind.rawValue)"
                head += " " + Self.line(finding.table.map(\.description) ?? finding.role)
                lines.append(head)
                lines.append("    \(Self.line(finding.description))")
                lines.append("    advice: \(Self.line(finding.remediation))")
            }
        }
        lines.append(summary(assessment))
        return lines.joined(separator: "\n")
    }

    /// `text` (names and expressions read from the database) on one line: line breaks and other
    /// control characters written as `\n`, `\r`, `\u{1b}`, so that a name cannot start a line
    /// of its own in a report that may be saved and run as SQL, nor reach the terminal raw.
    static func line(_ text: String) -> String {
        SQLQuoting.comment(text)
    }

    /// SQL split into its lines at the line breaks outside quotes; a line break inside a quoted
    /// name or string is written as `\n` (by `line`), so no part of a name starts a line.
    static func sqlLines(_ sql: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var quote: Unicode.Scalar?
        for scalar in sql.unicodeScalars {
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "'" || scalar == "\"" {
                quote = scalar
            } else if scalar == "\n" {
                lines.append(line(current))
                current = ""
                continue
            }
            current.unicodeScalars.append(scalar)
        }
        lines.append(line(current))
        return lines
    }

    /// One line: how many items of each severity, or that there is no drift.
    func summary(_ assessment: Assessment) -> String {
        let tables = assessment.program.tables.count
        let policies = assessment.program.tables.reduce(0) { $0 + $1.policies.count }
        let postureText = "\(assessment.posture.count) posture finding\(assessment.posture.count == 1 ? "" : "s")"
        let cosmetic = assessment.cosmetic.count
        let cosmeticText = cosmetic == 0 ? "" : " (\(cosmetic) cosmetic change\(cosmetic == 1 ? "" : "s"), not drift)"
        guard !assessment.drift.isEmpty else {
            return
                "no drift: \(tables) table\(tables == 1 ? "" : "s") and \(policies) polic\(policies == 1 ? "y" : "ies") match\(cosmeticText); \(postureText)"
        }
        let counts = DriftSeverity.allCases.filter { $0 != .info }.map { severity in
            "\(assessment.drift.filter { $0.severity == severity }.count) \(severity.rawValue)"
        }
        let count = assessment.drift.count
        let cosmeticCount = cosmetic == 0 ? "" : ", \(cosmetic) cosmetic change\(cosmetic == 1 ? "" : "s") (not drift)"
        return "\(count) drift item\(count == 1 ? "" : "s") (\(counts.joined(separator: ", ")))\(cosmeticCount); \(postureText)"
    }

    private static func paint(_ severity: DriftSeverity, color: Bool) -> String {
        let label = severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
        switch severity {
        case .critical: return Terminal.paint(label, "1;31", enabled: color)
        case .high: return Terminal.paint(label, "31", enabled: color)
        case .warning: return Terminal.paint(label, "33", enabled: color)
        case .info: return Terminal.paint(label, "36", enabled: color)
        }
    }

    // MARK: - JSON

    /// `{"type", "severity", "table", "policy", "description", "expected", "observed", "remediation"}`.
    func json(_ item: DriftItem) -> JSONValue {
        var object: JSONObject = [
            "type": .string(item.type.rawValue),
            "severity": .string(item.severity.rawValue),
            "table": .string(item.table.description),
            "policy": item.policy.map { .string($0) } ?? .null,
            "description": .string(item.description),
            "expected": item.expected.map { .string($0) } ?? .null,
            "observed": item.observed.map { .string($0) } ?? .null,
            "remediation": item.remediation.map { .string($0) } ?? .null,
        ]
        if let witness = item.witness { object["witness"] = AnalyzeCommand.counterexample(witness) }
        if let source = item.source {
            let position = diagnostics.position(source)
            object["file"] = .string(position.file)
            object["line"] = .integer(position.start.line)
            object["column"] = .integer(position.start.column)
        }
        return .object(object)
    }

    /// `{"type", "severity", "role", "table", "description", "remediation"}`.
    func json(_ finding: PostureFinding) -> JSONValue {
        [
            "type": .string(finding.kind.rawValue),
            "severity": .string(finding.severity.rawValue),
            "role": .string(finding.role),
            "table": finding.table.map { .string($0.description) } ?? .null,
            "description": .string(finding.description),
            "remediation": .string(finding.remediation),
            "functions": finding.routines.map { .array($0.securityDefinerFunctions.map { .string($0) }) } ?? .null,
            "triggers": finding.routines.map { .array($0.triggers.map { .string($0) }) } ?? .null,
        ]
    }

    /// `{"drift": [...], "cosmetic": [...], "posture": [...]}` plus what `extra` adds.
    func json(_ assessment: Assessment, extra: JSONObject = [:]) -> JSONValue {
        var object: JSONObject = [
            "drift": .array(assessment.drift.map { json($0) }),
            "cosmetic": .array(assessment.cosmetic.map { json($0) }),
            "posture": .array(assessment.posture.map { json($0) }),
        ]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    // MARK: - CI formats

    /// Drift items (each fails the run: an error, or a warning for a warning item) and posture
    /// findings (which do not: warnings, passed test cases) as CI findings, each in its table's
    /// suite, at the declaring policy when known, else at pgpe.yaml; then the rejected raw SQL.
    func ciFindings(_ assessment: Assessment, diagnostics found: [Diagnostic] = []) -> [CIFinding] {
        var result: [CIFinding] = []
        let fallback = configFile.map { FileLocation(file: $0, range: SourceRange(start: 0, end: 0)) }
        for item in assessment.drift {
            var message = item.description
            if let expected = item.expected { message += "\nexpected: \(expected)" }
            if let observed = item.observed { message += "\nobserved: \(observed)" }
            result.append(
                CIFinding(
                    rule: item.type.diagnosticKind.id, level: item.severity == .warning ? .warning : .error, outcome: .failed,
                    title: "\(item.type.rawValue) (\(item.severity.rawValue)) on \(item.table)", message: message,
                    position: (item.source ?? fallback).map(diagnostics.position), group: item.table.description,
                    name: "\(item.type.rawValue)\(item.policy.map { " \($0)" } ?? "")"))
        }
        for finding in assessment.posture {
            let subject = finding.table.map(\.description) ?? finding.role
            result.append(
                CIFinding(
                    rule: finding.kind.diagnosticKind.id, level: .warning, outcome: .passed,
                    title: "\(finding.kind.rawValue) (\(finding.severity.rawValue)) on \(subject)",
                    message: finding.description + "; " + finding.remediation, position: fallback.map(diagnostics.position),
                    group: "posture", name: "\(finding.kind.rawValue) \(subject)"))
        }
        return result + diagnostics.ciFindings(found)
    }

    // MARK: - SARIF

    /// A SARIF 2.1.0 log: drift items and posture findings as results (`drift.<type>`,
    /// `posture.<kind>`), at the declaring policy when known, else at pgpe.yaml.
    func sarif(_ assessment: Assessment, diagnostics found: [Diagnostic] = []) -> JSONValue {
        var results: [JSONValue] = []
        var rules = Set<DiagnosticKind>()
        for item in assessment.drift + assessment.cosmetic {
            let rule = item.type.diagnosticKind
            rules.insert(rule)
            var properties: JSONObject = [
                "severity": .string(item.severity.rawValue), "table": .string(item.table.description),
            ]
            if let policy = item.policy { properties["policy"] = .string(policy) }
            if let expected = item.expected { properties["expected"] = .string(expected) }
            if let observed = item.observed { properties["observed"] = .string(observed) }
            if let remediation = item.remediation { properties["remediation"] = .string(remediation) }
            var message = item.description
            if let witness = item.witness {
                properties["witness"] = AnalyzeCommand.counterexample(witness)
                message += "; witness: " + ProofDiagnostics.describe(witness)
            }
            results.append(
                result(rule: rule, message: message, source: item.source, properties: properties, severity: Self.level(item.severity)))
        }
        for finding in assessment.posture {
            let rule = finding.kind.diagnosticKind
            rules.insert(rule)
            var properties: JSONObject = ["severity": .string(finding.severity.rawValue), "role": .string(finding.role)]
            if let table = finding.table { properties["table"] = .string(table.description) }
            results.append(
                result(
                    rule: rule, message: finding.description + "; " + finding.remediation,
                    source: nil, properties: properties))
        }
        return diagnostics.sarif(found, extra: results, extraRules: Array(rules))
    }

    /// The diagnostic severity of a drift item's severity (its SARIF level): critical and high
    /// are errors, info (a cosmetic change) a note.
    static func level(_ severity: DriftSeverity) -> Severity {
        switch severity {
        case .critical, .high: return .error
        case .warning: return .warning
        case .info: return .info
        }
    }

    /// A SARIF result of `rule` at `severity`'s level (by default its kind's).
    private func result(
        rule: DiagnosticKind, message: String, source: FileLocation?,
        properties: JSONObject, severity: Severity? = nil
    ) -> JSONValue {
        let level = DiagnosticPrinter.sarifLevel(severity ?? rule.severity)
        let location = source ?? configFile.map { FileLocation(file: $0, range: SourceRange(start: 0, end: 0)) }
        guard let location else {
            return [
                "ruleId": .string(rule.id), "level": .string(level),
                "message": ["text": .string(message)], "properties": .object(properties),
            ]
        }
        guard case .object(var object) = diagnostics.sarifResult(rule: rule, level: level, message: message, location: location)
        else { return .null }
        object["properties"] = .object(properties)
        return .object(object)
    }
}
