extension Parser {
    /// The order of a policy's sections.
    private enum Stage: Int, Comparable {
        case name = 0
        case kind, commands, roles, selector, using, check

        static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }

        /// What is expected after this stage, for messages.
        var expectation: String {
            switch self {
            case .name: return "'PERMISSIVE' or 'RESTRICTIVE'"
            case .kind: return "'FOR'"
            case .commands: return "'TO' or 'SELECTOR'"
            case .roles: return "'SELECTOR'"
            case .selector: return "'CLAUSE'"
            case .using: return "'AND', 'OR CLAUSE', 'WITH CHECK' or the next item"
            case .check: return "'AND', 'OR CLAUSE' or the next item"
            }
        }
    }

    // MARK: - POLICY

    mutating func parsePolicy() -> PolicyDeclSyntax {
        let keyword = advance()
        var decl = PolicyDeclSyntax(keywordRange: keyword.range)
        skipped = []
        itemHadError = false
        if atName && !atSectionStart {
            decl.name = parseName("a policy name")
        } else {
            reportMissing(.syntaxExpectedPolicyName, "a policy name after 'POLICY'")
        }
        var stage = Stage.name
        sections: while !atEnd && !atItemStart {
            if isKeyword(.or), stage >= .using, keywordAhead(1)?.startsAtom == true {
                advance()
                reportMissing(.syntaxExpectedClause, "'CLAUSE' after 'OR'", insert: " CLAUSE")
                let clause = parseClause(keywordRange: nil, closer: nil)
                if stage == .check {
                    decl.check = (decl.check ?? []) + [clause]
                } else {
                    decl.using.append(clause)
                }
                continue
            }
            guard let keyword = currentKeyword, atSectionStart else {
                if current.kind == .unknown { panicking = true }
                report(.syntaxUnexpectedToken, "expected \(stage.expectation), found \(describe(current))", at: current.range)
                skipToSection()
                continue
            }
            panicking = false
            switch keyword {
            case .permissive, .restrictive:
                if stage >= .kind {
                    report(.syntaxUnexpectedPolicyType, "the policy type must come right after the policy's name", at: current.range)
                }
                let token = advance()
                if decl.kind == nil {
                    decl.kind = keyword == .permissive ? .permissive : .restrictive
                    decl.kindRange = token.range
                }
                stage = max(stage, .kind)
            case .for:
                if stage < .kind {
                    report(
                        .syntaxExpectedPolicyType, "expected 'PERMISSIVE' or 'RESTRICTIVE' before 'FOR'", at: current.range,
                        fixIt: FixIt(
                            title: "insert 'PERMISSIVE'", file: file.path,
                            edits: [TextEdit(range: .empty(at: current.range.start), newText: "PERMISSIVE ")]))
                } else if stage >= .commands {
                    report(.syntaxUnexpectedFor, "'FOR' may appear only once, before 'TO' and 'SELECTOR'", at: current.range)
                }
                let commands = parseCommands()
                if decl.commands == nil { decl.commands = commands }
                stage = max(stage, .commands)
            case .to:
                if stage < .commands {
                    report(.syntaxExpectedFor, "expected 'FOR' before 'TO'", at: current.range)
                } else if stage >= .roles {
                    report(.syntaxUnexpectedTo, "'TO' must come after 'FOR' and before 'SELECTOR'", at: current.range)
                }
                let (roles, range) = parseRoles()
                if decl.rolesRange == nil {
                    decl.roles = roles
                    decl.rolesRange = range
                }
                stage = max(stage, .roles)
            case .selector:
                if stage < .commands {
                    report(.syntaxExpectedFor, "expected 'FOR' before 'SELECTOR'", at: current.range)
                } else if stage >= .selector {
                    report(.syntaxUnexpectedSelector, "a policy has one 'SELECTOR', before its clauses", at: current.range)
                }
                let keywordRange = advance().range
                let selector = parseSelector()
                if decl.selector == nil {
                    decl.selector = selector
                    decl.selectorKeywordRange = keywordRange
                }
                stage = max(stage, .selector)
            case .clause, .or:
                if keyword == .clause, stage >= .using {
                    report(
                        .syntaxExpectedOr, "expected 'OR' before another 'CLAUSE'", at: current.range,
                        fixIt: FixIt(
                            title: "insert 'OR'", file: file.path,
                            edits: [TextEdit(range: .empty(at: current.range.start), newText: "OR ")]))
                } else if keyword == .or, stage < .using {
                    report(.syntaxExpectedClause, "expected 'CLAUSE' before 'OR CLAUSE'", at: current.range)
                } else if stage < .selector {
                    report(.syntaxExpectedSelector, "expected 'SELECTOR' before 'CLAUSE'", at: current.range)
                }
                if keyword == .or { advance() }
                let clauseKeyword = advance().range
                let clause = parseClause(keywordRange: clauseKeyword, closer: nil)
                if stage == .check {
                    decl.check = (decl.check ?? []) + [clause]
                } else {
                    decl.using.append(clause)
                    stage = .using
                }
            case .with:
                if stage < .using {
                    report(.syntaxExpectedClause, "expected 'CLAUSE' before 'WITH CHECK'", at: current.range)
                } else if stage == .check {
                    report(.syntaxUnexpectedWithCheck, "a policy has one 'WITH CHECK' block", at: current.range)
                }
                let with = advance().range
                let check = advance().range
                if decl.checkKeywordRange == nil { decl.checkKeywordRange = with.union(check) }
                stage = .check
                if isKeyword(.clause) && !isInNamePosition(position) {
                    let clauseKeyword = advance().range
                    decl.check = (decl.check ?? []) + [parseClause(keywordRange: clauseKeyword, closer: nil)]
                } else if let keyword = currentKeyword, keyword.startsAtom {
                    reportMissing(.syntaxExpectedClause, "'CLAUSE' after 'WITH CHECK'", insert: " CLAUSE")
                    decl.check = (decl.check ?? []) + [parseClause(keywordRange: nil, closer: nil)]
                } else {
                    reportMissing(.syntaxExpectedClause, "'CLAUSE' after 'WITH CHECK'")
                    decl.check = decl.check ?? []
                }
            default:
                report(.syntaxUnexpectedToken, "expected \(stage.expectation), found \(describe(current))", at: current.range)
                advance()
                skipToSection()
            }
        }
        if stage < .using && !panicking {
            let missing: String
            switch stage {
            case .name: missing = "'PERMISSIVE' or 'RESTRICTIVE'"
            case .kind: missing = "'FOR'"
            case .commands, .roles: missing = "'SELECTOR'"
            default: missing = "'CLAUSE'"
            }
            let what = decl.name.map { "policy '\($0.text)'" } ?? "the policy"
            report(
                .syntaxIncompletePolicy, "expected \(missing): \(what) ends here, found \(describe(current))",
                at: .empty(at: previousEnd))
        }
        decl.range = SourceRange(start: keyword.range.start, end: max(previousEnd, keyword.range.end))
        decl.unexpected = skipped
        decl.hasErrors = itemHadError
        return decl
    }

    /// `FOR ALL` or `FOR command, ...`.
    private mutating func parseCommands() -> CommandListSyntax {
        let forRange = advance().range
        if isKeyword(.all) {
            let all = advance().range
            return CommandListSyntax(isAll: true, entries: [], range: forRange.union(all))
        }
        var entries: [CommandListSyntax.Entry] = []
        var end = forRange
        while true {
            guard let command = currentCommand else {
                reportMissing(.syntaxExpectedCommand, "SELECT, INSERT, UPDATE, DELETE or ALL")
                skipToSection()
                break
            }
            end = advance().range
            entries.append(.init(command: command, range: end))
            if current.kind == .comma {
                advance()
                continue
            }
            if currentCommand != nil {
                reportMissing(.syntaxExpectedComma, "',' between commands", insert: ",")
                continue
            }
            break
        }
        return CommandListSyntax(isAll: false, entries: entries, range: forRange.union(end))
    }

    private var currentCommand: PolicyCommand? {
        switch currentKeyword {
        case .select: return .select
        case .insert: return .insert
        case .update: return .update
        case .delete: return .delete
        default: return nil
        }
    }

    /// `TO role, ...`.
    private mutating func parseRoles() -> ([NameSyntax], SourceRange) {
        let toRange = advance().range
        var roles: [NameSyntax] = []
        var end = toRange
        while true {
            guard atName, !atSectionStart, let role = parseName("a role name") else {
                reportMissing(.syntaxExpectedRole, "a role name")
                skipToSection()
                break
            }
            roles.append(role)
            end = role.range
            if current.kind == .comma {
                advance()
                continue
            }
            break
        }
        return (roles, toRange.union(end))
    }

    // MARK: - GRANT

    mutating func parseGrant() -> GrantDeclSyntax {
        let keyword = advance()
        var grant = GrantDeclSyntax(keywordRange: keyword.range)
        skipped = []
        itemHadError = false
        privileges: while true {
            guard let privilege = currentKeyword.flatMap({ Privilege(rawValue: $0.rawValue) }) else {
                let written = Privilege.written.map(\.rawValue).joined(separator: ", ")
                reportMissing(.syntaxExpectedPrivilege, written + " or " + Privilege.all.rawValue)
                skipToSection()
                break privileges
            }
            grant.privileges.append(.init(privilege: privilege, range: advance().range))
            if current.kind == .comma {
                advance()
            } else {
                break
            }
        }
        if isKeyword(.to) && !isInNamePosition(position) {
            panicking = false
            advance()
            while true {
                guard atName, !atSectionStart, let role = parseName("a role name") else {
                    reportMissing(.syntaxExpectedRole, "a role name")
                    skipToSection()
                    break
                }
                grant.roles.append(role)
                if current.kind == .comma {
                    advance()
                } else {
                    break
                }
            }
        } else {
            reportMissing(.syntaxExpectedTo, "'TO' and the roles to grant to")
            skipToSection()
        }
        if isKeyword(.selector) && !isInNamePosition(position) {
            panicking = false
            grant.selectorKeywordRange = advance().range
            grant.selector = parseSelector()
        } else {
            reportMissing(.syntaxExpectedSelector, "'SELECTOR' in the grant")
        }
        skipToNextItem(after: "the grant's selector")
        grant.range = SourceRange(start: keyword.range.start, end: max(previousEnd, keyword.range.end))
        grant.unexpected = skipped
        grant.hasErrors = itemHadError
        return grant
    }

    // MARK: - GOVERN

    /// `GOVERN SELECTOR selector`.
    mutating func parseGovern() -> GovernDeclSyntax {
        let keyword = advance()
        var govern = GovernDeclSyntax(keywordRange: keyword.range)
        skipped = []
        itemHadError = false
        if isKeyword(.selector) && !isInNamePosition(position) {
            govern.selectorKeywordRange = advance().range
            govern.selector = parseSelector()
        } else {
            reportMissing(.syntaxExpectedSelector, "'SELECTOR' after 'GOVERN'", insert: " SELECTOR")
        }
        skipToNextItem(after: "the selector of GOVERN")
        govern.range = SourceRange(start: keyword.range.start, end: max(previousEnd, keyword.range.end))
        govern.unexpected = skipped
        govern.hasErrors = itemHadError
        return govern
    }

    /// Reports and skips what stands between the end of an item (`what`) and the next item.
    private mutating func skipToNextItem(after what: String) {
        guard !atEnd && !atItemStart else { return }
        report(.syntaxUnexpectedToken, "expected the next item after \(what), found \(describe(current))", at: current.range)
        let start = current.range.start
        var end = start
        repeat { end = advance().range.end } while !atEnd && !atItemStart
        skipped.append(SourceRange(start: start, end: end))
    }
}
