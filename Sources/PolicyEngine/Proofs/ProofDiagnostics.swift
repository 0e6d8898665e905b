import PolicyProofs
import PolicySemantics
import PolicySyntax

/// Turns verdicts into diagnostics located at the clause or policy to blame (the language
/// server's proof diagnostics, SARIF), and reports the ungoverned tables coverage finds.
public enum ProofDiagnostics {
    /// Diagnostics for FAILED, UNKNOWN and ACCEPTED verdicts (the last as information with the
    /// `accept:` entry's reason), one per place and message.
    public static func diagnostics(for verdicts: [Verdict], policySet: PolicySet) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen = Set<String>()
        for verdict in verdicts where verdict.status != .proven {
            let kind: DiagnosticKind
            switch verdict.status {
            case .failed: kind = verdict.proof.failedKind
            case .accepted: kind = .proofAccepted
            default: kind = verdict.proof.unknownKind
            }
            let locations =
                verdict.blame.isEmpty ? [fallbackLocation(verdict, policySet: policySet)].compactMap { $0 } : verdict.blame.map(\.location)
            var message = "\(verdict.proof.rawValue) \(verdict.acceptance?.status.rawValue ?? verdict.status.rawValue)"
            message += " on \(verdict.table)"
            if let command = verdict.command { message += " for \(command.rawValue)" }
            if verdict.side == .check { message += " (WITH CHECK)" }
            if verdict.role != PolicySet.publicRole && verdict.role != "*" { message += " as \(verdict.role)" }
            if let reason = verdict.reason { message += ": \(reason)" }
            if let example = verdict.counterexample { message += "; " + describe(example) }
            if let acceptance = verdict.acceptance { message = "accepted (\(acceptance.reason)): " + message }
            for location in locations {
                let key =
                    "\(location.file)|\(location.range)|\(verdict.proof.rawValue)|\(verdict.table)|\(verdict.status.rawValue)|\(verdict.key ?? "")"
                guard seen.insert(key).inserted else { continue }
                result.append(Diagnostic(kind, message: message, location: location))
            }
        }
        return result
    }

    /// Info diagnostics for tables of governed schemas that no policy governs, at their
    /// definitions in the schema file.
    public static func ungoverned(_ policySet: PolicySet) -> [Diagnostic] {
        policySet.ungovernedTables.compactMap { name in
            guard let location = policySet.schema.table(name)?.location else { return nil }
            return Diagnostic(
                .proofCoverageUngoverned,
                message: "table \(name) is in a governed schema but no policy's selector matches it: row-level security stays off",
                location: location)
        }
    }

    /// A short text of a counterexample: the row and each session's keys.
    public static func describe(_ example: Counterexample) -> String {
        let row = example.row.values.sorted { $0.key < $1.key }.filter { !$0.value.isNull }.map { "\($0.key)=\($0.value)" }.joined(
            separator: ", ")
        var text = "row {\(row)}"
        for (index, settings) in example.sessions.enumerated() {
            let keys = settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.map { "'\($0)'" } ?? "unset")" }.joined(
                separator: ", ")
            text += "; session \(index + 1) {\(keys)}"
        }
        return text
    }

    /// Where a verdict without blame is shown: the name of the first policy on its table, else
    /// the table's definition in the schema.
    public static func fallbackLocation(_ verdict: Verdict, policySet: PolicySet) -> FileLocation? {
        if let policy = policySet.policies.first(where: { $0.tables.contains(verdict.table) }) {
            return FileLocation(file: policy.ref.location.file, range: policy.ref.nameRange)
        }
        return policySet.schema.table(verdict.table)?.location
    }
}
