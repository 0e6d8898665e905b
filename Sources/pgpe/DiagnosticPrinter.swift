import Foundation
import JSON
import PolicyEngine
import PolicySyntax

/// Renders diagnostics as text (`file:line:col: error[code]: message`), JSON (the documented
/// contract) or SARIF 2.1.0, with 1-based positions and paths relative to the working directory.
struct DiagnosticPrinter {
    /// A diagnostic's position for people.
    struct Position {
        var file: String
        var start: LineColumn
        var end: LineColumn
    }

    let sources: (String) -> SourceFile?

    init(snapshot: WorkspaceSnapshot) {
        self.sources = { snapshot.sourceFile($0) }
    }

    init(sources: @escaping (String) -> SourceFile?) {
        self.sources = sources
    }

    func position(_ location: FileLocation) -> Position {
        let file = Terminal.relative(location.file)
        guard let source = sources(location.file) else {
            return Position(file: file, start: LineColumn(line: 1, column: 1), end: LineColumn(line: 1, column: 1))
        }
        return Position(file: file, start: source.position(of: location.range.start), end: source.position(of: location.range.end))
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            if $0.location.file != $1.location.file { return $0.location.file < $1.location.file }
            if $0.range != $1.range { return $0.range < $1.range }
            return $0.id < $1.id
        }
    }

    // MARK: - Text

    func text(_ diagnostics: [Diagnostic], color: Bool) -> String {
        var lines: [String] = []
        for diagnostic in DiagnosticPrinter.sorted(diagnostics) {
            let position = self.position(diagnostic.location)
            let severity: String
            switch diagnostic.severity {
            case .error: severity = Terminal.paint("error", "1;31", enabled: color)
            case .warning: severity = Terminal.paint("warning", "1;33", enabled: color)
            case .info: severity = Terminal.paint("info", "1;36", enabled: color)
            case .hint: severity = Terminal.paint("hint", "1;36", enabled: color)
            }
            lines.append(
                "\(Terminal.inert(position.file)):\(position.start.line):\(position.start.column): \(severity)[\(diagnostic.id)]: \(Terminal.inert(diagnostic.message))"
            )
            for note in diagnostic.notes {
                let at = self.position(note.location)
                lines.append("  \(Terminal.inert(at.file)):\(at.start.line):\(at.start.column): note: \(Terminal.inert(note.message))")
            }
            for fix in diagnostic.fixIts {
                lines.append("  help: \(fix.title)")
            }
        }
        return lines.joined(separator: "\n")
    }

    func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    // MARK: - JSON

    /// `file`, `line`, `column`, `endLine` and `endColumn` of `location` (1-based), the members
    /// every JSON output uses for a place.
    func jsonPlace(_ location: FileLocation) -> JSONObject {
        let position = self.position(location)
        return [
            "file": .string(position.file),
            "line": .integer(position.start.line),
            "column": .integer(position.start.column),
            "endLine": .integer(position.end.line),
            "endColumn": .integer(position.end.column),
        ]
    }

    /// A diagnostic as JSON: its place, severity, code and message; its notes (each a place and a
    /// message, e.g. the policies a side channel bypasses) when it has any; and, for an accepted
    /// finding, `"accepted": {reason, file, line}`.
    func json(_ diagnostic: Diagnostic) -> JSONValue {
        var object = jsonPlace(diagnostic.location)
        object["severity"] = .string(diagnostic.severity.rawValue)
        object["code"] = .string(diagnostic.id)
        object["message"] = .string(diagnostic.message)
        if !diagnostic.notes.isEmpty {
            object["notes"] = .array(
                diagnostic.notes.map { note in
                    var member = jsonPlace(note.location)
                    member["message"] = .string(note.message)
                    return .object(member)
                })
        }
        if let acceptance = diagnostic.acceptance {
            let at = self.position(acceptance.location)
            object["accepted"] = [
                "reason": .string(acceptance.reason), "file": .string(at.file), "line": .integer(at.start.line),
            ]
        }
        return .object(object)
    }

    /// The diagnostics (sorted) as a JSON array, each with the members `extra` adds.
    func json(_ diagnostics: [Diagnostic], extra: (Diagnostic) -> JSONObject = { _ in [:] }) -> JSONValue {
        .array(
            DiagnosticPrinter.sorted(diagnostics).map { diagnostic in
                guard case .object(var object) = json(diagnostic) else { return json(diagnostic) }
                for (key, value) in extra(diagnostic) { object[key] = value }
                return .object(object)
            })
    }

    // MARK: - CI formats

    /// The annotation level of a severity.
    static func ciLevel(_ severity: Severity) -> CIFinding.Level {
        switch severity {
        case .error: return .error
        case .warning: return .warning
        case .info, .hint: return .notice
        }
    }

    /// The diagnostics (sorted) as CI findings: one test case each in its file's suite, failed
    /// when it fails the run (`failing`: an error, unless the command says otherwise), and then
    /// an error annotation.
    func ciFindings(_ diagnostics: [Diagnostic], failing: (Diagnostic) -> Bool = { $0.severity == .error }) -> [CIFinding] {
        DiagnosticPrinter.sorted(diagnostics).map { diagnostic in
            let position = self.position(diagnostic.location)
            let fails = failing(diagnostic)
            return CIFinding(
                rule: diagnostic.id, level: fails ? .error : DiagnosticPrinter.ciLevel(diagnostic.severity),
                outcome: fails ? .failed : .passed, title: diagnostic.id, message: diagnostic.message,
                position: position, group: position.file,
                name: "\(diagnostic.id) at \(position.start.line):\(position.start.column)")
        }
    }

    // MARK: - SARIF

    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "note"
        }
    }

    /// A SARIF result of `rule` at its kind's default level.
    func sarifResult(rule: DiagnosticKind, message: String, location: FileLocation) -> JSONValue {
        sarifResult(rule: rule, level: DiagnosticPrinter.sarifLevel(rule.severity), message: message, location: location)
    }

    /// A SARIF result of `rule` at `level` (a diagnostic's own severity, which may be an exception
    /// its kind documents).
    func sarifResult(rule: DiagnosticKind, level: String, message: String, location: FileLocation) -> JSONValue {
        [
            "ruleId": .string(rule.id),
            "level": .string(level),
            "message": ["text": .string(message)],
            "locations": [sarifLocation(location)],
        ]
    }

    /// A SARIF `location`: file and region (1-based), with a message when it is a related place.
    func sarifLocation(_ location: FileLocation, message: String? = nil) -> JSONValue {
        let position = self.position(location)
        var object: JSONObject = [
            "physicalLocation": [
                "artifactLocation": ["uri": .string(position.file)],
                "region": [
                    "startLine": .integer(position.start.line),
                    "startColumn": .integer(position.start.column),
                    "endLine": .integer(position.end.line),
                    "endColumn": .integer(position.end.column),
                ],
            ]
        ]
        if let message { object["message"] = ["text": .string(message)] }
        return .object(object)
    }

    /// A diagnostic as a SARIF result; its notes (e.g. the policies a side channel bypasses) are
    /// its `relatedLocations`.
    func sarifResult(_ diagnostic: Diagnostic) -> JSONValue {
        // An accepted finding keeps its kind's level (its severity is information).
        let level = DiagnosticPrinter.sarifLevel(diagnostic.acceptance == nil ? diagnostic.severity : diagnostic.kind.severity)
        let result = sarifResult(rule: diagnostic.kind, level: level, message: diagnostic.message, location: diagnostic.location)
        guard !diagnostic.notes.isEmpty, case .object(var object) = result else { return result }
        object["relatedLocations"] = .array(diagnostic.notes.map { sarifLocation($0.location, message: $0.message) })
        return .object(object)
    }

    /// The SARIF rule metadata of `kind`, from the diagnostic catalogue.
    static func sarifRule(_ kind: DiagnosticKind) -> JSONValue {
        [
            "id": .string(kind.id),
            "shortDescription": ["text": .string(kind.summary)],
            "defaultConfiguration": ["level": .string(sarifLevel(kind.severity))],
            "helpUri": .string(kind.helpURI),
        ]
    }

    /// A SARIF 2.1.0 log with one run whose results are the diagnostics plus `extra` results,
    /// and whose rules are the kinds of both (`extraRules`), described by the catalogue. An
    /// accepted finding keeps its kind's level and carries a suppression with the entry's reason;
    /// `baselineState` gives a diagnostic's state against a baseline, when there is one.
    func sarif(
        _ diagnostics: [Diagnostic], extra: [JSONValue] = [], extraRules: [DiagnosticKind] = [],
        baselineState: (Diagnostic) -> String? = { _ in nil }
    ) -> JSONValue {
        var results: [JSONValue] = DiagnosticPrinter.sorted(diagnostics).map { diagnostic in
            let result = sarifResult(diagnostic)
            guard case .object(var object) = result else { return result }
            if let acceptance = diagnostic.acceptance {
                object["suppressions"] = [["kind": "external", "justification": .string(acceptance.reason)]]
            } else if let state = baselineState(diagnostic) {
                object["baselineState"] = .string(state)
            }
            return .object(object)
        }
        results.append(contentsOf: extra)
        var kinds = Set(diagnostics.map(\.kind))
        kinds.formUnion(extraRules)
        let rules: [JSONValue] = kinds.sorted { $0.id < $1.id }.map(DiagnosticPrinter.sarifRule)
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "pgpe",
                            "version": .string(PGPEVersion.string),
                            "informationUri": .string(DiagnosticCatalog.projectURL),
                            "rules": .array(rules),
                        ]
                    ],
                    "results": .array(results),
                ]
            ],
        ]
    }
}
