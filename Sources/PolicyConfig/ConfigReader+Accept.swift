import PolicySyntax
import Yams

extension ConfigReader {
    /// `accept:` (SPEC 11.8): a list of `{proof, tables, commands, roles, reason}` entries for
    /// verdicts and `{finding, object, tables, reason}` entries for the findings of SPEC 11.11. An
    /// entry with an error is one diagnostic at its line and is left out (so it accepts nothing
    /// and is never reported stale as well).
    mutating func readAccept(_ entry: ConfigEntry) {
        guard case .sequence(let items) = entry.value else {
            reportWrongType(
                entry, expected: "a list of {proof, tables, commands, roles, reason} or {finding, object, tables, reason} entries")
            return
        }
        for (index, item) in items.enumerated() {
            if let accepted = acceptEntry(item, path: "\(entry.path)[\(index)]", keyRange: entry.keyRange) {
                config.accept.append(accepted)
            }
        }
    }

    /// One `accept:` entry, or `nil` (reported) when it has an error.
    private mutating func acceptEntry(_ item: Node, path: String, keyRange: SourceRange) -> AcceptEntry? {
        guard item.mapping != nil else {
            reportWrongType(item, path: path, keyRange: keyRange, expected: "a map with 'proof' (or 'finding') and 'reason'")
            return nil
        }
        let itemRange = valueRange(item, keyRange: keyRange)
        var proofs: [String]?
        var findings: [String]?
        var object: String?
        var tables: (selector: SelectorSyntax, text: String)?
        var commands: [PolicyCommand]?
        var roles: [String]?
        var reason: String?
        var sawReason = false
        var valid = true
        for field in entries(of: item, path: path, allowed: ConfigReader.acceptKeys) {
            switch field.name {
            case "proof":
                proofs = acceptedProofs(field)
                if proofs == nil { valid = false }
            case "finding":
                findings = acceptedFindings(field)
                if findings == nil { valid = false }
            case "object":
                guard let value = string(field, expected: "the object the finding is about, schema-qualified (a LIKE pattern)")
                else {
                    valid = false
                    continue
                }
                object = nonEmpty(value, path: field.path, what: "object")
                if object == nil { valid = false }
            case "tables":
                let errors = diagnostics.count(where: { $0.severity == .error })
                tables = selector(field)
                if tables == nil || diagnostics.count(where: { $0.severity == .error }) > errors { valid = false }
            case "commands":
                commands = acceptedCommands(field)
                if commands == nil { valid = false }
            case "roles":
                roles = acceptedRoles(field)
                if roles == nil { valid = false }
            case "reason":
                sawReason = true
                guard let value = string(field, expected: "the reason the finding is accepted") else {
                    valid = false
                    continue
                }
                reason = nonEmpty(value, path: field.path, what: "reason")
                if reason == nil { valid = false }
            default:
                break
            }
        }
        if valid, let conflict = acceptConflict(proofs: proofs, findings: findings, object: object, commands: commands, roles: roles) {
            report(.configInvalidValue, "'\(path)' \(conflict)", at: itemRange)
            return nil
        }
        if proofs == nil, findings == nil, valid {
            report(
                .configMissingKey,
                "'\(path)' needs 'proof' (the id of the proof whose verdicts it accepts) or 'finding' (the id of a sidechannel.* or performance.* finding)",
                at: itemRange)
            return nil
        }
        if !sawReason, valid {
            report(.configMissingKey, "'\(path)' needs 'reason': why the finding is accepted (reviewers read it)", at: itemRange)
            return nil
        }
        guard valid, let reason else { return nil }
        return AcceptEntry(
            proofs: proofs ?? [], findings: findings ?? [], object: object, tables: tables?.selector, tablesText: tables?.text ?? "ALL",
            commands: commands, roles: roles,
            reason: reason, location: location(itemRange))
    }

    /// `proof:`: one id or a list of ids of the proof catalogue; `nil` (reported) when one is unknown.
    private mutating func acceptedProofs(_ field: ConfigEntry) -> [String]? {
        guard let values = nonEmptyList(field, item: "proof id") else { return nil }
        var proofs: [String] = []
        for value in values {
            guard ProofCatalog.isKnown(value.text) else {
                let suggestion = Suggestions.closest(to: value.text, among: ProofCatalog.knownIDs)
                let hint =
                    suggestion.map { "; did you mean '\($0)'?" } ?? "; expected one of \(ProofCatalog.knownIDs.joined(separator: ", "))"
                report(
                    .configUnknownProof, "unknown proof \(value.quoted) in '\(field.path)', so the entry accepts nothing\(hint)",
                    at: value.range,
                    fixIt: suggestion.flatMap { value.usesVariables ? nil : replacement(of: value.text, at: value.range, with: $0) })
                return nil
            }
            proofs.append(value.text)
        }
        return proofs
    }

    /// Why an entry's keys do not go together, or `nil`: `proof:` and `finding:` exclude each
    /// other, `object:` belongs to findings and `commands:`/`roles:` to verdicts.
    private func acceptConflict(
        proofs: [String]?, findings: [String]?, object: String?, commands: [PolicyCommand]?, roles: [String]?
    ) -> String? {
        if proofs != nil, findings != nil {
            return "has both 'proof' and 'finding'; an entry accepts either proof verdicts or findings, so split it in two"
        }
        if proofs != nil, object != nil { return "has 'object', which only a 'finding' entry takes" }
        if findings != nil, commands != nil || roles != nil {
            return
                "has '\(commands != nil ? "commands" : "roles")', which only a 'proof' entry takes; a 'finding' entry takes object and tables"
        }
        return nil
    }

    /// `finding:`: one id or a list of ids of acceptable kinds (`sidechannel.*`,
    /// `performance.*`); `nil` (reported) when one is not.
    private mutating func acceptedFindings(_ field: ConfigEntry) -> [String]? {
        guard let values = nonEmptyList(field, item: "finding id") else { return nil }
        let known = AcceptEntry.acceptableFindings
        var findings: [String] = []
        for value in values {
            guard known.contains(value.text) else {
                let suggestion = Suggestions.closest(to: value.text, among: known)
                let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "; expected one of \(known.joined(separator: ", "))"
                report(
                    .configUnknownFinding,
                    "'\(field.path)' names \(value.quoted), which is no finding accept: can accept, so the entry accepts nothing\(hint)",
                    at: value.range,
                    fixIt: suggestion.flatMap { value.usesVariables ? nil : replacement(of: value.text, at: value.range, with: $0) })
                return nil
            }
            if !findings.contains(value.text) { findings.append(value.text) }
        }
        return findings
    }

    /// `commands:`: one command or a list (SELECT, INSERT, UPDATE, DELETE, in any case); `nil`
    /// (reported) when one is not a command.
    private mutating func acceptedCommands(_ field: ConfigEntry) -> [PolicyCommand]? {
        guard let values = nonEmptyList(field, item: "command") else { return nil }
        var commands: [PolicyCommand] = []
        for value in values {
            guard let command = PolicyCommand(rawValue: value.text.uppercased()) else {
                let allowed = PolicyCommand.allCases.map(\.rawValue)
                let hint = Suggestions.closest(to: value.text.uppercased(), among: allowed).map { "; did you mean '\($0)'?" } ?? ""
                report(
                    .configInvalidValue,
                    "'\(field.path)' must list commands (\(allowed.joined(separator: ", "))), found \(value.quoted)\(hint)",
                    at: value.range)
                return nil
            }
            if !commands.contains(command) { commands.append(command) }
        }
        return commands
    }

    /// `roles:`: one role name or a list; `nil` (reported) when one is empty.
    private mutating func acceptedRoles(_ field: ConfigEntry) -> [String]? {
        guard let values = nonEmptyList(field, item: "role name") else { return nil }
        var roles: [String] = []
        for value in values {
            guard let name = nonEmpty(value, path: field.path, what: "role name") else { return nil }
            if !roles.contains(name) { roles.append(name) }
        }
        return roles
    }

    /// A string or a non-empty list of strings; `nil` (reported once) otherwise.
    private mutating func nonEmptyList(_ field: ConfigEntry, item: String) -> [ConfigString]? {
        let before = diagnostics.count
        let values = stringList(field, item: item, allowSingle: true)
        guard diagnostics.count == before else { return nil }
        guard !values.isEmpty else {
            report(
                .configInvalidValue, "'\(field.path)' lists no \(item); leave the key out to mean all",
                at: valueRange(field.value, keyRange: field.keyRange))
            return nil
        }
        return values
    }
}
