import PolicySyntax

/// Triggers (SPEC 11.11): a trigger's function runs without any EXECUTE check on whoever fires
/// it, so a SECURITY DEFINER one is a way around the policies of the tables it reads.
extension SchemaReaderState {
    /// `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} event [OR
    /// event ...] ON table [...] EXECUTE {FUNCTION | PROCEDURE} function(args)`, after `TRIGGER`;
    /// an event is `INSERT`, `UPDATE [OF columns]`, `DELETE` or `TRUNCATE`.
    mutating func readCreateTrigger(_ cursor: inout SQLCursor, statement: Range<Int>) {
        guard let name = cursor.identifier() else {
            report(.schemaExpected, "expected a trigger name", cursor.currentRange)
            return
        }
        var timing = "AFTER"
        if cursor.accept(word: "before") {
            timing = "BEFORE"
        } else if cursor.accept(words: "instead", "of") {
            timing = "INSTEAD OF"
        } else {
            _ = cursor.accept(word: "after")
        }
        var events = Set<Privilege>()
        while let token = cursor.peek(), !token.isWord("on") {
            switch token.text {
            case "insert" where token.kind == .word: events.insert(.insert)
            case "update" where token.kind == .word: events.insert(.update)
            case "delete" where token.kind == .word: events.insert(.delete)
            case "truncate" where token.kind == .word: events.insert(.truncate)
            default: break
            }
            cursor.advance()
        }
        guard cursor.accept(word: "on"), let relation = cursor.name() else {
            report(.schemaExpected, "expected 'on' and the table of trigger \(name.text)", cursor.currentRange)
            return
        }
        var table = lookupTable(relation, path: searchPath)
        let view = table == nil ? lookupView(relation, path: searchPath) : nil
        if table == nil, view == nil {
            // A table declared later in the file: read the statement again at the end.
            guard let id = tableOrDefer(relation, statement: statement) else { return }
            table = id
        }
        while !cursor.isAtEnd, !cursor.isWord("execute") { cursor.skipGroupOrToken() }
        guard cursor.accept(word: "execute"), cursor.accept(word: "function") || cursor.accept(word: "procedure"),
            let function = cursor.name()
        else {
            report(
                .schemaExpected, "expected 'execute function' and the function of trigger \(name.text)",
                cursor.currentRange)
            return
        }
        // CREATE OR REPLACE TRIGGER replaces the trigger of that name on that table.
        for index in triggers.indices
        where !triggers[index].isDropped && triggers[index].name == name.text && triggers[index].table == table
            && triggers[index].view == view
        {
            triggers[index].isDropped = true
        }
        triggers.append(
            TriggerDraft(
                name: name.text, location: name.range, table: table, view: view, function: function,
                searchPath: searchPath, timing: timing, events: events))
    }

    /// `DROP TRIGGER [IF EXISTS] name ON table [CASCADE | RESTRICT]`.
    mutating func readDropTrigger(_ cursor: inout SQLCursor) {
        _ = cursor.accept(words: "if", "exists")
        guard let name = cursor.identifier(), cursor.accept(word: "on"), let relation = cursor.name() else { return }
        let table = lookupTable(relation, path: searchPath)
        let view = table == nil ? lookupView(relation, path: searchPath) : nil
        guard table != nil || view != nil else { return }
        for index in liveTriggers(on: table, view: view) where triggers[index].name == name.text {
            triggers[index].isDropped = true
        }
    }

    /// `ALTER TABLE ... {DISABLE | ENABLE [REPLICA | ALWAYS]} TRIGGER {name | ALL | USER}`, at
    /// `DISABLE` or `ENABLE`; false (consuming nothing) when the action is another one.
    mutating func readTriggerSwitch(_ cursor: inout SQLCursor, table id: Int) -> Bool {
        let enabled: Bool
        if cursor.isWord("disable"), cursor.isWord("trigger", at: 1) {
            enabled = false
        } else if cursor.isWord("enable"),
            cursor.isWord("trigger", at: 1) || (cursor.isWord("always", at: 1) && cursor.isWord("trigger", at: 2))
        {
            enabled = true
        } else if cursor.isWord("enable"), cursor.isWord("replica", at: 1), cursor.isWord("trigger", at: 2) {
            // Fires only when session_replication_role is replica, which only a superuser sets.
            enabled = false
        } else {
            return false
        }
        while !cursor.isAtEnd, !cursor.isWord("trigger") { cursor.advance() }
        guard cursor.accept(word: "trigger"), let which = cursor.identifier() else { return true }
        // ALL includes the internal triggers of foreign keys; USER does not: both reach every modelled one.
        let every = which.kind == .word && (which.text == "all" || which.text == "user")
        for index in liveTriggers(on: id, view: nil) where every || triggers[index].name == which.text {
            triggers[index].isEnabled = enabled
        }
        return true
    }

    /// The triggers not dropped on a table or view, by index.
    private func liveTriggers(on table: Int?, view: Int?) -> [Int] {
        triggers.indices.filter { !triggers[$0].isDropped && triggers[$0].table == table && triggers[$0].view == view }
    }

    /// The triggers as the model holds them: those on live tables and views, with their
    /// function resolved under the statement's search path.
    func resolvedTriggers() -> [TriggerModel] {
        triggers.compactMap { draft in
            guard !draft.isDropped else { return nil }
            let on: QualifiedName
            if let id = draft.table, !tables[id].isDropped {
                on = tables[id].name
            } else if let id = draft.view, !views[id].isDropped {
                on = views[id].name
            } else {
                return nil
            }
            let function =
                functionIndices(draft.function, path: draft.searchPath).first.map { functions[$0].name }
                ?? QualifiedName(
                    schema: draft.function.schema ?? Self.creationSchema(draft.searchPath), name: draft.function.last)
            return TriggerModel(
                name: draft.name, table: on, function: function, timing: draft.timing, events: Array(draft.events),
                isEnabled: draft.isEnabled, location: FileLocation(file: file.path, range: draft.location))
        }
    }
}
