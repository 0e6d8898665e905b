import Foundation
import JSON
import PolicyEngine
import PolicyProofs
import PolicySemantics
import PolicySyntax

/// `pgpe diff`'s output: text, JSON (deterministic: no timings) and Markdown (a pull-request
/// comment: a summary line, a table per changed table, each witness as small tables).
struct DiffReport {
    /// The comparison (nil when the check found errors).
    let diff: AccessDiff?
    /// How the base is named (`HEAD`, the directory).
    let base: String
    /// Places of blame.
    let printer: DiagnosticPrinter

    private static let kinds = AccessChange.Kind.allCases

    private func count(_ kind: AccessChange.Kind) -> Int { diff?.changes(kind).count ?? 0 }

    /// "2 added, 1 removed, 40 unchanged, 0 unknown".
    private var counts: String {
        DiffReport.kinds.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
    }

    private static func side(_ side: EffectivePredicate.Side) -> String { side == .using ? "USING" : "WITH CHECK" }

    private static func values(_ row: Counterexample.Row) -> String {
        row.values.sorted { $0.key < $1.key }.filter { !$0.value.isNull }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    /// "policy p, policies/a.policy:3:1", per blamed clause.
    private func clauses(_ change: AccessChange) -> [String] {
        (change.verdict?.blame ?? []).filter { !$0.location.file.isEmpty }.map { blame in
            let position = printer.position(blame.location)
            return "policy \(blame.policy), \(position.file):\(position.start.line):\(position.start.column)"
        }
    }

    // MARK: - Text

    func text(color: Bool, verbose: Bool) -> String {
        guard let diff else { return "" }
        var lines: [String] = []
        for change in diff.changes where verbose || change.kind != .unchanged {
            let label: String
            switch change.kind {
            case .added: label = Terminal.paint("ADDED    ", "1;31", enabled: color)
            case .removed: label = Terminal.paint("REMOVED  ", "36", enabled: color)
            case .unchanged: label = Terminal.paint("UNCHANGED", "32", enabled: color)
            case .unknown: label = Terminal.paint("UNKNOWN  ", "33", enabled: color)
            }
            var line = "\(label) \(change.table) \(change.command.rawValue) \(DiffReport.side(change.side)) role=\(change.role)"
            if let reason = change.reason { line += ": \(reason)" }
            lines.append(line)
            if let example = change.witness {
                lines.append("    witness: " + ProofDiagnostics.describe(example))
                for row in example.witnesses {
                    lines.append("    \(row.role) of session \(row.session ?? 0) in \(row.table): {\(DiffReport.values(row))}")
                }
            }
            let verb = change.kind == .added ? "admitted now by" : "admitted before by"
            for clause in clauses(change) where change.kind == .added || change.kind == .removed {
                lines.append("    \(verb) \(clause)")
            }
        }
        lines.append(
            String(
                format: "compared with %@: %@ on %d tables (%.0f ms, %d queries)", base, counts,
                Set(diff.changes.map(\.table)).count, diff.milliseconds, diff.queries))
        return lines.joined(separator: "\n")
    }

    // MARK: - CI

    /// The changes as CI findings (`--format github` and `junit`): one per table × command ×
    /// role × side, grouped by table. Added access is an error when it fails the run
    /// (`--fail-on new-access`), else a warning; removed access is a notice; unknown a warning
    /// (a skipped test case); unchanged passes without an annotation. An annotation sits on the
    /// current clause that admits the added row; removed access, whose clause is in the base
    /// revision, has no place in the working tree.
    func ciFindings(failsOnNewAccess: Bool) -> [CIFinding] {
        guard let diff else { return [] }
        return diff.changes.map { change in
            let subject = "\(change.command.rawValue) \(DiffReport.side(change.side)) on \(change.table) for \(change.role)"
            var message = change.reason ?? subject
            if let example = change.witness { message += "\nwitness: " + ProofDiagnostics.describe(example) }
            let clauses = clauses(change)
            if !clauses.isEmpty {
                message += "\n" + (change.kind == .added ? "admitted now by " : "admitted before by ") + clauses.joined(separator: "; ")
            }
            let level: CIFinding.Level?
            let outcome: CIFinding.Outcome
            switch change.kind {
            case .added: (level, outcome) = (failsOnNewAccess ? .error : .warning, failsOnNewAccess ? .failed : .passed)
            case .removed: (level, outcome) = (.notice, .passed)
            case .unknown: (level, outcome) = (.warning, .skipped)
            case .unchanged: (level, outcome) = (nil, .passed)
            }
            let place = change.kind == .added ? change.verdict?.blame.first { !$0.location.file.isEmpty }?.location : nil
            return CIFinding(
                rule: "diff.\(change.kind.rawValue)", level: level, outcome: outcome, title: "\(change.kind.rawValue) access: \(subject)",
                message: message, position: place.map(printer.position), group: change.table.description,
                name: "\(change.command.rawValue) \(DiffReport.side(change.side)) \(change.role)")
        }
    }

    // MARK: - JSON

    func json() -> JSONObject {
        var object: JSONObject = ["base": .string(base)]
        guard let diff else {
            object["changes"] = .array([])
            return object
        }
        var summary = JSONObject()
        for kind in DiffReport.kinds { summary[kind.rawValue] = .integer(count(kind)) }
        summary["tables"] = .integer(Set(diff.changes.map(\.table)).count)
        summary["addsAccess"] = .bool(diff.addsAccess)
        object["summary"] = .object(summary)
        object["changes"] = .array(
            diff.changes.map { change in
                var entry: JSONObject = [
                    "kind": .string(change.kind.rawValue),
                    "table": .string(change.table.description),
                    "command": .string(change.command.rawValue),
                    "role": .string(change.role),
                    "predicate": .string(change.side.rawValue),
                ]
                entry["witness"] = change.witness.map(AnalyzeCommand.counterexample) ?? .null
                entry["reason"] = change.reason.map { .string($0) } ?? .null
                entry["clauses"] = .array(
                    (change.verdict?.blame ?? []).filter { !$0.location.file.isEmpty }.map {
                        AnalyzeCommand.blame($0, printer: printer)
                    })
                return .object(entry)
            })
        return object
    }

    // MARK: - Markdown

    /// Text made literal in CommonMark, inside a line (a GFM table cell, a paragraph after its
    /// start): the characters that start emphasis, code, links, HTML, entities or cells
    /// backslash-escaped, line breaks as spaces.
    static func literal(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                result += " "
            } else if "\\`*_[]<>|&~#!".unicodeScalars.contains(scalar) {
                result += "\\" + String(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text as a CommonMark code span that a GFM table cell keeps whole: fenced by one backtick
    /// more than its longest run, padded when it starts or ends with a backtick, `|` escaped.
    static func code(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        var body = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "|", with: "\\|")
        if body.hasPrefix("`") || body.hasSuffix("`") || body.hasPrefix(" ") { body = " " + body + " " }
        return body.isEmpty ? "` `" : fence + body + fence
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        var lines = ["| " + header.map(literal).joined(separator: " | ") + " |"]
        lines.append("|" + String(repeating: " --- |", count: header.count))
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines
    }

    func markdown(diagnostics: Int) -> String {
        var lines = ["## pgpe diff against " + DiffReport.literal(base), ""]
        guard let diff else {
            lines.append("**Not compared**: the check found \(diagnostics) problems; run `pgpe check`.")
            return lines.joined(separator: "\n") + "\n"
        }
        let headline =
            diff.addsAccess
            ? "**Access added**"
            : count(.removed) > 0 ? "**Access removed only**" : count(.unknown) > 0 ? "**Not decided**" : "**No access changes**"
        lines.append(headline + ": " + DiffReport.literal(counts) + ".")
        for table in diff.changedTables {
            let changes = diff.changes.filter { $0.table == table && $0.kind != .unchanged }
            lines += ["", "### " + DiffReport.literal(table.description), ""]
            lines += DiffReport.table(
                ["Change", "Command", "Role", "Side", "Clause"],
                changes.map { change in
                    let detail = change.kind == .unknown ? (change.reason ?? "") : clauses(change).joined(separator: "; ")
                    return [
                        change.kind.rawValue, change.command.rawValue, DiffReport.literal(change.role), DiffReport.side(change.side),
                        DiffReport.literal(detail),
                    ]
                })
            for change in changes {
                guard let example = change.witness else { continue }
                lines += [
                    "",
                    "**Witness, \(change.kind.rawValue)**: "
                        + DiffReport.literal(
                            "\(change.command.rawValue) \(DiffReport.side(change.side)) as \(change.role)"),
                    "",
                ]
                lines += DiffReport.table(
                    ["Column of \(example.row.table)", "Value"],
                    example.row.values.sorted { $0.key < $1.key }.filter { !$0.value.isNull }.map {
                        [DiffReport.literal($0.key), DiffReport.code($0.value.description)]
                    })
                for (index, settings) in example.sessions.enumerated() where !settings.isEmpty {
                    lines.append("")
                    lines += DiffReport.table(
                        ["Setting of session \(index + 1)", "Value"],
                        settings.sorted { $0.key < $1.key }.map {
                            [DiffReport.literal($0.key), $0.value.map { DiffReport.code(SQLValue.text($0).description) } ?? "unset"]
                        })
                }
                for row in example.witnesses {
                    lines.append("")
                    lines += DiffReport.table(
                        ["Column of \(row.table) (\(row.role), session \(row.session ?? 0))", "Value"],
                        row.values.sorted { $0.key < $1.key }.filter { !$0.value.isNull }.map {
                            [DiffReport.literal($0.key), DiffReport.code($0.value.description)]
                        })
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
